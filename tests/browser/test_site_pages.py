"""The pages around the reading: the 404 page, what search results say, the home page, and what a page loads.

Each test here failed on the site before issue 16: the 404 page broke off the site,
results were unlabelled and included the home and index pages, the home page's search
box only submitted, and every page loaded Pagefind's UI before anyone searched.
"""

from __future__ import annotations

import pytest

from .conftest import Requests, open_context
from .test_reader import NOT_FOUND, TOP_RESULT, load, result_links, top_person, wait_for_results

pytestmark = pytest.mark.browser

PAGEFIND_UI = ("pagefind/pagefind-ui.js", "pagefind/pagefind-ui.css")
#: Pages that are never search results: the home page, the A–Z indexes and the search page.
NEVER_RESULTS = ["", "documents/", "articles/", "people/", "outlets/", "search/"]


def origin(url: str) -> str:
    return "/".join(url.split("/")[:3])


def pagefind_urls(page, base: str, query: str) -> list[str]:
    """Every page Pagefind finds for ``query`` (all results, not only the ones shown), as full URLs."""
    return page.evaluate(
        """async ([base, query]) => {
            const pagefind = await import(base + "pagefind/pagefind.js");
            const search = await pagefind.search(query);
            const pages = await Promise.all(search.results.map(r => r.data()));
            return pages.map(p => new URL(p.url, location.href).href);
        }""",
        [base, query],
    )


# ----------------------------------------------------------------------------------------------
# The 404 page


@pytest.mark.parametrize("server", ["site_server", "root_server"], ids=["under-archive", "at-root"])
@pytest.mark.parametrize("missing", [NOT_FOUND, "people/no-such-person/"], ids=["deep", "in-a-section"])
def test_the_404_page_works_at_the_root_and_under_a_sub_path(browser, request, server, missing, corpus):
    base = request.getfixturevalue(server)
    requests = Requests(origin=origin(base))
    context = open_context(browser, base, requests)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        response = page.goto(base + missing, wait_until="load")
        assert response.status == 404
        page.locator("#search-open").wait_for()  # site.js ran: the header search is there
        page.wait_for_load_state("networkidle")
        assert page.locator("h1").inner_text() == "Page not found"
        # styled by the site's own stylesheets
        sheets = page.evaluate("[...document.styleSheets].map(s => s.href).filter(Boolean)")
        assert any("/assets/stylesheets/main." in s for s in sheets) and base + "assets/site.css" in sheets
        # it offers the indexes and search
        links = page.eval_on_selector_all(".notfound-indexes a", "els => els.map(e => e.href)")
        assert [base + p for p in ("documents/", "articles/", "people/", "outlets/", "")] == links
        page.locator("#notfound-search-q").fill(top_person(corpus)["name"])
        page.wait_for_selector(".live-search .pagefind-ui__result-link", timeout=15_000)
        assert base + top_person(corpus)["url"] in result_links(page, ".live-search")
    finally:
        context.close()
    assert errors == []
    assert requests.foreign == []
    assert all(url.startswith(base) for url in requests.all), [u for u in requests.all if not u.startswith(base)]


# ----------------------------------------------------------------------------------------------
# Search results


def test_search_results_say_what_they_are(page, site_server, corpus):
    person = top_person(corpus)
    outlets = {o["id"]: o["name"] for o in corpus["outlets"]}
    articles = {site_server + a["url"]: a for a in corpus["articles"]}
    people = {site_server + p["url"] for p in corpus["people"]}
    load(page, site_server, "search/?q=" + person["name"].split()[-1])
    page.wait_for_function(f"document.querySelectorAll('{TOP_RESULT}').length >= 3")
    labels = page.eval_on_selector_all(
        ".pagefind-ui__result",
        """els => els.map(e => [e.querySelector('.pagefind-ui__result-title a').href,
                             (e.querySelector('.search-result-label') || {}).textContent])""",
    )
    assert labels
    for href, label in labels:
        if href in people:
            assert label == "Person", href
        elif href in articles:
            outlet, date = articles[href]["outlet"], articles[href]["date"]
            assert label == " · ".join(
                ["Article", *([outlets[outlet]] if outlet else []), *([date] if date else [])]
            ), href
        else:
            assert label in ("Outlet", "Document"), (href, label)
    assert {"Person"} & {label for _, label in labels}
    # the label replaces Pagefind's "Name: …" tags
    assert page.locator(".pagefind-ui__result-tag").count() == 0


@pytest.mark.parametrize("query", ["people", "outlets", "documents", "articles", "reference", "search"])
def test_the_home_page_and_the_index_pages_are_never_results(page, site_server, query):
    load(page, site_server, "")
    found = pagefind_urls(page, site_server, query)
    assert not {site_server + path for path in NEVER_RESULTS} & set(found), found


def test_excerpts_carry_no_page_metadata(page, site_server, corpus):
    """The pages' provenance lists (kind, language, source file, checksum) are not indexed, so never excerpted."""
    load(page, site_server, "")
    contents = page.evaluate(
        """async ([base, query]) => {
            const pagefind = await import(base + "pagefind/pagefind.js");
            const search = await pagefind.search(query);
            const pages = await Promise.all(search.results.map(r => r.data()));
            return pages.map(p => p.content);
        }""",
        [site_server, top_person(corpus)["name"].split()[-1]],
    )
    assert len(contents) > 3
    sources = [d["source"] for d in corpus["documents"]]
    assert not [c for c in contents if c.startswith("Kind") or "SHA-256" in c or any(s in c for s in sources)]


def test_the_filter_button_sits_above_the_results(page, site_server, corpus):
    load(page, site_server, "search/?q=" + top_person(corpus)["name"].split()[-1])
    button = page.locator("#search-page .search-filters-open").bounding_box()
    first = page.locator(f"#search-page {TOP_RESULT}").first.bounding_box()
    assert button and first and button["y"] + button["height"] <= first["y"]


def test_the_home_search_box_shows_results_as_you_type(page, site_server, corpus):
    person = top_person(corpus)
    load(page, site_server, "")
    page.locator("#home-search-q").click()
    page.keyboard.type(person["name"])
    page.wait_for_selector(".live-search .pagefind-ui__result-link", timeout=15_000)
    assert page.url == site_server  # no page was submitted
    assert result_links(page, ".live-search")[0] == site_server + person["url"]
    assert page.locator("#home-search-q").input_value() == person["name"]  # the label still names the box


# ----------------------------------------------------------------------------------------------
# Light pages, and small things


@pytest.mark.parametrize("kind", ["home", "article", "person"])
def test_pagefind_ui_loads_only_when_search_opens(page, site_server, corpus, requests, kind):
    from .test_reader import sample_pages

    load(page, site_server, sample_pages(corpus)[kind])
    page.wait_for_load_state("networkidle")
    assert not [u for u in requests.all if u.endswith(PAGEFIND_UI)], "loaded before anyone searched"
    page.keyboard.press("/")
    page.locator("#search-dialog .pagefind-ui__search-input").fill(top_person(corpus)["name"])
    wait_for_results(page)
    assert {site_server + name for name in PAGEFIND_UI} <= set(requests.all)


def test_the_home_page_says_its_title_and_disclaimer_once(page, site_server):
    load(page, site_server, "")
    site_name = page.locator("h1").inner_text()
    assert page.title() == site_name
    assert page.locator("article").inner_text().count("cited source") == 1


def test_a_build_without_site_url_has_no_sitemap(site_dir, corpus):
    assert not (site_dir / "sitemap.xml").exists()
