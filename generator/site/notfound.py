"""The 404 page: it works wherever the server shows it, at the site root or under any sub-path.

A server shows 404.html for any missing address, at any depth, so the page cannot use
relative URLs as the other pages do. With ``--site-url`` the site's path is known and
MkDocs writes it into every URL. Without it, MkDocs writes root-absolute URLs ("/assets/…"),
which leave the site when it is served under a sub-path; so here every such URL is made
relative to the site root, the stylesheets and scripts are held back, and a small inline
loader (``site_overrides/assets/notfound.js``) finds the root when the page opens, sets it as
``<base>`` and then loads them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

PAGE = Path("404.html")
#: The loader's source, copied in by MkDocs from site_overrides/; inlined into the page, then removed.
LOADER = Path("assets") / "notfound.js"

_SCRIPT = re.compile(r'<script src="/(?!/)([^"]*)"></script>\s*')
_LINK = re.compile(r"<link\b[^>]*>")
_ROOT_URL = re.compile(r'\b(href|src|action)="/(?!/)([^"]*)"')


def finish_404(site_dir: Path, *, site_url: str | None) -> None:
    """Make ``404.html`` work at any depth: as MkDocs wrote it with a site URL, else with the loader inlined."""
    loader = site_dir / LOADER
    if not loader.is_file():
        return  # a part that did not write the theme's files
    source = loader.read_text(encoding="utf-8")
    loader.unlink()
    page = site_dir / PAGE
    if site_url or not page.is_file():
        return
    folders = sorted({path.name for path in site_dir.iterdir() if path.is_dir()} | {"pagefind"})
    page.write_text(portable_404(page.read_text(encoding="utf-8"), source, folders), encoding="utf-8")


def portable_404(html: str, loader: str, folders: list[str]) -> str:
    """``html`` with root-relative URLs, its scripts and stylesheets left to ``loader`` (see module docstring)."""
    scripts = _SCRIPT.findall(html)
    html = _SCRIPT.sub("", html)
    html = _LINK.sub(lambda m: m.group(0).replace(' href="', ' data-root-href="'), html)
    html = html.replace('data-root-href="/', 'data-root-href="')
    html = _ROOT_URL.sub(lambda m: f'{m.group(1)}="{m.group(2) or "./"}"', html)
    call = f"({json.dumps(folders)}, {json.dumps(scripts)});"
    return html.replace("</head>", f"<script>{loader.strip()}{call}</script>\n</head>", 1)
