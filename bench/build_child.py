"""One build, run by ``bench/run.py`` in a child process so that its memory is measured alone.

``full``: the whole build; the Markdown MkDocs read is kept (hard links) for the bare runs.
``generator``: the generator stages only (load … render), for the warm rebuild.
Writes the stage timings and counts as JSON to ``--result``.

Usage: ``python bench/build_child.py full CONTENT OUT --cache DIR --keep-docs DIR --result FILE``
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import time
from pathlib import Path

import generator.build as pipeline


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["full", "generator"])
    parser.add_argument("content", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--config", type=Path, required=True)
    parser.add_argument("--keep-docs", type=Path)
    parser.add_argument("--result", type=Path, required=True)
    args = parser.parse_args()

    details: dict[str, str] = {}
    # Wall clock, so that the bench can tell which stage its memory samples fall in.
    stage_starts: dict[str, float] = {}
    started = time.perf_counter()

    def report(stage: str, detail: str) -> None:
        if detail == "…":
            stage_starts.setdefault(stage, time.time())
        # Rewritten after every stage, so that a build that never ends still tells how far it got.
        details[stage] = detail
        partial = {"stages": dict(timings.stages), "details": details, "elapsed": time.perf_counter() - started}
        args.result.write_text(json.dumps(partial, indent=1), encoding="utf-8")

    timings = pipeline.Timings(report=report)
    excluded = {"keep_docs": 0.0}
    run_mkdocs = pipeline.run_mkdocs

    def keep_docs_then_mkdocs(config_file, docs_dir, site_dir, **options):
        # Hard links cost little; their time is taken off the mkdocs stage below.
        start = time.perf_counter()
        if args.keep_docs:
            shutil.rmtree(args.keep_docs, ignore_errors=True)
            shutil.copytree(docs_dir, args.keep_docs, copy_function=os.link)
        excluded["keep_docs"] = time.perf_counter() - start
        return run_mkdocs(config_file, docs_dir, site_dir, **options)

    pipeline.run_mkdocs = keep_docs_then_mkdocs
    if args.mode == "generator":
        # Stop after render: MkDocs and Pagefind are not generator stages and do not use the cache.
        pipeline.run_mkdocs = lambda *a, **k: None
        pipeline.run_pagefind = lambda *a, **k: None
        pipeline.swap_in = lambda *a, **k: None
        pipeline.check_replaceable = lambda *a, **k: None
    start = time.perf_counter()
    pipeline.build(args.content, args.out, config_file=args.config, timings=timings, cache_dir=args.cache)
    total = time.perf_counter() - start
    stages = dict(timings.stages)
    if "mkdocs" in stages:
        stages["mkdocs"] -= excluded["keep_docs"]
    result = {"stages": stages, "total": total - excluded["keep_docs"], "details": details}
    result["stage_starts"] = stage_starts
    args.result.write_text(json.dumps(result, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
