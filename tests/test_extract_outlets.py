"""Outlets named in running text: by the words around them (issue 15) and by the shipped well-known list."""

from __future__ import annotations

import pytest

from generator.extract import extract
from generator.model import Article, Document, Kind, Occurrence, OutletRecord, Paragraph


def outlets_in(nlp, text: str, outlets: list[OutletRecord] = ()) -> list[str]:
    """The outlet spellings extract finds in one English paragraph, with no curation."""
    document = Document("doc", "doc.txt", "0" * 64, (text,), "Doc")
    article = Article("art", "T", True, Kind.ARTICLE, "en", [Occurrence("doc", 1, 1)], [Paragraph(1, text, "en")])
    mentions = extract([article], {"doc": document}, nlp=nlp, outlets=list(outlets), curation=None)
    return [m.span.text for m in mentions if m.entity_kind == "outlet"]


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("Finance officials told the daily Zorbanet that the plan was sound.", "Zorbanet"),
        ("The claim first appeared in the Karvosh newspaper last week.", "Karvosh"),
        ("The Plovani Herald’s correspondent was expelled on Monday.", "Plovani Herald"),
        ("A reporter for Vostrel Courier was detained at the border.", "Vostrel Courier"),
        ("Dranovia Press reported that the talks had stalled.", "Dranovia Press"),
    ],
)
def test_a_name_is_an_outlet_when_a_medium_word_stands_next_to_it(nlp, text, outlet):
    assert outlet in outlets_in(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Tesla reported a loss for the quarter.",
        "The Health Ministry reported that cases had risen.",
        "He posted the video on the website Twitter.",
        "The Iranian newspaper said nothing.",
    ],
)
def test_companies_ministries_platforms_and_nationalities_are_not_outlets(nlp, text):
    assert outlets_in(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("Talks had stalled, according to the US’s Wall Street Journal.", "Wall Street Journal"),
        ("The match was shown on Italy’s RAI and discussed by the Danish Dagens Naeringsliv.", "Dagens Naeringsliv"),
        ("The minister told the Financial Times in an interview.", "Financial Times"),
    ],
)
def test_well_known_outlets_are_found_without_a_maintained_list(nlp, text, outlet):
    assert outlet in outlets_in(nlp, text)


def test_a_well_known_name_running_into_a_longer_name_is_not_that_outlet(nlp):
    assert outlets_in(nlp, "A fellow of The Observer Research Foundation spoke first.") == []


def test_the_maintained_list_wins_over_the_well_known_one(nlp):
    listed = [OutletRecord("abc-news-albania", "ABC News Albania", "tv", aliases=("ABC News",))]
    assert outlets_in(nlp, "She told ABC News on Friday.", listed) == ["ABC News"]


@pytest.mark.parametrize(
    ("name", "medium"),
    [("Zorbanet", True), ("Lapsi.al", True), ("US State Department", False), ("John Smith", False)],
)
def test_a_source_cited_with_a_date_is_a_medium_unless_a_person_or_another_organisation(name, medium):
    from generator.extract.outlet_mentions import is_cited_medium

    assert is_cited_medium(name) is medium


def test_a_name_before_an_aside_naming_a_medium_is_an_outlet(nlp):
    assert "Vorbis" in outlets_in(nlp, "Vorbis, a Swiss weekly magazine, said so.")
    assert outlets_in(nlp, "Apple, the company, said so.") == []


def test_outlets_of_the_outlet_tuning_set_are_found_from_the_text_alone(nlp):
    """tests/fixtures/generic_news_outlets.yml, written for issue 15: before its rules P 1.000 R 0.133."""
    from pathlib import Path

    from tests.test_people_fixture import score_generic_outlets

    scores = score_generic_outlets(nlp, Path(__file__).parent / "fixtures" / "generic_news_outlets.yml")
    assert scores["precision"] >= 0.95, scores
    assert scores["recall"] >= 0.9, scores


def test_a_peoples_word_before_a_medium_noun_is_no_outlet(nlp):
    assert outlets_in(nlp, "It was picked up by the Slovak daily Pravda.") == ["Pravda"]
