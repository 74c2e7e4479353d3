"""Atomic: a build killed at any stage (SIGTERM or SIGKILL) leaves the previous site byte-identical.

Each case starts a real ``python -m generator build`` on a one-document corpus,
waits until it is inside the stage, kills it, and compares the output tree
with its hashes from before. SIGTERM must also clean up its staging directory;
after SIGKILL the staging directory stays and must be recognised as stale.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from generator.errors import EXIT_INTERRUPTED
from generator.site import SITE_MARKER, remove_stale_staging

from .conftest import ROOT, tree_hashes

DOCUMENT = "A short article\nJohn Smith said the build was killed.\nMary Jones said nothing.\n"

#: Stands in for ``python -m pagefind``: says it started, then waits to be killed.
PAGEFIND_SHIM = """import os, pathlib, time
pathlib.Path(os.environ["PAGEFIND_SHIM_MARKER"]).write_text("running")
time.sleep(120)
"""


@pytest.fixture
def workspace(tmp_path: Path) -> dict[str, Path]:
    content = tmp_path / "content"
    (content / "documents").mkdir(parents=True)
    (content / "documents" / "short.txt").write_text(DOCUMENT)
    site = tmp_path / "public" / "site"
    (site / SITE_MARKER).parent.mkdir(parents=True)
    (site / SITE_MARKER).write_text('{"previous": true}')
    (site / "index.html").write_text("<p>the previous site</p>")
    (site / "people" / "someone").mkdir(parents=True)
    (site / "people" / "someone" / "index.html").write_bytes(b"\x00binary\xff")
    shim = tmp_path / "shim" / "pagefind"
    shim.mkdir(parents=True)
    (shim / "__init__.py").write_text("")
    (shim / "__main__.py").write_text(PAGEFIND_SHIM)
    return {
        "content": content,
        "site": site,
        "shim": shim.parent,
        "marker": tmp_path / "pagefind-started",
        "cache": tmp_path / "cache",
    }


def start_build(workspace: dict[str, Path]) -> tuple[subprocess.Popen, list[str]]:
    env = {
        **os.environ,
        "PYTHONPATH": str(workspace["shim"]),  # the build's `python -m pagefind` finds the shim
        "PAGEFIND_SHIM_MARKER": str(workspace["marker"]),
        "COLUMNS": "300",
    }
    command = [sys.executable, "-m", "generator", "build", "--content", str(workspace["content"])]
    # A cache and two processes, as a default build runs: a kill must also stop the workers cleanly.
    options = ["--out", str(workspace["site"]), "--cache", str(workspace["cache"]), "--jobs", "2"]
    process = subprocess.Popen(
        [*command, *options],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, so a SIGKILLed build's children can be cleaned up
    )
    lines: list[str] = []
    threading.Thread(target=lambda: lines.extend(process.stderr), daemon=True).start()
    return process, lines


def wait_until(condition, process: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert process.poll() is None, "the build ended before reaching the stage"
        assert time.monotonic() < deadline, "the build did not reach the stage in time"
        time.sleep(0.005)


def group_alive(pgid: int, grace: float = 5) -> bool:
    """Whether any process of the build's process group is still running after ``grace`` seconds."""
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return False
        time.sleep(0.05)
    return True


def staging_dirs(site: Path) -> list[Path]:
    return sorted(site.parent.glob(f".{site.name}-build-*"))


STAGES = {
    # load has printed its line: segment, dedupe and extract are running, nothing is staged yet
    "model": lambda w, lines: any(line.split()[:1] == ["load"] for line in list(lines)),
    # an MkDocs child process has started writing HTML into the staging directory
    "mkdocs": lambda w, lines: any(any((d / "site-parts").glob("site-*")) for d in staging_dirs(w["site"])),
    # the whole site is built and Pagefind is indexing it
    "pagefind": lambda w, lines: w["marker"].exists(),
}


@pytest.mark.parametrize("kill", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
@pytest.mark.parametrize("stage", list(STAGES))
def test_killed_build_leaves_previous_site_byte_identical(workspace, stage, kill):
    before = tree_hashes(workspace["site"])
    process, lines = start_build(workspace)
    try:
        wait_until(lambda: STAGES[stage](workspace, lines), process)
        process.send_signal(kill)
        returncode = process.wait(timeout=60)
        leftovers = group_alive(process.pid) if kill == signal.SIGTERM else None
    finally:
        try:
            os.killpg(process.pid, signal.SIGKILL)  # a SIGKILLed build cannot stop its Pagefind child itself
        except ProcessLookupError:
            pass
    assert tree_hashes(workspace["site"]) == before
    if kill == signal.SIGTERM:
        assert returncode == EXIT_INTERRUPTED, "".join(lines)
        assert "interrupted" in "".join(lines)
        assert staging_dirs(workspace["site"]) == []  # cleaned up on the way out
        assert not leftovers, "worker, MkDocs or Pagefind processes outlived the interrupted build"
    else:
        assert returncode == -signal.SIGKILL
        # Whatever was left is stale: its lock died with the build, so the next build removes it.
        left = staging_dirs(workspace["site"])
        assert remove_stale_staging(workspace["site"]) == left
        assert staging_dirs(workspace["site"]) == []
