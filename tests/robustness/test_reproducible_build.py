"""Reproducible: the same input, built twice (from different folders), gives byte-identical trees."""

from __future__ import annotations

import datetime
import gzip
import shutil
import struct
from pathlib import Path

from .conftest import SITE_URL, SOURCE_DATE_EPOCH, run_build, tree_hashes


def test_two_builds_of_the_same_input_are_byte_identical(hostile_build, hostile_content: Path, tmp_path):
    """The first build ran serially without a cache; this one fills a fresh cache in parallel processes."""
    elsewhere = tmp_path / "copy" / "content"
    shutil.copytree(hostile_content, elsewhere)
    cache = ("--cache", str(tmp_path / "cache"), "--jobs", "2")
    second = run_build(elsewhere, tmp_path / "public" / "site", "--site-url", SITE_URL, *cache)
    assert second.returncode == 0, second.stderr
    first_tree, second_tree = tree_hashes(hostile_build.site), tree_hashes(second.site)
    assert any(path.endswith(".pf_filter") for path in first_tree)  # Pagefind's unstable files are there
    assert first_tree == second_tree


def test_source_date_epoch_sets_the_sitemap_dates(hostile_site: Path):
    day = datetime.datetime.fromtimestamp(int(SOURCE_DATE_EPOCH), datetime.UTC).date().isoformat()
    sitemap = (hostile_site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<lastmod>{day}</lastmod>" in sitemap
    assert sitemap.count("<lastmod>") == sitemap.count(f"<lastmod>{day}</lastmod>")
    packed = (hostile_site / "sitemap.xml.gz").read_bytes()
    midnight = int(SOURCE_DATE_EPOCH) // 86400 * 86400  # mkdocs stamps the gzip header with the build day
    assert struct.unpack("<I", packed[4:8])[0] == midnight
    assert gzip.decompress(packed).decode() == sitemap


def test_no_build_date_other_than_source_date_epoch_in_any_page(hostile_site: Path):
    today = datetime.date.today().isoformat()
    if today == datetime.datetime.fromtimestamp(int(SOURCE_DATE_EPOCH), datetime.UTC).date().isoformat():
        return
    for path in hostile_site.rglob("*"):
        if path.suffix in {".html", ".xml", ".json", ".csv"}:
            assert today not in path.read_text(encoding="utf-8"), path
