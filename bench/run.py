"""The scaling benchmark: build synthetic corpora cold and warm, beside bare MkDocs and Pagefind runs.

For each size N it writes ``bench/results/<N>.json`` (after every step, so a run
that is stopped keeps what it measured):

- cold: a full build with an empty cache; wall time per stage, peak memory;
- warm: one document changed, the whole build again (generator, MkDocs, Pagefind) over
  the cold build's cache and site: an incremental build (``generator/site/incremental.py``);
- bare_mkdocs: ``mkdocs build`` on the same Markdown, Material with an empty
  ``custom_dir``, no plugins, no extra CSS/JS, same nav and Markdown extensions;
- bare_pagefind: ``pagefind --site`` with default options on a copy of the built HTML;
- ratios: each figure against its bare counterpart, measured in the same run
  (the machine is shared, so absolute times are noisy; ratios much less so);
- site: pages, bytes, article page sizes, search bytes fetched for one query.

The generator runs from a snapshot of the working tree taken at the start, so
edits made while the benchmark runs do not leak into it.

Usage: ``python bench/run.py --sizes 100 1000 10000``
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import yaml

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
WORK = BENCH / "work"
RESULTS = BENCH / "results"
PYTHON = sys.executable
#: A child whose process tree holds more than this is stopped: the machine is shared.
MEMORY_CAP = 14 * 2**30
GENERATOR_STAGES = ("load", "segment", "dedupe", "extract", "resolve", "render")

sys.path.insert(0, str(BENCH))
from make_corpus import make_corpus  # noqa: E402

# --- measuring a child process --------------------------------------------------------------------


def _tree_rss(root: int) -> int:
    """Resident bytes of ``root`` and all its descendants (shared pages are counted in each)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry.name)
        children.setdefault(int(fields[1]), []).append(pid)
        rss[pid] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


def measure(
    command: list[str],
    *,
    env: dict | None = None,
    cwd: Path | None = None,
    on_tick: Callable[[], None] | None = None,
    keep_output: bool = False,
    samples: list[tuple[float, int]] | None = None,
) -> dict:
    """Run ``command``; its wall time, peak tree RSS (sampled) and peak single-process RSS.

    ``on_tick`` is called about every 30 s while it runs (to save partial results).
    With ``keep_output``, the end of its output is returned as ``output``.
    ``samples`` gets every (wall clock, tree RSS in bytes) sample taken.
    """
    start = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    # A session of its own, so that the memory cap stops its children too (MkDocs runs in it, Pagefind under it).
    process = subprocess.Popen(
        command, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True
    )
    peak = {"tree": 0, "killed": False}
    samples = [] if samples is None else samples

    def sample() -> None:
        ticks = 0
        while process.poll() is None:
            samples.append((time.time(), _tree_rss(process.pid)))
            peak["tree"] = max(peak["tree"], samples[-1][1])
            if peak["tree"] > MEMORY_CAP:
                peak["killed"] = True
                os.killpg(process.pid, signal.SIGKILL)
            time.sleep(0.5)
            ticks += 1
            if on_tick and ticks % 60 == 0:
                on_tick()

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output = process.communicate()[0]
    status = process.returncode
    sampler.join()
    wall = time.perf_counter() - start
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = {
        "seconds": round(wall, 2),
        "peak_tree_rss_mb": round(peak["tree"] / 2**20),
        # ru_maxrss of all children so far: the largest single process, not a sum.
        "peak_process_rss_mb": round(children.ru_maxrss / 1024),
        # CPU time of the command and every descendant it waited for: less noisy than wall time on a busy machine.
        "cpu_seconds": round(children.ru_utime + children.ru_stime - before.ru_utime - before.ru_stime, 2),
        "returncode": status,
    }
    if keep_output:
        result["output"] = output[-4000:]
    if status != 0:
        result["error"] = ("stopped: over the memory cap; " if peak["killed"] else "") + output[-2000:]
    return result


# --- the steps ------------------------------------------------------------------------------------


def snapshot() -> Path:
    """A copy of the generator, mkdocs.yml and overrides, fixed for the whole run."""
    target = WORK / f"code-{os.getpid()}"  # one per run: two runs may overlap
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    shutil.copytree(REPO / "generator", target / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO / "site_overrides", target / "site_overrides")
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copy(BENCH / "build_child.py", target / "build_child.py")
    return target


def corpus(n: int) -> Path:
    content = BENCH / f"corpus-{n}"
    marker = content / ".complete"
    if not marker.exists():
        make_corpus(n, content)
        marker.write_text(str(n))
    return content


def build(
    code: Path, mode: str, content: Path, work: Path, *, keep_docs: Path | None = None, on_partial=None, name: str = ""
) -> dict:
    result_file = work / f"{name or mode}.json"
    command = [
        PYTHON, str(code / "build_child.py"), mode, str(content), str(work / "site"),
        "--cache", str(work / "cache"), "--config", str(code / "mkdocs.yml"), "--result", str(result_file),
    ]  # fmt: skip
    if keep_docs:
        command += ["--keep-docs", str(keep_docs)]
    env = {**os.environ, "PYTHONPATH": str(code)}

    def partial() -> None:
        # The child rewrites its result file after every stage.
        if on_partial and result_file.exists():
            on_partial({"running": True, **json.loads(result_file.read_text())})

    samples: list[tuple[float, int]] = []
    measured = measure(command, env=env, cwd=code, on_tick=partial, samples=samples)
    if result_file.exists():
        measured.update(json.loads(result_file.read_text()))
    if "stage_starts" in measured:
        measured["peak_tree_rss_mb_by_stage"] = peaks_by_stage(samples, measured.pop("stage_starts"))
    return measured


def peaks_by_stage(samples: list[tuple[float, int]], starts: dict[str, float]) -> dict[str, int]:
    """The peak tree RSS (MB) sampled while each stage ran: from its start (wall clock) to the next one's."""
    bounds = sorted((at, stage) for stage, at in starts.items())
    peaks: dict[str, int] = {}
    for (start, stage), (end, _) in zip(bounds, [*bounds[1:], (float("inf"), "")], strict=True):
        during = [rss for at, rss in samples if start <= at < end]
        peaks[stage] = round(max(during, default=0) / 2**20)
    return peaks


def bare_mkdocs_config(code: Path, docs: Path, site: Path) -> Path:
    """Our mkdocs.yml with the theme's overrides, plugins and extra assets taken out."""
    config = yaml.safe_load((code / "mkdocs.yml").read_text(encoding="utf-8"))
    empty = WORK / "empty-theme-override"
    empty.mkdir(parents=True, exist_ok=True)
    bare = {
        "site_name": config["site_name"],
        "docs_dir": str(docs),
        "site_dir": str(site),
        "use_directory_urls": config.get("use_directory_urls", True),
        "theme": {**config["theme"], "custom_dir": str(empty)},
        "nav": config.get("nav"),
        "plugins": [],
        "markdown_extensions": config.get("markdown_extensions", []),
        "validation": config.get("validation", {}),
    }
    path = WORK / "bare-mkdocs.yml"
    path.write_text(yaml.safe_dump(bare, allow_unicode=True), encoding="utf-8")
    return path


def our_mkdocs_config(code: Path, docs: Path, site: Path) -> Path:
    """Our mkdocs.yml as the build uses it, with docs_dir and site_dir filled in."""
    config = yaml.safe_load((code / "mkdocs.yml").read_text(encoding="utf-8"))
    config.update(docs_dir=str(docs), site_dir=str(site))
    if config.get("theme", {}).get("custom_dir"):
        config["theme"]["custom_dir"] = str(code / config["theme"]["custom_dir"])
    path = WORK / "our-mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


def mkdocs_side_by_side(code: Path, docs: Path, work: Path, *, rounds: int) -> tuple[dict, dict]:
    """Our configuration and the bare one on the same Markdown, alternately; the faster run of each.

    Alternating and taking the minimum keeps a burst of load on the shared machine
    from landing on one side only.
    """
    ours, bare = [], []
    for _ in range(rounds):
        for runs, config in ((ours, our_mkdocs_config), (bare, bare_mkdocs_config)):
            site = work / "mkdocs-site"
            runs.append(measure([PYTHON, "-m", "mkdocs", "build", "-q", "-f", str(config(code, docs, site))]))
            shutil.rmtree(site, ignore_errors=True)

    def best(runs: list[dict]) -> dict:
        return {**min(runs, key=lambda r: r["seconds"]), "all_seconds": [r["seconds"] for r in runs]}

    return best(ours), best(bare)


def bare_pagefind(site: Path, copy: Path) -> dict:
    """Default Pagefind on a hard-linked copy of the built HTML (our index left out)."""
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(site, copy, copy_function=os.link, ignore=shutil.ignore_patterns("pagefind"))
    return measure([PYTHON, "-m", "pagefind", "--site", str(copy), "--quiet"])


def change_one_document(content: Path) -> tuple[Path, bytes]:
    """Rewrite one sentence of one document (its middle one); returns what to restore."""
    paths = sorted((content / "documents").glob("*.txt"))
    path = paths[len(paths) // 2]
    original = path.read_bytes()
    lines = original.decode("utf-8").split("\n")
    longest = max(range(len(lines)), key=lambda i: len(lines[i]))
    lines[longest] = lines[longest].replace(" the ", " that ", 1) + " This sentence was added for the warm rebuild."
    path.write_bytes("\n".join(lines).encode("utf-8"))
    return path, original


def site_figures(site: Path) -> dict:
    html = list(site.rglob("*.html"))
    # Article pages only: articles/index.html is the A–Z index, reported on its own.
    articles = sorted(p.stat().st_size for p in (site / "articles").glob("*/index.html"))
    pagefind = site / "pagefind"
    by_section: dict[str, int] = {}
    for page in html:
        section = page.relative_to(site).parts[0] if len(page.relative_to(site).parts) > 1 else "root"
        by_section[section] = by_section.get(section, 0) + 1
    return {
        "html_pages": len(html),
        "pages_by_section": dict(sorted(by_section.items())),
        "site_bytes": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
        "pagefind_bytes": sum(p.stat().st_size for p in pagefind.rglob("*") if p.is_file()),
        "pagefind_files": sum(1 for p in pagefind.rglob("*") if p.is_file()),
        "index_page_bytes": {
            s: (site / s / "index.html").stat().st_size
            for s in ("documents", "articles", "people", "outlets")
            if (site / s / "index.html").exists()
        },
        "largest_entity_page_bytes": max(
            (p.stat().st_size for s in ("people", "outlets") for p in (site / s).glob("*/index.html")), default=0
        ),
        "article_page_bytes": {
            "median": int(statistics.median(articles)) if articles else 0,
            "p90": articles[int(len(articles) * 0.9)] if articles else 0,
            "max": articles[-1] if articles else 0,
        },
    }


def search_bytes(site: Path, query: str) -> dict:
    """Bytes one search fetches in Chromium: Pagefind index data, and everything (gzip-compressed size)."""
    command = [PYTHON, str(BENCH / "search_probe.py"), str(site), query]
    done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=300)
    if done.returncode != 0:
        return {"error": done.stderr[-2000:]}
    return json.loads(done.stdout)


def ratios(result: dict) -> dict:
    cold, warm = result.get("cold", {}), result.get("warm", {})
    stages = cold.get("stages", {})
    out: dict[str, float] = {}
    # Shares and per-page figures only for a finished build: a partial one has no mkdocs or pagefind yet.
    total = sum(stages.values()) if "pagefind" in stages else 0
    if total:
        other = sum(stages.get(s, 0) for s in GENERATOR_STAGES if s != "extract")
        out["generator_without_ner_share_of_cold"] = other / total
    if stages.get("mkdocs") and result.get("bare_mkdocs", {}).get("seconds"):
        out["mkdocs_stage_vs_bare"] = stages["mkdocs"] / result["bare_mkdocs"]["seconds"]
        # The fairer figure: our configuration run standalone, alternating with the bare one.
        out["mkdocs_vs_bare"] = result["our_mkdocs"]["seconds"] / result["bare_mkdocs"]["seconds"]
    if stages.get("pagefind") and result.get("bare_pagefind", {}).get("seconds"):
        out["pagefind_vs_bare"] = stages["pagefind"] / result["bare_pagefind"]["seconds"]
    raw = result.get("raw_spacy", {})
    if raw.get("ab_ratio"):  # measured A/B/A on the same sample: the robust figure
        out["ner_throughput_vs_raw_spacy"] = raw["ab_ratio"]
    if stages.get("extract") and raw.get("chars_per_second"):
        # The whole cold extract stage against raw spaCy timed in another step: noisier.
        out["extract_stage_vs_raw_spacy"] = raw["model_chars"] / stages["extract"] / raw["chars_per_second"]
    warm_stages = warm.get("stages", {})
    cold_gen = sum(stages.get(s, 0) for s in GENERATOR_STAGES)
    warm_gen = sum(warm_stages.get(s, 0) for s in GENERATOR_STAGES)
    if cold_gen and warm_gen:
        out["warm_generator_speedup"] = cold_gen / warm_gen
    if total and "pagefind" in warm_stages:
        out["warm_build_share_of_cold"] = sum(warm_stages.values()) / total
    pages = result.get("site", {}).get("html_pages")
    if pages and total:
        out["cold_seconds_per_page"] = total / pages
        bare = result.get("bare_mkdocs", {}).get("seconds", 0) + result.get("bare_pagefind", {}).get("seconds", 0)
        if bare:
            out["cold_per_page_in_bare_units"] = total / bare
    return {k: round(v, 3) for k, v in out.items()}


def raw_spacy(code: Path, content: Path, work: Path) -> dict:
    """Plain ``nlp.pipe`` (both cores) over exactly the paragraphs our extract gives the model."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    command = [PYTHON, str(BENCH / "raw_spacy.py"), str(content), str(work / "raw-spacy.json")]
    measured = measure(command, env=env, cwd=code)
    if measured["returncode"] == 0:
        measured.update(json.loads((work / "raw-spacy.json").read_text()))
    return measured


def run_size(n: int, code: Path, *, query: str, rebuild_only: bool = False) -> dict:
    work = WORK / f"n{n}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    content = corpus(n)
    size = sum(p.stat().st_size for p in (content / "documents").iterdir())
    result: dict = {
        "documents": n,
        "corpus_bytes": size,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "load_at_start": os.getloadavg()},
        "code": _code_identity(code),
    }
    out = RESULTS / (f"{n}-rebuild.json" if rebuild_only else f"{n}.json")

    def save(step: str) -> None:
        result["ratios"] = ratios(result)
        if step not in result.get("completed_steps", []):
            result["completed_steps"] = [*result.get("completed_steps", []), step]
        out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
        print(f"[{n}] {step}: {json.dumps(result.get(step, {}))[:300]}", flush=True)

    docs = work / "docs"

    def partial(step: str):
        def update(values: dict) -> None:
            result[step] = values
            save(step)

        return update

    result["cold"] = build(code, "full", content, work, keep_docs=docs, on_partial=partial("cold"))
    save("cold")
    site = work / "site"
    if result["cold"]["returncode"] == 0:
        result["site"] = site_figures(site)
        save("site")
    path, original = change_one_document(content)
    try:
        result["warm"] = build(code, "full", content, work, on_partial=partial("warm"), name="warm")
        result["warm"]["changed"] = path.name
    finally:
        path.write_bytes(original)
    save("warm")
    if rebuild_only:
        return result
    # The bare runs come last: at 10,000 documents they take longer than everything
    # before them, and a run stopped during them has kept every other figure.
    if site.exists():
        result["search"] = search_bytes(site, query)
        save("search")
    result["raw_spacy"] = raw_spacy(code, content, work)
    save("raw_spacy")
    if docs.exists():
        rounds = 2 if n <= 1000 else 1
        result["our_mkdocs"], result["bare_mkdocs"] = mkdocs_side_by_side(code, docs, work, rounds=rounds)
        save("bare_mkdocs")
    if site.exists():
        result["bare_pagefind"] = bare_pagefind(site, work / "bare-pagefind-site")
        shutil.rmtree(work / "bare-pagefind-site", ignore_errors=True)
        save("bare_pagefind")
    shutil.rmtree(work / "bare-site", ignore_errors=True)
    return result


def _code_identity(code: Path) -> dict:
    """The commit the snapshot was taken at, how many files differed from it, and the snapshot's own hash."""

    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True).stdout.strip()

    digest = hashlib.sha256()
    for path in sorted((code / "generator").rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(code)).encode() + b"\0" + path.read_bytes())
    return {
        "commit": git("rev-parse", "HEAD"),
        "dirty_files": len(git("status", "--porcelain").splitlines()),
        "snapshot_sha256": digest.hexdigest()[:16],
    }


TABLE_ROWS = [
    ("non-NER generator stages / whole cold build", "generator_without_ner_share_of_cold", "<= 0.25 at 1,000"),
    ("mkdocs (our config) / bare mkdocs, same Markdown", "mkdocs_vs_bare", "<= 1.3"),
    ("mkdocs stage in the build / bare mkdocs", "mkdocs_stage_vs_bare", ""),
    ("pagefind stage / bare pagefind", "pagefind_vs_bare", ""),
    ("NER throughput / raw spaCy nlp.pipe (2 processes), A/B/A", "ner_throughput_vs_raw_spacy", ">= 0.8"),
    ("cold generator stages / warm (one document changed)", "warm_generator_speedup", ">= 10"),
    ("whole warm rebuild / whole cold build (one document changed)", "warm_build_share_of_cold", "<= 1/6"),
    ("cold build / (bare mkdocs + bare pagefind), same pages", "cold_per_page_in_bare_units", "grows <= 1.3x"),
    ("cold build seconds per page (absolute, noisy)", "cold_seconds_per_page", "grows <= 1.3x"),
]


def table() -> str:
    """The ratios of every results file, as a Markdown table."""
    results = {int(p.stem): json.loads(p.read_text()) for p in RESULTS.glob("*.json") if p.stem.isdigit()}
    sizes = sorted(results)
    lines = [
        "| ratio | " + " | ".join(f"N = {n:,}" for n in sizes) + " | target |",
        "|---|" + "---:|" * len(sizes) + "---|",
    ]
    for label, key, target in TABLE_ROWS:
        computed = {n: ratios(results[n]) for n in sizes}
        cells = [f"{computed[n][key]:.2f}" if key in computed[n] else "–" for n in sizes]
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {target} |")
    lines += ["", "| figure | " + " | ".join(f"N = {n:,}" for n in sizes) + " |", "|---|" + "---:|" * len(sizes)]
    for label, value in FIGURES:
        cells = []
        for n in sizes:
            try:
                cells.append(value(results[n]))
            except (KeyError, TypeError, ValueError, ZeroDivisionError):
                cells.append("–")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _finished(result: dict) -> bool:
    if "pagefind" not in result["cold"]["stages"]:
        raise KeyError("the cold build did not finish")
    return True


def _stage(name: str) -> Callable[[dict], str]:
    return lambda r: f"{r['cold']['stages'][name]:.0f}"


FIGURES: list[tuple[str, Callable[[dict], str]]] = [
    ("corpus MB", lambda r: f"{r['corpus_bytes'] / 1e6:.1f}"),
    ("HTML pages", lambda r: f"{r['site']['html_pages']:,}"),
    ("cold build, s", lambda r: f"{_finished(r) and sum(r['cold']['stages'].values()):.0f}"),
    *((f"· {s}, s", _stage(s)) for s in ("segment", "dedupe", "extract", "resolve", "render", "mkdocs", "pagefind")),
    ("warm generator stages, s", lambda r: f"{sum(r['warm']['stages'].get(s, 0) for s in GENERATOR_STAGES):.0f}"),
    ("warm whole rebuild, s (mkdocs, pagefind)", lambda r: "{:.0f} ({:.0f}, {:.0f})".format(
        sum(r["warm"]["stages"].values()), r["warm"]["stages"]["mkdocs"], r["warm"]["stages"]["pagefind"])),
    ("bare mkdocs / ours standalone, s",
     lambda r: f"{r['bare_mkdocs']['seconds']:.0f} / {r['our_mkdocs']['seconds']:.0f}"),
    ("bare pagefind, s", lambda r: f"{r['bare_pagefind']['seconds']:.0f}"),
    ("peak RSS, cold build (process tree), MB", lambda r: f"{r['cold']['peak_tree_rss_mb']:,}"),
    ("peak RSS, bare pagefind, MB", lambda r: f"{r['bare_pagefind']['peak_tree_rss_mb']:,}"),
    ("site MB", lambda r: f"{r['site']['site_bytes'] / 1e6:.0f}"),
    ("largest A–Z index page KB", lambda r: f"{max(r['site']['index_page_bytes'].values()) / 1e3:.0f}"),
    ("largest person/outlet page KB", lambda r: f"{r['site']['largest_entity_page_bytes'] / 1e3:.0f}"),
    ("article page KB, median / max", lambda r: "{:.0f} / {:.0f}".format(
        r["site"]["article_page_bytes"]["median"] / 1e3, r["site"]["article_page_bytes"]["max"] / 1e3)),
    ("search: index KB fetched", lambda r: f"{r['search']['index_bytes'] / 1e3:.0f}"),
    ("search: KB over the wire (gzip), page + search",
     lambda r: f"{r['search']['page_and_search_wire_bytes'] / 1e3:.0f}"),
    ("cold build seconds per document",
     lambda r: f"{_finished(r) and sum(r['cold']['stages'].values()) / r['documents']:.2f}"),
]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--query", default="Khodabandeh", help="the search the search-bytes figure is for")
    parser.add_argument("--table", action="store_true", help="print the ratios of bench/results/ and stop")
    parser.add_argument(
        "--only",
        choices=["raw_spacy", "search"],
        help="rerun only this step, into existing results (search: on the site the cold build left)",
    )
    parser.add_argument(
        "--rebuild-only", action="store_true", help="the cold build and the warm rebuild only, none of the bare runs"
    )
    args = parser.parse_args()
    if args.table:
        print(table())
        return
    RESULTS.mkdir(parents=True, exist_ok=True)
    code = snapshot()
    for n in args.sizes:
        if args.only:
            out = RESULTS / f"{n}.json"
            result = json.loads(out.read_text())
            if args.only == "raw_spacy":
                result["raw_spacy"] = raw_spacy(code, corpus(n), WORK / f"n{n}")
            else:
                result["search"] = search_bytes(WORK / f"n{n}" / "site", args.query)
            result["ratios"] = ratios(result)
            out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
            print(f"[{n}] {args.only}: {json.dumps(result[args.only])[:300]}", flush=True)
        else:
            run_size(n, code, query=args.query, rebuild_only=args.rebuild_only)


if __name__ == "__main__":
    main()
