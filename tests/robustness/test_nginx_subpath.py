"""Any static host: the built site, served by a stock nginx under /archive/ (and at the root), has no broken link.

The site is the hostile corpus built with ``--site-url https://archive.example.org/archive/``.
Pages use relative URLs only, so the same tree also works at the root; the 404
page, which is served at any depth, uses the sub-path of the site URL.
"""

from __future__ import annotations

import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from .conftest import PREFIX, ROOT, SITE_URL, probe

LINKCHECKER = ROOT / ".venv" / "bin" / "linkchecker"


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def linkcheck(url: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINKCHECKER), "--no-status", "--no-warnings", "--no-robots", "--threads", "4", url],
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.parametrize("path", [PREFIX, "/"], ids=["under-archive", "at-root"])
def test_linkchecker_finds_no_broken_link(nginx, path):
    result = linkcheck(nginx + path)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "0 errors found" in result.stdout
    checked = int(result.stdout.split(" links in ")[0].rsplit(" ", 1)[-1])
    assert checked > 50  # the crawl really went through the site


def test_every_internal_url_in_the_pages_is_relative(hostile_site: Path):
    for page in hostile_site.rglob("*.html"):
        if page.name == "404.html" and page.parent == hostile_site:
            continue  # served at any depth, so it uses the site URL's path (below)
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for element in soup.find_all(["a", "link", "script", "img"]):
            url = element.get("href") or element.get("src") or ""
            if element.name == "link" and element.get("rel") == ["canonical"] and url.startswith(SITE_URL):
                continue
            assert not url.startswith("/"), f"{page}: {element}"


def test_missing_page_under_archive_gets_the_styled_404_page(nginx):
    status, body = get(nginx + PREFIX + "no/such/deep/page/")
    assert status == 404
    soup = BeautifulSoup(body, "html.parser")
    assert soup.find("h1").get_text() == "Page not found"
    assets = [e.get("href") or e.get("src") for e in soup.find_all(["link", "script"]) if e.get("href") or e.get("src")]
    stylesheets = [a for a in assets if a.endswith(".css")]
    assert stylesheets and all(a.startswith(PREFIX) for a in assets if not a.startswith("http")), assets
    assert not [a for a in assets if "//" in a.removeprefix("https://")], assets  # no "/archive//pagefind/…"
    for asset in assets:
        if not asset.startswith("http"):
            assert get(nginx + asset)[0] == 200, asset


def test_sitemap_and_canonical_links_use_the_site_url(hostile_site: Path):
    sitemap = (hostile_site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{SITE_URL}documents/html-injection/</loc>" in sitemap
    page = (hostile_site / "documents" / "html-injection" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{SITE_URL}documents/html-injection/">' in page


@pytest.mark.browser
def test_pagefind_search_works_under_the_sub_path(nginx):
    search = {"url": nginx + PREFIX + "search/?q=Smith", "wait_for": ".pagefind-ui__result"}
    (report,) = probe([{**search, "links": ".pagefind-ui__result-link"}])
    assert report["failed"] == []
    assert report["links"] and all(h.startswith(PREFIX) for h in report["links"]), report["links"]
    status, body = get(nginx + report["links"][0])
    assert status == 200 and "Smith" in body
