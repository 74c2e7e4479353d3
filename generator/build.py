"""The pipeline, top to bottom: load, segment, dedupe, extract, resolve, render, mkdocs, pagefind."""

from __future__ import annotations

import ctypes
import gc
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .cache import Cache, code_version
from .child import run_in_child
from .curation import Curation
from .dedupe import article_text, dedupe
from .errors import Problem
from .extract import finish_mentions, load_nlp
from .load import Inputs, load_inputs
from .model import Article, Corpus, Document, Mention
from .names import person_key
from .outlets import with_well_known
from .render import PageLimits, render
from .render.pagemeta import redirect_maps
from .render.reuse import RECORDS_FILE, ReuseFiles
from .render.siteconfig import SiteConfig, read_site_config
from .render.writer import PageWriter
from .resolve import resolve
from .runner import Runner, default_jobs
from .site import check_replaceable, run_mkdocs, run_pagefind, staging_area, swap_in
from .site.incremental import Changes, PreviousBuild, prepare_site, site_key
from .tasks import ArticleInput, FindNames, SegmentDocument, SignText
from .teasers import date_corpus
from .timings import Timings


def build_corpus(
    inputs: Inputs, *, timings: Timings, runner: Runner | None = None, nlp_loader: Callable[[], Any] = load_nlp
) -> Corpus:
    """Run the model stages: documents in, the whole corpus out.

    The per-item halves of segment, dedupe and extract go through ``runner``, which reuses cached
    results and computes the rest on every core; the corpus-wide passes run here. ``nlp_loader``
    gives the spaCy pipeline (in each worker process: it must pickle when ``runner`` has jobs).
    """
    runner = runner or Runner()
    with timings.stage("segment"):
        segments = segment_all(inputs, runner=runner)
    timings.report("segment", f"{len(segments)} segments")
    with timings.stage("dedupe"):
        articles = dedupe_all(segments, runner=runner)
        del segments
        # datasketch's LSH is a reference cycle (100 MB at 1,000 documents) that rare collections do not reach.
        release_memory()
        # Dates last: a teaser in one document dates an article found (and merged) in others.
        articles, warnings = date_corpus(articles, inputs.documents, inputs.curation)
    timings.report("dedupe", f"{len(articles)} distinct articles")
    for warning in warnings:
        timings.report("warning", str(warning))
    with timings.stage("extract"):
        mentions = extract_all(articles, inputs, runner=runner, nlp_loader=nlp_loader)
    timings.report("extract", f"{len(mentions)} mentions")
    with timings.stage("resolve"):
        # The shipped list of well-known outlets gives kind and aliases to outlets no maintainer listed.
        outlet_records = with_well_known(inputs.outlets)
        articles, people, outlets = resolve(articles, mentions, curation=inputs.curation, outlets=outlet_records)
    timings.report("resolve", f"{len(people)} people, {len(outlets)} outlets")
    for warning in unmatched_curation(inputs.curation, mentions, inputs.documents):
        timings.report("warning", str(warning))
    return Corpus(inputs.documents, articles, people, outlets)


def segment_all(inputs: Inputs, *, runner: Runner) -> list[Article]:
    """Every document's articles, in document order."""
    per_document = runner.map(SegmentDocument(inputs.curation, tuple(inputs.outlets)), inputs.documents)
    return [article for articles in per_document for article in articles]


def dedupe_all(segments: list[Article], *, runner: Runner) -> list[Article]:
    """One article per distinct text; signing the texts is the part worth caching."""
    texts = list(dict.fromkeys(article_text(a) for a in segments))
    signed = dict(zip(texts, runner.map(SignText(), texts, parallel=False), strict=True))
    return dedupe(segments, known=signed)


def extract_all(
    articles: list[Article], inputs: Inputs, *, runner: Runner, nlp_loader: Callable[[], Any] = load_nlp
) -> list[Mention]:
    """Every mention in the articles that have a page: each article's own names, then the corpus-wide pass."""
    documents = {d.id: d for d in inputs.documents}
    pages = [a for a in articles if a.has_page]
    names = FindNames(tuple(inputs.outlets), inputs.curation, nlp_loader)
    found = runner.map(names, [ArticleInput.of(a, documents) for a in pages])
    local = {a.id: mentions for a, mentions in zip(pages, found, strict=True)}
    return finish_mentions(pages, local, outlets=inputs.outlets, curation=inputs.curation)


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


#: The cyclic garbage collector's thresholds during a build. The corpus is millions of objects that
#: live until the end and hold no cycles; at the default (700 allocations) every pass of the model
#: stages walks them again and again: a third of a warm rebuild's model stages at 1,000 documents.
GC_THRESHOLDS = (100_000, 50, 100)


@contextmanager
def rare_collections() -> Iterator[None]:
    """Collect cyclic garbage rarely while the block runs (``GC_THRESHOLDS``); the thresholds as they were after."""
    before = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def build(
    content_dir: Path,
    out_dir: Path,
    *,
    config_file: Path,
    site_url: str | None = None,
    timings: Timings | None = None,
    cache_dir: Path | None = None,
    jobs: int | None = None,
    limits: PageLimits | None = None,
) -> int:
    """Build the whole site from ``content_dir`` into ``out_dir``, atomically; return the number of pages rendered.

    The site's name, description and language come from ``config_file``, the MkDocs configuration.
    With ``cache_dir``, segment and extract results are kept there and reused by the next build.
    So is the Markdown tree: the next build builds again only the pages whose inputs changed
    (``render.reuse``), rewrites only those whose text changed, and MkDocs builds only those into a
    copy of the previous site (``site.incremental``); the result is the same.
    ``limits`` says how much one page holds (default: ``PageLimits()``).
    The generator stages (load to render) run in a child process (``generate``): MkDocs and
    Pagefind need only the files it writes, and run once its memory has gone back to the system.
    """
    timings = timings or Timings()
    site = read_site_config(config_file)
    check_replaceable(out_dir)  # before the slow stages, not only at the swap
    previous = PreviousBuild(cache_dir, out_dir) if cache_dir else None
    key = site_key(config_file, site_url=site_url, code=code_version())
    with staging_area(out_dir) as staging:
        docs_dir = staging / "docs"
        job = GenerateJob(
            content_dir=content_dir,
            docs_dir=docs_dir,
            kept=previous.link_docs(docs_dir) if previous else {},
            reuse=ReuseFiles(key, staging / RECORDS_FILE, previous.records(key) if previous else None),
            site=site,
            site_url=site_url,
            cache_dir=cache_dir,
            jobs=jobs,
            limits=limits or PageLimits(),
        )
        generated = run_in_child(generate, job, timings)
        changes = previous.changes(generated.hashes, key, generated.redirects) if previous else None
        site_stages(config_file, docs_dir, staging / "site", out_dir, site_url, generated.redirects, changes, timings)
        if previous:
            previous.keep(docs_dir, job.reuse.records, generated.hashes, key, generated.redirects)
    return generated.pages


@dataclass(frozen=True)
class GenerateJob:
    """What the generator stages need: sent to the process that runs them."""

    content_dir: Path
    docs_dir: Path
    kept: dict[str, str]
    """The files ``docs_dir`` already holds, hard-linked from the previous build (path -> sha256)."""
    reuse: ReuseFiles
    site: SiteConfig
    site_url: str | None
    cache_dir: Path | None
    jobs: int | None
    limits: PageLimits


@dataclass(frozen=True)
class Generated:
    """What the generator stages give the site stages: all else is in the files they wrote."""

    pages: int
    hashes: dict[str, str]
    """Every file written under ``docs_dir`` (path -> sha256), for the next build."""
    redirects: dict[str, str]


@rare_collections()
def generate(job: GenerateJob, timings: Timings) -> Generated:
    """Load, the model stages and render: the Markdown tree and data exports in ``job.docs_dir``."""
    with timings.stage("load"):
        inputs = load_inputs(job.content_dir)
    timings.report("load", f"{len(inputs.documents)} documents")
    for warning in inputs.warnings:
        timings.report("warning", str(warning))
    corpus = cached_corpus(inputs, timings=timings, cache_dir=job.cache_dir, jobs=job.jobs)
    del inputs  # the corpus holds the documents
    out = PageWriter(job.docs_dir, previous=job.kept)
    with timings.stage("render"):
        rendered = render(
            corpus, job.docs_dir, site=job.site, site_url=job.site_url, limits=job.limits, out=out, reuse=job.reuse
        )
    timings.report("render", str(rendered))
    return Generated(rendered.pages, out.hashes, redirect_maps(corpus))


def cached_corpus(inputs: Inputs, *, timings: Timings, cache_dir: Path | None, jobs: int | None) -> Corpus:
    """``build_corpus`` with the cache in ``cache_dir`` (if any), pruned of what this build did not use."""
    cache = Cache(cache_dir) if cache_dir else None
    try:
        corpus = build_corpus(inputs, timings=timings, runner=Runner(cache, jobs or default_jobs()))
        if cache:
            cache.prune()
    finally:
        if cache:
            cache.close()
    return corpus


def site_stages(
    config_file: Path,
    docs_dir: Path,
    site_dir: Path,
    out_dir: Path,
    site_url: str | None,
    redirects: dict[str, str],
    changes: Changes | None,
    timings: Timings,
) -> None:
    """MkDocs (every page, or with ``changes`` only those over the previous site), Pagefind (whole), the swap."""
    with timings.stage("mkdocs"):
        if changes is None:
            run_mkdocs(config_file, docs_dir, site_dir, site_url=site_url, redirect_maps=redirects)
        else:
            prepare_site(out_dir, docs_dir, site_dir, changes, config_file=config_file)
            run_mkdocs(
                config_file, docs_dir, site_dir, site_url=site_url, redirect_maps=changes.redirects, only=changes.pages
            )
    if not site_url:
        timings.report("mkdocs", "no sitemap.xml: a sitemap needs absolute URLs; build with --site-url to get one")
    if changes is not None:
        timings.report("mkdocs", f"{len(changes.pages)} pages changed, {len(changes.removed)} removed")
    with timings.stage("pagefind"):
        run_pagefind(site_dir)
    swap_in(site_dir, out_dir)


def release_memory() -> None:
    """Collect what the model stages left and give free heap pages back to the system (glibc)."""
    gc.collect()
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None).malloc_trim(0)
        except (OSError, AttributeError):  # not glibc
            pass
