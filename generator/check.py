"""``check``: print each document's segmentation for a maintainer to review."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from .model import Corpus


def print_segmentation(corpus: Corpus, console: Console) -> None:
    """One table per document: line ranges, kind, title, outlet, via, authors, language."""
    for document in corpus.documents:
        table = Table(title=f"{document.source}  ({document.line_count} lines)", show_lines=False, expand=True)
        for column in ("lines", "kind", "lang", "title", "outlet", "via", "authors"):
            table.add_column(column, overflow="fold")
        for article in corpus.articles:
            for occurrence in article.occurrences:
                if occurrence.document != document.id:
                    continue
                table.add_row(
                    f"{occurrence.line_start}-{occurrence.line_end}",
                    article.kind.value,
                    article.language,
                    (article.title or "") + (" (derived)" if article.title_derived else ""),
                    article.outlet or "",
                    ", ".join(article.via),
                    ", ".join(article.authors),
                )
        console.print(table)
