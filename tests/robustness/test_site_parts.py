"""Large sites are built in parts: MkDocs part by part (child processes), Pagefind bundle by bundle.

MkDocs in parts gives the site built in one go, byte for byte; Pagefind in parts
gives bundles that together index every page once, and lists them for the search UI.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from generator.build import Timings, build_corpus
from generator.errors import BuildError
from generator.load import load_inputs
from generator.render import render
from generator.render.pagemeta import redirect_maps
from generator.render.siteconfig import read_site_config
from generator.site import run_mkdocs, run_pagefind

from .conftest import ROOT, SITE_URL, SOURCE_DATE_EPOCH, tree_hashes


@pytest.fixture(scope="module")
def hostile_docs(hostile_content: Path, tmp_path_factory) -> tuple[Path, dict[str, str]]:
    corpus = build_corpus(load_inputs(hostile_content), timings=Timings())
    docs = tmp_path_factory.mktemp("parts") / "docs"
    render(corpus, docs, site=read_site_config(ROOT / "mkdocs.yml"), site_url=SITE_URL)
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
    for path in (
        "index.md",
        "search.md",
        "documents/index.md",
        "articles/index.md",
        "people/index.md",
        "chronology/index.md",
    ):
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(f"# {path}\n", encoding="utf-8")
    (docs / "outlets").mkdir()
    (docs / "outlets" / "index.md").write_text("# Outlets\n\n[gone](no-such-page.md)\n", encoding="utf-8")
    with pytest.raises(BuildError) as error:
        run_mkdocs(ROOT / "mkdocs.yml", docs, tmp_path / "site", site_url=None, part_pages=2)
    message = str(error.value)
    assert "mkdocs.yml" in message and "outlets/index.md" in message and "no-such-page.md" in message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs"]


def test_pagefind_in_parts_indexes_every_page_once_and_lists_the_bundles(hostile_docs, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
    docs, redirects = hostile_docs
    built = tmp_path / "built"
    run_mkdocs(ROOT / "mkdocs.yml", docs, built, site_url=SITE_URL, redirect_maps=redirects)
    sites, bundles = {}, {}
    for name, part_pages in (("one", 10**6), ("parts", 5), ("again", 5)):
        site = sites[name] = tmp_path / name
        shutil.copytree(built, site, copy_function=os.link)
        bundles[name] = run_pagefind(site, part_pages=part_pages)

    def pages(name: str) -> int:
        entries = [sites[name] / bundle / "pagefind-entry.json" for bundle in bundles[name]]
        return sum(json.loads(entry.read_text())["languages"]["en"]["page_count"] for entry in entries)

    assert bundles["one"] == ["pagefind"]
    split = bundles["parts"]
    assert len(split) > 2 and split == ["pagefind", *(f"pagefind-{n}" for n in range(2, len(split) + 1))]
    assert sorted(p.name for p in sites["parts"].iterdir() if p.name.startswith("pagefind")) == sorted(split)
    assert pages("parts") == pages("one")
    config = "assets/site-config.json"
    assert json.loads((sites["parts"] / config).read_text(encoding="utf-8")) == {"bundles": split}
    assert json.loads((sites["one"] / config).read_text(encoding="utf-8")) == {"bundles": ["pagefind"]}
    assert (sites["one"] / "assets" / "site.js").read_bytes() == (built / "assets" / "site.js").read_bytes()
    assert tree_hashes(sites["parts"]) == tree_hashes(sites["again"])  # deterministic
    assert not list(tmp_path.glob("*-pagefind-views"))
