"""MkDocs in parts: the Markdown becomes HTML in child processes of bounded size, joined into one site.

Does not: write Markdown (``render``), index the site (``pagefind_index``).
"""

from __future__ import annotations

import ctypes
import gzip
import json
import logging
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import InclusionLevel, get_files

from ..errors import BuildError
from .notfound import finish_404

#: MkDocs builds the site in parts of at most this many pages and this many bytes of Markdown (see run_mkdocs).
PART_PAGES = 10_000
PART_BYTES = 100 * 2**20


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
    404.html and the redirect pages. The parts' sitemaps are joined in page order; without
    ``site_url`` there is no sitemap (it needs absolute URLs) and 404.html gets a loader (``notfound``).
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
            finish_404(site_dir, site_url=site_url)
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


_PART_COMMAND = "import sys; from generator.site.mkdocs_parts import build_part; sys.exit(build_part(sys.argv[1]))"


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
        plugin = _PartPlugin(set(spec["pages"]), first=spec["first"], sitemap=bool(spec["site_url"]))
        config.plugins["generator-part"] = plugin
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

    def __init__(self, pages: set[str], *, first: bool, sitemap: bool) -> None:
        super().__init__()
        self.pages = pages
        self.first = first
        self.sitemap = sitemap

    def on_config(self, config):
        templates = set(config.theme.static_templates)
        if not self.sitemap:
            # A sitemap lists absolute URLs, which only --site-url gives; without, none is written.
            templates.discard("sitemap.xml")
        if not self.first:
            # Only the sitemap (joined afterwards): 404.html comes from the first part.
            templates &= {"sitemap.xml"}
        config.theme.static_templates = templates
        return config

    def on_files(self, files, *, config):
        if not self.sitemap and files.get_file_from_path("sitemap.xml"):
            files.remove(files.get_file_from_path("sitemap.xml"))  # the template itself, else copied as it is
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
