"""The sitemap of a site built in parts or incrementally: MkDocs' own entries, joined in page order.

Each MkDocs part writes ``sitemap.xml`` (and ``.gz``) listing its own pages; an
incremental build's parts list only the changed pages. Here the entries are joined
into one sitemap, byte for byte what one whole MkDocs build writes: an entry is the
same text whichever build wrote it (its URL and the build date).

Does not: decide what is built (``mkdocs_parts``, ``incremental``).
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from urllib.parse import urljoin

from markupsafe import escape
from mkdocs.structure.files import File

_ENTRY = re.compile(rb"\s*<url>.*?</url>", re.DOTALL)
_LOC = re.compile(rb"<loc>(.*?)</loc>", re.DOTALL)


def page_locs(config, pages: list[str]) -> list[bytes]:
    """The ``<loc>`` text MkDocs writes for each of ``pages`` (source paths), in that order."""
    base = config.site_url if config.site_url.endswith("/") else config.site_url + "/"
    locs = []
    for page in pages:
        url = File(page, config.docs_dir, config.site_dir, config.use_directory_urls).url
        url = "" if url in (".", "./") else url
        locs.append(str(escape(urljoin(base, url))).encode())
    return locs


def join_sitemaps(texts: list[bytes]) -> bytes:
    """The first sitemap with the entries of all of them, in order."""
    entries = [entry for text in texts for entry in _ENTRY.findall(text)]
    return _with_entries(texts[0], entries)


def update_sitemap(site_dir: Path, new_sitemaps: list[Path], locs: list[bytes]) -> None:
    """``site_dir``'s sitemap with the entries of ``new_sitemaps`` in, and only those of ``locs``, in that order.

    ``site_dir``'s sitemap may be a hard link to the previous site's: it is replaced, never written into.
    """
    sitemap = site_dir / "sitemap.xml"
    text = sitemap.read_bytes()
    entries = {_loc(entry): entry for entry in _ENTRY.findall(text)}
    for path in new_sitemaps:
        entries.update((_loc(entry), entry) for entry in _ENTRY.findall(path.read_bytes()))
    write_sitemap(site_dir, _with_entries(text, [entries[loc] for loc in locs if loc in entries]))


def write_sitemap(site_dir: Path, text: bytes) -> None:
    """Write ``sitemap.xml`` and ``sitemap.xml.gz`` anew, the gzip header's time kept as MkDocs set it."""
    packed = site_dir / "sitemap.xml.gz"
    mtime = int.from_bytes(packed.read_bytes()[4:8], "little")
    for path in (site_dir / "sitemap.xml", packed):
        path.unlink()
    (site_dir / "sitemap.xml").write_bytes(text)
    with open(packed, "wb") as raw, gzip.GzipFile(fileobj=raw, filename=str(packed), mode="wb", mtime=mtime) as gz:
        gz.write(text)


def _loc(entry: bytes) -> bytes:
    found = _LOC.search(entry)
    return found.group(1) if found else entry


def _with_entries(text: bytes, entries: list[bytes]) -> bytes:
    own = _ENTRY.findall(text)
    start = text.index(own[0]) if own else text.index(b"</urlset>")
    end = start + sum(len(entry) for entry in own)
    return text[:start] + b"".join(entries) + text[end:]
