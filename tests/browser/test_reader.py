"""The built site in a real Chromium: search, permalinks, structured data, accessibility, privacy, layout.

Every name, URL and expected value comes from the served site's corpus.json at
test time, so the tests follow the corpus instead of restating it.
"""

from __future__ import annotations

import json
import re

import pytest

from .conftest import Requests, open_context

pytestmark = pytest.mark.browser

SERIOUS = ("serious", "critical")
NARROW = {"width": 375, "height": 740}
TOP_RESULT = ".pagefind-ui__result > .pagefind-ui__result-inner > .pagefind-ui__result-title > a"
#: A missing page, deep under the site: the server answers with the site's 404.html.
NOT_FOUND = "no/such/deep/page/"


# ----------------------------------------------------------------------------------------------
# Pages under test, chosen from the corpus


def most_mentioned(entities: list[dict]) -> dict:
    return sorted(entities, key=lambda e: (-len(e["mentions"]), e["id"]))[0]


def top_person(corpus: dict) -> dict:
    """The most-mentioned person whose name has two words or more (a searchable full name)."""
    named = [p for p in corpus["people"] if len(p["name"].split()) > 1]
    return most_mentioned(named)


def article_with_most_mentions(corpus: dict) -> dict:
    counts: dict[str, int] = {}
    for entity in corpus["people"] + corpus["outlets"]:
        for mention in entity["mentions"]:
            counts[mention["article"]] = counts.get(mention["article"], 0) + 1
    pages = [a for a in corpus["articles"] if a["url"].startswith("articles/")]
    return max(pages, key=lambda a: (counts.get(a["id"], 0), a["id"]))


def sample_pages(corpus: dict) -> dict[str, str]:
    """One page of each kind a reader meets, by name -> path below the site root."""
    person = top_person(corpus)
    return {
        "home": "",
        "article": article_with_most_mentions(corpus)["url"],
        "person": person["url"],
        "outlet": most_mentioned(corpus["outlets"])["url"],
        "people index": "people/",
        "document": corpus["documents"][0]["url"],
        "search results": "search/?q=" + person["name"].split()[-1],
        "not found": NOT_FOUND,
    }


def wait_for_results(page) -> None:
    page.wait_for_selector(".pagefind-ui__result-link", timeout=15_000)


def result_links(page, scope: str = "") -> list[str]:
    """The page-level result links (not the sub-results), in rank order."""
    return page.eval_on_selector_all(f"{scope} {TOP_RESULT}", "els => els.map(e => e.href)")


def wait_until_every_result(page, check: str, arg=None) -> None:
    """Wait until results show and every page-level result passes ``check``, a JS ``(link, arg) => bool``."""
    page.wait_for_function(
        "([selector, check, arg]) => { const links = [...document.querySelectorAll(selector)];"
        " const ok = eval(check); return links.length > 0 && links.every(a => ok(a, arg)); }",
        arg=[TOP_RESULT, check, arg],
        timeout=10_000,
    )


def apply_filter(page, name: str, value: str) -> None:
    """Load the filters (they are not fetched with the search), open the filter's panel by its summary, tick one value.

    As a reader would: the "Filter by …" button first, then the panel's summary.
    """
    opener = page.locator(".search-filters-open")
    if opener.count() and opener.first.is_visible():
        opener.first.click()
    box = page.locator(f"input[type=checkbox][name='{name}'][value='{value}']")
    box.wait_for(state="attached")
    panel = page.locator("details", has=box)
    if not panel.evaluate("d => d.open"):
        panel.locator("summary").click()
    box.check()


def load(page, site_server: str, path: str) -> None:
    page.goto(site_server + path, wait_until="load")
    if "search/?q=" in path:
        wait_for_results(page)
    if path == NOT_FOUND:  # its styles and scripts load once it has found the site root
        page.locator("#search-open").wait_for()
        page.wait_for_load_state("networkidle")


# ----------------------------------------------------------------------------------------------
# Search


def test_header_search_for_a_name_leads_to_the_page_that_shows_it(page, site_server, corpus):
    person = top_person(corpus)
    load(page, site_server, "")
    page.keyboard.press("/")  # the documented shortcut opens the header's search dialog
    dialog = page.locator("#search-dialog")
    dialog.locator(".pagefind-ui__search-input").wait_for()
    assert dialog.evaluate("d => d.open")
    dialog.locator(".pagefind-ui__search-input").fill(person["name"])
    page.wait_for_selector("#search-dialog .pagefind-ui__result-link", timeout=15_000)
    links = result_links(page, "#search-dialog")
    assert links[0] == site_server + person["url"], f"the person page should rank first for {person['name']!r}: {links}"
    dialog.locator(TOP_RESULT).first.click()
    page.wait_for_url(site_server + person["url"])
    assert page.locator("h1").inner_text() == person["name"]


def test_header_search_button_is_keyboard_usable(page, site_server):
    load(page, site_server, "")
    button = page.locator("#search-open")
    button.focus()
    page.keyboard.press("Enter")
    assert page.locator("#search-dialog").evaluate("d => d.open")
    assert page.evaluate("document.activeElement.closest('#search-dialog') !== null")
    page.keyboard.press("Escape")
    assert not page.locator("#search-dialog").evaluate("d => d.open")


def test_search_filter_by_page_type_keeps_only_that_type(page, site_server, corpus):
    word = top_person(corpus)["name"].split()[-1]
    load(page, site_server, "search/?q=" + word)
    before = result_links(page)
    assert any("/articles/" in link for link in before) or page.locator(".pagefind-ui__button").count()
    apply_filter(page, "type", "person")
    wait_until_every_result(page, "a => a.href.includes('/people/')")
    after = result_links(page)
    assert after and all("/people/" in link for link in after)
    assert set(after) != set(before)


def test_search_filter_by_outlet_keeps_that_outlets_articles(page, site_server, corpus):
    outlets = {o["id"]: o["name"] for o in corpus["outlets"]}
    published = [a for a in corpus["articles"] if a["outlet"] and a["url"].startswith("articles/")]
    article = sorted(published, key=lambda a: a["id"])[0]
    outlet = outlets[article["outlet"]]
    expected = {site_server + a["url"] for a in published if a["outlet"] == article["outlet"]}
    load(page, site_server, "search/?q=" + outlet.split()[0])
    apply_filter(page, "outlet", outlet)
    wait_until_every_result(page, "(a, expected) => expected.includes(a.href)", sorted(expected))
    assert set(result_links(page)) <= expected


def test_the_filter_index_is_fetched_only_when_the_reader_asks_for_filters(page, site_server, corpus):
    fetched: list[str] = []
    page.on("response", lambda response: fetched.append(response.url))
    load(page, site_server, "search/?q=" + top_person(corpus)["name"].split()[-1])
    page.wait_for_load_state("networkidle")
    assert not [url for url in fetched if url.endswith(".pf_filter")]  # a search alone does not need them
    page.locator("#search-page .search-filters-open").click()
    page.locator("input[type=checkbox][name='type']").first.wait_for(state="attached")
    assert [url for url in fetched if url.endswith(".pf_filter")]
    assert page.locator("#search-page .search-filters-open").evaluate("b => b.hidden")


def test_search_results_offer_paragraph_permalinks(page, site_server, corpus):
    article = article_with_most_mentions(corpus)
    mention = next(m for e in corpus["people"] for m in e["mentions"] if m["article"] == article["id"])
    load(page, site_server, "search/?q=" + mention["text"])
    apply_filter(page, "type", "article")
    wait_until_every_result(page, "a => a.href.includes('/articles/')")
    page.wait_for_selector(".pagefind-ui__result-nested")
    nested = page.eval_on_selector_all(
        ".pagefind-ui__result-nested .pagefind-ui__result-link", "els => els.map(e => e.href)"
    )
    paragraphs = [href for href in nested if re.search(r"/articles/[^/]+/#p\d+$", href)]
    assert paragraphs, nested
    titles = page.eval_on_selector_all(
        ".pagefind-ui__result-nested .pagefind-ui__result-link", "els => els.map(e => e.textContent.trim())"
    )
    assert not [title for title in titles if title.startswith("Paragraph at line")], titles
    link = page.locator(f".pagefind-ui__result-nested a[href$='{paragraphs[0].split('/archive/')[1]}']").first
    opening = link.inner_text().strip().removesuffix("…").split()
    link.click()
    page.wait_for_url(paragraphs[0])
    assert page.evaluate("document.querySelector(':target').tagName") == "P"
    # the sub-result is headed by the paragraph's opening words
    assert page.locator(":target").inner_text().split()[: len(opening)] == opening


# ----------------------------------------------------------------------------------------------
# Reading


def test_mention_link_scrolls_to_the_quoted_paragraph(page, site_server, corpus):
    articles = {a["id"]: a for a in corpus["articles"]}
    person = top_person(corpus)
    # the mention deepest into its article, so reaching it needs a scroll
    mention = max(
        (
            m
            for m in person["mentions"]
            if m.get("role", "mention") == "mention" and articles[m["article"]]["url"].startswith("articles/")
        ),
        key=lambda m: (m["line"] - articles[m["article"]]["occurrences"][0]["line_start"], m["article"]),
    )
    load(page, site_server, person["url"])
    target = f"{articles[mention['article']]['url']}#p{mention['line']}"
    link = page.locator(f"a.source[href$='{target}']").first
    group = page.locator("details.mentions", has=link)
    if not group.evaluate("d => d.open"):  # long mention lists start collapsed
        group.locator("summary").click()
    link.click()
    page.wait_for_url(site_server + target)
    paragraph = page.locator(f"#p{mention['line']}")
    assert mention["text"] in paragraph.inner_text()
    assert (
        page.evaluate("document.querySelector(':target') && document.querySelector(':target').id")
        == f"p{mention['line']}"
    )
    box = paragraph.bounding_box()
    height = page.viewport_size["height"]
    assert box and 0 <= box["y"] < height, f"paragraph not scrolled into view: {box}"


def test_article_page_header_names_publisher_language_and_source(page, site_server, corpus):
    article = article_with_most_mentions(corpus)
    load(page, site_server, article["url"])
    byline = page.locator(".byline").inner_text()
    outlets = {o["id"]: o["name"] for o in corpus["outlets"]}
    if article["outlet"]:
        assert f"First published by {outlets[article['outlet']]}" in byline
    provenance = page.locator(".provenance").inner_text()
    assert re.search(rf"Language\s+(\w+ \()?{article['language']}\)?\n", provenance), provenance
    first = article["occurrences"][0]
    assert f"lines {first['line_start']}–{first['line_end']}" in provenance
    assert (
        page.locator(".article-text p[id^='p'] a.para-link").count() == page.locator(".article-text p[id^='p']").count()
    )


def test_cite_this_page_gives_text_and_bibtex_with_the_permalink(page, site_server, corpus):
    person = top_person(corpus)
    load(page, site_server, person["url"])
    page.locator("details.cite summary").click()
    text = page.locator(".cite__text").inner_text()
    bibtex = page.locator(".cite__bibtex").inner_text()
    assert person["name"] in text and person["name"] in bibtex
    assert bibtex.startswith("@misc{")
    assert person["url"] in text and person["url"] in bibtex


def test_json_ld_parses_and_describes_each_page(page, site_server, corpus):
    def json_ld(path: str) -> dict:
        load(page, site_server, path)
        scripts = page.eval_on_selector_all("script[type='application/ld+json']", "els => els.map(e => e.textContent)")
        assert len(scripts) == 1, path
        return json.loads(scripts[0])

    article = article_with_most_mentions(corpus)
    data = json_ld(article["url"])
    assert data["@type"] in ("NewsArticle", "Article")
    assert data["headline"] == (article["title"] or article["id"])
    assert data["inLanguage"] == article["language"]
    assert [b["name"] for b in data["isBasedOn"]] == [
        next(d["source"] for d in corpus["documents"] if d["id"] == o["document"]) for o in article["occurrences"]
    ]
    outlets = {o["id"]: o for o in corpus["outlets"]}
    if article["outlet"]:
        assert data["publisher"]["name"] == outlets[article["outlet"]]["name"]
        assert data["publisher"]["@type"] == "NewsMediaOrganization"
    people = {p["id"]: p for p in corpus["people"]}
    assert [a["name"] for a in data.get("author", [])] == [people[a]["name"] for a in article["authors"]]

    person = top_person(corpus)
    data = json_ld(person["url"])
    assert data["@type"] == "Person" and data["name"] == person["name"]
    assert set(data.get("alternateName", [])) == set(person["aliases"]) - {person["name"]}

    outlet = most_mentioned(corpus["outlets"])
    data = json_ld(outlet["url"])
    assert data["@type"] == "NewsMediaOrganization" and data["name"] == outlet["name"]

    data = json_ld("")
    assert {node["@type"] for node in data["@graph"]} == {"WebSite", "Dataset"}


def test_dark_mode_toggle_switches_the_colour_scheme(page, site_server):
    load(page, site_server, "")
    before = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    page.locator("form[data-md-component='palette'] label:visible").first.click()
    after = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert {before, after} == {"default", "slate"}


# ----------------------------------------------------------------------------------------------
# Accessibility, privacy, devices


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_violations(browser, site_server, corpus, axe_source, scheme):
    requests = Requests(origin=site_server.split("/archive/")[0])
    context = open_context(browser, site_server, requests, color_scheme=scheme)
    page = context.new_page()
    found = {}
    try:
        for name, path in sample_pages(corpus).items():
            load(page, site_server, path)
            page.add_script_tag(content=axe_source)
            result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
            serious = [
                f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
                for v in result["violations"]
                if v["impact"] in SERIOUS
            ]
            if serious:
                found[name] = serious
    finally:
        context.close()
    assert found == {}
    assert requests.foreign == []


def test_no_request_leaves_the_site_origin(browser, site_server, corpus):
    requests = Requests(origin=site_server.split("/archive/")[0])
    context = open_context(browser, site_server, requests)
    page = context.new_page()
    try:
        for path in sample_pages(corpus).values():
            load(page, site_server, path)
            page.wait_for_load_state("networkidle")
        load(page, site_server, "")
        page.keyboard.press("/")
        page.locator("#search-dialog .pagefind-ui__search-input").fill(top_person(corpus)["name"])
        page.wait_for_selector("#search-dialog .pagefind-ui__result-link", timeout=15_000)
        page.wait_for_load_state("networkidle")
    finally:
        context.close()
    assert len(requests.all) > len(sample_pages(corpus))  # the recorder saw the pages and their assets
    assert all(url.startswith(site_server) for url in requests.all if url.startswith("http")), requests.foreign
    assert requests.foreign == []


@pytest.mark.parametrize("viewport", [NARROW, {"width": 1280, "height": 900}], ids=["375px", "1280px"])
def test_pages_fit_the_width_without_horizontal_scroll(browser, site_server, corpus, viewport):
    requests = Requests(origin=site_server.split("/archive/")[0])
    context = open_context(browser, site_server, requests, viewport=viewport)
    page = context.new_page()
    wide = {}
    try:
        for name, path in sample_pages(corpus).items():
            load(page, site_server, path)
            width = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            if width[0] > width[1]:
                wide[name] = width
        if viewport is NARROW:
            load(page, site_server, "")
            assert page.locator("#search-open").is_visible()
    finally:
        context.close()
    assert wide == {}
