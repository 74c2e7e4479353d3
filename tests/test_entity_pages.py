"""Entity pages (issue 14): attributed words, one quote per sentence, links by outlet, date and paragraph,
People A–Z by surname with "see" entries, spellings on article pages, disambiguation pages.

Each test renders a tiny corpus made here by hand: one document, one article, a few people and an outlet.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.model import (
    Article,
    Corpus,
    DateSource,
    Document,
    Entity,
    EntityKind,
    Kind,
    Mention,
    Occurrence,
    Paragraph,
    PublicationDate,
    Role,
    Span,
)
from generator.render import PageLimits, render
from generator.render.entity_names import index_name, other_spellings
from generator.render.siteconfig import SiteConfig

SITE = SiteConfig(name="Test", description="A test site.")
LINES = (
    "A camp and its people",
    "By Staff",
    "Hassan Hayrani (Hajrani) left the camp in 2019. He was seen again later.",
    "“We were never free,” Hayrani said.",
    "Massoud Khodabandeh wrote about it. Khodabandeh said more.",
    "Anne Khodabandeh agreed with <b>Olsi\u00a0Yazici</b>.",
    "Source: DN Online",
)
DOC = Document("d1", "content/documents/001_camp.txt", "0" * 64, LINES, "Camp")


def span(line: int, text: str, nth: int = 0) -> Span:
    """The ``nth`` occurrence of ``text`` in ``line``."""
    start = -1
    for _ in range(nth + 1):
        start = LINES[line - 1].index(text, start + 1)
    return Span("d1", line, start, start + len(text), text)


def mention(
    kind: EntityKind, line: int, text: str, *, nth: int = 0, role: Role = Role.MENTION, quote: str = "", speech=None
):
    """A mention in the article; its quote is ``quote`` (a sentence of the line) or the whole line."""
    where = span(line, text, nth)
    quote = quote or LINES[line - 1]
    return Mention(kind, role, "camp", where, quote, LINES[line - 1].index(quote), speech)


def person(pid: str, name: str, aliases: list[str], mentions: list[Mention], refers_to=()) -> Entity:
    return Entity(pid, name, EntityKind.PERSON, aliases, mentions, refers_to=list(refers_to))


def make_corpus(*, dated: bool = True, speeches: int = 1) -> Corpus:
    first = "Hassan Hayrani (Hajrani) left the camp in 2019."
    said = [
        mention(
            EntityKind.PERSON,
            4,
            "Hayrani",
            role=Role.SPEAKER,
            speech=span(4, "“We were never free,”"),
        )
    ]
    if speeches > 1:
        said.append(
            mention(
                EntityKind.PERSON, 3, "Hassan Hayrani", role=Role.SPEAKER, speech=span(3, "He was seen again later.")
            )
        )
    hayrani = person(
        "hassan-hayrani",
        "Hassan Hayrani",
        ["Hajrani", "Hassan Hayrani", "Hassan Heyrani", "Hayrani"],
        [
            mention(EntityKind.PERSON, 3, "Hassan Hayrani", quote=first),
            mention(EntityKind.PERSON, 3, "Hajrani", quote=first),
            *said,
        ],
    )
    massoud = person(
        "massoud-khodabandeh",
        "Massoud Khodabandeh",
        ["Massoud Khodabandeh"],
        [mention(EntityKind.PERSON, 5, "Massoud Khodabandeh", quote="Massoud Khodabandeh wrote about it.")],
    )
    anne = person(
        "anne-khodabandeh",
        "Anne Khodabandeh",
        ["Anne Khodabandeh"],
        [mention(EntityKind.PERSON, 6, "Anne Khodabandeh")],
    )
    yazici = person(
        "olsi-yazici",
        "Olsi Yazici",
        ["Olsi\u00a0Yazici", "Olsi Yazici", "Olsi <i>Yazici"],
        [mention(EntityKind.PERSON, 6, "Olsi\u00a0Yazici")],
    )
    bare = person(
        "khodabandeh",
        "Khodabandeh",
        ["Khodabandeh"],
        [mention(EntityKind.PERSON, 5, "Khodabandeh", nth=1, quote="Khodabandeh said more.")],
        refers_to=["anne-khodabandeh", "massoud-khodabandeh"],
    )
    outlet = Entity(
        "daily-news",
        "Daily News",
        EntityKind.OUTLET,
        ["DN Online", "Daily News", "the Daily News’s"],
        [mention(EntityKind.OUTLET, 7, "DN Online", role=Role.OUTLET)],
        outlet_kind="newspaper",
    )
    article = Article(
        id="camp",
        title="A camp and its people",
        title_derived=False,
        kind=Kind.ARTICLE,
        language="en",
        occurrences=[Occurrence("d1", 1, 7)],
        paragraphs=[Paragraph(n, LINES[n - 1], "en") for n in (3, 4, 5, 6)],
        headline_line=1,
        outlet="daily-news",
        date=PublicationDate("2021-03-04", "d1", 2, DateSource.BYLINE) if dated else None,
    )
    return Corpus([DOC], [article], [anne, hayrani, bare, massoud, yazici], [outlet])


@pytest.fixture
def site(tmp_path: Path) -> Path:
    render(make_corpus(), tmp_path, site=SITE)
    return tmp_path


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def quotes(text: str) -> list[tuple[str, str, str]]:
    """Every quote on an entity page: (quote markup, link href, link text)."""
    return re.findall(r'<blockquote[^>]*>(.*?)</blockquote> <a class="source" href="([^"]*)">([^<]*)</a>', text)


def test_a_sentence_naming_a_person_twice_is_quoted_once_with_both_spans_marked(site: Path) -> None:
    mentions = read(site, "people/hassan-hayrani.md").split("## Mentions", 1)[1]
    sentence = [q for q, _, _ in quotes(mentions) if "left the camp" in q]
    assert sentence == ["<mark>Hassan Hayrani</mark> (<mark>Hajrani</mark>) left the camp in 2019."]
    assert "3 mentions" in mentions  # the group still counts every mention


def test_a_mention_link_names_outlet_date_and_paragraph_never_a_file_path(site: Path) -> None:
    page = read(site, "people/massoud-khodabandeh.md")
    ((_, href, label),) = quotes(page)
    assert href == "../../articles/camp/#p5"
    assert label == "Daily News · 2021-03-04 · paragraph 3"
    assert "content/documents" not in page and ".txt" not in page


def test_a_credit_outside_the_text_links_its_source_line_and_says_it_is_a_credit(site: Path) -> None:
    ((_, href, label),) = quotes(read(site, "outlets/daily-news.md"))
    assert href == "../../documents/d1/#L7"
    assert label == "credited as publisher · Daily News · 2021-03-04 · source line 7"


def test_without_a_date_the_link_names_outlet_and_paragraph(tmp_path: Path) -> None:
    render(make_corpus(dated=False), tmp_path, site=SITE)
    ((_, _, label),) = quotes(read(tmp_path, "people/massoud-khodabandeh.md"))
    assert label == "Daily News · paragraph 3"


def test_article_group_heading_links_the_article_with_outlet_and_date(site: Path) -> None:
    page = read(site, "people/anne-khodabandeh.md")
    heading = re.search(r'<p class="mentions__head">(.*?)</p>\n<details', page).group(1)
    assert heading.startswith('<a href="../../articles/camp/">A camp and its people</a> · Daily News · 2021-03-04')
    # The link stands outside the <summary>: a link inside a toggle is a nested control.
    assert "<a " not in re.search(r"<summary>(.*?)</summary>", page).group(1)


def test_a_person_page_opens_with_their_own_words_linked_to_the_paragraph(site: Path) -> None:
    page = read(site, "people/hassan-hayrani.md")
    body = page.split("---\n", 2)[2]
    assert body.index("## In their own words") < body.index("## Mentions")
    words = body.split("## In their own words", 1)[1].split("##", 1)[0]
    assert '<ul class="statements" data-pagefind-ignore="all">' in words
    assert quotes(words) == [
        ("“We were never free,”", "../../articles/camp/#p4", "Daily News · 2021-03-04 · paragraph 2")
    ]


def test_people_without_attributed_words_have_no_such_section(site: Path) -> None:
    assert "In their own words" not in read(site, "people/anne-khodabandeh.md")


def test_attributed_words_continue_on_numbered_pages(tmp_path: Path) -> None:
    render(make_corpus(speeches=2), tmp_path, site=SITE, limits=PageLimits(mentions=1))
    first = read(tmp_path, "people/hassan-hayrani.md")
    assert "Statements 1–1 of 2." in first
    assert 'href="../../people/hassan-hayrani/statements-2/"' in first
    second = read(tmp_path, "people/hassan-hayrani/statements-2.md")
    assert quotes(first.split("## Mentions")[0])[0][0] == "He was seen again later."  # same date: in text order
    assert quotes(second) == [
        ("“We were never free,”", "../../../articles/camp/#p4", "Daily News · 2021-03-04 · paragraph 2")
    ]


def test_the_article_page_links_each_speaker_after_the_paragraph_holding_their_words(site: Path) -> None:
    article = read(site, "articles/camp.md")
    paragraph = re.search(r'<p id="p4">(.*?)</p>', article).group(1)
    assert (
        '<span class="speaker" data-pagefind-ignore>— <a href="../../people/hassan-hayrani/">Hassan Hayrani</a></span>'
        in paragraph
    )
    assert 'class="speaker"' not in re.search(r'<p id="p5">(.*?)</p>', article).group(1)


def test_the_article_page_lists_every_spelling_of_each_name_it_holds_for_search(site: Path) -> None:
    named = read(site, "articles/camp.md").split("## Named in this article", 1)[1]
    people = re.search(r'<p class="named">People: (.*?)</p>', named).group(1)
    assert "data-pagefind-ignore" not in re.search(r'<p class="named">People:', named).group(0)
    assert (
        '<a href="../../people/hassan-hayrani/">Hassan Hayrani</a> '
        '<span class="spellings">(Hajrani, Hassan Heyrani, Hayrani)</span>' in people
    )
    assert '<a href="../../people/khodabandeh/">Khodabandeh</a>,' in people  # the bare name, to its disambiguation page
    outlets = re.search(r'<p class="named">Outlets: (.*?)</p>', named).group(1)
    assert outlets == '<a href="../../outlets/daily-news/">Daily News</a> <span class="spellings">(DN Online)</span>'


def test_people_a_z_is_filed_by_surname_with_a_see_entry_for_every_other_spelling(site: Path) -> None:
    index = read(site, "people/index.md")
    rows = re.findall(r"<li>(.*?)</li>", index)
    text = [re.sub(r"<[^>]+>", "", row).strip() for row in rows]
    assert text == [
        "Hajrani → Hayrani, Hassan",
        "Hayrani, Hassan 3 mentions in 1 article",
        "Heyrani, Hassan → Hayrani, Hassan",
        "&lt;i&gt;Yazici, Olsi → Yazici, Olsi",
        "Khodabandeh may refer to 2 people",
        "Khodabandeh, Anne 1 mention in 1 article",
        "Khodabandeh, Massoud 1 mention in 1 article",
        "Yazici, Olsi 1 mention in 1 article",
    ]
    assert (
        '<span class="see">Heyrani, Hassan <span role="img" aria-label="see">→</span> '
        '<a href="../people/hassan-hayrani/">Hayrani, Hassan</a></span>' in index
    )
    assert "4 people, A–Z." in index  # "see" and disambiguation entries are not people


def test_outlets_a_z_has_a_see_entry_for_each_alias(site: Path) -> None:
    index = read(site, "outlets/index.md")
    assert (
        '<span class="see">DN Online <span role="img" aria-label="see">→</span> '
        '<a href="../outlets/daily-news/">Daily News</a></span>' in index
    )
    assert index.count('class="see"') == 1  # "the Daily News’s" is the name itself
    assert "1 outlet, A–Z." in index


def test_a_disambiguation_page_links_the_people_who_carry_the_name_then_quotes_its_mentions(site: Path) -> None:
    page = read(site, "people/khodabandeh.md")
    body = page.split("---\n", 2)[2]
    assert '<p class="summary">Khodabandeh may refer to:</p>' in body
    links = re.findall(r'<li><a href="([^"]*)">([^<]*)</a>', body.split("## Mentions", 1)[0])
    assert links == [
        ("../../people/anne-khodabandeh/", "Anne Khodabandeh"),
        ("../../people/massoud-khodabandeh/", "Massoud Khodabandeh"),
    ]
    assert quotes(body) == [
        ("<mark>Khodabandeh</mark> said more.", "../../articles/camp/#p5", "Daily News · 2021-03-04 · paragraph 3")
    ]
    assert '"@type": "Person"' not in page and "Cite this page" not in page


def test_the_export_marks_disambiguation_entries_and_whom_they_refer_to(site: Path) -> None:
    people = {p["id"]: p for p in json.loads(read(site, "data/corpus.json"))["people"]}
    assert people["khodabandeh"]["kind"] == "disambiguation"
    assert people["khodabandeh"]["refers_to"] == ["anne-khodabandeh", "massoud-khodabandeh"]
    assert "kind" not in people["hassan-hayrani"] and "refers_to" not in people["hassan-hayrani"]


def test_names_and_quotes_from_documents_are_escaped_everywhere(site: Path) -> None:
    for path in ("people/olsi-yazici.md", "people/index.md", "articles/camp.md", "people/anne-khodabandeh.md"):
        body = read(site, path).split("---\n", 2)[2]  # the front matter's JSON-LD is escaped by main.html's tojson
        assert "<b>" not in body and "<i>" not in body, path
    assert "&lt;b&gt;" in read(site, "articles/camp.md") and "&lt;i&gt;Yazici" in read(site, "articles/camp.md")


def test_quotes_keep_the_source_verbatim_and_spellings_read_a_no_break_space_as_a_space(site: Path) -> None:
    ((quote, _, _),) = quotes(read(site, "people/olsi-yazici.md"))
    assert "<mark>Olsi\u00a0Yazici</mark>" in quote
    assert other_spellings(make_corpus().people[4]) == ["Olsi <i>Yazici"]  # the no-break spelling is the name


@pytest.mark.parametrize(
    ("name", "filed"),
    [
        ("Massoud Khodabandeh", "Khodabandeh, Massoud"),
        ("Mohammad Javad Zarif", "Zarif, Mohammad Javad"),
        ("Jan van der Berg", "Berg, Jan van der"),
        ("Douglas MacArthur II", "MacArthur, Douglas, II"),
        ("Martin Luther King Jr.", "King, Martin Luther, Jr."),
        ("Khodabandeh", "Khodabandeh"),
    ],
)
def test_a_person_is_filed_by_surname(name: str, filed: str) -> None:
    assert index_name(name) == filed
