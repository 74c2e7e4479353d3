"""End to end: the real content/ built into a temporary site, checked as a whole."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from generator.build import build
from generator.load import load_documents
from generator.names import fold_word, name_words
from generator.render import PageLimits

from .conftest import CONTENT, ROOT
from .pager import follow_pager

pytestmark = pytest.mark.slow


class PageParser(HTMLParser):
    """Collects a page's visible text, element ids and link targets."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.ids: set[str] = set()
        self.links: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("href"):
            self.links.append(values["href"])
        if tag in ("link", "script", "img") and (values.get("href") or values.get("src")):
            self.links.append(values.get("href") or values.get("src"))
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)


def parse(path: Path) -> PageParser:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def pages(site: Path) -> Iterator[Path]:
    yield from sorted(site.rglob("*.html"))


def resolve_link(site: Path, page: Path, href: str) -> tuple[Path, str] | None:
    """The file and fragment an internal link points to; None for external or special links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:", "data:")):
        return None
    if not parts.path:
        target = page
    elif parts.path.startswith("/"):  # only the 404 page, which must work at any depth
        target = (site / unquote(parts.path).lstrip("/")).resolve()
    else:
        target = (page.parent / unquote(parts.path)).resolve()
    if target.is_dir() or parts.path.endswith("/"):
        target = target / "index.html"
    return target, unquote(parts.fragment)


def test_every_document_has_a_page(built_site: Path, corpus_data: dict) -> None:
    documents, _ = load_documents(CONTENT / "documents")
    assert {d["id"] for d in corpus_data["documents"]} == {d.id for d in documents}
    for document in corpus_data["documents"]:
        page = built_site / document["url"] / "index.html"
        assert page.exists(), document["url"]
        text = "".join(parse(page).text)
        assert document["sha256"] in text


def test_every_non_blank_source_line_appears_verbatim_on_some_page(built_site: Path) -> None:
    text = "\n".join("".join(parse(page).text) for page in pages(built_site))
    documents, _ = load_documents(CONTENT / "documents")
    missing = [
        f"{d.source}:{n}"
        for d in documents
        for n, line in enumerate(d.lines, start=1)
        if line.strip() and line.strip() not in text
    ]
    assert missing == []


def test_entity_pages_link_only_to_anchors_that_exist(built_site: Path) -> None:
    ids: dict[Path, set[str]] = {}
    broken, checked = [], 0
    for section in ("people", "outlets"):
        for page in sorted((built_site / section).glob("*/index.html")):
            for href in parse(page).links:
                resolved = resolve_link(built_site, page, href)
                if not resolved or not resolved[1]:
                    continue
                target, fragment = resolved
                if target not in ids:
                    ids[target] = parse(target).ids if target.exists() else set()
                checked += 1
                if fragment not in ids[target]:
                    broken.append(f"{page.relative_to(built_site)} -> {href}")
    assert checked > 100, "the entity pages should link to paragraph anchors"
    assert broken == []


def test_mention_links_point_at_the_paragraph_that_holds_the_quote(built_site: Path, corpus_data: dict) -> None:
    """Running-text mentions link to ``article#p<line>``; a credit borrowed from a teaser line
    outside the article's range links to that line of its document (``document#L<line>``)."""
    articles = {a["id"]: a for a in corpus_data["articles"]}
    checked = 0
    for entity in corpus_data["people"] + corpus_data["outlets"]:
        for mention in entity["mentions"][:3]:
            primary = articles[mention["article"]]["occurrences"][0]
            inside = primary["document"] == mention["document"] and (
                primary["line_start"] <= mention["line"] <= primary["line_end"]
            )
            url = articles[mention["article"]]["url"] if inside else f"documents/{mention['document']}/"
            anchor = f"p{mention['line']}" if inside else f"L{mention['line']}"
            html = (built_site / url / "index.html").read_text(encoding="utf-8")
            match = re.search(rf'<p[^>]* id="{anchor}"[^>]*>(.*?)</p>|<p id="{anchor}"[^>]*>(.*?)</p>', html, re.S)
            assert match, f"{url}: no paragraph anchor {anchor}"
            paragraph = re.sub(r"<[^>]+>", "", match.group(1) or match.group(2))
            assert mention["text"] in paragraph.replace("&amp;", "&")
            checked += 1
    assert checked > 0


def test_no_broken_internal_links(built_site: Path) -> None:
    broken = []
    for page in pages(built_site):
        for href in parse(page).links:
            resolved = resolve_link(built_site, page, href)
            if resolved and not resolved[0].exists():
                broken.append(f"{page.relative_to(built_site)} -> {href}")
    assert broken == []


def test_corpus_json_matches_the_schema(corpus_data: dict) -> None:
    assert set(corpus_data) >= {"generator", "documents", "articles", "people", "outlets"}
    assert set(corpus_data["generator"]) >= {"name", "version"}
    for d in corpus_data["documents"]:
        assert {"id", "source", "sha256", "title", "line_count", "url"} <= set(d)
        assert re.fullmatch(r"[0-9a-f]{64}", d["sha256"])
        assert isinstance(d["line_count"], int) and d["line_count"] > 0
        assert d["url"] == f"documents/{d['id']}/"
    document_ids = {d["id"] for d in corpus_data["documents"]}
    lines = {d["id"]: d["line_count"] for d in corpus_data["documents"]}
    people = {p["id"] for p in corpus_data["people"]}
    outlets = {o["id"] for o in corpus_data["outlets"]}
    kinds = {"article", "letter", "interview", "listing", "navigation", "other"}
    for a in corpus_data["articles"]:
        assert {"id", "title", "url", "occurrences", "outlet", "via", "authors", "language", "kind"} <= set(a)
        assert a["kind"] in kinds
        assert re.fullmatch(r"[a-z]{2}", a["language"])
        assert a["occurrences"], a["id"]
        for o in a["occurrences"]:
            assert o["document"] in document_ids
            assert 1 <= o["line_start"] <= o["line_end"] <= lines[o["document"]]
        assert a["outlet"] is None or a["outlet"] in outlets
        assert all(v in outlets for v in a["via"])
        assert all(p in people for p in a["authors"])
        assert not a["url"].startswith("/")
    article_ids = {a["id"] for a in corpus_data["articles"]}
    shared = _shared_bare_names(corpus_data["people"])
    for entity in corpus_data["people"] + corpus_data["outlets"]:
        assert {"id", "name", "aliases", "url", "mentions"} <= set(entity)
        assert not entity["url"].startswith("/")
        for m in entity["mentions"]:
            assert {"article", "document", "line", "start", "end", "text", "quote"} <= set(m)
            assert m["article"] in article_ids and m["document"] in document_ids
            assert 0 <= m["start"] < m["end"]
            assert m["text"] in m["quote"]
            # A bare name two people carry ("Khodabandeh") is nobody's alias, though a mention may be settled.
            bare = [fold_word(w) for w in name_words(m["text"])]
            assert m["text"] in entity["aliases"] or m["text"].strip() in entity["aliases"] or bare[0] in shared
    for o in corpus_data["outlets"]:
        assert "kind" in o


def _shared_bare_names(people: list[dict]) -> set[str]:
    """First names and surnames (``fold_word`` form) that two or more people's full spellings carry."""
    carriers: dict[str, set[str]] = {}
    for person in people:
        for alias in person["aliases"]:
            words = name_words(alias)
            if len(words) >= 2:
                for word in (words[0], words[-1]):
                    carriers.setdefault(fold_word(word), set()).add(person["id"])
    return {word for word, ids in carriers.items() if len(ids) >= 2}


def test_mentions_are_views_of_the_source_text(corpus_data: dict) -> None:
    documents, _ = load_documents(CONTENT / "documents")
    by_id = {d.id: d for d in documents}
    for entity in corpus_data["people"] + corpus_data["outlets"]:
        for m in entity["mentions"]:
            line = by_id[m["document"]].line(m["line"])
            assert line[m["start"] : m["end"]] == m["text"]
            assert m["quote"] in line


def test_a_mention_is_also_listed_where_its_article_stands_again(corpus_data: dict) -> None:
    """A repeat names the other document, at a line identical to the one first quoted."""
    documents, _ = load_documents(CONTENT / "documents")
    by_id = {d.id: d for d in documents}
    occurrences = {a["id"]: a["occurrences"] for a in corpus_data["articles"]}
    mentions = [m for e in corpus_data["people"] + corpus_data["outlets"] for m in e["mentions"]]
    repeats = [m for m in mentions if m["repeat"]]
    assert repeats, "content/ has articles in more than one document"
    for m in repeats:
        assert any(
            o["document"] == m["document"] and o["line_start"] <= m["line"] <= o["line_end"]
            for o in occurrences[m["article"]]
        )
        first = [
            p
            for p in mentions
            if not p["repeat"] and p["article"] == m["article"] and p["start"] == m["start"] and p["text"] == m["text"]
        ]
        assert any(by_id[p["document"]].line(p["line"]) == by_id[m["document"]].line(m["line"]) for p in first)


def test_corpus_json_lists_are_sorted_deterministically(corpus_data: dict) -> None:
    for key in ("people", "outlets"):
        ids = [e["id"] for e in corpus_data[key]]
        assert len(ids) == len(set(ids))
    for entity in corpus_data["people"]:
        keys = [(m["document"], m["line"], m["start"]) for m in entity["mentions"]]
        assert keys == sorted(keys)


# ---------------------------------------------------------------------------------------------
# The same content built with tiny page limits, so that the paginated pages (A-Z index pages,
# an entity's mentions-2/ ... pages) go through MkDocs and are checked as HTML.

SMALL = PageLimits(index_rows=4, mentions=3, list_items=2)


@pytest.fixture(scope="module")
def paginated_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("paginated") / "site"
    build(CONTENT, out, config_file=ROOT / "mkdocs.yml", cache_dir=out.parent / "cache", limits=SMALL)
    return out


def follow_next(site: Path, page: Path, label: str) -> list[Path]:
    """``page`` and the pages after it, by the pager's ``rel="next"`` link in the nav labelled ``label``."""
    return follow_pager(page, label, lambda here, href: resolve_link(site, here, href))


def test_paginated_pages_have_no_broken_links_or_anchors(paginated_site: Path) -> None:
    ids: dict[Path, set[str]] = {}
    broken = []
    paginated = [
        *paginated_site.glob("*/a-z/*/index.html"),
        *paginated_site.glob("people/*/*-[0-9]*/index.html"),
        *paginated_site.glob("outlets/*/*-[0-9]*/index.html"),
    ]
    assert len(paginated) > 20
    for page in [*paginated, *paginated_site.glob("*/index.html")]:
        for href in parse(page).links:
            resolved = resolve_link(paginated_site, page, href)
            if not resolved:
                continue
            target, fragment = resolved
            if not target.exists():
                broken.append(f"{page.relative_to(paginated_site)} -> {href}")
                continue
            if fragment:
                if target not in ids:
                    ids[target] = parse(target).ids
                if fragment not in ids[target]:
                    broken.append(f"{page.relative_to(paginated_site)} -> {href}")
    assert broken == []


def test_every_index_page_is_reached_by_next_links_and_lists_each_entry_once(paginated_site: Path) -> None:
    data = json.loads((paginated_site / "data" / "corpus.json").read_text(encoding="utf-8"))
    expected = {
        "documents": {d["url"] for d in data["documents"]},
        "articles": {a["url"] for a in data["articles"] if a["url"].startswith("articles/")},
        "people": {p["url"] for p in data["people"]},
        "outlets": {o["url"] for o in data["outlets"]},
    }
    for section, urls in expected.items():
        first = paginated_site / section / "index.html"
        pages = follow_next(paginated_site, first, f"Pages of the {section} index")
        assert set(pages) == {first, *(paginated_site / section / "a-z").glob("*/index.html")}
        listed = []
        for page in pages:
            html = page.read_text(encoding="utf-8")
            for item in re.findall(r'<ul class="az-list"[^>]*>(.*?)</ul>', html, re.S):
                for href in re.findall(r'<li><a href="([^"]*)"', item):  # not the "see" entries
                    target, _ = resolve_link(paginated_site, page, href)
                    listed.append(target.parent.relative_to(paginated_site).as_posix() + "/")
        assert sorted(listed) == sorted(urls), section


def marked_places(mentions: list[dict]) -> int:
    """How many marks the mentions make: spans that overlap in one line make one mark."""
    count, last = 0, {}
    for m in sorted(mentions, key=lambda m: (m["article"], m["line"], m["start"], m["end"])):
        place = (m["article"], m["line"])
        if m["start"] >= last.get(place, -1):
            count += 1
        last[place] = max(last.get(place, -1), m["end"])
    return count


def test_every_mention_on_pages_two_and_after_links_to_its_paragraph(paginated_site: Path) -> None:
    """Each entity's pages together quote every mention once, each linked to the paragraph that holds it."""
    data = json.loads((paginated_site / "data" / "corpus.json").read_text(encoding="utf-8"))
    further = 0
    for entity in data["people"] + data["outlets"]:
        pages = follow_next(paginated_site, paginated_site / entity["url"] / "index.html", "Pages of mentions")
        further += len(pages) - 1
        quoted = []
        for number, page in enumerate(pages, start=1):
            # The attributed words ("In their own words") are quotes too, but of speech, not mentions.
            html = re.sub(r'<ul class="statements".*?</ul>', "", page.read_text(encoding="utf-8"), flags=re.S)
            if number > 1:
                total = len([m for m in entity["mentions"] if not m["repeat"]])
                assert re.search(rf"<h1[^>]*>[^<]*: mentions \d+–\d+ of {total}</h1>", html), page
            for quote, href in re.findall(
                r'<blockquote[^>]*>(.*?)</blockquote> <a class="source" href="([^"]*)"', html
            ):
                target, anchor = resolve_link(paginated_site, page, href)
                text = target.read_text(encoding="utf-8")
                paragraph = re.search(rf'<p[^>]* id="{anchor}"[^>]*>(.*?)</p>', text, re.S)
                assert paragraph, f"{page.relative_to(paginated_site)} -> {href}"
                marks = re.findall(r"<mark>(.*?)</mark>", quote)  # one quote per sentence, each mention marked
                assert marks and all(m in re.sub(r"<[^>]+>", "", paragraph.group(1)) for m in marks), href
                quoted += [(target.parent.name, anchor)] * len(marks)
        # A speaker mention found at a mention of the same name shares its mark: one mark per place.
        assert len(quoted) == marked_places([m for m in entity["mentions"] if not m["repeat"]]), entity["id"]
    assert further > 0
