"""Walking a paginated list by its pager, for the tests of the Markdown and of the built HTML."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path


def follow_pager(first: Path, label: str, resolve: Callable[[Path, str], tuple[Path, str]]) -> list[Path]:
    """``first`` and the pages after it, by the ``rel="next"`` link of the pager nav labelled ``label``.

    ``resolve(page, href)`` gives the file a link on ``page`` points to (and its fragment).
    """
    pages = [first]
    while True:
        text = pages[-1].read_text(encoding="utf-8")
        nav = re.search(rf'<nav class="pager" aria-label="{label}".*?</nav>', text, re.S)
        following = nav and re.search(r'rel="next" href="([^"]*)"', nav.group(0))
        if not following:
            return pages
        page, _ = resolve(pages[-1], following.group(1))
        assert page.exists(), page
        assert page not in pages, f"pager loops at {page}"
        pages.append(page)
