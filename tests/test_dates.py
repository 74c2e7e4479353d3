"""Publication dates, source URLs and teasers (issue 13): one short test per rule."""

from __future__ import annotations

from generator.curation import Curation, SegmentOverride
from generator.model import Article, DateSource, Document, Kind, Occurrence, Paragraph
from generator.segment.article_dates import stated_date, stated_source_url
from generator.segment.dates import read_dates
from generator.teasers import date_corpus

BODY = "The council met for three hours and heard the families, who had waited outside since the early morning."


def document(lines: list[str], doc_id: str = "doc") -> Document:
    return Document(doc_id, f"content/documents/{doc_id}.txt", "", tuple(lines), "t")


def article(lines: list[str], *, headline: int | None = 1, kind: Kind = Kind.ARTICLE, doc_id: str = "doc") -> Article:
    numbers = [n for n, text in enumerate(lines, 1) if text.strip()]
    return Article(
        id=f"{doc_id}-a",
        title=lines[0] if headline else None,
        title_derived=headline is None,
        kind=kind,
        language="en",
        occurrences=[Occurrence(doc_id, numbers[0], numbers[-1])],
        paragraphs=[Paragraph(n, lines[n - 1], "en") for n in numbers],
        headline_line=headline,
    )


def date_of(lines: list[str], **kwargs) -> tuple[str | None, int | None, list]:
    found, warnings = stated_date(article(lines, **kwargs), document(lines))
    return (found.value if found else None), (found.line if found else None), warnings


def values(text: str) -> list[str | None]:
    return [r.value for r in read_dates(text)]


def test_english_month_names_at_day_precision():
    assert values("Posted on January 3rd, 2021 by Ana Vata") == ["2021-01-03"]
    assert values("Radio Farda, February 25 2019") == ["2019-02-25"]


def test_albanian_month_names_with_and_without_diacritics():
    assert values("Publikuar më 12 shkurt 2022, ora 10:45") == ["2022-02-12"]
    assert values("Durrës, 10 nentor 2020") == ["2020-11-10"]


def test_numeric_dates_are_day_first_and_iso_is_read_as_iso():
    assert values("Shkruar nga Ana Vata | 05.04.2020") == ["2020-04-05"]
    assert values("Outlet · 2020-07-14") == ["2020-07-14"]


def test_month_only_keeps_month_precision():
    assert values("March 2019 issue") == ["2019-03"]


def test_year_only_counts_only_at_the_end_of_a_credit_line():
    assert [r.value for r in read_dates("Ledger Press, 2019", year_alone=True)] == ["2019"]
    assert read_dates("The 2019 Summit", year_alone=True) == []


def test_impossible_date_is_left_empty_with_a_warning_naming_file_and_line():
    value, _, warnings = date_of(["Vote postponed", "Botuar: 30.02.2020", BODY])
    assert value is None
    assert [str(w) for w in warnings] == [
        "content/documents/doc.txt:2: publication date left empty: no such day: '30.02.2020'"
    ]


def test_two_digit_year_is_ambiguous_not_guessed():
    assert values("Posted 02.06.73") == [None]


def test_byline_date_is_read_with_its_line():
    assert date_of(["Council Postpones Vote", "By Ana Vata", "4 March 2021", BODY]) == ("2021-03-04", 3, [])


def test_headline_line_date_is_the_headline_source():
    found, _ = stated_date(article(["Open letter to the Prefect, 22 February 2020", BODY]), document([""]))
    assert found.source is DateSource.HEADLINE


def test_event_date_in_the_body_is_not_a_publication_date():
    body = "On 26 January 2009, after months of lobbying, the group was removed from the list of organisations."
    assert date_of(["Council Postpones Vote", body, BODY])[0] is None


def test_citation_in_parentheses_is_not_a_publication_date():
    assert date_of(["What former members say", "(Gazeta Drita, 12 janar 2019)", BODY])[0] is None


def test_updated_date_does_not_beat_published():
    assert values("Published: 3 March 2021 | Updated: 5 March 2021") == ["2021-03-03"]


def test_letter_date_under_its_signature():
    lines = ["Open letter", BODY, "Best regards", "Ana Vata", "November 04, 2019", "– Chronology: 02.06.73"]
    assert date_of(lines)[:2] == ("2019-11-04", 5)


def test_source_url_from_a_label_or_a_url_line_never_from_a_sentence():
    assert stated_source_url(article(["T", BODY, "Burimi: https://exit.al/a/b"])) == "https://exit.al/a/b"
    assert stated_source_url(article(["T", BODY, "Link to the source", "https://x.example/p"])) == "https://x.example/p"
    sentence = "Read the full statement at https://x.example/statement, published by the ministry on Monday."
    assert stated_source_url(article(["T", BODY, sentence])) is None


def _corpus_with_teaser(own_date_line: str) -> tuple[Article, Article, list[Document]]:
    nav_lines = ["Also read:", "Council Postpones Vote Again", "Ana Vata, Ledger, March 29 2019:… The council"]
    art_lines = ["Council Postpones Vote Again", own_date_line, BODY]
    nav = article(nav_lines, headline=None, kind=Kind.NAVIGATION, doc_id="nav")
    target = article(art_lines, doc_id="art")
    return nav, target, [document(nav_lines, "nav"), document(art_lines, "art")]


def test_teaser_links_to_the_article_and_fills_its_missing_date():
    nav, target, documents = _corpus_with_teaser("By Ana Vata")
    (nav, target), _ = date_corpus([nav, target], documents, Curation())
    assert nav.teasers[0].article == target.id and nav.teasers[0].credit == "Ana Vata, Ledger"
    assert (target.date.value, target.date.source, target.date.document, target.date.line) == (
        "2019-03-29",
        DateSource.TEASER,
        "nav",
        3,
    )


def test_byline_beats_teaser_and_the_teaser_date_is_kept_as_a_note():
    nav, target, documents = _corpus_with_teaser("28 March 2019")
    (nav, target), _ = date_corpus([nav, target], documents, Curation())
    assert target.date.value == "2019-03-28" and target.date.source is DateSource.BYLINE
    assert target.date.note == "a teaser in content/documents/nav.txt, line 3, gives 2019-03-29"


def test_curation_sets_or_clears_a_date_at_a_line():
    nav, target, documents = _corpus_with_teaser("28 March 2019")
    entry = SegmentOverride(document="art.txt", line=2, reason="the byline misprints the year", date="2018-03")
    (_, dated), _ = date_corpus([nav, target], documents, Curation(segments=(entry,)))
    assert (dated.date.value, dated.date.source, dated.date.note) == ("2018-03", DateSource.CURATION, entry.reason)
    cleared = SegmentOverride(document="art.txt", line=2, reason="no date stated", date="")
    (_, cleared_target), _ = date_corpus([nav, target], documents, Curation(segments=(cleared,)))
    assert cleared_target.date is None


def test_dating_returns_new_articles_and_leaves_the_given_ones_unchanged():
    nav, target, documents = _corpus_with_teaser("28 March 2019")
    date_corpus([nav, target], documents, Curation())
    assert target.date is None and nav.teasers == []
