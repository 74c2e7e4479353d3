"""Incremental builds: the previous build's Markdown and a manifest, kept in the cache, say what changed.

A build with a cache keeps its Markdown tree (``<cache>/site/docs``) and a manifest:
the sha256 of every file in it, a key over everything else the HTML depends on (the
MkDocs configuration, the theme overrides, the site URL, SOURCE_DATE_EPOCH, the generator's
code, the MkDocs and Material versions), the redirects, and the identity (inode, size, time) of the
site it produced. The next build starts from a hard-linked copy of that tree: render
leaves a page whose text is unchanged alone (same bytes, same file time) and replaces
the others (``PageWriter``: unlink, then write, never through a link). MkDocs then
builds only the changed pages into a hard-linked copy of the previous site, whose
changed and removed pages were unlinked first, and the sitemap (with ``--site-url``) gets
their entries (``sitemap``); Pagefind indexes the whole site again.

Whenever that could differ from a cold build, the build is whole instead: no previous
build, a different key, or an output folder that is not the site the manifest describes.
Nothing here writes into the previous site or the kept tree: a failed or killed build
leaves both as they were, and the kept tree is replaced only after the swap.

Does not: render pages (``render``), run MkDocs (``mkdocs_parts``) or Pagefind (``pagefind_index``).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from ..render.reuse import RECORDS_FILE
from .staging import SITE_MARKER

#: Packages whose version changes the HTML MkDocs writes.
SITE_PACKAGES = ("mkdocs", "mkdocs-material", "mkdocs-redirects")


@dataclass
class Changes:
    """What differs between the previous build's Markdown tree and this one's."""

    pages: list[str] = field(default_factory=list)  # Markdown pages added or changed
    removed: list[str] = field(default_factory=list)  # Markdown pages gone
    files: list[str] = field(default_factory=list)  # other files (data exports) added, changed or removed
    redirects: dict[str, str] = field(default_factory=dict)  # redirects added or changed (old page -> new)
    stale_redirects: list[str] = field(default_factory=list)  # old pages whose redirect changed or went


def site_key(config_file: Path, *, site_url: str | None, code: str) -> str:
    """A hash of all that every page's HTML depends on besides its own Markdown."""
    digest = hashlib.sha256()
    digest.update(config_file.read_bytes())
    overrides = config_file.parent / "site_overrides"
    for path in sorted(overrides.rglob("*")) if overrides.is_dir() else []:
        if path.is_file():
            digest.update(path.relative_to(overrides).as_posix().encode() + b"\0" + path.read_bytes())
    for package in SITE_PACKAGES:
        try:
            digest.update(f"{package}=={importlib.metadata.version(package)}".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(f"{package} absent".encode())
    digest.update(json.dumps([site_url, os.environ.get("SOURCE_DATE_EPOCH"), code]).encode())
    return digest.hexdigest()


class PreviousBuild:
    """The kept Markdown tree and manifest in ``<cache>/site``, and the site they produced at ``out_dir``."""

    def __init__(self, cache_dir: Path, out_dir: Path):
        self.root = cache_dir / "site"
        self.docs = self.root / "docs"
        self.manifest_path = self.root / "manifest.json"
        self.out_dir = out_dir
        self.manifest = self._read()

    def _read(self) -> dict | None:
        try:
            manifest = json.loads(self.manifest_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not self.docs.is_dir() or manifest.get("site") != site_identity(self.out_dir):
            return None  # the output was replaced or removed since, or the kept tree is gone
        return manifest

    @property
    def hashes(self) -> dict[str, str]:
        """Path (under the docs tree) -> sha256 of its bytes, as the previous build wrote them."""
        return self.manifest["files"] if self.manifest else {}

    def link_docs(self, docs_dir: Path) -> dict[str, str]:
        """Start ``docs_dir`` as a hard-linked copy of the kept tree; return the hashes it holds."""
        if not self.manifest:
            return {}
        try:
            link_tree(self.docs, docs_dir)
        except OSError:  # the cache on another filesystem: no hard links, so a whole build
            shutil.rmtree(docs_dir, ignore_errors=True)
            self.manifest = None
            return {}
        return dict(self.hashes)

    def changes(self, hashes: dict[str, str], key: str, redirects: dict[str, str]) -> Changes | None:
        """What changed since the previous build, or ``None`` when the whole site must be built."""
        if not self.manifest or self.manifest.get("key") != key:
            return None
        old = self.hashes
        changes = Changes()
        for path in sorted(set(old) | set(hashes)):
            if old.get(path) == hashes.get(path):
                continue
            if not path.endswith(".md"):
                changes.files.append(path)
            elif path in hashes:
                changes.pages.append(path)
            else:
                changes.removed.append(path)
        old_redirects = self.manifest.get("redirects", {})
        changes.redirects = {old: new for old, new in redirects.items() if old_redirects.get(old) != new}
        changes.stale_redirects = sorted(old for old, new in old_redirects.items() if redirects.get(old) != new)
        return changes

    def records(self, key: str) -> Path | None:
        """The previous build's page records (``render.reuse``), when they belong to the kept tree and ``key``."""
        if not self.manifest or self.manifest.get("key") != key:
            return None
        return self.root / RECORDS_FILE

    def keep(self, docs_dir: Path, records: Path, hashes: dict[str, str], key: str, redirects: dict[str, str]) -> None:
        """After the swap: keep ``docs_dir`` and the page ``records`` (moved) and the manifest, for the next build."""
        self.manifest_path.unlink(missing_ok=True)  # first: a tree without its manifest is never read
        if self.manifest and self.manifest.get("site") == site_identity(self.out_dir):
            return  # the site was not replaced (a benchmark that stops before the swap): keep nothing
        old = self.root / "docs-old"
        shutil.rmtree(old, ignore_errors=True)
        self.root.mkdir(parents=True, exist_ok=True)
        try:
            if self.docs.exists():
                os.rename(self.docs, old)
            os.rename(docs_dir, self.docs)
            os.replace(records, self.root / RECORDS_FILE)
        except OSError:  # another filesystem: the next build is whole
            return
        finally:
            shutil.rmtree(old, ignore_errors=True)
        manifest = {"key": key, "site": site_identity(self.out_dir), "files": hashes, "redirects": redirects}
        partial = self.manifest_path.with_suffix(".partial")
        partial.write_text(json.dumps(manifest, sort_keys=True), encoding="utf-8")
        os.replace(partial, self.manifest_path)


def site_identity(out_dir: Path) -> list[int] | None:
    """Inode, size and time of the site's Pagefind entry file: every build writes a new one."""
    try:
        stat = (out_dir / SITE_MARKER).stat()
    except OSError:
        return None
    return [stat.st_ino, stat.st_size, stat.st_mtime_ns]


def link_tree(source: Path, target: Path, *, skip_top: tuple[str, ...] = ()) -> None:
    """``cp -al``: ``target`` gets the directories of ``source`` and a hard link to each file.

    Top-level entries whose name starts with one of ``skip_top`` are left out.
    """
    for folder, dirs, files in os.walk(source):
        relative = Path(folder).relative_to(source)
        if relative == Path("."):
            dirs[:] = [d for d in dirs if not d.startswith(skip_top)] if skip_top else dirs
            files = [f for f in files if not f.startswith(skip_top)] if skip_top else files
        (target / relative).mkdir(parents=True, exist_ok=True)
        for name in files:
            os.link(Path(folder) / name, target / relative / name)


def remove_files(root: Path, paths: list[str]) -> None:
    """Unlink each of ``paths`` under ``root`` and every directory that leaves empty."""
    for path in paths:
        target = root / path
        target.unlink(missing_ok=True)
        for parent in target.parents:
            if parent == root or not parent.is_dir() or any(parent.iterdir()):
                break
            parent.rmdir()


def prepare_site(previous_site: Path, docs_dir: Path, site_dir: Path, changes: Changes, *, config_file: Path) -> None:
    """``site_dir`` as the previous site, hard-linked, without what this build writes anew.

    Out: the Pagefind bundles (indexed again, whole), the HTML of changed and removed pages and
    of changed and removed redirects (MkDocs writes the new ones into files of their own). Changed data files are copied
    in here, as MkDocs would copy them; removed ones are removed.
    """
    from mkdocs.config import load_config
    from mkdocs.structure.files import File

    config = load_config(config_file=str(config_file), docs_dir=str(docs_dir), site_dir=str(site_dir))
    link_tree(previous_site, site_dir, skip_top=("pagefind",))
    pages = [*changes.pages, *changes.removed, *changes.stale_redirects]
    dest = [File(page, str(docs_dir), str(site_dir), config.use_directory_urls).dest_uri for page in pages]
    remove_files(site_dir, [*dest, *changes.files])
    for path in changes.files:
        if (docs_dir / path).is_file():
            (site_dir / path).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(docs_dir / path, site_dir / path)
