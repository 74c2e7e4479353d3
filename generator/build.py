"""The pipeline, top to bottom: load, segment, dedupe, extract, resolve, render, mkdocs, pagefind."""

from __future__ import annotations

import ctypes
import gc
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .cache import Cache, cached_dedupe, cached_extract, cached_segment, default_jobs
from .curation import Curation
from .dedupe import dedupe
from .errors import Problem
from .extract import extract, load_nlp
from .language import LanguageDetector
from .load import Inputs, load_inputs
from .model import Corpus, Document, Mention
from .pagemeta import redirect_maps
from .render import render
from .resolve import person_key, resolve
from .segment import segment
from .site import check_replaceable, run_mkdocs, run_pagefind, staging_area, swap_in

SITE_NAME = "MEK in Albania: press reference"


@dataclass
class Timings:
    """Wall time per stage, in seconds, in the order the stages ran."""

    stages: dict[str, float] = field(default_factory=dict)
    report: Callable[[str, str], None] = lambda stage, detail: None

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        self.report(name, "…")
        start = time.perf_counter()
        yield
        self.stages[name] = time.perf_counter() - start


def build_corpus(inputs: Inputs, *, timings: Timings, nlp=None, cache: Cache | None = None, jobs: int = 1) -> Corpus:
    """Run the model stages: documents in, the whole corpus out.

    With a ``cache``, segment and extract reuse earlier results and compute the rest in ``jobs`` processes.
    """
    with timings.stage("segment"):
        if cache:
            segments = cached_segment(
                inputs.documents, curation=inputs.curation, outlets=inputs.outlets, cache=cache, jobs=jobs
            )
        else:
            segments = segment(
                inputs.documents, curation=inputs.curation, languages=LanguageDetector(), outlets=inputs.outlets
            )
    timings.report("segment", f"{len(segments)} segments")
    with timings.stage("dedupe"):
        articles = cached_dedupe(segments, cache=cache) if cache else dedupe(segments)
    timings.report("dedupe", f"{len(articles)} distinct articles")
    with timings.stage("extract"):
        documents = {d.id: d for d in inputs.documents}
        if cache:
            mentions = cached_extract(
                articles, documents, outlets=inputs.outlets, curation=inputs.curation, cache=cache, jobs=jobs
            )
        else:
            nlp = nlp or load_nlp()
            mentions = extract(articles, documents, nlp=nlp, outlets=inputs.outlets, curation=inputs.curation)
    timings.report("extract", f"{len(mentions)} mentions")
    with timings.stage("resolve"):
        articles, people, outlets = resolve(articles, mentions, curation=inputs.curation, outlets=inputs.outlets)
    timings.report("resolve", f"{len(people)} people, {len(outlets)} outlets")
    for warning in unmatched_curation(inputs.curation, mentions, inputs.documents):
        timings.report("warning", str(warning))
    return Corpus(inputs.documents, articles, people, outlets)


def unmatched_curation(curation: Curation, mentions: list[Mention], documents: list[Document]) -> list[Problem]:
    """Curation entries naming a person that no document mentions: a typo, or a document since removed.

    A warning, not an error: the names come from a statistical model, and a model
    update that stops finding one name should not stop the build. A ``not_a_person``
    name never becomes a mention (that is what the entry is for), so it only has to
    occur somewhere in the documents' text.
    """
    found = {person_key(m.span.text) for m in mentions if m.entity_kind == "person"}
    rejected = {n.name for n in curation.not_people}
    text = "\n".join(line for document in documents for line in document.lines)
    return [
        Problem(curation.source, line, f"{name!r} matches no person named in the documents; check the spelling")
        for name, line in curation.person_names()
        if person_key(name) not in found and not (name in rejected and name in text)
    ]


def build(
    content_dir: Path,
    out_dir: Path,
    *,
    config_file: Path,
    site_url: str | None = None,
    timings: Timings | None = None,
    cache_dir: Path | None = None,
    jobs: int | None = None,
) -> int:
    """Build the whole site from ``content_dir`` into ``out_dir``, atomically; return the number of pages rendered.

    With ``cache_dir``, segment and extract results are kept there and reused by the next build.
    The corpus is let go once its Markdown is written: MkDocs and Pagefind run in
    child processes and need only the files, so the build's own memory is not held
    (and counted) beside theirs.
    """
    timings = timings or Timings()
    check_replaceable(out_dir)  # before the slow stages, not only at the swap
    with timings.stage("load"):
        inputs = load_inputs(content_dir)
    timings.report("load", f"{len(inputs.documents)} documents")
    for warning in inputs.warnings:
        timings.report("warning", str(warning))
    cache = Cache(cache_dir) if cache_dir else None
    try:
        corpus = build_corpus(inputs, timings=timings, cache=cache, jobs=jobs or default_jobs())
        if cache:
            cache.prune()
    finally:
        if cache:
            cache.close()
    del inputs  # the corpus holds the documents
    with staging_area(out_dir) as staging:
        docs_dir, site_dir = staging / "docs", staging / "site"
        with timings.stage("render"):
            pages = render(corpus, docs_dir, site_name=SITE_NAME, site_url=site_url)
        timings.report("render", f"{pages} pages")
        redirects = redirect_maps(corpus)
        del corpus
        release_memory()
        with timings.stage("mkdocs"):
            run_mkdocs(config_file, docs_dir, site_dir, site_url=site_url, redirect_maps=redirects)
        if not site_url:
            timings.report("mkdocs", "no sitemap.xml: a sitemap needs absolute URLs; build with --site-url to get one")
        with timings.stage("pagefind"):
            run_pagefind(site_dir)
        swap_in(site_dir, out_dir)
    return pages


def release_memory() -> None:
    """Collect what the model stages left and give free heap pages back to the system (glibc)."""
    gc.collect()
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None).malloc_trim(0)
        except (OSError, AttributeError):  # not glibc
            pass
