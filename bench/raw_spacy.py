"""NER throughput: our extract stage against raw spaCy ``nlp.pipe`` on the same paragraphs, A/B/A.

Takes articles until their model paragraphs hold ``SAMPLE_CHARS`` characters,
then times, one after the other: raw ``nlp.pipe`` (``n_process`` = cores, our
pipeline from ``load_nlp()``), our ``build.extract_all`` on those articles with an
empty cache and one worker per core (model loading, rules, mention building,
the corpus-wide pass and cache writes included), and raw again. Alternating on
the same text keeps the load of a shared machine from landing on one side only.

Usage: ``python bench/raw_spacy.py CONTENT RESULT.json`` (generator importable)
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from generator import extract as ex
from generator.build import dedupe_all, extract_all, segment_all
from generator.cache import Cache
from generator.load import load_inputs
from generator.runner import Runner, default_jobs

SAMPLE_CHARS = 2_000_000
BATCH_SIZE = 256


def main() -> None:
    content, result = Path(sys.argv[1]), Path(sys.argv[2])
    inputs = load_inputs(content)
    jobs = default_jobs()
    cache = Cache(result.parent / "cache")  # the cold build's: segmentation is read back
    segments = segment_all(inputs, runner=Runner(cache, jobs))
    articles = [a for a in dedupe_all(segments, runner=Runner()) if a.has_page]
    documents = {d.id: d for d in inputs.documents}

    def model_texts(chosen: list) -> list[str]:
        return [ex._line(documents, a, p) for a in chosen for p in a.paragraphs if ex.goes_to_model(p)]

    model_chars = sum(map(len, model_texts(articles)))
    sample, size = [], 0
    for article in articles:
        if size >= SAMPLE_CHARS:
            break
        sample.append(article)
        size += sum(map(len, model_texts([article])))
    texts = model_texts(sample)
    nlp = ex.load_nlp()

    def raw() -> float:
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=jobs):
            pass
        return time.perf_counter() - start

    def ours() -> float:
        with tempfile.TemporaryDirectory() as empty:
            start = time.perf_counter()
            extract_all(sample, inputs, runner=Runner(Cache(Path(empty)), jobs))
            return time.perf_counter() - start

    raw_first, our_seconds, raw_second = raw(), ours(), raw()
    raw_seconds = (raw_first + raw_second) / 2
    result.write_text(
        json.dumps(
            {
                "model_chars": model_chars,
                "sample_chars": size,
                "sample_articles": len(sample),
                "sample_texts": len(texts),
                "raw_seconds": [round(raw_first, 2), round(raw_second, 2)],
                "our_extract_seconds": round(our_seconds, 2),
                "chars_per_second": size / raw_seconds,
                "our_chars_per_second": size / our_seconds,
                "ab_ratio": raw_seconds / our_seconds,
                "n_process": jobs,
                "batch_size": BATCH_SIZE,
                "pipeline": nlp.pipe_names,
            }
        )
    )


if __name__ == "__main__":
    main()
