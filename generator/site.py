"""Site: MkDocs builds the Markdown into HTML, Pagefind indexes it, and the result is swapped in.

Everything is built inside a fresh temporary directory beside the output; only
a finished, indexed site replaces the previous one, so a failed or killed build
leaves the old site as it was.

Does not: write Markdown (``render``).
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from .errors import BuildError

log = logging.getLogger(__name__)


@contextmanager
def staging_area(out_dir: Path):
    """A temporary directory on the same filesystem as ``out_dir``; removed afterwards."""
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-build-", dir=out_dir.parent))
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def run_mkdocs(config_file: Path, docs_dir: Path, site_dir: Path, *, site_url: str | None) -> None:
    """Build with MkDocs in strict mode, from ``docs_dir`` into ``site_dir``."""
    overrides = {"docs_dir": str(docs_dir), "site_dir": str(site_dir), "strict": True}
    if site_url:
        overrides["site_url"] = site_url
    try:
        config = load_config(config_file=str(config_file), **overrides)
        mkdocs_build(config)
    except MkDocsException as exc:
        raise BuildError(f"{config_file}: mkdocs build failed: {exc}") from exc
    except SystemExit as exc:  # mkdocs aborts strict builds with SystemExit
        raise BuildError(f"{config_file}: mkdocs build failed (strict mode, see warnings above)") from exc


def run_pagefind(site_dir: Path) -> None:
    """Index ``site_dir`` with the Pagefind binary shipped by the ``pagefind[bin]`` package."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--quiet"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BuildError(f"pagefind failed ({result.returncode}): {result.stderr.strip() or result.stdout.strip()}")


def swap_in(new_site: Path, out_dir: Path) -> None:
    """Replace ``out_dir`` with ``new_site`` in two renames; the old tree is deleted after."""
    if out_dir.exists():
        old = out_dir.with_name(f".{out_dir.name}-old-{os.getpid()}")
        os.rename(out_dir, old)
        os.rename(new_site, out_dir)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.rename(new_site, out_dir)
