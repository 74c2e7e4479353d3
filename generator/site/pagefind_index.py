"""Pagefind: the built HTML is indexed into one bundle or, for a large site, several; then made reproducible.

The browser script learns the bundles from ``assets/site-config.json``, written here.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from ..errors import BuildError

#: Pagefind indexes a site of more pages than this in parts, one bundle each (see run_pagefind).
PAGEFIND_PART_PAGES = 30_000
#: The Pagefind release whose files the lazy-filter shim (site_overrides/assets/pagefind-lazy/) and
#: ``stabilise_pagefind`` (its CBOR layout) were written against; tests/test_pagefind_version.py pins it.
PAGEFIND_VERSION = "1.5.2"


def run_pagefind(site_dir: Path, *, part_pages: int = PAGEFIND_PART_PAGES) -> list[str]:
    """Index ``site_dir`` with the Pagefind binary shipped by the ``pagefind[bin]`` package; return the bundles.

    Pagefind holds everything it indexes in memory until it writes (about 100 KB per
    article page), so a site of more than ``part_pages`` pages is indexed in parts:
    consecutive runs of its pages in path order, each seen by one ``pagefind`` run
    through a directory of hard links, each written as its own bundle
    (``pagefind/``, ``pagefind-2/``, …). The search UI merges the further bundles
    (``mergeIndex``); every bundle's name is written into ``assets/site-config.json``,
    which the browser script reads. A site that fits in one part gets one bundle.
    """
    pages = sorted(path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*.html"))
    if len(pages) > part_pages:
        pages = _indexed_pages(site_dir, pages)
    parts = [pages[i : i + part_pages] for i in range(0, len(pages), part_pages)] or [[]]
    bundles = ["pagefind", *(f"pagefind-{n}" for n in range(2, len(parts) + 1))]
    if len(parts) == 1:
        _pagefind(site_dir, site_dir / "pagefind")
    else:
        views = site_dir.with_name(site_dir.name + "-pagefind-views")
        try:
            for part, bundle in zip(parts, bundles, strict=True):
                view = views / bundle
                for page in part:
                    (view / page).parent.mkdir(parents=True, exist_ok=True)
                    os.link(site_dir / page, view / page)
                _pagefind(view, site_dir / bundle)
                shutil.rmtree(view)
        finally:
            shutil.rmtree(views, ignore_errors=True)
    for bundle in bundles:
        stabilise_pagefind(site_dir / bundle)
    write_search_config(site_dir, bundles)
    return bundles


def _indexed_pages(site_dir: Path, pages: list[str]) -> list[str]:
    """The pages that mark their body for the index (``data-pagefind-body``).

    Pagefind indexes only those when a site has any; but one run that sees none of them (a part
    made of search-excluded index pages) indexes every page it sees. So the parts hold only these.
    """
    marked = [page for page in pages if b"data-pagefind-body" in (site_dir / page).read_bytes()]
    return marked or pages


def _pagefind(site: Path, output: Path) -> None:
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(output), "--quiet"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BuildError(f"pagefind failed ({result.returncode}): {result.stderr.strip() or result.stdout.strip()}")


#: The browser script (site_overrides/assets/site.js) reads the search's settings from this file.
CONFIG = Path("assets") / "site-config.json"


def write_search_config(site_dir: Path, bundles: list[str]) -> None:
    """Tell the browser script which Pagefind bundles to search: the first, then those the UI merges in."""
    (site_dir / CONFIG).unlink(missing_ok=True)  # a hard link to the previous site's, in an incremental build
    (site_dir / CONFIG).write_text(json.dumps({"bundles": bundles}) + "\n", encoding="utf-8")


# Pagefind 1.5 writes the values of each filter in hash-map order, which changes
# from run to run, and names the files after a hash of their bytes. So two builds
# of the same site differ. Below, each filter file's values and the meta index's
# filter list are put in a fixed order (a permutation of whole CBOR items, so every
# length is unchanged), and the files are renamed to a hash of the new bytes.
_PAGEFIND_MAGIC = b"pagefind_dcd"


def stabilise_pagefind(bundle: Path) -> None:
    """Make Pagefind's filter and meta files byte-for-byte the same for the same site."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    renames: dict[str, str] = {}
    for path in sorted((bundle / "filter").glob("*.pf_filter")):
        data = _read_pagefind(path)
        # FilterIndex = [name, [[value, [page, ...]], ...]]
        _, values_at = _array_items(data, len(_PAGEFIND_MAGIC))
        renames[path.stem] = _write_renamed(path, _sort_array(data, values_at, key=_first_text))
    text = entry_path.read_text(encoding="utf-8")
    for language in entry["languages"].values():
        meta_path = bundle / f"pagefind.{language['hash']}.pf_meta"
        data = _read_pagefind(meta_path)
        # MetaIndex = [version, pages, chunks, filters, sorts, fields]; filters = [[name, file hash], ...]
        start, end = _array_items(data, len(_PAGEFIND_MAGIC))[3]
        filters = data[start:end]
        for old, new in renames.items():  # same length, so every offset stays valid
            filters = filters.replace(_cbor_text(old), _cbor_text(new))
        data = _sort_array(data[:start] + filters + data[end:], (start, end), key=_first_text)
        new_stem = _write_renamed(meta_path, data, prefix="pagefind.")
        text = text.replace(f'"{language["hash"]}"', f'"{new_stem.removeprefix("pagefind.")}"')
    entry_path.write_text(text, encoding="utf-8")


def _read_pagefind(path: Path) -> bytes:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(_PAGEFIND_MAGIC):
        raise BuildError(f"{path}: not a Pagefind index file (Pagefind version changed?)")
    return data


def _write_renamed(path: Path, data: bytes, *, prefix: str = "") -> str:
    """Write ``data`` gzipped (no timestamp) under a name with a hash of it; return the new stem."""
    stem = path.stem.removeprefix(prefix)
    language, old_hash = stem.rsplit("_", 1)
    new_stem = f"{prefix}{language}_{hashlib.sha256(data).hexdigest()[: len(old_hash)]}"
    path.unlink()
    path.with_name(new_stem + path.suffix).write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    return new_stem


def _cbor_head(data: bytes, pos: int) -> tuple[int, int, int]:
    """(major type, argument, position after the head) of the CBOR item at ``pos``."""
    major, info = data[pos] >> 5, data[pos] & 0x1F
    if info < 24:
        return major, info, pos + 1
    if info > 27:
        raise BuildError("Pagefind index: indefinite-length CBOR is not expected")
    size = 1 << (info - 24)
    return major, int.from_bytes(data[pos + 1 : pos + 1 + size], "big"), pos + 1 + size


def _cbor_end(data: bytes, pos: int) -> int:
    """Position just after the CBOR item at ``pos``."""
    major, argument, pos = _cbor_head(data, pos)
    if major in (2, 3):  # byte or text string
        return pos + argument
    if major in (4, 5):  # array or map
        for _ in range(argument * (2 if major == 5 else 1)):
            pos = _cbor_end(data, pos)
        return pos
    if major == 6:  # tag
        return _cbor_end(data, pos)
    return pos  # integers and simple values carry their value in the head


def _array_items(data: bytes, pos: int) -> list[tuple[int, int]]:
    """(start, end) of each item of the CBOR array at ``pos``."""
    major, count, pos = _cbor_head(data, pos)
    if major != 4:
        raise BuildError("Pagefind index: expected a CBOR array (Pagefind version changed?)")
    items = []
    for _ in range(count):
        end = _cbor_end(data, pos)
        items.append((pos, end))
        pos = end
    return items


def _sort_array(data: bytes, span: tuple[int, int], *, key) -> bytes:
    """``data`` with the items of the array at ``span`` in sorted order."""
    start, end = span
    items = _array_items(data, start)
    body = b"".join(sorted((data[s:e] for s, e in items), key=key))
    first = items[0][0] if items else end
    return data[:first] + body + data[end:]


def _first_text(item: bytes) -> bytes:
    """Sort key: the encoded first element of an array item (the filter or value name), then the rest."""
    (start, end), *_ = _array_items(item, 0)
    return item[start:end] + b"\x00" + item


def _cbor_text(text: str) -> bytes:
    raw = text.encode()
    head = bytes([0x60 | len(raw)]) if len(raw) < 24 else bytes([0x78, len(raw)])
    return head + raw
