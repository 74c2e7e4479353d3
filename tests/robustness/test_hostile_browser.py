"""In a real Chromium, no injected script runs on any page of the hostile site, nor in its search results.

Proof by three observations per page: no dialog opened (every payload calls
``alert``), no element of the kinds the payloads inject, and no request to a
URL the payloads name (``127.0.0.1:9`` or anything with ``pwned`` outside a slug).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import PREFIX

pytestmark = pytest.mark.browser

INJECTED = "iframe, object, embed, base, img[src='x'], [onerror], [onload], [onclick], [onmouseover], svg[onload]"
SLUG_WITH_MARKER = re.compile(r"/[a-z0-9-]*pwned[a-z0-9-]*/")


@pytest.fixture(scope="module")
def visit(nginx, chromium):
    context = chromium.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

    def open_page(path: str) -> tuple[list[str], list[str], int]:
        dialogs.clear()
        requests.clear()
        page.goto(nginx + path, wait_until="load")
        if "?q=" in path:
            page.locator(".pagefind-ui__result").first.wait_for(timeout=15000)
        page.wait_for_timeout(50)  # let any onerror/onload handler fire
        injected = page.locator(INJECTED).count()
        others = [u for u in requests if u != nginx + path]  # the search page's own ?q=pwned is not injected
        suspicious = [u for u in others if "127.0.0.1:9/" in u or "pwned" in SLUG_WITH_MARKER.sub("/", u)]
        return list(dialogs), suspicious, injected

    yield open_page
    context.close()


def test_no_injected_script_runs_on_any_page(visit, hostile_site: Path):
    paths = sorted(p.relative_to(hostile_site).as_posix() for p in hostile_site.rglob("*.html"))
    assert len(paths) > 20
    for path in paths:
        dialogs, suspicious, injected = visit(PREFIX + path.removesuffix("index.html"))
        assert (dialogs, suspicious, injected) == ([], [], 0), path


@pytest.mark.parametrize("query", ["pwned", "script", "Smith", "Hostile"])
def test_no_injected_script_runs_in_search_results(visit, query):
    assert visit(f"{PREFIX}search/?q={query}") == ([], [], 0)
