"""The swap into the output directory: atomic, cleans up after killed builds, never deletes a non-site."""

from __future__ import annotations

import fcntl
import os
import sys
from pathlib import Path

import pytest

from generator.errors import EXIT_OUTPUT, OutputError
from generator.site import SITE_MARKER, check_replaceable, remove_stale_staging, staging_area, swap_in
from generator.site import staging as staging_module


def make_site(path: Path, text: str) -> Path:
    (path / SITE_MARKER).parent.mkdir(parents=True)
    (path / SITE_MARKER).write_text("{}")
    (path / "index.html").write_text(text)
    return path


def test_swap_replaces_the_site_and_leaves_the_old_tree_in_staging(tmp_path):
    out = make_site(tmp_path / "site", "old")
    with staging_area(out) as staging:
        make_site(staging / "site", "new")
        swap_in(staging / "site", out)
        assert (out / "index.html").read_text() == "new"
        assert (staging / "site" / "index.html").read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="renameat2 is Linux-only")
def test_rename_exchange_swaps_two_directories_in_one_step(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    make_site(a, "a")
    make_site(b, "b")
    assert staging_module._exchange(a, b) is True
    assert ((a / "index.html").read_text(), (b / "index.html").read_text()) == ("b", "a")


def test_swap_without_rename_exchange_falls_back_to_renames(tmp_path, monkeypatch):
    monkeypatch.setattr(staging_module, "_exchange", lambda a, b: False)
    out = make_site(tmp_path / "site", "old")
    with staging_area(out) as staging:
        make_site(staging / "site", "new")
        swap_in(staging / "site", out)
        assert (out / "index.html").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_swap_into_a_missing_output_directory_creates_it(tmp_path):
    out = tmp_path / "public" / "site"
    with staging_area(out) as staging:
        make_site(staging / "site", "new")
        swap_in(staging / "site", out)
    assert (out / "index.html").read_text() == "new"


def test_staging_left_by_a_killed_build_is_removed_by_the_next_build(tmp_path):
    out = make_site(tmp_path / "site", "old")
    stale = tmp_path / ".site-build-deadbeef"
    (stale / "site").mkdir(parents=True)
    with staging_area(out) as staging:
        assert not stale.exists()
        assert staging.name.startswith(".site-build-")


def test_staging_of_a_build_still_running_is_left_alone(tmp_path):
    out = tmp_path / "site"
    running = tmp_path / ".site-build-running"
    running.mkdir()
    fd = os.open(running, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # as the running build holds it
        assert remove_stale_staging(out) == []
        assert running.exists()
    finally:
        os.close(fd)
    assert remove_stale_staging(out) == [running]


def test_a_failed_build_removes_its_staging_and_keeps_the_old_site(tmp_path):
    out = make_site(tmp_path / "site", "old")
    with pytest.raises(RuntimeError), staging_area(out) as staging:
        make_site(staging / "site", "half")
        raise RuntimeError("mkdocs failed")
    assert (out / "index.html").read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


@pytest.mark.parametrize("make", ["file", "non-site", "symlink"])
def test_output_that_is_not_a_site_we_built_is_never_replaced(tmp_path, make):
    out = tmp_path / "out"
    if make == "file":
        out.write_text("precious")
    elif make == "non-site":
        out.mkdir()
        (out / "thesis.tex").write_text("precious")
    else:
        make_site(tmp_path / "real", "x")
        out.symlink_to(tmp_path / "real")
    with pytest.raises(OutputError) as caught:
        check_replaceable(out)
    assert caught.value.exit_code == EXIT_OUTPUT
    assert str(caught.value).startswith(f"{out}: ")


@pytest.mark.parametrize("make", ["empty", "previous site", "missing"])
def test_empty_or_previously_built_output_may_be_replaced(tmp_path, make):
    out = tmp_path / "out"
    if make == "empty":
        out.mkdir()
    elif make == "previous site":
        make_site(out, "old")
    check_replaceable(out)
    with staging_area(out) as staging:
        swap_in(make_site(staging / "site", "new"), out)
    assert (out / "index.html").read_text() == "new"
