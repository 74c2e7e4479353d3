"""Article dates: the publication date and original address each article's own text states.

A publication date is read only where a page states one: a line that opens with ``Published``/``Publikuar``
anywhere in the article, the byline, dateline and source lines above its running text, its headline line,
and the attribution, signature and date lines below it. A date in running text is an event's; a list
item's is a footnote's or a chronology's; a teaser's is a pointer's (``teasers`` reads those). The first
line (in that order) that writes a date decides: when its date cannot exist or cannot be placed, the
article stays undated and the build warns, naming the file and line, rather than guessing from the next.

The original address is a URL line among the article's own lines (``https://…`` alone, as under ``Link to the
source``, or after ``Burimi:``/``Source:``/``Link to the source:``), never a URL inside a sentence.

Does not: read teasers (``teasers``) or parse a date's words (``dates``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from .. import lexicon
from ..errors import Problem
from ..model import Article, DateSource, Document, Paragraph, PublicationDate
from .dates import read_dates
from .line_patterns import BY, LIST_MARKER, LOWER_WORD, PUBLISHED, TEASER, is_closing, is_paragraph

ZONE = 6
"""How many lines above the first (below the last) stretch of running text may carry credits and dates."""
MAX_META = 160
"""Longer lines are running text, whatever their shape."""

_FULL_URL = r"(?:https?://|www\.)[^\s<>\"'()\[\]]+[^\s<>\"'()\[\].,;:!?]"
_URL_LINE = re.compile(rf"^(?P<url>{_FULL_URL})$", re.IGNORECASE)
_LABELLED_URL = re.compile(
    r"^(?:"
    + "|".join(re.escape(e) for e in lexicon.entries("source_prefixes"))
    + r"|link\s+to\s+the\s+(?:source|original)\b[^:]{0,20})\s*:?\s*(?P<url>"
    + _FULL_URL
    + r")$",
    re.IGNORECASE,
)


def is_publication_line(text: str) -> bool:
    """``Published: …``, ``Posted on …``, ``Publikuar më …``: a line that says when the piece came out."""
    return bool(PUBLISHED.match(text.strip()))


def is_meta_line(text: str) -> bool:
    """A byline, dateline, source or signature line: short, not a list item, not a sentence of running text."""
    stripped = text.strip()
    if not stripped or len(stripped) > MAX_META or LIST_MARKER.match(stripped) or TEASER.match(stripped):
        return False
    if is_publication_line(stripped) or BY.match(stripped):
        return True
    sentence = stripped.rstrip("”\"’') ").endswith((".", "!", "?", ";")) and len(LOWER_WORD.findall(stripped)) >= 4
    return not is_paragraph(stripped) and not sentence


def date_lines(article: Article) -> list[Paragraph]:
    """The lines that may state the article's date, best first: publication lines, header, headline, footer.

    The header is the meta lines above the first running text (the headline, whatever its shape, is
    passed over); the footer, those below the last, and those of a letter's signature after its closing.
    """
    lines = article.paragraphs
    meta = {p.line: is_meta_line(p.text) for p in lines}
    header = _zone(lines, meta, skip=article.headline_line)
    footer = list(reversed(_zone(list(reversed(lines)), meta, skip=None)))
    closing = next((k for k, p in enumerate(lines) if is_closing(p.text)), None)
    signature = [] if closing is None else _zone(lines[closing + 1 :], meta, skip=None)
    headline = [p for p in lines if p.line == article.headline_line]
    published = [p for p in lines if meta[p.line] and is_publication_line(p.text)]
    return list({p.line: p for p in published + header + headline + signature + footer}.values())


def _zone(lines: Sequence[Paragraph], meta: dict[int, bool], *, skip: int | None) -> list[Paragraph]:
    """The meta lines before the first line of running text, among the first ``ZONE`` (``skip`` passed over)."""
    found: list[Paragraph] = []
    for paragraph in lines[:ZONE]:
        if paragraph.line == skip:
            continue
        if not meta[paragraph.line]:
            break
        found.append(paragraph)
    return found


def stated_date(article: Article, document: Document) -> tuple[PublicationDate | None, list[Problem]]:
    """The date the article's own lines state, and a warning when the deciding line's date is impossible."""
    for paragraph in date_lines(article):
        is_headline = paragraph.line == article.headline_line
        readings = read_dates(paragraph.text, year_alone=not is_headline)
        if not readings:
            continue
        first = readings[0]
        if first.value is None:
            message = f"publication date left empty: {first.problem}"
            return None, [Problem(document.source, paragraph.line, message)]
        source = DateSource.HEADLINE if is_headline else DateSource.BYLINE
        return PublicationDate(first.value, document.id, paragraph.line, source), []
    return None, []


def stated_source_url(article: Article) -> str | None:
    """The first original address the article's own lines name: a URL alone, or after a source label."""
    for paragraph in article.paragraphs:
        text = paragraph.text.strip()
        if match := _LABELLED_URL.match(text) or _URL_LINE.match(text):
            return match.group("url")
    return None


def date_articles(articles: Iterable[Article], documents: Sequence[Document]) -> tuple[list[Article], list[Problem]]:
    """Each page article with its stated date and source URL (new articles); and the warnings for dates left empty."""
    by_id = {d.id: d for d in documents}
    dated: list[Article] = []
    warnings: list[Problem] = []
    for article in articles:
        if article.has_page:
            date, problems = stated_date(article, by_id[article.primary.document])
            article = replace(article, date=date, source_url=stated_source_url(article))
            warnings.extend(problems)
        dated.append(article)
    return dated, warnings
