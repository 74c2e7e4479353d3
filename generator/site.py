"""Site: MkDocs builds the Markdown into HTML, Pagefind indexes it, and the result is swapped in.

Everything is built inside a fresh staging directory beside the output; only a
finished, indexed site replaces the previous one, in one atomic rename, so a
failed or killed build leaves the old site exactly as it was. Staging
directories left behind by killed builds are removed by the next build.

Does not: write Markdown (``render``).
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import gzip
import hashlib
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from .errors import BuildError, OutputError

log = logging.getLogger(__name__)

#: A directory holding this file was built by us, so it may be replaced wholesale.
SITE_MARKER = Path("pagefind") / "pagefind-entry.json"


@contextmanager
def staging_area(out_dir: Path) -> Iterator[Path]:
    """A fresh directory beside ``out_dir`` (same filesystem, so renames are atomic); removed afterwards.

    The build holds an exclusive lock on it while it runs. The kernel drops the
    lock when the process dies, however it dies, so a staging directory whose
    lock can be taken belongs to a killed build and is removed here.
    """
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_staging(out_dir)
    staging = Path(tempfile.mkdtemp(prefix=_staging_prefix(out_dir), dir=out_dir.parent))
    lock = os.open(staging, os.O_RDONLY)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        os.close(lock)


def remove_stale_staging(out_dir: Path) -> list[Path]:
    """Remove staging directories of earlier builds that were killed; return them."""
    removed = []
    for candidate in sorted(out_dir.parent.glob(_staging_prefix(out_dir) + "*")):
        if candidate.is_symlink() or not candidate.is_dir():
            continue
        fd = os.open(candidate, os.O_RDONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            continue  # a build that is still running holds it
        finally:
            os.close(fd)
        shutil.rmtree(candidate, ignore_errors=True)
        removed.append(candidate)
    return removed


def _staging_prefix(out_dir: Path) -> str:
    return f".{out_dir.name}-build-"


def check_replaceable(out_dir: Path) -> None:
    """Refuse to replace a directory that holds something other than a site we built.

    ``--out`` is replaced wholesale, so a mistyped ``--out .`` or ``--out content``
    must stop here rather than delete someone's files.
    """
    if out_dir.is_symlink() or (out_dir.exists() and not out_dir.is_dir()):
        raise OutputError(f"{out_dir}: not a directory; give --out a directory path")
    if out_dir.is_dir() and any(out_dir.iterdir()) and not (out_dir / SITE_MARKER).is_file():
        raise OutputError(
            f"{out_dir}: not empty and not a site built by this generator (no {SITE_MARKER}); "
            "refusing to replace it: choose another --out or remove the directory yourself"
        )


def run_mkdocs(
    config_file: Path,
    docs_dir: Path,
    site_dir: Path,
    *,
    site_url: str | None,
    redirect_maps: dict[str, str] | None = None,
) -> None:
    """Build with MkDocs in strict mode, from ``docs_dir`` into ``site_dir``.

    ``redirect_maps`` (old page -> new page) goes to the ``redirects`` plugin when mkdocs.yml enables it.
    """
    overrides = {"docs_dir": str(docs_dir), "site_dir": str(site_dir), "strict": True}
    if site_url:
        overrides["site_url"] = site_url
    try:
        config = load_config(config_file=str(config_file), **overrides)
        if redirect_maps and "redirects" in config.plugins:
            config.plugins["redirects"].config["redirect_maps"] = dict(redirect_maps)
        with _build_date_never_from_clock():
            mkdocs_build(config)
    except MkDocsException as exc:
        raise BuildError(f"{config_file}: mkdocs build failed: {exc}") from exc
    except SystemExit as exc:  # mkdocs aborts strict builds with SystemExit
        raise BuildError(f"{config_file}: mkdocs build failed (strict mode, see warnings above)") from exc


@contextmanager
def _build_date_never_from_clock() -> Iterator[None]:
    """MkDocs dates the sitemap with the clock unless SOURCE_DATE_EPOCH is set: pin it to 0 meanwhile.

    The sitemap template (site_overrides/sitemap.xml) leaves that date out, and gzip reads 0 as "no time".
    """
    if os.environ.get("SOURCE_DATE_EPOCH"):
        yield
        return
    os.environ["SOURCE_DATE_EPOCH"] = "0"
    try:
        yield
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]


def run_pagefind(site_dir: Path) -> None:
    """Index ``site_dir`` with the Pagefind binary shipped by the ``pagefind[bin]`` package."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--quiet"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BuildError(f"pagefind failed ({result.returncode}): {result.stderr.strip() or result.stdout.strip()}")
    stabilise_pagefind(site_dir / "pagefind")


def swap_in(new_site: Path, out_dir: Path) -> None:
    """Put ``new_site`` at ``out_dir`` in one atomic step; the previous tree ends up at ``new_site``.

    On Linux, ``renameat2(RENAME_EXCHANGE)`` swaps the two in one system call, so
    there is no moment without a complete ``out_dir``. Elsewhere (or on a
    filesystem without it) two renames leave a window of microseconds.
    The caller removes ``new_site`` (now the old tree) with the staging area.
    """
    check_replaceable(out_dir)
    if not out_dir.exists():
        os.rename(new_site, out_dir)
        return
    if _exchange(new_site, out_dir):
        return
    old = new_site.with_name(new_site.name + "-old")
    os.rename(out_dir, old)
    os.rename(new_site, out_dir)
    os.rename(old, new_site)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically with Linux ``renameat2``; ``False`` where that is unavailable."""
    if not sys.platform.startswith("linux"):
        return False
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)  # glibc >= 2.28
    if renameat2 is None:
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(a), None, str(b))


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
