"""The build cache: a warm rebuild reuses segment and NER results; a changed document is recomputed.

Inputs are three synthetic documents from bench/make_corpus.py (headlines,
bylines, "Translated by" lines, an Albanian passage), so the real model runs
on a few kilobytes only.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from generator.build import Timings, build_corpus, dedupe_all, extract_all
from generator.cache import Cache
from generator.dedupe import dedupe
from generator.extract import extract
from generator.language import LanguageDetector
from generator.load import load_inputs
from generator.runner import Runner
from generator.segment import segment

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def content(tmp_path: Path) -> Path:
    spec = importlib.util.spec_from_file_location("make_corpus", ROOT / "bench" / "make_corpus.py")
    make_corpus = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_corpus)
    make_corpus.make_corpus(3, tmp_path / "content")
    return tmp_path / "content"


def _mentions(corpus) -> list:
    return sorted(
        (m.article, m.span.document, m.span.line, m.span.start, m.span.end, m.role.value, m.entity_kind, m.quote)
        for e in (*corpus.people, *corpus.outlets)
        for m in e.mentions
    )


def test_cached_extract_gives_the_same_mentions_as_extract(content: Path, tmp_path: Path, nlp) -> None:
    inputs = load_inputs(content)
    articles = dedupe(segment(inputs.documents, curation=inputs.curation, languages=LanguageDetector()))
    documents = {d.id: d for d in inputs.documents}
    expected = extract(articles, documents, nlp=nlp, outlets=inputs.outlets, curation=inputs.curation)
    runner = Runner(Cache(tmp_path / "cache"), jobs=2)
    cold = extract_all(articles, inputs, runner=runner)
    warm = extract_all(articles, inputs, runner=runner)
    assert runner.cache.hits == runner.cache.misses > 3
    assert expected and cold == expected
    assert warm == expected


def test_warm_rebuild_reuses_every_cached_result(content: Path, tmp_path: Path) -> None:
    cold_cache = Cache(tmp_path / "cache")
    cold = build_corpus(load_inputs(content), timings=Timings(), runner=Runner(cold_cache))
    cold_cache.close()
    assert cold_cache.hits == 0 and cold_cache.misses > 3

    warm_cache = Cache(tmp_path / "cache")
    warm = build_corpus(load_inputs(content), timings=Timings(), runner=Runner(warm_cache))
    assert warm_cache.misses == 0
    assert warm_cache.hits == cold_cache.misses
    assert _mentions(warm) == _mentions(cold)


def test_a_changed_document_is_recomputed_and_nothing_else(content: Path, tmp_path: Path) -> None:
    cold_cache = Cache(tmp_path / "cache")
    build_corpus(load_inputs(content), timings=Timings(), runner=Runner(cold_cache))
    cold_cache.close()
    changed = sorted((content / "documents").glob("*.txt"))[1]
    lines = changed.read_text(encoding="utf-8").split("\n")
    lines[1] = lines[1] + " Laura Moreau told Reuters about it."
    changed.write_text("\n".join(lines), encoding="utf-8")

    warm_cache = Cache(tmp_path / "cache")
    warm = build_corpus(load_inputs(content), timings=Timings(), runner=Runner(warm_cache))
    # One document re-segmented, one article text re-signed and re-extracted; all else read back.
    assert warm_cache.misses == 3
    assert warm_cache.hits == cold_cache.misses - 3
    uncached = build_corpus(load_inputs(content), timings=Timings())
    assert _mentions(warm) == _mentions(uncached)
    assert any(m.span.text == "Laura Moreau" for p in warm.people for m in p.mentions)


def test_cached_signatures_give_the_same_articles_as_dedupe(content: Path, tmp_path: Path) -> None:
    inputs = load_inputs(content)

    def segments() -> list:
        return segment(inputs.documents, curation=inputs.curation, languages=LanguageDetector())

    expected = dedupe(segments())
    cache = Cache(tmp_path / "cache")
    cold = dedupe_all(segments(), runner=Runner(cache))
    warm = dedupe_all(segments(), runner=Runner(cache))
    assert cache.hits == cache.misses > 3
    assert cold == expected and warm == expected


def test_prune_drops_entries_a_build_did_not_use(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache", version="v1")
    cache.put_many([(cache.key("stage", 1), "one"), (cache.key("stage", 2), "two")])
    cache.close()
    cache = Cache(tmp_path / "cache", version="v1")
    assert cache.get_many([cache.key("stage", 1)]) == {cache.key("stage", 1): "one"}
    assert cache.prune() == 1
    assert cache.get_many([cache.key("stage", 2)]) == {}


def test_a_curation_edit_recomputes_only_the_articles_that_hold_the_name(content: Path, tmp_path: Path) -> None:
    cold_cache = Cache(tmp_path / "cache")
    cold = build_corpus(load_inputs(content), timings=Timings(), runner=Runner(cold_cache))
    cold_cache.close()
    texts = {a.id: " ".join(p.text for p in a.paragraphs) for a in cold.articles if a.has_page}
    name = next(
        m.span.text
        for p in cold.people
        for m in p.mentions
        if " " in m.span.text and sum(m.span.text in t for t in texts.values()) == 1
    )
    (content / "curation.yml").write_text(
        f"people:\n  - canonical: {name}\n    display: {name}\n    reason: a test\n", encoding="utf-8"
    )

    warm_cache = Cache(tmp_path / "cache")
    warm = build_corpus(load_inputs(content), timings=Timings(), runner=Runner(warm_cache))
    # Segment and dedupe read nothing of a person entry: all their results are read back.
    assert 1 <= warm_cache.misses < len(texts) / 2
    assert _mentions(warm) == _mentions(build_corpus(load_inputs(content), timings=Timings()))
