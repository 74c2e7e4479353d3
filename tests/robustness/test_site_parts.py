"""MkDocs in parts: a site built part by part (in child processes) is the site built in one go, byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import SITE_NAME, Timings, build_corpus
from generator.errors import BuildError
from generator.load import load_inputs
from generator.pagemeta import redirect_maps
from generator.render import render
from generator.site import run_mkdocs

from .conftest import ROOT, SITE_URL, SOURCE_DATE_EPOCH, tree_hashes


@pytest.fixture(scope="module")
def hostile_docs(hostile_content: Path, tmp_path_factory) -> tuple[Path, dict[str, str]]:
    corpus = build_corpus(load_inputs(hostile_content), timings=Timings())
    docs = tmp_path_factory.mktemp("parts") / "docs"
    render(corpus, docs, site_name=SITE_NAME, site_url=SITE_URL)
    return docs, redirect_maps(corpus)


def test_parts_build_the_same_site_as_one_build(hostile_docs, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
    docs, redirects = hostile_docs
    config = ROOT / "mkdocs.yml"
    whole = run_mkdocs(config, docs, tmp_path / "one", site_url=SITE_URL, redirect_maps=redirects)
    assert len(whole) == 1
    parts = run_mkdocs(config, docs, tmp_path / "parts", site_url=SITE_URL, redirect_maps=redirects, part_pages=4)
    assert len(parts) >= 4
    assert sum(parts, []) == whole[0]  # every page in exactly one part, in MkDocs' order
    by_bytes = run_mkdocs(config, docs, tmp_path / "bytes", site_url=SITE_URL, redirect_maps=redirects, part_bytes=1)
    assert len(by_bytes) == len(whole[0])  # one page per part
    one = tree_hashes(tmp_path / "one")
    assert one == tree_hashes(tmp_path / "parts")
    assert one == tree_hashes(tmp_path / "bytes")
    assert "sitemap.xml" in one and "404.html" in one
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bytes", "one", "parts"]  # no part left behind


def test_a_warning_in_any_part_fails_the_build_and_names_the_page(tmp_path):
    docs = tmp_path / "docs"
    for path in ("index.md", "search.md", "documents/index.md", "articles/index.md", "people/index.md"):
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(f"# {path}\n", encoding="utf-8")
    (docs / "outlets").mkdir()
    (docs / "outlets" / "index.md").write_text("# Outlets\n\n[gone](no-such-page.md)\n", encoding="utf-8")
    with pytest.raises(BuildError) as error:
        run_mkdocs(ROOT / "mkdocs.yml", docs, tmp_path / "site", site_url=None, part_pages=2)
    message = str(error.value)
    assert "mkdocs.yml" in message and "outlets/index.md" in message and "no-such-page.md" in message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs"]
