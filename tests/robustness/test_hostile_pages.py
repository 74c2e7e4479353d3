"""Hostile input renders as inert, visible text: checked on the built HTML, without a browser.

Every payload in the hostile corpus carries the marker ``pwned``. Whatever a
document, a sidecar, curation or the outlet list says, the built pages hold no
element, attribute, script or URL made from it, and show it exactly as written:
no markup interpreted, no Markdown or Jinja applied, nothing escaped twice.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.load import load_inputs
from generator.names import index_name
from generator.render.siteconfig import read_site_config

from .conftest import GENERATED, HOSTILE, ROOT, tree_hashes

EXECUTABLE_SCRIPT_TYPES = {"", "text/javascript", "module", "application/javascript"}
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "srcset", "poster", "data", "xlink:href")
DANGEROUS_SCHEMES = re.compile(r"^(javascript|data|vbscript):", re.IGNORECASE)
FOREIGN_ELEMENTS = ("iframe", "frame", "object", "embed", "base", "applet")


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def parsed(hostile_site: Path) -> dict[str, BeautifulSoup]:
    return {p.relative_to(hostile_site).as_posix(): soup(p) for p in pages(hostile_site)}


@pytest.fixture(scope="module")
def corpus(hostile_site: Path) -> dict:
    return json.loads((hostile_site / "data" / "corpus.json").read_text(encoding="utf-8"))


def page_for(parsed: dict[str, BeautifulSoup], url: str) -> BeautifulSoup:
    return parsed[url.split("#")[0] + "index.html"]


def test_hostile_corpus_builds_every_kind_of_page(parsed, corpus):
    assert len(corpus["documents"]) == 7
    assert {"people/index.html", "outlets/index.html", "404.html", "search/index.html"} <= set(parsed)
    names = [p["name"] for p in corpus["people"]] + [o["name"] for o in corpus["outlets"]]
    assert any("<script>" in name for name in names)
    assert any("<img" in name for name in names)


def test_no_script_runs_from_injected_text(parsed):
    for name, page in parsed.items():
        for script in page.find_all("script"):
            if script.get("type", "").lower() in EXECUTABLE_SCRIPT_TYPES:
                code = (script.string or "") + script.get("src", "")
                # A slug made from a hostile name (redirect pages link to it) is plain [a-z0-9-].
                code = re.sub(r"/[a-z0-9-]*pwned[a-z0-9-]*/", "/", code)
                assert "pwned" not in code and "alert(" not in code, name


def test_no_event_handler_attribute_anywhere(parsed):
    for name, page in parsed.items():
        for element in page.find_all(True):
            handlers = [a for a in element.attrs if a.lower().startswith("on")]
            assert handlers == [], f"{name}: <{element.name} {handlers}>"


def test_no_javascript_or_data_url_and_no_injected_url(parsed):
    for name, page in parsed.items():
        for element in page.find_all(True):
            for attribute in URL_ATTRIBUTES:
                value = element.get(attribute)
                if value is None:
                    continue
                cleaned = re.sub(r"[\x00-\x20]", "", str(value))
                assert not DANGEROUS_SCHEMES.match(cleaned), f"{name}: <{element.name} {attribute}={value!r}>"
                assert "127.0.0.1:9" not in cleaned and "pwned" not in cleaned.split("/")[-1], name


def test_no_injected_element(parsed):
    for name, page in parsed.items():
        assert page.find_all(FOREIGN_ELEMENTS) == [], name
        for meta in page.find_all("meta", attrs={"http-equiv": True}):
            # Only mkdocs-redirects' own refresh to a slug (an entity renamed by curation).
            assert re.fullmatch(r"0; url=(\.\./)+[a-z0-9-]+/", meta["content"]), f"{name}: {meta}"
        assert page.find_all("img", src="x") == [], name
        assert page.find_all("b", string="matter") == [], name
        for style in page.find_all("style"):
            assert "display: none" not in (style.string or ""), name


def test_every_source_line_shows_exactly_as_stored(parsed, hostile_content, corpus):
    """Markdown control syntax, Jinja, HTML, bidi and zero-width characters: all shown verbatim."""
    urls = {d["id"]: d["url"] for d in corpus["documents"]}
    for document in load_inputs(hostile_content).documents:
        page = page_for(parsed, urls[document.id])
        shown = {p["id"]: p.find("span").get_text() for p in page.select("p.source-line")}
        expected = {f"L{n}": line for n, line in enumerate(document.lines, start=1)}
        assert shown == expected, document.source


def test_markdown_and_jinja_in_a_document_are_not_interpreted(parsed, corpus):
    (url,) = [d["url"] for d in corpus["documents"] if d["id"] == "markdown-injection"]
    page = page_for(parsed, url)
    text = page.select_one(".source-text")
    assert text.find_all(["h1", "h2", "hr", "table", "blockquote", "pre", "sup", "abbr", "strong", "em", "del"]) == []
    assert "49" not in text.get_text()  # {{ 7*7 }} stays as written
    assert page.find(id="pwned-id") is None


def expected_title(title: str) -> str:
    return f"{title} - {read_site_config(ROOT / 'mkdocs.yml').name}"


def test_titles_from_front_matter_sidecar_and_curation_are_escaped_once(parsed, corpus):
    """Titles pass through YAML front matter into Material's <title>, header and <h1>."""
    titled = [(d["url"], d["title"]) for d in corpus["documents"]]
    titled += [(a["url"], a["title"]) for a in corpus["articles"] if not a["url"].startswith("documents/")]
    titled += [(e["url"], e["name"]) for e in corpus["people"] + corpus["outlets"]]
    hostile = [t for _, t in titled if re.search(r"[<&*_|{#]", t)]
    assert len(hostile) >= 6, hostile
    for url, title in titled:
        page = page_for(parsed, url)
        assert page.title.get_text() == expected_title(title), url
        assert page.h1.get_text() == title, url
        topic = page.select('[data-md-component="header-topic"] .md-ellipsis')[0].get_text().strip()
        assert topic == title, url


def test_names_in_links_and_lists_show_verbatim(parsed, corpus):
    people_index = parsed["people/index.html"]
    link_texts = {a.get_text() for a in people_index.select(".az-list a")}
    # People A-Z files each name surname first ("Jones, Mary"): the words are the name's, verbatim.
    assert {index_name(p["name"]) for p in corpus["people"]} <= link_texts
    outlet = corpus["outlets"][0]
    assert outlet["name"] == "Daily <img src=x onerror=alert('pwned-outlet')> & Co | *News* _Hostile_"
    assert outlet["name"] in {a.get_text() for a in parsed["outlets/index.html"].select(".az-list a")}


def test_bidi_and_zero_width_characters_survive_in_names(corpus):
    (mary,) = [p for p in corpus["people"] if p["name"].startswith("Mary")]
    assert mary["name"] == "Mary \u202esenoJ\u202c Jo\u200bnes"


def test_broken_files_in_the_corpus_are_skipped_with_documented_warnings(hostile_build):
    warnings = [line for line in hostile_build.stderr.splitlines() if line.startswith("warning ")]
    assert warnings == [
        "warning content/documents/.hidden.txt: skipped: hidden file (its name starts with a dot)",
        "warning content/documents/blank-lines.txt: skipped: the file is empty or has only blank lines",
        "warning content/documents/empty.txt: skipped: the file is empty or has only blank lines",
        "warning content/documents/photo.png: skipped: not a document (expected .txt, .md)",
    ]


def test_crlf_lone_cr_and_bom_documents_are_built_with_editor_line_numbers(corpus):
    documents = {d["id"]: d for d in corpus["documents"]}
    assert documents["crlf-line-ends"]["line_count"] == 2
    assert documents["lone-cr-line-ends"]["line_count"] == 2
    assert documents["bom"]["title"] == "A document with a byte-order mark"


def test_build_writes_nothing_outside_its_output_directory(hostile_build, hostile_content: Path, tmp_path):
    assert sorted(p.name for p in hostile_build.site.parent.iterdir()) == ["site"]  # no staging left
    pristine = tmp_path / "content"
    shutil.copytree(HOSTILE, pristine)
    for name, data in GENERATED.items():
        (pristine / name).write_bytes(data)
    assert tree_hashes(hostile_content) == tree_hashes(pristine)
