"""Visit pages in Debian's Chromium and report what happened, as JSON; run by the robustness tests.

A separate process, so it never shares a Playwright instance (one per thread)
with tests/browser. Reads ``{"visits": [{"url": …, "wait_for": selector|null,
"links": selector|null}]}`` on stdin and writes one report per visit: the
dialogs opened, every request made (other origins are aborted), failed
responses, the number of elements of the kinds injections create, and the
``href`` of every element matching ``links``.
"""

from __future__ import annotations

import json
import sys
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

from tests.chromium import CHROMIUM, CHROMIUM_ARGS

INJECTED = "iframe, object, embed, base, img[src='x'], [onerror], [onload], [onclick], [onmouseover]"


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def main() -> None:
    visits = json.load(sys.stdin)["visits"]
    reports = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(service_workers="block")
        page = context.new_page()
        report: dict = {}

        def route(route) -> None:
            url = route.request.url
            report["requests"].append(url)
            if url.startswith(("data:", "blob:", "about:")) or origin(url) == report["origin"]:
                route.continue_()
            else:
                route.abort()

        context.route("**/*", route)
        page.on("dialog", lambda d: (report["dialogs"].append(d.message), d.dismiss()))
        page.on("response", lambda r: report["failed"].append([r.status, r.url]) if r.status >= 400 else None)
        for visit in visits:
            report = {"url": visit["url"], "origin": origin(visit["url"]), "dialogs": [], "requests": [], "failed": []}
            page.goto(visit["url"], wait_until="load")
            if visit.get("wait_for"):
                page.locator(visit["wait_for"]).first.wait_for(timeout=15000)
            page.wait_for_timeout(50)  # let any onerror/onload handler fire
            report["injected"] = page.locator(INJECTED).count()
            if visit.get("links"):
                report["links"] = [a.get_attribute("href") for a in page.locator(visit["links"]).all()]
            reports.append(report)
        browser.close()
    json.dump(reports, sys.stdout)


if __name__ == "__main__":
    main()
