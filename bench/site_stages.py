"""The site stages alone (MkDocs in parts, then Pagefind) on Markdown a cold build kept, with their memory.

A whole cold build at 10,000 documents takes hours; the site stages need only the
Markdown, which ``bench/run.py`` keeps in ``bench/work/n<N>/docs``. This runs the
build's own ``run_mkdocs`` (from a snapshot of the code, in a child process, so the
sampled process tree is the MkDocs step and its part processes only), then
Pagefind as the build runs it, each under the benchmark's memory cap, and writes
``bench/results/<N>-site-stages.json`` after every step.

Usage: ``nice python bench/site_stages.py 10000 [--docs DIR] [--part-pages N] [--part-bytes B] [--jobs J]``
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
from run import PYTHON, RESULTS, WORK, _code_identity, measure, site_figures, snapshot  # noqa: E402

#: Run in the measured child: the build's MkDocs step on DOCS into SITE.
MKDOCS_CHILD = """
import json, sys, time
from pathlib import Path
from generator import site
config, docs, out, options = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), json.loads(sys.argv[4])
start = time.perf_counter()
parts = site.run_mkdocs(config, docs, out, site_url=None, **options)
print(json.dumps({"parts": len(parts), "pages": sum(map(len, parts)), "seconds_in_child": time.perf_counter() - start}))
"""

#: Run in the measured child: the build's Pagefind step (pagefind, then stabilise_pagefind).
PAGEFIND_CHILD = """
import sys
from pathlib import Path
from generator import site
import json
print(json.dumps(site.run_pagefind(Path(sys.argv[1]))))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("size", type=int, help="N: reads bench/work/n<N>/docs unless --docs is given")
    parser.add_argument("--docs", type=Path)
    parser.add_argument("--part-pages", type=int)
    parser.add_argument("--part-bytes", type=int)
    parser.add_argument("--jobs", type=int)
    parser.add_argument("--skip-pagefind", action="store_true")
    parser.add_argument(
        "--pagefind-only", action="store_true", help="index the site an earlier run built (its MkDocs figures are kept)"
    )
    parser.add_argument("--search", action="store_true", help="also count one search's bytes (bench/search_probe.py)")
    parser.add_argument("--query", default="Khodabandeh")
    parser.add_argument("--label", default="", help="suffix for the results file name")
    args = parser.parse_args()

    docs = args.docs or WORK / f"n{args.size}" / "docs"
    work = WORK / f"n{args.size}-site-stages"
    out = RESULTS / f"{args.size}-site-stages{args.label}.json"
    earlier = json.loads(out.read_text()) if args.pagefind_only and out.exists() else {}
    if not args.pagefind_only:
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
    code = snapshot()
    options = {k: v for k, v in (("part_pages", args.part_pages), ("part_bytes", args.part_bytes)) if v}
    if args.jobs:
        options["jobs"] = args.jobs
    markdown = list(docs.rglob("*.md"))
    result: dict = {
        "documents": args.size,
        "docs": str(docs),
        "markdown_pages": len(markdown),
        "markdown_bytes": sum(p.stat().st_size for p in markdown),
        "options": options,
        "machine": {"cpus": os.cpu_count(), "load_at_start": os.getloadavg()},
        "code": _code_identity(code),
        "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    if earlier.get("mkdocs"):
        result["mkdocs"] = earlier["mkdocs"]
        result["mkdocs_code"] = earlier["code"]

    def save(step: str) -> None:
        result["load_after_" + step] = os.getloadavg()
        out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
        print(f"[{args.size}] {step}: {json.dumps(result.get(step, {}))[:300]}", flush=True)

    site = work / "site"
    env = {**os.environ, "PYTHONPATH": str(code), "SOURCE_DATE_EPOCH": "0"}
    if not args.pagefind_only:
        command = [PYTHON, "-c", MKDOCS_CHILD, str(code / "mkdocs.yml"), str(docs), str(site), json.dumps(options)]
        measured = measure(command, env=env, cwd=code, keep_output=True)
        output = measured.pop("output").strip().splitlines()
        if measured["returncode"] == 0 and output:
            measured.update(json.loads(output[-1]))
        result["mkdocs"] = measured
        save("mkdocs")
        if measured["returncode"] != 0 or args.skip_pagefind:
            return
    else:
        for old in site.glob("pagefind*"):
            shutil.rmtree(old)
        # The site's assets as this code writes them (site.js lists the bundles of a site indexed in parts).
        shutil.copytree(code / "site_overrides" / "assets", site / "assets", dirs_exist_ok=True)
    result["pagefind"] = measure([PYTHON, "-c", PAGEFIND_CHILD, str(site)], env=env, cwd=code, keep_output=True)
    output = result["pagefind"].pop("output").strip().splitlines()
    if result["pagefind"]["returncode"] == 0 and output:
        result["pagefind"]["bundles"] = json.loads(output[-1])
    save("pagefind")
    if result["pagefind"]["returncode"] == 0:
        result["site"] = site_figures(site)
        pages = result["site"]["html_pages"]
        result["per_page"] = {
            "pagefind_ms": round(1000 * result["pagefind"]["seconds"] / pages, 2),
            "pagefind_rss_kb": round(1024 * result["pagefind"]["peak_tree_rss_mb"] / pages, 1),
        }
        if "mkdocs" in result:
            result["per_page"]["mkdocs_ms"] = round(1000 * result["mkdocs"]["seconds"] / pages, 2)
            result["per_page"]["mkdocs_rss_kb"] = round(1024 * result["mkdocs"]["peak_tree_rss_mb"] / pages, 1)
        save("site")
    if args.search:
        from run import search_bytes

        result["search"] = search_bytes(site, args.query)
        save("search")


if __name__ == "__main__":
    main()
