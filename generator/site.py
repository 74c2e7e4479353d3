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
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import InclusionLevel, get_files

from .errors import BuildError, OutputError

log = logging.getLogger(__name__)

#: A directory holding this file was built by us, so it may be replaced wholesale.
SITE_MARKER = Path("pagefind") / "pagefind-entry.json"

#: MkDocs builds the site in parts of at most this many pages and this many bytes of Markdown (see run_mkdocs).
PART_PAGES = 10_000
PART_BYTES = 100 * 2**20
#: Pagefind indexes a site of more pages than this in parts, one bundle each (see run_pagefind).
PAGEFIND_PART_PAGES = 30_000


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
    part_pages: int = PART_PAGES,
    part_bytes: int = PART_BYTES,
    jobs: int | None = None,
) -> list[list[str]]:
    """Build with MkDocs in strict mode, from ``docs_dir`` into ``site_dir``; return the parts built.

    MkDocs reads and renders every page before it writes any, so its memory grows
    with the whole site (9.6 GB for 114,415 pages). The pages are therefore split
    into parts of at most ``part_pages`` pages and ``part_bytes`` bytes of Markdown
    (a small site is one part), in MkDocs' own page order, and each part is built
    by its own ``mkdocs build`` in a child process, ``jobs`` at a time, so that its
    memory goes back to the system when it ends. Every part sees every file (the
    nav, and links between pages, resolve as in one build) but reads, renders and
    writes only its own pages; the first part also writes the theme's assets,
    404.html and the redirect pages. The parts' sitemaps are joined in page order.
    A part's warnings fail the build (strict mode) and are quoted in the error.

    ``redirect_maps`` (old page -> new page) goes to the ``redirects`` plugin when mkdocs.yml enables it.
    """
    with _build_date_never_from_clock():
        config = _load_config(config_file, docs_dir, site_dir, site_url)
        parts = plan_parts(config, part_pages=part_pages, part_bytes=part_bytes)
        del config
        work = site_dir.with_name(site_dir.name + "-parts")
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        try:
            specs = []
            for index, pages in enumerate(parts):
                spec = {
                    "config_file": str(config_file),
                    "docs_dir": str(docs_dir),
                    "site_dir": str(work / f"site-{index}"),
                    "site_url": site_url,
                    "first": index == 0,
                    "pages": pages,
                    "redirect_maps": dict(redirect_maps or {}) if index == 0 else {},
                }
                spec_path = work / f"part-{index}.json"
                spec_path.write_text(json.dumps(spec), encoding="utf-8")
                specs.append(spec_path)
            _run_parts(config_file, specs, jobs=jobs or min(2, os.cpu_count() or 1))
            _merge_parts([work / f"site-{index}" for index in range(len(parts))], site_dir)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return parts


def _load_config(config_file: Path, docs_dir: Path, site_dir: Path, site_url: str | None):
    overrides = {"docs_dir": str(docs_dir), "site_dir": str(site_dir), "strict": True}
    if site_url:
        overrides["site_url"] = site_url
    try:
        return load_config(config_file=str(config_file), **overrides)
    except MkDocsException as exc:
        raise BuildError(f"{config_file}: mkdocs build failed: {exc}") from exc
    except SystemExit as exc:
        raise BuildError(f"{config_file}: mkdocs build failed: invalid configuration") from exc


def plan_parts(config, *, part_pages: int = PART_PAGES, part_bytes: int = PART_BYTES) -> list[list[str]]:
    """The documentation pages (source paths) in MkDocs' order, cut into consecutive parts.

    A part ends when it holds ``part_pages`` pages or ``part_bytes`` bytes of
    Markdown. The cut depends only on the pages and their sizes, so it is the same
    for the same site.
    """
    docs_dir = Path(config.docs_dir)
    parts: list[list[str]] = [[]]
    size = 0
    for file in get_files(config).documentation_pages():
        page_bytes = (docs_dir / file.src_uri).stat().st_size
        if parts[-1] and (len(parts[-1]) >= part_pages or size + page_bytes > part_bytes):
            parts.append([])
            size = 0
        parts[-1].append(file.src_uri)
        size += page_bytes
    return parts


def _run_parts(config_file: Path, specs: list[Path], *, jobs: int) -> None:
    """Run one child process per part, ``jobs`` at a time; stop them all if one fails or we are interrupted."""
    package_root = str(Path(__file__).resolve().parent.parent)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_root, env.get("PYTHONPATH")]))
    waiting = list(enumerate(specs))
    running: dict[int, tuple[subprocess.Popen, Path]] = {}
    try:
        while waiting or running:
            while waiting and len(running) < jobs:
                index, spec = waiting.pop(0)
                log_path = spec.with_suffix(".log")
                with open(log_path, "wb") as log_file:
                    command = [sys.executable, "-c", _PART_COMMAND, str(spec)]
                    running[index] = (subprocess.Popen(command, env=env, stdout=log_file, stderr=log_file), log_path)
            for index, (process, log_path) in list(running.items()):
                if process.poll() is None:
                    continue
                del running[index]
                if process.returncode != 0:
                    text = log_path.read_text(encoding="utf-8", errors="replace").strip()
                    lines = [line for line in text.splitlines() if line.strip()]
                    detail = "\n".join(lines[-40:]) or f"exit status {process.returncode}"
                    where = f"part {index + 1} of {len(specs)}"
                    raise BuildError(f"{config_file}: mkdocs build failed ({where}):\n{detail}")
            time.sleep(0.05)
    finally:
        for process, _ in running.values():
            process.terminate()
        for process, _ in running.values():
            process.wait()


_PART_COMMAND = "import sys; from generator.site import build_part; sys.exit(build_part(sys.argv[1]))"


def build_part(spec_path: str) -> int:
    """Child process: build one part (see ``run_mkdocs``); 0 on success, 1 after printing the problems."""
    _die_with_parent()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s", stream=sys.stderr)
    spec = json.loads(Path(spec_path).read_text(encoding="utf-8"))
    config_file = spec["config_file"]
    try:
        config = _load_config(Path(config_file), Path(spec["docs_dir"]), Path(spec["site_dir"]), spec["site_url"])
        if "redirects" in config.plugins:
            config.plugins["redirects"].config["redirect_maps"] = spec["redirect_maps"]
        config.plugins["generator-part"] = _PartPlugin(set(spec["pages"]), first=spec["first"])
        mkdocs_build(config)
    except BuildError as exc:
        print(exc, file=sys.stderr)
        return 1
    except MkDocsException as exc:
        print(f"{config_file}: {exc}", file=sys.stderr)
        return 1
    except SystemExit as exc:  # mkdocs aborts strict builds with SystemExit
        print(f"{config_file}: strict mode: {exc}", file=sys.stderr)
        return 1
    return 0


def _die_with_parent() -> None:
    """Linux: the kernel kills this child if the build that started it dies (even by SIGKILL)."""
    if sys.platform.startswith("linux"):
        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)


class _PartPlugin(BasePlugin):
    """Restricts one ``mkdocs build`` to the pages of its part; see ``run_mkdocs``."""

    def __init__(self, pages: set[str], *, first: bool) -> None:
        super().__init__()
        self.pages = pages
        self.first = first

    def on_config(self, config):
        if not self.first:
            # Only the sitemap (joined afterwards): 404.html comes from the first part.
            config.theme.static_templates = {name for name in config.theme.static_templates if name == "sitemap.xml"}
        return config

    def on_files(self, files, *, config):
        if not self.first:
            for file in [f for f in files if not f.is_documentation_page()]:
                files.remove(file)  # assets and data files: copied by the first part
        return files

    def on_nav(self, nav, *, config, files):
        # After the nav is made (so it is whole); excluded pages are neither read nor written.
        for file in files.documentation_pages():
            if file.src_uri not in self.pages:
                file.inclusion = InclusionLevel.EXCLUDED
        return nav


_SITEMAP_URL = re.compile(rb"\s*<url>.*?</url>", re.DOTALL)


def _merge_parts(parts: list[Path], site_dir: Path) -> None:
    """Move the parts' trees into ``site_dir``; join their sitemaps (in part order, which is page order)."""
    first, rest = parts[0], parts[1:]
    if rest and (first / "sitemap.xml").exists():
        texts = [(part / "sitemap.xml").read_bytes() for part in parts]
        blocks = [_SITEMAP_URL.findall(text) for text in texts]
        head = texts[0]
        start = head.index(blocks[0][0]) if blocks[0] else head.index(b"</urlset>")
        end = start + sum(len(b) for b in blocks[0])
        merged = head[:start] + b"".join(b for part_blocks in blocks for b in part_blocks) + head[end:]
        (first / "sitemap.xml").write_bytes(merged)
        packed = first / "sitemap.xml.gz"
        mtime = int.from_bytes(packed.read_bytes()[4:8], "little")
        with open(packed, "wb") as raw, gzip.GzipFile(fileobj=raw, filename=str(packed), mode="wb", mtime=mtime) as gz:
            gz.write(merged)
        for part in rest:
            (part / "sitemap.xml").unlink()
            (part / "sitemap.xml.gz").unlink(missing_ok=True)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    os.rename(first, site_dir)
    for part in rest:
        _move_tree(part, site_dir)


def _move_tree(source: Path, target: Path) -> None:
    """Rename every entry of ``source`` into ``target``, descending only into directories both hold."""
    for entry in sorted(os.scandir(source), key=lambda e: e.name):
        destination = target / entry.name
        if not os.path.lexists(destination):
            os.rename(entry.path, destination)
        elif entry.is_dir(follow_symlinks=False) and destination.is_dir():
            _move_tree(Path(entry.path), destination)
        elif Path(entry.path).read_bytes() != destination.read_bytes():
            raise BuildError(f"{destination.relative_to(target.parent)}: two mkdocs parts wrote it differently")


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


def run_pagefind(site_dir: Path, *, part_pages: int = PAGEFIND_PART_PAGES) -> list[str]:
    """Index ``site_dir`` with the Pagefind binary shipped by the ``pagefind[bin]`` package; return the bundles.

    Pagefind holds everything it indexes in memory until it writes (about 100 KB per
    article page), so a site of more than ``part_pages`` pages is indexed in parts:
    consecutive runs of its pages in path order, each seen by one ``pagefind`` run
    through a directory of hard links, each written as its own bundle
    (``pagefind/``, ``pagefind-2/``, …). The search UI merges the further bundles
    (``mergeIndex``); their names are written into ``assets/site.js``. A site that
    fits in one part gets one bundle, and site.js is left as it is.
    """
    pages = sorted(path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*.html"))
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
        _write_bundle_list(site_dir, bundles[1:])
    for bundle in bundles:
        stabilise_pagefind(site_dir / bundle)
    return bundles


def _pagefind(site: Path, output: Path) -> None:
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(output), "--quiet"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BuildError(f"pagefind failed ({result.returncode}): {result.stderr.strip() or result.stdout.strip()}")


#: The line of site_overrides/assets/site.js that lists the Pagefind bundles the search merges.
_MORE_BUNDLES = "var MORE_BUNDLES = [];"


def _write_bundle_list(site_dir: Path, bundles: list[str]) -> None:
    script = site_dir / "assets" / "site.js"
    text = script.read_text(encoding="utf-8") if script.is_file() else ""
    if text.count(_MORE_BUNDLES) != 1:
        raise BuildError(f"{script}: no '{_MORE_BUNDLES}' line to list the further Pagefind bundles in")
    script.write_text(text.replace(_MORE_BUNDLES, f"var MORE_BUNDLES = {json.dumps(bundles)};"), encoding="utf-8")


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
