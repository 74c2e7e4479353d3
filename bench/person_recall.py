"""Where person recall is lost: raw spaCy PERSON entities against our extract + resolve, on the generic news sets.

For each set: precision, recall and F1 of the raw model (every distinct PERSON text of a
paragraph counts as one person found) and of our pipeline (scored as
tests/test_people_fixture.py scores it). With ``--losses``, lists each gold person the raw
model finds but our pipeline misses, with the stage that drops it: ``extract`` (no person
mention of that spelling leaves extract) or ``resolve`` (extract found it, resolve left it out).
Only the summary line is printed for held-out sets (never tune on them).

Usage: ``python bench/person_recall.py [--losses] [FIXTURE.yml ...]`` from the worktree root.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.curation import Curation  # noqa: E402
from generator.extract import extract, load_nlp  # noqa: E402
from generator.model import Article, Document, Kind, Occurrence, Paragraph  # noqa: E402
from generator.names import person_key  # noqa: E402
from generator.resolve.people import resolve_people  # noqa: E402
from tests.test_people_fixture import score_generic  # noqa: E402

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
SETS = ["generic_news.yml", "generic_news_sport.yml", "generic_news_bare_names.yml"]
HELDOUT = ["generic_news_heldout.yml", "generic_news_heldout2.yml", "generic_news_heldout3.yml"]


def run(nlp, fixture: Path) -> dict:
    """Raw and pipeline results per paragraph, and the spellings extract passed on."""
    entries = yaml.safe_load(fixture.read_text(encoding="utf-8"))["paragraphs"]
    documents, articles, raw = {}, [], []
    for number, entry in enumerate(entries):
        doc_id = f"g{number:02d}"
        text = " ".join(entry["text"].split())
        documents[doc_id] = Document(doc_id, f"{doc_id}.txt", "0" * 64, (text,), doc_id)
        articles.append(
            Article(doc_id, None, True, Kind.ARTICLE, "en", [Occurrence(doc_id, 1, 1)], [Paragraph(1, text, "en")])
        )
        names = sorted({e.text for e in nlp(text).ents if e.label_ == "PERSON"})
        raw.append((entry["people"], [[n] for n in names]))
    mentions = [
        m for m in extract(articles, documents, nlp=nlp, outlets=[], curation=None) if m.entity_kind == "person"
    ]
    people = resolve_people(mentions, Curation())
    ours, extracted = [], []
    for number, entry in enumerate(entries):
        doc_id = f"g{number:02d}"
        found = []
        for person in (p for p in people if not p.is_disambiguation):
            here = sorted({m.span.text for m in person.mentions if m.span.document == doc_id})
            if here:
                found.append([person.name, *here])
        ours.append((entry["people"], found))
        extracted.append({person_key(m.span.text) for m in mentions if m.span.document == doc_id})
    return {"raw": raw, "ours": ours, "extracted": extracted}


def losses(result: dict) -> list[str]:
    """Gold people the raw model finds and we miss, each with the stage that drops it."""
    lines = []
    for number, ((gold, raw_found), (_, found), extracted) in enumerate(
        zip(result["raw"], result["ours"], result["extracted"], strict=True)
    ):
        raw_keys = {person_key(n[0]) for n in raw_found}
        our_keys = {person_key(s) for spellings in found for s in spellings}
        for entry in gold:
            keys = {person_key(s) for s in entry}
            if keys & raw_keys and not keys & our_keys:
                stage = "resolve" if keys & extracted else "extract"
                lines.append(f"  g{number:02d} {stage:8} {entry[0]}")
    return lines


def summary(scores: dict) -> str:
    return f"P {scores['precision']:.3f} R {scores['recall']:.3f} F1 {scores['f1']:.3f}"


def main(argv: list[str]) -> None:
    show = "--losses" in argv
    names = [a for a in argv if not a.startswith("--")] or SETS + HELDOUT
    nlp = load_nlp()
    for name in names:
        path = FIXTURES / name if not Path(name).exists() else Path(name)
        result = run(nlp, path)
        raw, ours = score_generic(result["raw"]), score_generic(result["ours"])
        print(f"{path.name:32} raw {summary(raw)} | ours {summary(ours)}")
        if show and path.name not in HELDOUT:
            lost = losses(result)
            stages = [line.split()[1] for line in lost]
            print(f"  lost {len(lost)}: extract {stages.count('extract')}, resolve {stages.count('resolve')}")
            print("\n".join(lost))
            print("  extra:", ours["extra"])


if __name__ == "__main__":
    main(sys.argv[1:])
