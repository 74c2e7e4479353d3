"""The benchmark's synthetic corpus is deterministic and shaped like the real documents."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _make_corpus_module():
    spec = importlib.util.spec_from_file_location("make_corpus", ROOT / "bench" / "make_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make_corpus = _make_corpus_module()


def test_make_corpus_writes_the_same_bytes_twice(tmp_path: Path) -> None:
    first = make_corpus.make_corpus(5, tmp_path / "a")
    second = make_corpus.make_corpus(5, tmp_path / "b")
    assert [p.name for p in first] == [p.name for p in second]
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]


def test_a_smaller_corpus_is_a_prefix_of_a_larger_one(tmp_path: Path) -> None:
    small = make_corpus.make_corpus(3, tmp_path / "small")
    large = make_corpus.make_corpus(6, tmp_path / "large")
    assert [p.read_bytes() for p in small] == [p.read_bytes() for p in large[:3]]


def test_make_corpus_writes_content_the_generator_can_load(tmp_path: Path) -> None:
    make_corpus.make_corpus(2, tmp_path / "content")
    assert (tmp_path / "content" / "outlets.yml").exists()
    assert (tmp_path / "content" / "curation.yml").exists()
    assert len(list((tmp_path / "content" / "documents").glob("*.txt"))) == 2


def test_documents_are_listing_pages_of_about_ten_kilobytes() -> None:
    texts = [make_corpus.document(i) for i in range(40)]
    sizes = [len(t.encode("utf-8")) for t in texts]
    assert 7_000 < sum(sizes) / len(sizes) < 14_000
    attribution = re.compile(r"^(BY .+,|.+, [Tt]ranslated [Bb]y .+|https://\S+|Burimi: .+|.+ ,.+)$", re.MULTILINE)
    for text in texts:
        assert 3 <= len(attribution.findall(text)) <= 20 + 5  # one per article; a few headlines look alike


def test_corpus_has_translation_chains_albanian_also_read_and_shared_articles() -> None:
    texts = [make_corpus.document(i) for i in range(60)]
    joined = "\n".join(texts)
    assert re.search(r"Translated [Bb]y (Iran Interlink|iran-interlink)", joined)
    assert "Also read:" in joined
    assert "deklaroi" in joined or "Sipas" in joined  # Albanian passages
    paragraphs = [line for t in texts for line in t.split("\n") if len(line) > 200]
    assert len(paragraphs) > len(set(paragraphs))  # some articles appear in several documents


def test_names_come_with_transliteration_variants() -> None:
    joined = "\n".join(make_corpus.document(i) for i in range(60))
    assert sum(name in joined for name in ("Mohammad ", "Mohammed ", "Muhammad ")) >= 2
    assert sum(name in joined for name in ("Hosseini", "Hoseini", "Husseini")) >= 2
