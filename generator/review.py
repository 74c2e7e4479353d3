"""``review``: list candidate merges of person names that need a maintainer's judgement."""

from __future__ import annotations

from rich.console import Console

from .model import Corpus


def print_review(corpus: Corpus, console: Console) -> None:
    """First version: no review queue yet."""
    console.print("No candidate pairs to review.")
