"""Extraction and resolution quality on one hand-annotated document (tests/fixtures/people_000.yml)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.names import person_key

FIXTURE = Path(__file__).parent / "fixtures" / "people_000.yml"
#: A second document, annotated before the issue-4 rule changes (its articles shared with 000 count too).
FIXTURE_001 = Path(__file__).parent / "fixtures" / "people_001.yml"


def in_document(corpus: dict, entity: dict, document: str, *, occurrences: bool) -> bool:
    """Whether an entity is named in a document.

    A mention records the document of its article's first occurrence; with ``occurrences``,
    an article that also stands (deduplicated) in ``document`` counts there too.
    """
    if not occurrences:
        return any(m["document"] == document for m in entity["mentions"])
    here = {a["id"] for a in corpus["articles"] if any(o["document"] == document for o in a["occurrences"])}
    return any(m["document"] == document or m["article"] in here for m in entity["mentions"])


def score_people(corpus: dict, gold: dict, *, occurrences: bool = False) -> dict:
    """Entity-level precision and recall of people named in one document, and wrong merges."""
    found = [p for p in corpus["people"] if in_document(corpus, p, gold["document"], occurrences=occurrences)]
    spellings = [{person_key(s) for s in entry} for entry in gold["people"]]
    matched_gold: set[int] = set()
    correct, merges = 0, []
    for person in found:
        names = {person_key(person["name"])} | {person_key(a) for a in person["aliases"]}
        hits = [i for i, entry in enumerate(spellings) if entry & names]
        correct += bool(hits)
        matched_gold |= set(hits)
        if len(hits) > 1:
            merges.append(person["name"])
    return {
        "precision": correct / len(found) if found else 1.0,
        "recall": len(matched_gold) / len(spellings),
        "wrong_merges": merges,
        "missed": sorted(e[0] for i, e in enumerate(gold["people"]) if i not in matched_gold),
        "extra": sorted(
            p["name"]
            for p in found
            if not ({person_key(p["name"])} | {person_key(a) for a in p["aliases"]}) & set().union(*spellings)
        ),
    }


def score_outlets(corpus: dict, gold: dict, *, occurrences: bool = False) -> dict:
    found = {o["id"] for o in corpus["outlets"] if in_document(corpus, o, gold["document"], occurrences=occurrences)}
    expected = set(gold["outlets"])
    return {
        "precision": len(found & expected) / len(found) if found else 1.0,
        "recall": len(found & expected) / len(expected),
        "missed": sorted(expected - found),
        "extra": sorted(found - expected),
    }


@pytest.mark.slow
def test_people_of_the_annotated_document_are_found_precisely_without_wrong_merges(corpus_data):
    scores = score_people(corpus_data, yaml.safe_load(FIXTURE.read_text(encoding="utf-8")))
    assert scores["wrong_merges"] == []
    assert scores["precision"] >= 0.95, scores
    assert scores["recall"] >= 0.95, scores


@pytest.mark.slow
def test_outlets_of_the_annotated_document_are_found_under_their_list_ids(corpus_data):
    scores = score_outlets(corpus_data, yaml.safe_load(FIXTURE.read_text(encoding="utf-8")))
    assert scores["precision"] >= 0.95, scores
    assert scores["recall"] >= 0.95, scores


@pytest.mark.slow
def test_people_of_the_second_annotated_document_are_found_precisely_without_wrong_merges(corpus_data):
    scores = score_people(corpus_data, yaml.safe_load(FIXTURE_001.read_text(encoding="utf-8")), occurrences=True)
    assert scores["wrong_merges"] == []
    assert scores["precision"] >= 0.95, scores
    assert scores["recall"] >= 0.95, scores


@pytest.mark.slow
def test_outlets_of_the_second_annotated_document_are_found(corpus_data):
    scores = score_outlets(corpus_data, yaml.safe_load(FIXTURE_001.read_text(encoding="utf-8")), occurrences=True)
    assert scores["precision"] >= 0.95, scores
    assert scores["recall"] >= 0.95, scores


def test_score_people_counts_a_wrong_merge_and_an_extra():
    gold = {"document": "d", "people": [["Maryam Rajavi"], ["Massoud Rajavi"]]}
    mention = {"document": "d", "article": "a"}
    corpus = {
        "articles": [],
        "people": [
            {"name": "Maryam Rajavi", "aliases": ["Maryam Rajavi", "Massoud Rajavi"], "mentions": [mention]},
            {"name": "Camp Ashraf", "aliases": ["Camp Ashraf"], "mentions": [mention]},
        ],
    }
    scores = score_people(corpus, gold)
    assert scores["wrong_merges"] == ["Maryam Rajavi"]
    assert (scores["precision"], scores["recall"], scores["extra"]) == (0.5, 1.0, ["Camp Ashraf"])


# -- generic news: the same rules on text that is not ours, with no curation ----------

GENERIC = Path(__file__).parent / "fixtures" / "generic_news.yml"
#: Written and annotated before the issue-4 rule changes (its errors then guided them).
HELDOUT = Path(__file__).parent / "fixtures" / "generic_news_heldout.yml"
#: Written after the issue-4 rules and scored once: the unseen-text measure.
HELDOUT2 = Path(__file__).parent / "fixtures" / "generic_news_heldout2.yml"
#: Sports reports, clubs named like people: a known weak spot, measured, not yet a bar.
SPORT = Path(__file__).parent / "fixtures" / "generic_news_sport.yml"


def generic_corpus(fixture: Path) -> tuple[list[dict], dict, list]:
    """A generic set's entries, and each paragraph as a document of its own holding one article."""
    from generator.model import Article, Document, Kind, Occurrence, Paragraph

    entries = yaml.safe_load(fixture.read_text(encoding="utf-8"))["paragraphs"]
    documents, articles = {}, []
    for number, entry in enumerate(entries):
        doc_id = f"g{number:02d}"
        text = " ".join(entry["text"].split())
        documents[doc_id] = Document(doc_id, f"{doc_id}.txt", "0" * 64, (text,), doc_id)
        paragraph = Paragraph(1, text, "en")
        articles.append(Article(doc_id, None, True, Kind.ARTICLE, "en", [Occurrence(doc_id, 1, 1)], [paragraph]))
    return entries, documents, articles


def generic_news_people(nlp, fixture: Path = GENERIC) -> list[tuple[list[list[str]], list[list[str]]]]:
    """Per paragraph of a generic set: (gold spellings, spellings of each person found).

    Every paragraph is a document of its own; extract and resolve run over them all
    at once, as in a build, with no outlets and no curation.
    """
    from generator.curation import Curation
    from generator.extract import extract
    from generator.resolve.people import resolve_people

    entries, documents, articles = generic_corpus(fixture)
    mentions = extract(articles, documents, nlp=nlp, outlets=[], curation=None)
    people = resolve_people([m for m in mentions if m.entity_kind == "person"], Curation())
    results = []
    for number, entry in enumerate(entries):
        doc_id = f"g{number:02d}"
        found = []
        for person in (p for p in people if not p.is_disambiguation):  # an entry for a bare name, not a person
            here = sorted({m.span.text for m in person.mentions if m.span.document == doc_id})
            if here:
                found.append([person.name, *here])
        results.append((entry["people"], found))
    return results


def score_generic(results: list[tuple[list[list[str]], list[list[str]]]]) -> dict:
    """Micro-averaged person precision, recall and F1 over the paragraphs, with the errors."""
    found_total = correct = gold_total = gold_hit = 0
    missed, extra = [], []
    for gold, found in results:
        gold_keys = [{person_key(s) for s in entry} for entry in gold]
        hit: set[int] = set()
        for spellings in found:
            keys = {person_key(s) for s in spellings}
            matches = [i for i, entry in enumerate(gold_keys) if entry & keys]
            correct += bool(matches)
            hit |= set(matches)
            if not matches:
                extra.append(spellings[0])
        found_total += len(found)
        gold_total += len(gold)
        gold_hit += len(hit)
        missed += [entry[0] for i, entry in enumerate(gold) if i not in hit]
    precision = correct / found_total if found_total else 1.0
    recall = gold_hit / gold_total
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "missed": missed, "extra": extra}


def score_generic_outlets(nlp, fixture: Path) -> dict:
    """Outlets named in a generic set's paragraphs (its ``outlets`` key): precision, recall, F1, errors.

    Run as ``generic_news_people`` runs (every paragraph a document, one extract over them all),
    with NO outlet list and no curation, so every outlet must be found from the text alone.
    A found spelling is the text of a mention whose entity_kind is "outlet"; it matches a gold
    outlet when it equals one of its spellings, ignoring case and spaces. Precision counts the
    distinct spellings found in each paragraph, recall the gold outlets matched by any of them.
    """
    from generator.extract import extract

    def key(spelling: str) -> str:
        return "".join(spelling.casefold().split())

    entries, documents, articles = generic_corpus(fixture)
    mentions = [
        m for m in extract(articles, documents, nlp=nlp, outlets=[], curation=None) if m.entity_kind == "outlet"
    ]
    found_total = correct = gold_total = gold_hit = 0
    missed, extra = [], []
    for number, entry in enumerate(entries):
        doc_id = f"g{number:02d}"
        found = {key(m.span.text): m.span.text for m in mentions if m.span.document == doc_id}
        gold = [{key(s) for s in spellings} for spellings in entry.get("outlets") or []]
        hit = {i for i, spellings in enumerate(gold) if spellings & found.keys()}
        matched = {k for k in found if any(k in spellings for spellings in gold)}
        found_total += len(found)
        correct += len(matched)
        gold_total += len(gold)
        gold_hit += len(hit)
        missed += [f"{doc_id}: {entry['outlets'][i][0]}" for i in range(len(gold)) if i not in hit]
        extra += [f"{doc_id}: {found[k]}" for k in sorted(found.keys() - matched)]
    precision = correct / found_total if found_total else 1.0
    recall = gold_hit / gold_total if gold_total else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "missed": missed, "extra": extra}


def test_people_in_generic_news_are_found_without_curation(nlp):
    scores = score_generic(generic_news_people(nlp))
    assert scores["f1"] >= 0.95, scores


def test_people_in_held_out_generic_news_are_found_without_curation(nlp):
    """Written before the issue-4 rules and never tuned on: before them P 0.870 R 0.839 F1 0.855."""
    scores = score_generic(generic_news_people(nlp, HELDOUT))
    assert scores["precision"] >= 0.95, scores
    assert scores["f1"] >= 0.9, scores


def test_people_in_the_second_held_out_news_set_are_found_without_curation(nlp):
    """Written after the issue-4 rules: before them P 0.953 R 0.889 F1 0.920."""
    scores = score_generic(generic_news_people(nlp, HELDOUT2))
    assert scores["precision"] >= 0.9, scores
    assert scores["f1"] >= 0.9, scores


def test_people_and_outlets_of_the_third_held_out_set_keep_their_precision(nlp):
    """Written before the issue-15 rules and never tuned on: before them people P 0.924 R 0.929, outlets R 0.195."""
    heldout3 = Path(__file__).parent / "fixtures" / "generic_news_heldout3.yml"
    people = score_generic(generic_news_people(nlp, heldout3))
    assert people["precision"] >= 0.93 and people["f1"] >= 0.93, people
    outlets = score_generic_outlets(nlp, heldout3)
    assert outlets["precision"] >= 0.95 and outlets["recall"] >= 0.8, outlets


def test_bare_names_seen_once_are_people_when_they_act_without_losing_precision(nlp):
    """Held out from the issue-15 resolve rules: before them P 1.000 R 0.118."""
    scores = score_generic(
        generic_news_people(nlp, Path(__file__).parent / "fixtures" / "generic_news_bare_heldout.yml")
    )
    assert scores["precision"] >= 0.95 and scores["recall"] >= 0.35, scores


if __name__ == "__main__":  # python -m tests.test_people_fixture: print the generic-news scores
    from generator.extract import load_nlp

    nlp = load_nlp()
    for fixture in (GENERIC, HELDOUT, HELDOUT2, SPORT):
        print(fixture.name, score_generic(generic_news_people(nlp, fixture)))
    heldout3 = Path(__file__).parent / "fixtures" / "generic_news_heldout3.yml"  # issue 15, never tuned on
    print(heldout3.name, "people", score_generic(generic_news_people(nlp, heldout3)))
    print(heldout3.name, "outlets", score_generic_outlets(nlp, heldout3))
