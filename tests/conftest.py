"""Shared fixtures: one full build of the real content per test session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.__main__ import main

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"


@pytest.fixture(scope="session")
def nlp():
    """The real pinned spaCy pipeline, loaded once per test session."""
    from generator.extract import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real content/ built once, with the real CLI, into a temporary directory."""
    out = tmp_path_factory.mktemp("built") / "site"
    assert main(["build", "--content", str(CONTENT), "--out", str(out), "--cache", str(out.parent / "cache")]) == 0
    return out


@pytest.fixture(scope="session")
def corpus_data(built_site: Path) -> dict:
    """The built site's data/corpus.json, parsed."""
    return json.loads((built_site / "data" / "corpus.json").read_text(encoding="utf-8"))
