"""Line shapes and boundary rules, each alone, on a few words of text."""

from __future__ import annotations

import pytest

from generator.language import LanguageDetector
from generator.model import Document
from generator.segment import boundaries as b
from generator.segment import line_patterns as p
from generator.segment.credit_lines import Credits
from generator.segment.line_shapes import LineTable, line_table
from generator.segment.navigation import navigation_block

TEXT = "The council met on Tuesday and agreed the new rules for the harbour after a long debate."
"""A paragraph: it ends like a sentence and is long enough to be running text."""


def table(*lines: str) -> LineTable:
    document = Document(id="d", source="content/documents/d.txt", sha256="0", lines=lines, title="t")
    return line_table(document, LanguageDetector(), Credits())


@pytest.mark.parametrize("line", ["12 March 2019", "Sept. 3, 2018, 10:45 GMT", "03.04.2019"])
def test_a_date_alone_is_a_dateline(line):
    assert table(line).rows[0].dateline


def test_a_marker_with_a_title_after_it_is_a_marker_with_rest():
    row = table("Also read: Harbour rules delayed").rows[0]
    assert row.nav_marker and row.nav_marker_rest


@pytest.mark.parametrize(("line", "expected"), [("Dear friends,", True), ("Dearest friends,", False)])
def test_a_letter_opens_with_a_whole_salutation_word(line, expected):
    assert bool(p.LETTER_OPENING.match(line)) is expected


def test_a_row_is_immutable():
    row = table("Harbour rules delayed").rows[0]
    with pytest.raises(AttributeError):
        row.headline = False  # type: ignore[misc]


def test_end_attribution_after_running_text_gives_its_credits():
    t = table(TEXT, "BY Jane Miller,")
    credits = b.end_attribution(t, 1, {}, frozenset())
    assert [c.span.text for c in credits] == ["Jane Miller"]


def test_end_attribution_is_not_a_byline_under_a_headline():
    t = table("Harbour rules delayed", "BY Jane Miller")
    assert b.end_attribution(t, 1, {}, frozenset()) is None


def test_end_attribution_after_an_earlier_ending_counts_as_after_text():
    t = table("Harbour rules delayed", "Jane Miller, Daily News")
    assert b.end_attribution(t, 1, {}, frozenset()) is None
    assert b.end_attribution(t, 1, {0: ()}, frozenset()) is not None


def test_signature_lines_are_the_short_lines_after_a_closing():
    t = table(TEXT, "Yours sincerely,", "Jane Miller", "Tirana", TEXT)
    assert b.signature_lines(t) == {2, 3}


def test_a_lone_name_between_paragraphs_is_a_signature_name():
    assert b.is_signature_name(table(TEXT, "Jane Miller", TEXT), 1, frozenset())


def test_a_title_case_heading_whose_word_the_text_uses_is_no_signature_name():
    t = table(TEXT, "Council Rules", TEXT)
    assert not b.is_signature_name(t, 1, frozenset())


def test_headed_start_is_the_headline_over_a_dateline():
    t = table(TEXT, "Harbour rules delayed", "12 March 2019", TEXT)
    assert b.headed_start(t, 2, {}, frozenset()) == 1


def test_headed_start_needs_text_under_the_dateline():
    t = table(TEXT, "Harbour rules delayed", "12 March 2019", "Photo")
    assert b.headed_start(t, 2, {}, frozenset()) is None


def test_second_headline_needs_an_article_worth_above():
    headline = "Library opens in the old railway station with thousands of books"
    assert b.second_headline(table("Harbour", TEXT, TEXT, TEXT, headline, TEXT), 4, 0)
    assert not b.second_headline(table("Harbour", TEXT, headline, TEXT), 2, 0)


def test_a_header_only_run_opens_the_article_after_it():
    t = table("12 March 2019", "Harbour rules delayed", TEXT)
    assert b.without_header_only(t, {0, 1}) == {0}


def test_an_also_read_block_runs_to_its_link_line():
    t = table(TEXT, "Also read:", "Harbour rules delayed", "Link to the source", TEXT)
    assert navigation_block(t, 1)[0] == (1, 3)


def test_find_boundaries_records_each_ending_once():
    found = b.find_boundaries(table(TEXT, TEXT, "BY Jane Miller,", "Harbour rules delayed", TEXT))
    assert found.starts == {0, 3}
    assert list(found.ends) == [2]


@pytest.mark.parametrize(
    "line", ["Publikuar më 12 shkurt 2022, ora 10:45", "2020-07-14", "Posted on June 2nd, 2021 by X"]
)
def test_iso_and_published_dates_are_datelines(line):
    assert table(line).rows[0].dateline


def test_an_albanian_dated_line_is_a_source_line():
    assert table("Durrës, 10 nëntor 2020").rows[0].source_dated


def test_a_dateline_between_running_text_starts_a_piece_without_headline():
    t = table(TEXT, TEXT, "Tirana, 5 July 2019", TEXT)
    assert b.dated_start(t, 2) and 2 in b.find_boundaries(t).starts


def test_a_dated_source_line_after_running_text_still_closes_the_piece_above():
    t = table("Harbour rules delayed", TEXT, TEXT, "Radio Farda, February 25 2019")
    assert not b.dated_start(t, 3)
