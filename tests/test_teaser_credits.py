"""A teaser's credit fills the outlet and authors the article it links to lacks, and says so."""

from __future__ import annotations

import copy

from generator.model import Article, Entity, EntityKind, Kind, Mention, Occurrence, OutletRecord, Role, Span, Teaser
from generator.render.fragments import byline, link, teaser_note
from generator.resolve.teaser_credits import credit_parts, credit_with_teasers

RECORDS = [OutletRecord("national-interest", "The National Interest", "magazine")]
OUTLETS = [Entity("national-interest", "The National Interest", EntityKind.OUTLET, [], [])]
PEOPLE = [Entity("michael-rubin", "Michael Rubin", EntityKind.PERSON, ["Michael Rubin"], [])]


def teaser(credit: str, article: str = "a1") -> Teaser:
    return Teaser("doc", 36, "Iran's plot", 35, article, credit, None)


def corpus(credit: str, **fields) -> list[Article]:
    article = Article("a1", "Iran's plot", False, Kind.ARTICLE, "en", [Occurrence("doc", 1, 2)], [], **fields)
    block = Article("n1", None, False, Kind.NAVIGATION, "en", [Occurrence("doc", 35, 36)], [])
    block.teasers = [teaser(credit)]
    return [article, block]


def credited(credit: str, **fields) -> Article:
    return credit_with_teasers(corpus(credit, **fields), PEOPLE, OUTLETS, RECORDS)[0]


def test_credit_parts_split_names_at_commas_and_and():
    assert credit_parts("Michael Rubin and Jane\u00a0Doe, National Interest") == [
        "Michael Rubin",
        "Jane Doe",
        "National Interest",
    ]


def test_a_teaser_credit_fills_a_missing_outlet_and_says_which_teaser():
    article = credited("Michael Rubin, National Interest")
    assert article.outlet == "national-interest"
    assert article.credit_from["outlet"].line == 36


def test_a_teaser_credit_does_not_override_the_articles_own_outlet_or_authors():
    article = credited("Michael Rubin, National Interest", outlet="daily-bugle", authors=["jane-doe"])
    assert (article.outlet, article.authors, article.credit_from) == ("daily-bugle", ["jane-doe"], {})


def test_a_teaser_fills_an_author_only_when_the_person_exists():
    assert credited("Michael\u00a0Rubin, National Interest").authors == ["michael-rubin"]
    assert credited("Jane Doe, National Interest").authors == []
    assert "authors" not in credited("Jane Doe, National Interest").credit_from


def test_an_unknown_outlet_in_a_teaser_is_not_made_up():
    assert credited("Michael Rubin, Daily Planet").outlet is None


def test_teaser_credits_leave_the_given_articles_unchanged():
    given = corpus("Michael Rubin, National Interest")
    before = copy.deepcopy(given)
    credit_with_teasers(given, PEOPLE, OUTLETS, RECORDS)
    assert given == before


def test_the_byline_says_a_part_came_from_a_teaser_in_a_document_at_a_line():
    outlet = link("../../", "outlets/ni/", "NI")
    note = teaser_note("../../", "d3", "content/documents/<003>.txt", 36)
    html = byline(outlet, [], [], {"outlet": note})
    assert html.startswith('First published by <a href="../../outlets/ni/">NI</a> <span class="teaser-note"')
    assert "(from a teaser in <a " in html and html.endswith("&lt;003&gt;.txt</a>, line 36)</span>")
    assert "data-pagefind-ignore" in html  # provenance, like the other source lines: never in a search excerpt
    assert '<a href="../../documents/d3/#L36">' in html


def test_outlet_and_authors_from_one_teaser_are_noted_once_at_the_end():
    outlet = link("../../", "outlets/ni/", "NI")
    author = link("../../", "people/michael-rubin/", "Michael Rubin")
    note = teaser_note("../../", "d3", "content/documents/003.txt", 36)
    html = byline(outlet, [], [author], {"outlet": note, "authors": note})
    assert html.count("from a teaser") == 1
    assert html.endswith("Michael Rubin</a> " + str(note))


def test_an_outlet_credited_only_on_a_linked_teasers_line_names_that_teaser_as_its_source():
    def outlet_at(*lines: int) -> list[Entity]:
        spans = [Span("doc", line, 0, 17, "National Interest") for line in lines]
        mentions = [Mention("outlet", Role.OUTLET, "a1", span, span.text, 0) for span in spans]
        return [Entity("national-interest", "The National Interest", EntityKind.OUTLET, [], mentions)]

    only_teaser = credit_with_teasers(corpus("National Interest", outlet="national-interest"), [], outlet_at(36), [])
    assert only_teaser[0].credit_from["outlet"].line == 36
    own_line_too = credit_with_teasers(
        corpus("National Interest", outlet="national-interest"), [], outlet_at(2, 36), []
    )
    assert own_line_too[0].credit_from == {}
