"""Map a stage's per-item function over the corpus: cached results are reused, the rest computed on every core.

The model stages each have a pure function of one item (a document, an article text, an article)
wrapped as a ``Task`` (``generator/tasks.py``). ``Runner.map`` is the one place that applies the
cache and the process pool to them, so the pipeline in ``build.py`` has a single path: with no
cache every item is a miss.

Does not: decide anything a stage decides, or know which stage it runs.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from typing import Any, Protocol

from .cache import Cache


class Task(Protocol):
    """A stage's per-item function, with what a worker process sets up once and how results are cached."""

    name: str
    """The cache namespace of its results."""
    chunk_size: int
    """Items sent to a worker at once: large enough to batch well, small enough to keep every core busy."""

    def key(self, item: Any) -> tuple:
        """Everything of ``item`` and of the task that its result depends on (the code version is added)."""

    def setup(self) -> Any:
        """Per-process state (a loaded model), made once in each worker."""

    def run(self, state: Any, items: list) -> list:
        """The results for ``items``, one each, in order."""

    def stored(self, item: Any, result: Any) -> Any:
        """What the cache keeps of ``result``."""

    def restored(self, item: Any, value: Any) -> Any:
        """The result of ``item`` from what the cache kept."""


@dataclass
class Runner:
    """Runs tasks through an optional cache, in ``jobs`` processes."""

    cache: Cache | None = None
    jobs: int = 1

    def map(self, task: Task, items: Sequence, *, parallel: bool = True) -> list:
        """``task`` over ``items``, in order: cached results read back, the misses computed and stored."""
        keys = [self.cache.key(task.name, task.key(item)) for item in items] if self.cache else []
        found = self.cache.get_many(keys) if self.cache else {}
        missing = [i for i, item in enumerate(items) if not self.cache or keys[i] not in found]
        chunks = [missing[i : i + task.chunk_size] for i in range(0, len(missing), task.chunk_size)]
        jobs = self.jobs if parallel else 1
        computed: dict[int, Any] = {}
        batches = _run_chunks(task, [[items[i] for i in chunk] for chunk in chunks], jobs)
        for chunk, results in zip(chunks, batches, strict=True):
            computed.update(zip(chunk, results, strict=True))
        if self.cache:
            self.cache.put_many((keys[i], task.stored(items[i], computed[i])) for i in missing)
        return [computed[i] if i in computed else task.restored(item, found[keys[i]]) for i, item in enumerate(items)]


def _run_chunks(task: Task, chunks: list[list], jobs: int) -> Iterator[list]:
    """``task.run`` over each chunk, in this process when ``jobs`` is 1, else in a pool; in order."""
    if not chunks:
        return iter(())
    if jobs <= 1 or len(chunks) == 1:
        state = task.setup()
        return (task.run(state, chunk) for chunk in chunks)
    # spawn, not fork: a forked worker inherits the whole corpus (1.5 GB at 10,000 documents) and
    # copies it page by page as reference counts change; a spawned one holds its model and its task.
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn"), initializer=_adopt, initargs=(task,))
    results = pool.map(_run_in_worker, chunks)

    def drain() -> Iterator[list]:
        try:
            yield from results
        finally:
            # Stopped early (interrupted, or a chunk failed): the chunks not started are not wanted.
            pool.shutdown(wait=True, cancel_futures=True)

    return drain()


#: The task a worker process runs, and its state once made.
_worker: dict[str, Any] = {}


def _adopt(task: Task) -> None:
    _worker.clear()
    _worker["task"] = task


def _run_in_worker(chunk: list) -> list:
    task = _worker["task"]
    if "state" not in _worker:
        _worker["state"] = task.setup()
    return task.run(_worker["state"], chunk)


def default_jobs() -> int:
    """One worker per core this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
