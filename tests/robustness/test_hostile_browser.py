"""In a real Chromium, no injected script runs on any page of the hostile site, nor in its search results.

Proof by three observations per page: no dialog opened (every payload calls
``alert``), no element of the kinds the payloads inject, and no request to a
URL the payloads name (``127.0.0.1:9`` or anything with ``pwned`` outside a slug).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import PREFIX, probe

pytestmark = pytest.mark.browser

SLUG_WITH_MARKER = re.compile(r"/[a-z0-9-]*pwned[a-z0-9-]*/")
QUERIES = ["pwned", "script", "Smith", "Hostile"]


def suspicious(report: dict) -> list[str]:
    """Requests to an injected URL; the page itself (e.g. ``search/?q=pwned``) does not count."""
    others = [u for u in report["requests"] if u != report["url"]]
    return [u for u in others if "127.0.0.1:9/" in u or "pwned" in SLUG_WITH_MARKER.sub("/", u)]


@pytest.fixture(scope="module")
def reports(nginx, hostile_site: Path) -> list[dict]:
    pages = hostile_site.rglob("*.html")
    paths = sorted(p.relative_to(hostile_site).as_posix().removesuffix("index.html") for p in pages)
    visits = [{"url": nginx + PREFIX + path} for path in paths]
    visits += [{"url": f"{nginx}{PREFIX}search/?q={q}", "wait_for": ".pagefind-ui__result"} for q in QUERIES]
    return probe(visits)


def test_no_injected_script_runs_on_any_page_or_search_result(reports):
    assert len(reports) > 20 + len(QUERIES)
    for report in reports:
        assert (report["dialogs"], suspicious(report), report["injected"]) == ([], [], 0), report["url"]


def test_every_page_loads_without_a_failed_request(reports):
    for report in reports:
        assert report["failed"] == [], report["url"]
