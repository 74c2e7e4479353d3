"""Command line: ``python -m generator build | check | review | serve``."""

from __future__ import annotations

import argparse
import functools
import signal
import sys
from pathlib import Path

from rich.console import Console

from .build import Timings, build, build_corpus
from .check import print_segmentation
from .errors import EXIT_INTERRUPTED, GeneratorError
from .load import load_inputs
from .review import print_review

PROJECT_ROOT = Path(__file__).resolve().parent.parent
console = Console(stderr=True, highlight=False)


def _progress(stage: str, detail: str) -> None:
    if stage == "warning":
        console.print(f"[yellow]warning[/yellow] {detail}", markup=True, soft_wrap=True)
    elif detail != "…":
        console.print(f"[bold]{stage:>9}[/bold] {detail}", soft_wrap=True)


def cmd_build(args: argparse.Namespace) -> int:
    """Build the site: every stage, then an atomic swap into --out."""
    timings = Timings(report=_progress)
    cache_dir = None if args.no_cache else args.cache
    build(
        args.content,
        args.out,
        config_file=args.config,
        site_url=args.site_url,
        timings=timings,
        cache_dir=cache_dir,
        jobs=args.jobs,
    )
    total = sum(timings.stages.values())
    summary = ", ".join(f"{name} {seconds:.1f}s" for name, seconds in timings.stages.items())
    console.print(f"[green]built[/green] {args.out} in {total:.1f}s ({summary})")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Print each document's segmentation (no site is written)."""
    corpus = build_corpus(load_inputs(args.content), timings=Timings(report=_progress))
    print_segmentation(corpus, Console(highlight=False))
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    """List candidate same-person pairs with their contexts (no site is written)."""
    inputs = load_inputs(args.content)
    corpus = build_corpus(inputs, timings=Timings(report=_progress))
    print_review(corpus, Console(highlight=False), inputs.curation)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve a built site on 127.0.0.1 for preview; with --watch, rebuild on every change to --content."""
    from .serve import Watcher, make_server

    rebuild = functools.partial(_rebuild, args)
    if args.watch and not (args.out / "index.html").exists():
        rebuild()
    if not (args.out / "index.html").exists():
        console.print(f"[red]error[/red] {args.out}/index.html not found: run `make site` first")
        return 1
    with make_server(args.out, args.port, live=args.watch) as server:
        watcher = Watcher(args.content, rebuild).start() if args.watch else None
        note = f", rebuilding on changes to {args.content}" if args.watch else ""
        console.print(f"serving {args.out} on http://127.0.0.1:{server.server_address[1]}/{note} (Ctrl-C stops)")
        try:
            server.serve_forever()
        finally:
            if watcher:
                watcher.stop()
    return 0


def _rebuild(args: argparse.Namespace) -> None:
    """One build for ``serve --watch``: a failure is reported and the previous site stays."""
    try:
        cmd_build(args)
    except GeneratorError as exc:
        console.print(f"[red]error[/red] {exc}; still serving the previous site", soft_wrap=True)


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    try:
        return args.run(args)
    except GeneratorError as exc:
        console.print(f"[red]error[/red] {exc}", soft_wrap=True)
        return exc.exit_code
    except KeyboardInterrupt:
        console.print("[red]interrupted[/red]: the previous site was left as it was")
        return EXIT_INTERRUPTED


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m generator",
        description="Build a static, searchable reference site from a folder of press documents.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_build(commands)
    _add_inspection(commands)
    _add_serve(commands)
    return parser


def _add_build(commands: argparse._SubParsersAction) -> None:
    build_parser = commands.add_parser(
        "build",
        help="build the site from --content into --out",
        description="Build the site: load, segment, dedupe, extract, resolve, render, mkdocs, pagefind. "
        "Example: python -m generator build --content content --out site",
    )
    _content_option(build_parser)
    build_parser.add_argument("--out", type=Path, default=Path("site"), help="output directory (default: site)")
    _build_options(build_parser)
    build_parser.set_defaults(run=cmd_build)


def _add_inspection(commands: argparse._SubParsersAction) -> None:
    check_parser = commands.add_parser(
        "check",
        help="print each document's segmentation for review",
        description="Print each document's segmentation: line ranges, kind, title, outlet, via, authors, "
        "language. Example: python -m generator check --content content",
    )
    _content_option(check_parser)
    check_parser.set_defaults(run=cmd_check)

    review_parser = commands.add_parser(
        "review",
        help="list candidate same-person pairs for a maintainer to judge",
        description="List pairs of names that may be the same person, with their contexts; record a verdict "
        "in content/curation.yml. Example: python -m generator review --content content",
    )
    _content_option(review_parser)
    review_parser.set_defaults(run=cmd_review)


def _add_serve(commands: argparse._SubParsersAction) -> None:
    serve_parser = commands.add_parser(
        "serve",
        help="preview a built site on 127.0.0.1",
        description="Serve a built site for preview; with --watch, rebuild when --content changes and reload "
        "the open pages. Example: python -m generator serve --watch --content content --out site --port 8000",
    )
    serve_parser.add_argument("--out", type=Path, default=Path("site"), help="built site directory (default: site)")
    serve_parser.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    serve_parser.add_argument(
        "--watch", action="store_true", help="rebuild (incrementally) when --content changes; open pages reload"
    )
    _content_option(serve_parser)
    _build_options(serve_parser)
    serve_parser.set_defaults(run=cmd_serve)


def _build_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--site-url", default=None, help="public URL of the site, for the sitemap and canonical links")
    parser.add_argument(
        "--config", type=Path, default=PROJECT_ROOT / "mkdocs.yml", help="MkDocs configuration (default: mkdocs.yml)"
    )
    parser.add_argument(
        "--cache",
        type=Path,
        default=Path(".cache"),
        help="where segment and NER results are kept between builds "
        "(default: .cache); a rebuild recomputes only what changed",
    )
    parser.add_argument("--no-cache", action="store_true", help="compute everything, read and write no cache")
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: one per core)")


def _content_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--content",
        type=Path,
        default=Path("content"),
        help="content folder holding documents/, curation.yml and outlets.yml (default: content)",
    )


if __name__ == "__main__":
    # SIGTERM (kill, systemd, CI timeouts) unwinds like Ctrl-C, so the staging directory is removed.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    sys.exit(main())
