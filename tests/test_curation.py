"""Curation: validated whole, every problem reported at once with its line."""

from __future__ import annotations

import pytest

from generator.build import unmatched_curation
from generator.curation import Verdict, parse_curation
from generator.errors import InputError
from generator.model import Document, Mention, Role, Span


def problems(text: str, **kwargs) -> list[str]:
    with pytest.raises(InputError) as caught:
        parse_curation(text, path="curation.yml", **kwargs)
    return [str(p) for p in caught.value.problems]


def test_valid_curation_is_parsed_with_entry_lines():
    curation = parse_curation(
        "people:\n  - same: [Ann Lee, Anne Lee]\n    reason: same person\n  - not_a_person: Camp Ashraf\n"
        "    reason: a place\n",
        path="curation.yml",
    )
    (judgement,) = curation.pairs
    assert (judgement.names, judgement.verdict, judgement.source_line) == (("Ann Lee", "Anne Lee"), Verdict.SAME, 2)
    assert curation.person_names() == [("Ann Lee", 2), ("Anne Lee", 2), ("Camp Ashraf", 4)]


def test_unknown_keys_at_every_level_are_all_reported_at_once():
    text = (
        "sgements: []\n"
        "people:\n"
        "  - same: [A B, C D]\n"
        "    reasn: typo\n"
        "segments:\n"
        "  - {document: a.txt, line: 1, titel: x, reason: r}\n"
    )
    assert problems(text, documents={"a.txt": 5}) == [
        "curation.yml: unknown key 'sgements'; expected one of: people, segments",
        "curation.yml:6: unknown key 'titel'; expected one of: date, document, join, kind, language, line, outlet, "
        "reason, split, title",
        "curation.yml:3: unknown key 'reasn'; expected one of: canonical, different, display, not_a_person, "
        "reason, same",
        "curation.yml:3: every entry needs a 'reason' saying why",
    ]


def test_invalid_yaml_names_the_line():
    assert problems("people:\n  - same: [A, B\n") == [
        "curation.yml:3: invalid YAML: expected ',' or ']', but got '<stream end>'"
    ]


def test_curation_that_is_not_a_mapping_is_an_error():
    assert problems("- same: [A, B]\n") == ["curation.yml:1: expected a mapping with the keys 'segments' and 'people'"]


def test_bad_values_name_what_was_expected():
    text = (
        "people:\n"
        "  - {same: [Only One], reason: r}\n"
        "  - {same: [Same, Same], reason: r}\n"
        "  - {same: [A B, C D], different: [A B, C D], reason: r}\n"
        "segments:\n"
        "  - {document: a.txt, line: 0, reason: r}\n"
        "  - {document: a.txt, line: 2, kind: essay, reason: r}\n"
    )
    assert problems(text, documents={"a.txt": 5}) == [
        "curation.yml:6: 'line' must be a positive line number, got 0",
        "curation.yml:7: unknown kind 'essay'; expected one of: article, letter, interview, listing, navigation, other",
        "curation.yml:2: 'same' takes a list of two names, got ['Only One']",
        "curation.yml:3: a pair needs two different names, got 'Same' twice",
        "curation.yml:4: each entry takes exactly one of: same, different, not_a_person, canonical, settle",
    ]


def mention(text: str) -> Mention:
    return Mention("person", Role.MENTION, "a1", Span("d", 1, 0, len(text), text), text, 0)


def test_curation_naming_a_person_no_document_mentions_is_a_warning_with_its_line():
    curation = parse_curation(
        "people:\n"
        "  - {same: [Ann Lee, Anne Lee], reason: r}\n"
        "  - {canonical: Dr. Bob Stone, display: Bob Stone, reason: r}\n"
        "  - {not_a_person: Nobody Here, reason: r}\n",
        path="content/curation.yml",
    )
    warnings = unmatched_curation(curation, [mention("ANN LEE"), mention("Bob Stone's")], [document("No one.")])
    assert [str(w) for w in warnings] == [
        "content/curation.yml:2: 'Anne Lee' matches no person named in the documents; check the spelling",
        "content/curation.yml:4: 'Nobody Here' matches no person named in the documents; check the spelling",
    ]


def test_a_rejected_name_that_occurs_in_the_text_is_matched_though_it_is_never_a_mention():
    curation = parse_curation("people:\n  - {not_a_person: Camp Liberty, reason: r}\n", path="content/curation.yml")
    assert unmatched_curation(curation, [], [document("They moved to Camp Liberty in 2012.")]) == []
    assert len(unmatched_curation(curation, [], [document("They moved in 2012.")])) == 1


def document(text: str) -> Document:
    return Document("d", "content/documents/d.txt", "0" * 64, (text,), "d")


def test_a_settle_entry_is_parsed_and_its_names_are_checked_against_the_mentions():
    curation = parse_curation(
        "people:\n"
        "  - {settle: Khodabandeh, document: 002_x.txt, line: 93, person: Massoud Khodabandeh, reason: he signs}\n",
        path="curation.yml",
        documents={"002_x.txt": 100},
    )
    (settled,) = curation.settled
    assert (settled.name, settled.document, settled.line, settled.person) == (
        "Khodabandeh",
        "002_x.txt",
        93,
        "Massoud Khodabandeh",
    )
    assert curation.person_names() == [("Khodabandeh", 2), ("Massoud Khodabandeh", 2)]


def test_every_problem_of_a_settle_entry_is_reported_with_its_line():
    text = (
        "people:\n"
        "  - {settle: Anne Khodabandeh, document: 002_x.txt, line: 93, person: Anne Khodabandeh, reason: r}\n"
        "  - {settle: Khodabandeh, document: 009_y.txt, line: 3, person: Anne, reason: r}\n"
        "  - {settle: Khodabandeh, document: 002_x.txt, line: 200, person: Anne Khodabandeh, display: x}\n"
    )
    assert problems(text, documents={"002_x.txt": 100}) == [
        "curation.yml:2: 'settle' takes a bare name of one word, got 'Anne Khodabandeh'",
        "curation.yml:3: no document named '009_y.txt' in content/documents/",
        "curation.yml:3: 'person' takes the person's full name, got 'Anne'",
        "curation.yml:4: unknown key 'display'; expected one of: document, line, person, reason, settle",
        "curation.yml:4: every entry needs a 'reason' saying why",
        "curation.yml:4: 002_x.txt has only 100 lines, not 200",
    ]
