"""Teasers: the items of navigation blocks, linked to the corpus articles they point to.

An ``Also read:`` block holds items: a headline, then ``[file name][headline]Name, Outlet, Date:… excerpt``.
An item whose headline is an article's title (``same_headline``) links to it, and its date fills the
article's when the article's own lines state none. When both state one and they differ, the article's
own wins and the teaser's is kept as a note. An item whose piece is not in the corpus keeps its
metadata on the block (``article`` is ``None``): cited, not in this archive.

Runs once over the whole corpus, after ``dedupe`` (a teaser in one document may point to an article
in another), then applies the maintainer's dated entries of ``curation.yml``, which beat everything.

Does not: read an article's own date (``article_dates``) or render the links.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .curation import Curation
from .errors import Problem
from .model import Article, DateSource, Document, Kind, Paragraph, PublicationDate, Teaser
from .segment.article_dates import date_articles
from .segment.dates import read_dates
from .segment.line_patterns import GLUE, TEASER, is_caption, is_headline, same_headline, strip_file_prefix


def date_corpus(
    articles: list[Article], documents: Sequence[Document], curation: Curation
) -> tuple[list[Article], list[Problem]]:
    """New articles with their stated dates and source URLs, then teasers', then curated dates; and the warnings."""
    articles, warnings = date_articles(articles, documents)
    pages = [a for a in articles if a.has_page and a.title]
    sources = {d.id: d.source for d in documents}
    dates = {a.id: a.date for a in articles}
    teasers: dict[str, list[Teaser]] = {}
    for block in articles:
        if block.kind is Kind.NAVIGATION:
            teasers[block.id] = block_teasers(block, pages)
            for teaser in teasers[block.id]:
                if teaser.article is not None and teaser.date is not None:
                    dates[teaser.article] = date_with_teaser(dates[teaser.article], teaser, sources[teaser.document])
    curated, problems = curated_dates(articles, documents, curation)
    dates.update(curated)
    dated = [replace(a, date=dates[a.id], teasers=teasers.get(a.id, a.teasers)) for a in articles]
    return dated, warnings + problems


def block_teasers(block: Article, pages: Sequence[Article]) -> list[Teaser]:
    """Every teaser item of a navigation block, each linked to the page article it names, if any."""
    teasers: list[Teaser] = []
    lines = block.paragraphs
    for k, paragraph in enumerate(lines):
        match = TEASER.match(paragraph.text.strip())
        if not match:
            continue
        head = strip_file_prefix(match.group("head"))
        glues = list(GLUE.finditer(head))
        glued_title = head[: glues[-1].start()].strip() if glues else None
        credit = head[glues[-1].start() :].strip() if glues else head.strip()
        above = _headline_above(lines, k)
        titles = [(t, line) for t, line in ((glued_title, paragraph.line), above) if t]
        target = next(((a, t, line) for t, line in titles for a in pages if same_headline(t, a.title or "")), None)
        readings = [r for r in read_dates(match.group(0)) if r.value]
        headline, headline_line = (target[1], target[2]) if target else (titles[0] if titles else (None, None))
        teasers.append(
            Teaser(
                document=block.primary.document,
                line=paragraph.line,
                headline=headline,
                headline_line=headline_line,
                article=target[0].id if target else None,
                credit=credit.rstrip(", ") or None,
                date=readings[0].value if readings else None,
            )
        )
    return teasers


def _headline_above(lines: Sequence[Paragraph], k: int) -> tuple[str | None, int | None]:
    """The item's headline: the headline-shaped line right above the teaser that is not an image caption."""
    if k == 0:
        return None, None
    above = lines[k - 1].text.strip()
    if is_headline(above) and not is_caption(above) and not TEASER.match(above):
        return above, lines[k - 1].line
    return None, None


def date_with_teaser(date: PublicationDate | None, teaser: Teaser, source: str) -> PublicationDate | None:
    """The teaser's date fills an undated article; a different one beside the article's own is kept as a note."""
    if date is None:
        return PublicationDate(teaser.date, teaser.document, teaser.line, DateSource.TEASER)
    if date.value != teaser.date and date.source is not DateSource.TEASER and not date.note:
        return replace(date, note=f"a teaser in {source}, line {teaser.line}, gives {teaser.date}")
    return date


def curated_dates(
    articles: list[Article], documents: Sequence[Document], curation: Curation
) -> tuple[dict[str, PublicationDate | None], list[Problem]]:
    """A maintainer's ``date:`` at a line sets (or, when empty, clears) the date of the article holding that line."""
    dates: dict[str, PublicationDate | None] = {}
    warnings: list[Problem] = []
    by_name = {d.source.rsplit("/", 1)[-1]: d for d in documents}
    for entry in (o for o in curation.segments if o.date is not None):
        article = _article_at(articles, by_name.get(entry.document), entry.line)
        if article is None:
            message = f"'date' names no article at {entry.document}, line {entry.line}"
            warnings.append(Problem(curation.source, entry.source_line, message))
            continue
        dates[article.id] = (
            PublicationDate(entry.date, article.primary.document, entry.line, DateSource.CURATION, note=entry.reason)
            if entry.date
            else None
        )
    return dates, warnings


def _article_at(articles: list[Article], document: Document | None, line: int) -> Article | None:
    """The article whose primary occurrence in ``document`` holds ``line``."""
    if document is None:
        return None
    here = (a for a in articles if a.primary.document == document.id)
    return next((a for a in here if a.primary.line_start <= line <= a.primary.line_end), None)
