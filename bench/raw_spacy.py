"""Raw spaCy throughput: ``nlp.pipe`` with both cores over the paragraphs our extract gives the model.

Run by ``bench/run.py`` after the cold build (whose cache makes segmentation here
cheap). At most ``SAMPLE_CHARS`` of text are timed: throughput is a rate, and the
whole 10,000-document corpus would take as long again as the build.

Usage: ``python bench/raw_spacy.py CONTENT RESULT.json`` (generator importable)
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from generator import extract as ex
from generator.build import Timings, build_corpus
from generator.cache import Cache, default_jobs
from generator.load import load_inputs

SAMPLE_CHARS = 5_000_000
BATCH_SIZE = 256


def main() -> None:
    content, result = Path(sys.argv[1]), Path(sys.argv[2])
    inputs = load_inputs(content)
    cache = Cache(result.parent / "cache")
    corpus = build_corpus(inputs, timings=Timings(), cache=cache, jobs=default_jobs())
    documents = {d.id: d for d in inputs.documents}
    texts = [
        ex._line(documents, a, p) for a in corpus.articles if a.has_page for p in a.paragraphs if ex.goes_to_model(p)
    ]
    model_chars = sum(map(len, texts))
    sample, size = [], 0
    for text in texts:
        if size >= SAMPLE_CHARS:
            break
        sample.append(text)
        size += len(text)
    nlp = ex.load_nlp()
    start = time.perf_counter()
    for _ in nlp.pipe(sample, batch_size=BATCH_SIZE, n_process=default_jobs()):
        pass
    seconds = time.perf_counter() - start
    result.write_text(
        json.dumps(
            {
                "model_chars": model_chars,
                "sample_chars": size,
                "sample_texts": len(sample),
                "pipe_seconds": round(seconds, 2),
                "chars_per_second": size / seconds,
                "n_process": default_jobs(),
                "batch_size": BATCH_SIZE,
                "pipeline": nlp.pipe_names,
            }
        )
    )


if __name__ == "__main__":
    main()
