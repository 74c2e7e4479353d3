"""Extraction and resolution quality on one hand-annotated document (tests/fixtures/people_000.yml)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.resolve import person_key

FIXTURE = Path(__file__).parent / "fixtures" / "people_000.yml"


def score_people(corpus: dict, gold: dict) -> dict:
    """Entity-level precision and recall of people named in one document, and wrong merges."""
    found = [p for p in corpus["people"] if any(m["document"] == gold["document"] for m in p["mentions"])]
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


def score_outlets(corpus: dict, gold: dict) -> dict:
    found = {o["id"] for o in corpus["outlets"] if any(m["document"] == gold["document"] for m in o["mentions"])}
    expected = set(gold["outlets"])
    return {"precision": len(found & expected) / len(found), "recall": len(found & expected) / len(expected)}


@pytest.mark.slow
def test_people_of_the_annotated_document_are_found_precisely_without_wrong_merges(corpus_data):
    scores = score_people(corpus_data, yaml.safe_load(FIXTURE.read_text(encoding="utf-8")))
    assert scores["wrong_merges"] == []
    assert scores["precision"] >= 0.95, scores
    assert scores["recall"] >= 0.85, scores


@pytest.mark.slow
def test_outlets_of_the_annotated_document_are_found_under_their_list_ids(corpus_data):
    scores = score_outlets(corpus_data, yaml.safe_load(FIXTURE.read_text(encoding="utf-8")))
    assert scores["precision"] >= 0.95, scores
    assert scores["recall"] >= 0.95, scores
