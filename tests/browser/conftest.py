"""Browser fixtures: the session's built site served under a sub-path, and a real Chromium.

The site is the one ``tests/conftest.py`` builds once per session. It is served
at ``/archive/`` (not at the root) so any URL that assumes the site root fails.
Every page a test opens records its requests; a request to any other origin is
blocked, recorded, and fails the test.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from ..chromium import CHROMIUM, CHROMIUM_ARGS

AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
PREFIX = "/archive/"
WIDE = {"width": 1280, "height": 900}


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site directory at ``prefix``; a missing page under it gets the site's 404.html, as a host does."""

    prefix = "/"

    def translate_path(self, path: str) -> str:
        route = urlsplit(path).path
        if not route.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + route[len(self.prefix) :])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        inside = urlsplit(self.path).path.startswith(self.prefix)
        if code != 404 or not inside or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - quiet test output
        pass


class SubPathHandler(SiteHandler):
    """Serves the site directory at PREFIX only; everything else is a plain 404."""

    prefix = PREFIX


def serve(directory: Path, handler: type[SiteHandler]) -> Iterator[str]:
    """``directory`` on a free port of 127.0.0.1, served by ``handler``; yields the site's base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{handler.prefix}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_dir(request) -> Path:
    """The session's build (tests/conftest.py), or an already built site named by $BROWSER_TEST_SITE."""
    prebuilt = os.environ.get("BROWSER_TEST_SITE")
    return Path(prebuilt) if prebuilt else request.getfixturevalue("built_site")


@pytest.fixture(scope="session")
def corpus(site_dir: Path) -> dict:
    """The served site's data/corpus.json: tests derive every name and URL from it."""
    return json.loads((site_dir / "data" / "corpus.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def site_server(site_dir: Path) -> Iterator[str]:
    """The built site on a free port of 127.0.0.1; yields its base URL (ending in /archive/)."""
    yield from serve(site_dir, SubPathHandler)


@pytest.fixture(scope="session")
def root_server(site_dir: Path) -> Iterator[str]:
    """The same site served at the root of another port; yields its base URL (ending in /)."""
    yield from serve(site_dir, SiteHandler)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} not found: run .ci/install-system-deps (or set CHROMIUM=/path/to/chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@dataclass
class Requests:
    """Every request a browser context made, and those that left the site's origin."""

    origin: str
    all: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def open_context(browser, site_server: str, requests: Requests, **options):
    """A browser context whose every request is recorded; requests to other origins are aborted."""
    context = browser.new_context(**{"viewport": WIDE, "service_workers": "block", **options})

    def route(route) -> None:
        url = route.request.url
        requests.all.append(url)
        if url.startswith(("data:", "blob:", "about:")) or _origin(url) == requests.origin:
            route.continue_()
        else:
            requests.foreign.append(url)
            route.abort()

    context.route("**/*", route)
    context.on("websocket", lambda ws: requests.foreign.append(ws.url))
    return context


@pytest.fixture
def requests(site_server: str) -> Requests:
    return Requests(origin=_origin(site_server))


@pytest.fixture
def page(browser, site_server: str, requests: Requests):
    """A fresh page at 1280 px; the test fails if anything was requested from another origin."""
    context = open_context(browser, site_server, requests)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert requests.foreign == [], f"third-party requests: {requests.foreign}"
    assert errors == [], f"JavaScript errors: {errors}"


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.exists():
        pytest.fail(f"{AXE} not found: run .ci/install-system-deps (npm ci in tests/browser)")
    return AXE.read_text(encoding="utf-8")
