"""The held-out speech fixture (issue 14) is consistent, and its scorer scores what it should.

These tests check the annotation and the scorer only; they do not score the generator
(that is ``python -m tests.fixtures.speech.score SITE_DIR``, reported by hand).
"""

from __future__ import annotations

import yaml

from tests.fixtures.speech.score import EXPECTED, check_annotation, score


def _expected() -> dict:
    return yaml.safe_load(EXPECTED.read_text(encoding="utf-8"))


def _first(value):
    return value if isinstance(value, str) else value[0]


def _perfect_corpus(expected: dict) -> dict:
    """A corpus.json that attributes every annotated statement and short name as annotated."""
    people: dict[str, dict] = {}

    def entity(name: str, kind: str | None = None) -> dict:
        key = f"{kind}:{name}"
        if key not in people:
            people[key] = {"id": key, "name": name, "aliases": [name], "mentions": []}
            if kind:
                people[key]["kind"] = kind
        return people[key]

    documents = []
    for f, rows in expected.items():
        doc = f.rsplit(".", 1)[0].replace("_", "-")
        documents.append({"id": doc, "source": f"documents/{f}"})
        for row in rows.get("speakers") or []:
            who = entity(row["text"], "disambiguation") if row["speaker"] is None else entity(_first(row["speaker"]))
            who["mentions"].append(
                {
                    "document": doc,
                    "line": row["line"],
                    "text": who["name"],
                    "role": "speaker",
                    "speech": {"line": row["line"], "start": 0, "end": 1},
                }
            )
        for row in rows.get("short_names") or []:
            who = entity(row["text"], "disambiguation") if row["person"] is None else entity(_first(row["person"]))
            who["aliases"].append(row["text"])
            who["mentions"].append({"document": doc, "line": row["line"], "text": row["text"], "role": "mention"})
    return {"documents": documents, "people": list(people.values())}


def test_annotation_matches_the_documents():
    assert check_annotation(_expected()) == []


def test_a_perfect_corpus_scores_one_and_an_empty_one_zero():
    expected = _expected()
    result = score(_perfect_corpus(expected), expected)
    assert result["speakers"]["precision"] == result["speakers"]["recall"] == 1.0
    names = result["short_names"]
    assert names["wrong"] == 0 and names["resolved"] == names["resolvable"]
    assert names["to_disambiguation"] == names["unresolvable"]
    empty = score({"documents": [], "people": []}, expected)
    assert empty["speakers"]["recall"] == 0.0 and empty["short_names"]["not_found"] == empty["short_names"]["annotated"]


def test_a_short_name_given_to_one_bearer_is_wrong_when_the_text_does_not_settle_it():
    expected = _expected()
    corpus = _perfect_corpus(expected)
    for person in corpus["people"]:
        if person.get("kind") == "disambiguation":
            person.pop("kind")  # every unsettled "Kola" / "Vogt" now sits under one person
    result = score(corpus, expected)
    assert result["short_names"]["wrong"] == result["short_names"]["unresolvable"]
    assert result["speakers"]["precision"] < 1.0
