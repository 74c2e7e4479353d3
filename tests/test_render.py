"""Render: page limits split long A–Z indexes and entity pages; URLs stay unique and stable.

The real content/ is small (every index and entity page fits one page at the default
limits), so these tests render it with tiny limits to exercise the paginated pages.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from generator.build import Timings, build_corpus
from generator.load import load_inputs
from generator.model import Corpus
from generator.render import PageLimits, index_pages, make_environment, page_root, render
from generator.render.fragments import byline, link
from generator.render.pagemeta import redirect_maps
from generator.render.pagination import Target, make_pager
from generator.render.siteconfig import SiteConfig, read_site_config
from generator.slugs import RESERVED_SLUGS, SlugAllocator

from .conftest import CONTENT
from .pager import follow_pager

pytestmark = pytest.mark.slow

SMALL = PageLimits(index_rows=4, mentions=3, list_items=2)
TEST_SITE = SiteConfig(name="Test", description="A test site.")
SECTIONS = ("documents", "articles", "people", "outlets")
LINK = re.compile(r'href="([^"]*)"')


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return build_corpus(load_inputs(CONTENT), timings=Timings())


@pytest.fixture(scope="module")
def small(corpus: Corpus, tmp_path_factory) -> Path:
    docs = tmp_path_factory.mktemp("small")
    render(corpus, docs, site=TEST_SITE, limits=SMALL)
    return docs


@pytest.fixture(scope="module")
def default(corpus: Corpus, tmp_path_factory) -> Path:
    docs = tmp_path_factory.mktemp("default")
    render(corpus, docs, site=TEST_SITE)
    return docs


def target(docs: Path, page: Path, href: str) -> tuple[Path, str]:
    """The Markdown file a relative link on ``page`` points to, and its fragment."""
    path, _, fragment = href.partition("#")
    if not path:
        return page, fragment
    here = page.parent if page.name == "index.md" else page.with_suffix("")
    resolved = (here / path).resolve()
    for candidate in (resolved / "index.md", resolved.with_suffix(".md")):
        if candidate.exists():
            return candidate, fragment
    raise AssertionError(f"{page.relative_to(docs)}: {href} points at no page")


def chain(docs: Path, first: Path, label: str) -> list[Path]:
    """Pages reached from ``first`` by following the pager's ``rel="next"`` links labelled ``label``."""
    return follow_pager(first, label, lambda page, href: target(docs, page, href))


def test_small_corpus_keeps_one_page_per_index_and_entity(default: Path) -> None:
    for section in SECTIONS:
        assert not (default / section / "a-z").exists()
        assert '<nav class="pager"' not in (default / section / "index.md").read_text(encoding="utf-8")
    further = re.compile(r"/(mentions|authored|published|relayed)-\d+\.md$")
    assert not [p for p in default.rglob("*.md") if further.search(str(p))]


def test_index_pages_hold_every_entry_once_within_the_limit(corpus: Corpus, small: Path) -> None:
    expected = {
        "documents": {f"documents/{d.id}/" for d in corpus.documents},
        "articles": {f"articles/{a.id}/" for a in corpus.articles if a.has_page},
        "people": {f"people/{p.id}/" for p in corpus.people},
        "outlets": {f"outlets/{o.id}/" for o in corpus.outlets},
    }
    for section in SECTIONS:
        pages = chain(small, small / section / "index.md", f"Pages of the {section} index")
        assert len(pages) > 1, section
        assert sorted(pages) == sorted([small / section / "index.md", *(small / section / "a-z").glob("*.md")])
        seen: Counter[str] = Counter()
        for page in pages:
            text = page.read_text(encoding="utf-8")
            rows = re.findall(r'<li><a href="([^"]*)">', text)
            see = re.findall(r'<li><span class="see">', text)  # another spelling, pointing at an entry
            assert 0 < len(rows) + len(see) <= SMALL.index_rows, page
            root = page_root(str(page.relative_to(small)))
            seen.update(href.removeprefix(root) for href in rows)
            assert f"page {pages.index(page) + 1} of {len(pages)}" in text
        assert set(seen) == expected[section] and max(seen.values()) == 1, section


def test_letter_nav_on_every_index_page_reaches_each_letter(small: Path) -> None:
    for section in SECTIONS:
        for page in [small / section / "index.md", *sorted((small / section / "a-z").glob("*.md"))]:
            text = page.read_text(encoding="utf-8")
            nav = re.search(r'<nav class="az" aria-label="Letters">(.*?)</nav>', text).group(1)
            letters = re.findall(r'href="([^"]*)"[^>]*>([^<]*)</a>', nav)
            assert letters
            for href, letter in letters:
                where, fragment = target(small, page, href)
                heading = re.search(rf'<h2 id="{re.escape(fragment)}">([^<]*)</h2>', where.read_text(encoding="utf-8"))
                assert heading and heading.group(1).startswith(letter), (page, href)


def test_a_letter_longer_than_a_page_is_cut_into_numbered_pages() -> None:
    rows = [(f"B{i:02}", f"people/b{i}/", "") for i in range(5)]
    groups = [("A", [("A", "people/a/", "")]), ("B", rows), ("C", [("C", "people/c/", "")])]
    pages = index_pages("people", "People", groups, 2)
    assert [p.url for p in pages] == [
        "people/",
        "people/a-z/b/",
        "people/a-z/b-2/",
        "people/a-z/b-3/",
    ]
    assert [p.span for p in pages] == ["A", "B (part 1 of 3)", "B (part 2 of 3)", "B (part 3 of 3) – C"]
    assert [len(g.rows) for p in pages for g in p.groups] == [1, 2, 2, 1, 1]
    assert pages[0].pager.next.url == "people/a-z/b/" and pages[0].pager.prev is None
    assert pages[-1].pager.prev.url == "people/a-z/b-2/" and pages[-1].pager.next is None
    assert {letter.letter: letter.url for letter in pages[1].letters} == {
        "A": "people/",
        "B": "",
        "C": "people/a-z/b-3/",
    }
    assert [letter.href for letter in pages[1].letters] == [
        "../../../people/#letter-A",
        "#letter-B",
        "../../../people/a-z/b-3/#letter-C",
    ]
    assert len(index_pages("people", "People", groups, 7)) == 1
    (empty,) = index_pages("people", "People", [], 7)
    assert empty.url == "people/" and empty.groups == () and empty.letters == () and empty.pager is None


def test_every_mention_is_on_one_of_its_entity_pages_and_links_to_its_paragraph(corpus: Corpus, small: Path) -> None:
    paginated = 0
    for entity in (*corpus.people, *corpus.outlets):
        section = "people" if entity.entity_kind == "person" else "outlets"
        first = small / section / f"{entity.id}.md"
        pages = chain(small, first, "Pages of mentions")
        assert sorted(pages[1:]) == sorted((small / section / entity.id).glob("mentions-*.md"))
        paginated += len(pages) > 1
        quoted: Counter[tuple[str, int]] = Counter()
        for number, page in enumerate(pages, start=1):
            text = page.read_text(encoding="utf-8")
            # "In their own words" lists a speaker's words, unmarked; the mentions follow it.
            text = re.sub(r"## In their own words\n.*?(?=\n## |\Z)", "", text, flags=re.S)
            if number > 1:
                assert re.search(r"<h1>[^<]*: mentions \d+–\d+ of \d+</h1>", text), page
                assert f'href="{page_root(str(page.relative_to(small)))}{section}/{entity.id}/">Back to' in text
            quotes = re.findall(r'<blockquote[^>]*>(.*?)</blockquote> <a class="source" href="([^"]*)">', text)
            assert number == 1 or quotes
            for quote, href in quotes:
                where, anchor = target(small, page, href)
                line = int(anchor[1:])
                source = where.read_text(encoding="utf-8")
                paragraph = re.search(rf'<p (?:class="source-line" )?id="{anchor}"[^>]*>(.*?)</p>', source, re.S)
                assert paragraph, f"{page}: {href}"
                marks = re.findall(r"<mark>(.*?)</mark>", quote)  # one quote per sentence, each mention marked
                assert marks and all(m in re.sub(r"<[^>]+>", "", paragraph.group(1)) for m in marks), f"{page}: {href}"
                quoted[(where.stem if where.name != "index.md" else where.parent.name, line)] += len(marks)
        # A speaker mention marks the same name as the plain mention beside it: one mark for both (as
        # fragments.marked does, a span overlapping one before it in the line is not marked again).
        places = sorted({(m.article, m.span.document, m.span.line, m.span.start, m.span.end) for m in entity.mentions})
        kept = [p for i, p in enumerate(places) if i == 0 or p[:3] != places[i - 1][:3] or p[3] >= places[i - 1][4]]
        assert sum(quoted.values()) == len(kept), entity.id
    assert paginated > 0


def test_entity_article_lists_continue_on_numbered_pages(corpus: Corpus, small: Path) -> None:
    checked = 0
    for outlet in corpus.outlets:
        published = [a for a in corpus.articles if a.has_page and a.outlet == outlet.id]
        pages = chain(small, small / "outlets" / f"{outlet.id}.md", "Pages of articles first published")
        listed = []
        for page in pages:
            text = page.read_text(encoding="utf-8")
            block = text if page.parent.name == outlet.id else text.split("## First published", 1)[-1].split("##", 1)[0]
            listed += re.findall(r'<li><a href="[^"]*articles/([^/"]+)/">', block)
        assert listed == [a.id for a in published], outlet.id
        checked += len(pages) > 1
    assert checked > 0


def test_further_pages_are_left_out_of_the_search_index(small: Path) -> None:
    further = [p for p in small.rglob("*-[0-9]*.md") if re.search(r"(mentions|authored|published|relayed)-\d+", p.stem)]
    assert further
    for page in further:
        body = page.read_text(encoding="utf-8").split("---\n", 2)[2]
        start = body.index("<div")
        assert body[start:].startswith('<div data-pagefind-ignore="all">') and body.rstrip().endswith("</div>"), page
        assert "data-pagefind-filter" not in body


def test_index_pages_are_never_search_results(small: Path) -> None:
    indexes = [*small.glob("*/a-z/*.md"), *(small / section / "index.md" for section in ("people", "outlets"))]
    assert len(indexes) > 2
    for page in indexes:
        front = page.read_text(encoding="utf-8").split("---\n", 2)[1]
        assert "search:\n  exclude: true" in front, page


def test_entity_name_stays_indexed_and_quotes_do_not(corpus: Corpus, small: Path) -> None:
    person = max(corpus.people, key=lambda p: len(p.mentions))
    text = (small / "people" / f"{person.id}.md").read_text(encoding="utf-8")
    assert re.search(r'<h1 data-pagefind-weight="10" data-pagefind-meta="name">', text)
    groups = re.findall(r'<div class="mention-groups" data-pagefind-ignore="all">\n(.*?)\n</div>', text, re.S)
    assert len(groups) == 1 and groups[0].count("<details") == text.count('<details class="mentions"') > 0


def test_document_lines_are_indexed_only_where_no_article_page_holds_them(corpus: Corpus, default: Path) -> None:
    owned: dict[str, set[int]] = {d.id: set() for d in corpus.documents}
    for article in corpus.articles:
        if article.has_page:
            for o in article.occurrences:
                owned[o.document].update(range(o.line_start, o.line_end + 1))
    unowned = 0
    for document in corpus.documents:
        text = (default / "documents" / f"{document.id}.md").read_text(encoding="utf-8")
        source = text.split('<div class="source-text">', 1)[1]
        for run in re.findall(r"<div( data-pagefind-ignore=\"all\")?>\n(.*?)\n</div>", source, re.S):
            numbers = {int(n) for n in re.findall(r'id="L(\d+)"', run[1])}
            assert numbers
            ignored = bool(run[0])
            assert numbers <= owned[document.id] if ignored else not numbers & owned[document.id]
            unowned += 0 if ignored else len(numbers)
    assert unowned > 0


def test_render_is_deterministic(corpus: Corpus, small: Path, tmp_path: Path) -> None:
    render(corpus, tmp_path, site=TEST_SITE, limits=SMALL)
    first = {p.relative_to(small): p.read_bytes() for p in small.rglob("*") if p.is_file()}
    again = {p.relative_to(tmp_path): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert first == again


def test_reserved_slugs_are_never_handed_out() -> None:
    allocator = SlugAllocator()
    names = ("A-Z", "a z", "Index", "index")
    assert [allocator.allocate(name) for name in names] == ["a-z-2", "a-z-3", "index-2", "index-3"]
    assert SlugAllocator({"jane"}).allocate("Jane") == "jane-2"


def test_a_reserved_slug_from_outside_the_allocator_is_refused(corpus: Corpus, tmp_path: Path) -> None:
    person = corpus.people[0]
    old = person.id
    try:
        person.id = "a-z"
        with pytest.raises(ValueError, match="reserved"):
            render(corpus, tmp_path, site=TEST_SITE)
    finally:
        person.id = old


def test_redirects_never_take_a_reserved_slug(corpus: Corpus) -> None:
    person = corpus.people[0]
    before = list(person.redirects_from)
    try:
        person.redirects_from = [*before, *sorted(RESERVED_SLUGS)]
        maps = redirect_maps(corpus)
    finally:
        person.redirects_from = before
    assert not [source for source in maps if source.split("/")[1].removesuffix(".md") in RESERVED_SLUGS]


def test_page_limits_must_be_positive() -> None:
    with pytest.raises(ValueError):
        PageLimits(index_rows=0)


def test_site_name_description_and_language_come_from_the_config_file(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: Another corpus\n"
        "site_description: Short.\n"
        "theme:\n  name: material\n  language: sq\n"
        "markdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
        encoding="utf-8",
    )
    site = read_site_config(config)
    assert site == SiteConfig(name="Another corpus", description="Short.", language="sq")
    render(Corpus([], [], [], []), tmp_path / "docs", site=site)
    home = (tmp_path / "docs" / "index.md").read_text(encoding="utf-8")
    assert "<h1>Another corpus</h1>" in home and "Short." in home and "MEK" not in home


def test_the_home_description_overrides_the_meta_description() -> None:
    site = read_site_config(Path(__file__).resolve().parent.parent / "mkdocs.yml")
    assert site.description.startswith("A reference index of press documents. Every statement")
    assert site.language == "en"


TEMPLATES = Path(__file__).resolve().parent.parent / "generator" / "templates"


@pytest.mark.parametrize("name", sorted(p.name for p in TEMPLATES.glob("*.j2") if p.name != "home.md.j2"))
def test_templates_place_ready_values_without_logic(name: str) -> None:
    text = (TEMPLATES / name).read_text(encoding="utf-8")
    assert not re.search(r"\bsite\.(?!js\b)", text)  # no lookups: views hand over ready links
    assert "loop." not in text  # no markup switched on a loop's position
    assert not re.search(r"{%-? for [^%]* if ", text)  # no filtered loops
    assert '"s" if' not in text  # counts go through the plural filter


def test_byline_names_publisher_relays_and_authors() -> None:
    a, b, c = (link("../../", f"outlets/{x}/", x.upper()) for x in "abc")
    assert byline(None, [], []) == "Publisher not stated"
    assert byline(a, [b, c], [a]) == (
        'First published by <a href="../../outlets/a/">A</a> · translated or republished by '
        '<a href="../../outlets/b/">B</a>, <a href="../../outlets/c/">C</a> · by <a href="../../outlets/a/">A</a>'
    )


def test_pager_shows_first_and_last_only_where_they_are_not_next_door() -> None:
    targets = [Target(f"p{n}/", str(n)) for n in range(1, 6)]
    pagers = [make_pager(n, targets, label="Pages") for n in range(1, 6)]
    assert [(p.show_first, p.show_last) for p in pagers] == [
        (False, True),
        (False, True),
        (True, True),
        (True, False),
        (True, False),
    ]
    assert pagers[0].prev is None and pagers[0].next == targets[1] and pagers[-1].next is None


def test_plural_is_a_registered_filter() -> None:
    env = make_environment()
    assert env.from_string('{{ 1 | plural("person", "people") }}, {{ 2 | plural("person", "people") }}').render() == (
        "1 person, 2 people"
    )
