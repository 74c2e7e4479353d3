"""Incremental builds: over the previous build's cache, the site is byte-identical to a cold build of the same input.

One chain of builds over a cache (add a document, change one, remove one, edit the
curation), each compared with a cold build (``--no-cache``) of the same input in
another folder: every file, the Pagefind bundle included. Each incremental build must
also have been incremental: unchanged pages keep their file (same inode) in the site.
"""

from __future__ import annotations

import gc
import hashlib
import os
import threading
from pathlib import Path
from urllib.request import urlopen

import pytest

import generator.build as build_module
from generator.build import Timings, build
from generator.errors import BuildError
from generator.serve import BUILD_ID_PATH, RELOAD_SCRIPT, Watcher, make_server
from generator.site.incremental import PreviousBuild, link_tree, site_key

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "mkdocs.yml"

DOCUMENTS = {
    "first.txt": "Harbour talks resume\nJohn Smith said the harbour talks would resume on Monday.\n"
    "Mary Jones, the port's director, said the date was not fixed.\n",
    "second.txt": "Council meets on budget\nThe council met on Tuesday. Peter Brown said the budget was late.\n"
    "John Smith said the council would vote next week.\n",
    "third.txt": "Bridge reopens\nAnna White said the bridge reopened after repairs.\n",
}
ADDED = ("fourth.txt", "Library opens late\nPeter Brown said the library would open late this winter.\n")
CURATION = "people:\n  - canonical: Peter Brown\n    display: Peter J. Brown\n    reason: his own spelling\n"


def tree(root: Path) -> dict[str, str]:
    """Relative path -> sha256 of every file under ``root``; folders listed too."""
    out = {}
    for path in sorted(root.rglob("*")):
        key = path.relative_to(root).as_posix()
        out[key] = "dir" if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def inodes(root: Path) -> dict[str, int]:
    return {p.relative_to(root).as_posix(): p.stat().st_ino for p in root.rglob("*.html")}


@pytest.fixture(autouse=True)
def fixed_date(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


def write_content(tmp_path: Path) -> Path:
    """A content folder holding ``DOCUMENTS``."""
    content = tmp_path / "content"
    (content / "documents").mkdir(parents=True)
    for name, text in DOCUMENTS.items():
        (content / "documents" / name).write_text(text, encoding="utf-8")
    return content


def make_build(content: Path, out: Path, cache: Path | None, site_url: str | None = None) -> list[str]:
    """Build; return what the build reported."""
    details: list[str] = []
    timings = Timings(report=lambda stage, detail: details.append(f"{stage}: {detail}"))
    build(content, out, config_file=CONFIG, cache_dir=cache, jobs=1, timings=timings, site_url=site_url)
    return details


def test_incremental_builds_equal_cold_builds(tmp_path):
    content = write_content(tmp_path)
    site, cache = tmp_path / "site", tmp_path / "cache"
    make_build(content, site, cache)

    def add(documents: Path) -> None:
        (documents / ADDED[0]).write_text(ADDED[1], encoding="utf-8")

    def change(documents: Path) -> None:
        path = documents / "second.txt"
        path.write_text(path.read_text(encoding="utf-8").replace("next week", "on Friday"), encoding="utf-8")

    def remove(documents: Path) -> None:
        (documents / "third.txt").unlink()

    def curate(documents: Path) -> None:
        (documents.parent / "curation.yml").write_text(CURATION, encoding="utf-8")

    for step, edit in enumerate([add, change, remove, curate]):
        before = inodes(site)
        # Links to every file of the previous site and kept Markdown: the build must write through none of them.
        sources = {"site": site, "kept Markdown": cache / "site"}
        previous = {name: tmp_path / f"links-{step}" / str(n) for n, name in enumerate(sources)}
        for name, links in previous.items():
            link_tree(sources[name], links)
        hashes = {name: tree(links) for name, links in previous.items()}
        edit(content / "documents")
        details = make_build(content, site, cache)
        for name, links in previous.items():
            assert tree(links) == hashes[name], f"{edit.__name__}: the build wrote into the previous {name}"
        assert any(d.startswith("mkdocs: ") and "changed" in d for d in details), "\n".join(details)
        assert any(d.startswith("render: ") and "unchanged" in d for d in details), "no unit of pages was kept"
        cold = tmp_path / f"cold-{step}" / "site"
        make_build(content, cold, None)
        assert tree(site) == tree(cold), edit.__name__
        kept = [path for path, inode in inodes(site).items() if before.get(path) == inode]
        assert kept, f"{edit.__name__}: no page kept its file, so the build was not incremental"


def test_a_build_without_cache_keeps_nothing_and_replaces_every_page(tmp_path):
    content = write_content(tmp_path)
    site = tmp_path / "site"
    make_build(content, site, None)
    before = inodes(site)
    make_build(content, site, None)
    assert not [path for path, inode in inodes(site).items() if before.get(path) == inode]
    assert not os.path.exists(tmp_path / "cache")


def test_serve_watch_rebuilds_on_a_change_and_the_build_id_changes(tmp_path):
    content = write_content(tmp_path)
    site, cache = tmp_path / "site", tmp_path / "cache"
    make_build(content, site, cache)
    rebuilt = threading.Event()

    def rebuild() -> None:
        make_build(content, site, cache)
        rebuilt.set()

    server = make_server(site, 0, live=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    watcher = Watcher(content, rebuild).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        first = urlopen(base + BUILD_ID_PATH).read().decode()
        assert RELOAD_SCRIPT in urlopen(base + "/").read().decode()
        assert urlopen(base + "/assets/site-config.json").read() == (site / "assets" / "site-config.json").read_bytes()
        (content / "documents" / ADDED[0]).write_text(ADDED[1], encoding="utf-8")
        assert rebuilt.wait(timeout=180), "no rebuild after a document was added"
        assert urlopen(base + BUILD_ID_PATH).read().decode() != first
        assert "Library opens late" in urlopen(base + "/documents/").read().decode()
    finally:
        watcher.stop()
        server.shutdown()
        server.server_close()


def test_a_changed_configuration_or_theme_override_means_a_whole_build(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: A\n", encoding="utf-8")
    (tmp_path / "site_overrides").mkdir()
    (tmp_path / "site_overrides" / "main.html").write_text("one", encoding="utf-8")
    keys = [site_key(config, site_url=None, code="c")]
    config.write_text("site_name: B\n", encoding="utf-8")
    keys.append(site_key(config, site_url=None, code="c"))
    (tmp_path / "site_overrides" / "main.html").write_text("two", encoding="utf-8")
    keys.append(site_key(config, site_url=None, code="c"))
    keys.append(site_key(config, site_url=None, code="d"))
    assert len(set(keys)) == len(keys)
    assert keys[-1] == site_key(config, site_url=None, code="d")


def test_changes_sorts_pages_files_and_redirects(tmp_path):
    previous = PreviousBuild(tmp_path / "cache", tmp_path / "site")
    previous.manifest = {
        "key": "k",
        "files": {"a.md": "1", "b.md": "2", "data/x.csv": "3"},
        "redirects": {"o.md": "a.md"},
    }
    assert previous.changes({"a.md": "1"}, "other key", {}) is None
    changes = previous.changes({"a.md": "1", "b.md": "9", "c.md": "4"}, "k", {"p.md": "a.md"})
    assert (changes.pages, changes.removed, changes.files) == (["b.md", "c.md"], [], ["data/x.csv"])
    assert (changes.redirects, changes.stale_redirects) == ({"p.md": "a.md"}, ["o.md"])
    assert previous.changes({"b.md": "2", "data/x.csv": "3"}, "k", {"o.md": "a.md"}).removed == ["a.md"]


def test_with_a_site_url_the_sitemap_gets_the_added_pages_and_loses_the_removed(tmp_path):
    content = write_content(tmp_path)
    site, cache, url = tmp_path / "site", tmp_path / "cache", "https://example.org/archive/"
    make_build(content, site, cache, url)
    (content / "documents" / "third.txt").unlink()
    (content / "documents" / ADDED[0]).write_text(ADDED[1], encoding="utf-8")
    details = make_build(content, site, cache, url)
    assert any(d.startswith("mkdocs: ") and "changed" in d for d in details), "\n".join(details)
    cold = tmp_path / "cold" / "site"
    make_build(content, cold, None, url)
    assert "documents/fourth/" in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert tree(site) == tree(cold)


def test_a_failed_incremental_build_leaves_the_previous_site_and_the_next_one_is_right(tmp_path, monkeypatch):
    content = write_content(tmp_path)
    site, cache = tmp_path / "site", tmp_path / "cache"
    make_build(content, site, cache)
    before = tree(site)
    (content / "documents" / "third.txt").write_text(DOCUMENTS["third.txt"] + "Anna White said more.\n")

    def fail(site_dir: Path) -> None:
        raise BuildError("pagefind failed (test)")

    monkeypatch.setattr(build_module, "run_pagefind", fail)
    with pytest.raises(BuildError):
        make_build(content, site, cache)  # MkDocs has written the changed pages by then
    assert tree(site) == before
    monkeypatch.undo()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    make_build(content, site, cache)
    make_build(content, tmp_path / "cold" / "site", None)
    assert tree(site) == tree(tmp_path / "cold" / "site")


def test_the_generator_stages_collect_garbage_rarely_and_restore_the_thresholds(monkeypatch, tmp_path):
    before = gc.get_threshold()
    seen = []

    def first_step(content_dir):
        seen.append(gc.get_threshold())
        raise BuildError("stopped after its first step")

    monkeypatch.setattr(build_module, "load_inputs", first_step)
    job = build_module.GenerateJob(
        content_dir=tmp_path,
        docs_dir=tmp_path / "docs",
        kept={},
        reuse=None,
        site=None,
        site_url=None,
        cache_dir=None,
        jobs=1,
        limits=None,
    )
    with pytest.raises(BuildError):
        build_module.generate(job, Timings())
    assert seen == [build_module.GC_THRESHOLDS] != [before]
    assert gc.get_threshold() == before
