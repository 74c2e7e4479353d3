"""Take the README's screenshots from a built site, in the same Chromium the tests use.

    .venv/bin/python -m generator build --out /tmp/site
    .venv/bin/python -m tests.browser.screenshots /tmp/site docs/screenshots

Pages are chosen from the site's corpus.json the same way the tests choose them.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

from .conftest import CHROMIUM, CHROMIUM_ARGS, PREFIX, SubPathHandler
from .test_reader import TOP_RESULT, article_with_most_mentions, top_person


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site", type=Path, help="a built site directory")
    parser.add_argument("out", type=Path, help="where to write the PNGs")
    args = parser.parse_args()
    corpus = json.loads((args.site / "data" / "corpus.json").read_text(encoding="utf-8"))
    args.out.mkdir(parents=True, exist_ok=True)
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(SubPathHandler, directory=str(args.site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    person = top_person(corpus)
    article = article_with_most_mentions(corpus)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 860}, color_scheme="light")
        page.goto(base)
        page.screenshot(path=args.out / "home.png")
        page.goto(base + person["url"])
        page.screenshot(path=args.out / "person.png")
        page.goto(base + article["url"])
        page.screenshot(path=args.out / "article.png")
        page.goto(base)
        page.keyboard.press("/")
        page.locator("#search-dialog .pagefind-ui__search-input").fill(person["name"])
        page.wait_for_selector(f"#search-dialog {TOP_RESULT}")
        page.wait_for_timeout(500)  # let the sub-results settle
        page.screenshot(path=args.out / "search.png")
        page.close()
        mobile = browser.new_page(viewport={"width": 375, "height": 740}, color_scheme="dark", device_scale_factor=2)
        mobile.goto(base + person["url"])
        mobile.screenshot(path=args.out / "person-mobile-dark.png")
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
