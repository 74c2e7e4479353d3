"""Bytes one search fetches: open the built site's /search/ page in Chromium, search, count.

Prints JSON: the page load and the search itself, each as bytes on the wire with
gzip (files Pagefind already compresses are counted as they are), and the
Pagefind index data (entry, meta, index chunks, filters, fragments) on its own.

Usage: ``python bench/search_probe.py SITE_DIR QUERY``
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
INDEX_SUFFIXES = (".pf_meta", ".pf_index", ".pf_filter", ".pf_fragment", "pagefind-entry.json")
PRECOMPRESSED = (*INDEX_SUFFIXES[:-1], ".pagefind")


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002
        pass


def wire_size(url: str, body: bytes) -> int:
    path = url.split("?")[0]
    return len(body) if path.endswith(PRECOMPRESSED) else len(gzip.compress(body, 6))


def main() -> None:
    site, query = Path(sys.argv[1]), sys.argv[2]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    fetched: list[tuple[str, str, int, int]] = []
    phase = ["load"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()

        def on_response(response) -> None:
            try:
                body = response.body()
            except Exception:  # redirects have no body
                return
            fetched.append((phase[0], response.url, len(body), wire_size(response.url, body)))

        page.on("response", on_response)
        page.goto(base + "search/", wait_until="networkidle")
        phase[0] = "search"
        page.locator("#search-page input").fill(query)
        page.wait_for_selector("#search-page .pagefind-ui__result-link", timeout=60_000)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(1000)
        results = page.locator("#search-page .pagefind-ui__result-link").count()
        browser.close()
    server.shutdown()

    search = [r for r in fetched if r[0] == "search"]
    index = [r for r in fetched if r[1].split("?")[0].endswith(INDEX_SUFFIXES)]
    print(
        json.dumps(
            {
                "query": query,
                "results_shown": results,
                "index_bytes": sum(r[3] for r in index),
                "index_files": len(index),
                "search_wire_bytes": sum(r[3] for r in search),
                "page_and_search_wire_bytes": sum(r[3] for r in fetched),
                "pagefind_wire_bytes": sum(r[3] for r in fetched if "/pagefind/" in r[1]),
                "largest": sorted(((r[3], r[1].replace(base, "")) for r in fetched), reverse=True)[:8],
            }
        )
    )


if __name__ == "__main__":
    main()
