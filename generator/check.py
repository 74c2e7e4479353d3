"""``check``: print each document's segmentation for a maintainer to review.

One plain line per segment, never wrapped or cut, so the output reads the same
in a wide terminal, a narrow one or a pipe (``python -m generator check | less -S``)::

    000_x.txt   12-16   article    en  outlet=-  via=-  by=olsi-jazexhi  | Sorayah Abdollahi appeals …

Does not: change anything; curation is edited by hand in ``content/curation.yml``.
"""

from __future__ import annotations

from rich.console import Console

from .model import Article, Corpus, Occurrence


def segmentation_lines(corpus: Corpus) -> list[str]:
    """The report as text lines: a header per document, then one line per segment in line order."""
    lines: list[str] = []
    for document in corpus.documents:
        name = document.source.rsplit("/", 1)[-1]
        rows = sorted(
            ((o, a) for a in corpus.articles for o in a.occurrences if o.document == document.id),
            key=lambda row: row[0].line_start,
        )
        lines.append(f"{document.source}  ({document.line_count} lines, {len(rows)} segments)")
        lines.extend(segment_line(name, occurrence, article) for occurrence, article in rows)
        lines.append("")
    return lines


def segment_line(name: str, occurrence: Occurrence, article: Article) -> str:
    span = f"{occurrence.line_start}-{occurrence.line_end}"
    title = (article.title or "") + (" (derived)" if article.title_derived else "")
    also = (
        "" if occurrence == article.primary else f"  [copy of {article.primary.document}:{article.primary.line_start}]"
    )
    return (
        f"{name}  {span:>9}  {article.kind.value:<10} {article.language:<3}"
        f" outlet={article.outlet or '-'}  via={','.join(article.via) or '-'}"
        f"  by={','.join(article.authors) or '-'}  | {title}{also}"
    )


def print_segmentation(corpus: Corpus, console: Console) -> None:
    """One line per segment: line range, kind, language, outlet, via, authors, title."""
    for line in segmentation_lines(corpus):
        console.print(line, markup=False, highlight=False, soft_wrap=True)
