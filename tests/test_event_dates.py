"""Event dates: the sentences that state a full calendar date, read in English and Albanian."""

from __future__ import annotations

import unicodedata
from dataclasses import replace

from generator.model import Paragraph
from generator.render.event_dates import dated_sentences, dates_in, is_dateline, readable

from .dated_corpus import dated_corpus


def dates(text: str) -> list[tuple[str, str]]:
    return [(text[start:end], value) for start, end, value in dates_in(text)]


def test_a_full_date_is_read_in_english_and_albanian_in_any_order():
    assert dates("On 6 January 2018, police came.") == [("6 January 2018", "2018-01-06")]
    assert dates("On January 6, 2018 police came.") == [("January 6, 2018", "2018-01-06")]
    assert dates("Më 12 korrik 2019 policia erdhi.") == [("12 korrik 2019", "2019-07-12")]
    assert dates("Më 6 janarit 2018 erdhën.") == [("6 janarit 2018", "2018-01-06")]
    assert dates("incidentin e 22 marsit 2018, kur") == [("22 marsit 2018", "2018-03-22")]
    assert dates("deri më 12 korrikut 2019.") == [("12 korrikut 2019", "2019-07-12")]
    assert dates("On 06.01.2018 they came.") == [("06.01.2018", "2018-01-06")]
    assert dates("the 6th of November 2019 in Missouri") == [("6th of November 2019", "2019-11-06")]


def test_a_month_without_a_day_or_an_impossible_date_is_not_a_full_date():
    assert dates("In January 2018 police came.") == []
    assert dates("On 31 February 2018 police came.") == []
    assert dates("Case 30.02.2018 was closed.") == []
    assert dates("On 6 Mayday 2018 they met.") == []


def test_invisible_characters_are_read_as_the_text_means_them_and_offsets_stay_the_lines():
    text = "On 6\u00a0Jan\u00aduary 2018, police came."
    assert dates(text) == [("6\u00a0Jan\u00aduary 2018", "2018-01-06")]


def test_a_sentence_that_is_little_more_than_its_date_is_a_dateline():
    assert is_dateline("Tirana, 6 January 2018", 8, 22)
    assert is_dateline("Published: Jan. 6, 2018", 11, 23)
    assert not is_dateline("On 6 January 2018, police entered the camp.", 3, 17)


def test_dated_sentences_quote_the_sentence_verbatim_and_skip_the_articles_own_date_line():
    first, second, third = dated_corpus().articles
    found = dated_sentences(first)
    assert [(s.line, s.sentence, s.date) for s in found] == [
        (3, "On 5 January 2018, the police entered the camp near Manëz.", "2018-01-05"),
        (4, "Jane Doe said the raid began on 5 January 2018 at dawn.", "2018-01-05"),
    ]
    assert all(s.sentence[s.date_start - s.start : s.date_end - s.start] == "5 January 2018" for s in found)
    assert [s.sentence for s in dated_sentences(second)] == ["Më 12 korrik 2019 policia hyri\u00a0në kampin e Manzës."]
    assert dated_sentences(third) == []


def test_the_line_an_articles_publication_date_was_read_from_is_not_an_event():
    first = dated_corpus().articles[0]
    dated_on_line_3 = replace(first, date=replace(first.date, line=3))
    assert [s.line for s in dated_sentences(dated_on_line_3)] == [4]
    without_headline = replace(
        first, headline_line=None, paragraphs=[Paragraph(9, "On 1 May 2019 x happened there.", "en")]
    )
    assert [s.date for s in dated_sentences(without_headline)] == ["2019-05-01"]
    assert dated_sentences(replace(without_headline, headline_line=9)) == []


def test_every_invisible_or_unusual_space_character_is_read_as_the_text_means_it():
    odd = [chr(c) for c in range(0x10000) if unicodedata.category(chr(c)) in ("Cf", "Zs") and chr(c) != " "]
    for ch in odd:
        assert readable(f"a{ch}b") in (("ab", [0, 2]), ("a b", [0, 1, 2])), hex(ord(ch))
    assert readable("plain text") == ("plain text", range(10))
