"""The page writer: renders each page's template and writes it, leaving a file the previous build wrote the same alone.

Does not: decide what a page shows (``views``), or whether a page is built at all (``reuse``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from ..wording import plural
from .fragments import front_matter_value, link
from .pagination import page_root


def make_environment() -> Environment:
    """The templates' environment; every filter and function they use is registered here, once."""
    env = Environment(
        loader=PackageLoader("generator", "templates"),
        autoescape=True,
        auto_reload=False,  # one build: no need to stat the template file again for every page
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["link"] = link
    env.filters["front_matter"] = front_matter_value
    env.filters["plural"] = plural
    return env


class PageWriter:
    """Renders each page's template and writes it at once: at 10,000 documents the pages are gigabytes.

    ``previous`` (path -> sha256) lists the files ``docs_dir`` already holds, hard-linked from the
    previous build (``site.incremental``): a page whose text is the same is left alone (its bytes
    and its file time), any other file is unlinked before it is written, never written through
    the link, and ``remove_stale`` removes what this build did not write. ``hashes`` ends up
    listing every file written, for the next build.
    """

    def __init__(self, docs_dir: Path, *, previous: dict[str, str] | None = None):
        self.docs_dir = docs_dir
        self.env = make_environment()
        self.templates = {n: self.env.get_template(n) for n in self.env.list_templates() if not n.startswith("_")}
        self.written: set[str] = set()
        self.directories: set[Path] = set()
        self.previous = previous or {}
        self.hashes: dict[str, str] = {}
        self._collected: list[str] | None = None

    def page(self, path: str, template: str, **values: object) -> None:
        """Write the page built from ``path`` (a Markdown path under ``docs_dir``) with ``template``."""
        self.write(path, self.templates[template].render(root=page_root(path), **values))
        self.written.add(path)
        if self._collected is not None:
            self._collected.append(path)

    def collect(self, build: Callable[[], Any]) -> tuple[list[str], Any]:
        """Run ``build``; return the pages it wrote, in order, and what it returned."""
        self._collected = []
        try:
            result = build()
            return self._collected, result
        finally:
            self._collected = None

    def keep(self, paths: list[str]) -> bool:
        """Count the previous build's ``paths`` as written by this one, if it left them all; say whether it did."""
        if not all(path in self.previous for path in paths):
            return False
        for path in paths:
            self.hashes[path] = self.previous[path]
            self.written.add(path)
        return True

    def write(self, path: str, text: str) -> None:
        """Write ``text`` at ``path`` under ``docs_dir``, unless the previous build wrote the same."""
        data = text.encode("utf-8")
        digest = hashlib.sha256(data).hexdigest()
        self.hashes[path] = digest
        target = self.fresh(path)
        if self.previous.get(path) == digest:
            return
        target.unlink(missing_ok=True)
        target.write_bytes(data)

    def fresh(self, path: str) -> Path:
        """The file ``path`` under ``docs_dir``, its folder made."""
        target = self.docs_dir / path
        if target.parent not in self.directories:
            target.parent.mkdir(parents=True, exist_ok=True)
            self.directories.add(target.parent)
        return target

    def replace(self, path: str) -> Path:
        """The file ``path``, unlinked so that the caller writes a new one; ``record`` it afterwards."""
        target = self.fresh(path)
        target.unlink(missing_ok=True)
        return target

    def record(self, path: str) -> None:
        self.hashes[path] = hashlib.sha256((self.docs_dir / path).read_bytes()).hexdigest()

    def remove_stale(self) -> None:
        """Remove the previous build's files that this one did not write."""
        for path in sorted(set(self.previous) - set(self.hashes)):
            (self.docs_dir / path).unlink(missing_ok=True)
