"""Segment: split each glued document into articles, letters, interviews and navigation residue.

A document is a run of web pages' worth of pieces glued together with no
separators. Boundaries come from the signals a careful reader uses:

- an end-of-article attribution ends a piece: ``BY Name,``, ``Name ,Outlet``,
  ``Outlet, City, Translated by Outlet2``, a bare domain or URL, ``Burimi: …``,
  ``Presenter: …``, or a lone signature name after a paragraph;
- a headline followed by a dateline, a dated source line or a byline starts one;
- an ``Also read:`` / ``Related posts`` block (teaser headline, teaser paragraph,
  image captions, ``Link to the source``) is navigation; the article after a
  teaser inherits the teaser's credits when it names no outlet of its own;
- a sustained switch of language (a translation followed by its original) starts one.

The work is in layers: ``line_patterns`` (what a line's text looks like), ``credit_lines``
(the names a credit line gives), ``line_shapes`` (one immutable row per line),
``navigation`` and ``boundaries`` (named rules over the rows). This module runs them and
builds the articles. Credits are exact spans of their source line; ``resolve`` turns them
into ids. A maintainer can add or remove a boundary and override title, kind, language
and outlet in ``content/curation.yml``.

Does not: merge articles across documents (``dedupe``), resolve names to
entities (``resolve``) or read any file.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..curation import Curation, SegmentOverride
from ..language import LanguageDetector
from ..model import Article, Credit, Document, Kind, Occurrence, OutletRecord, Paragraph, Role, Span
from ..outlets import OutletIndex
from .boundaries import Segmentation, find_boundaries
from .credit_lines import Credits
from .line_patterns import OPEN_LETTER, SPEAKER, clean_headline
from .line_shapes import LineShape, LineTable, line_table


def segment(
    documents: Iterable[Document],
    *,
    curation: Curation,
    languages: LanguageDetector,
    outlets: Sequence[OutletRecord] | OutletIndex | None = None,
) -> list[Article]:
    """Every document's segments, in document order; ids are provisional (``dedupe`` assigns slugs)."""
    index = _index(outlets)
    articles: list[Article] = []
    for document in documents:
        articles.extend(segment_document(document, curation=curation, languages=languages, outlets=index))
    return articles


def _index(outlets: Sequence[OutletRecord] | OutletIndex | None) -> OutletIndex | None:
    """One index for all documents: building it per document would redo the same work."""
    if outlets is None or isinstance(outlets, OutletIndex):
        return outlets
    return OutletIndex(list(outlets))


def segment_document(
    document: Document,
    *,
    curation: Curation,
    languages: LanguageDetector,
    outlets: Sequence[OutletRecord] | OutletIndex | None = None,
) -> list[Article]:
    """One document's segments. Without ``outlets``, outlet names are told from people by their shape only."""
    table = line_table(document, languages, Credits(_index(outlets)))
    if not table.rows:
        return []
    name = document.source.rsplit("/", 1)[-1]
    overrides = {o.line: o for o in curation.segments if o.document == name}
    found = find_boundaries(table)
    starts = _apply_curation(set(found.starts), table, overrides)
    articles: list[Article] = []
    bounds = sorted(starts) + [len(table)]
    for a, b in zip(bounds, bounds[1:], strict=False):
        is_nav = all(i in found.navigation for i in range(a, b))
        override = overrides.get(table.rows[a].number)
        articles.append(_make_article(document, table, range(a, b), found, is_nav, override, languages))
    articles = _merge_navigation(articles)
    _inherit_teaser_credits(articles, table, found)
    return articles


def _merge_navigation(articles: list[Article]) -> list[Article]:
    """Adjacent navigation residue (captions, then an ``Also read:`` block) is one block."""
    merged: list[Article] = []
    for article in articles:
        previous = merged[-1] if merged else None
        if previous and previous.kind is Kind.NAVIGATION and article.kind is Kind.NAVIGATION:
            first = previous.occurrences[0]
            previous.occurrences[0] = Occurrence(first.document, first.line_start, article.occurrences[0].line_end)
            previous.paragraphs.extend(article.paragraphs)
        else:
            merged.append(article)
    return merged


def _apply_curation(starts: set[int], table: LineTable, overrides: dict[int, SegmentOverride]) -> set[int]:
    """A curated split starts a segment at (or after) its line; a curated join removes the start there."""
    index_of = {row.number: i for i, row in enumerate(table.rows)}
    for override in overrides.values():
        i = next((index_of[n] for n in range(override.line, table.rows[-1].number + 1) if n in index_of), None)
        if i is None:
            continue
        if override.split:
            starts.add(i)
        if override.join and i > 0:
            starts.discard(i)
    return starts


def _inherit_teaser_credits(articles: list[Article], table: LineTable, found: Segmentation) -> None:
    """An article after a teaser block takes the teaser's ``Name, Outlet, Date:…`` credits if it has no outlet."""
    by_line = {table.rows[i].number: credits for i, credits in found.teasers.items() if credits}
    for previous, article in zip(articles, articles[1:], strict=False):
        if previous.kind is not Kind.NAVIGATION or article.kind is Kind.NAVIGATION:
            continue
        teaser = [c for p in previous.paragraphs for c in by_line.get(p.line, ())]
        if teaser and not any(c.role is Role.OUTLET for c in article.credits):
            article.credits = teaser + article.credits


# --- articles -----------------------------------------------------------------------------


def _make_article(
    document: Document,
    table: LineTable,
    chunk: range,
    found: Segmentation,
    is_nav: bool,
    override: SegmentOverride | None,
    languages: LanguageDetector,
) -> Article:
    """The article of rows ``chunk``: its language, credits, headline, title and kind, then the curator's overrides."""
    rows = table.rows[chunk.start : chunk.stop]
    long_text = " ".join(row.stripped for row in rows if len(row.stripped) >= 40) or " ".join(
        row.stripped for row in rows
    )
    language = languages.detect(long_text[:2000])
    paragraphs = [
        Paragraph(row.number, row.text, row.language if len(row.stripped) >= 60 else language) for row in rows
    ]
    credits = [] if is_nav else _article_credits(table, chunk, found)
    headline = None if is_nav else _headline(rows)
    title = clean_headline(document.line(headline)) if headline else _derived_title(rows)
    kind = Kind.NAVIGATION if is_nav else classify(rows)
    if override:
        title = override.title or title
        language = override.language or language
        kind = override.kind or kind
        if override.outlet:
            curated = _override_outlet(document, rows, override.outlet)
            credits = curated + [c for c in credits if c.role is not Role.OUTLET]
    if kind is Kind.NAVIGATION:
        headline = None
    return Article(
        id=f"{document.id}-{rows[0].number}",
        title=title,
        title_derived=headline is None and not (override and override.title),
        kind=kind,
        language=language,
        occurrences=[Occurrence(document.id, rows[0].number, rows[-1].number)],
        paragraphs=paragraphs,
        credits=credits,
        headline_line=headline,
    )


def _article_credits(table: LineTable, chunk: range, found: Segmentation) -> list[Credit]:
    """Header credits (bylines, source lines) near the top, then end attributions, in source order."""
    credits: list[Credit] = []
    for position, i in enumerate(chunk):
        row = table.rows[i]
        if i in found.ends:
            credits.extend(found.ends[i])
        elif position < 6 and row.header_credits:
            if row.source_dated and not (position and table.rows[i - 1].headline):
                continue  # ``Weekly Digest – April 05, 2019`` is a dated headline, not a source line
            credits.extend(row.header_credits)
    return credits


def _override_outlet(document: Document, rows: Sequence[LineShape], name: str) -> list[Credit]:
    """The curated outlet as a span: where the segment (or else the document) writes it."""
    numbers = [row.number for row in rows] + list(range(1, document.line_count + 1))
    for number in numbers:
        start = document.line(number).lower().find(name.lower())
        if start >= 0:
            text = document.line(number)[start : start + len(name)]
            return [Credit(Role.OUTLET, Span(document.id, number, start, start + len(name), text))]
    return []


def _headline(rows: Sequence[LineShape]) -> int | None:
    """The first headline-like line, skipping datelines, credits and links at the top."""
    for position, row in enumerate(rows[:4]):
        if row.dateline or row.link:
            continue
        if row.header_credits and (position or not row.source_dated):
            continue
        if row.headline and not row.closing and not row.letter_opening and not row.teaser:
            return row.number
        return None
    return None


def _derived_title(rows: Sequence[LineShape]) -> str | None:
    """A title made from the first ten words of the first paragraph, for a piece with no headline."""
    first = next((row.stripped for row in rows if row.paragraph), rows[0].stripped if rows else "")
    words = clean_headline(first).split()
    if not words:
        return None
    return " ".join(words[:10]) + ("…" if len(words) > 10 else "")


def classify(rows: Sequence[LineShape]) -> Kind:
    """Letter, interview, listing, article or other, from the shape of the lines."""
    texts = [row.stripped for row in rows]
    if not any(row.paragraph and not row.caption for row in rows):
        return Kind.NAVIGATION  # captions, link titles and credits with no running text
    if is_letter(rows):
        return Kind.LETTER
    if is_interview(rows):
        return Kind.INTERVIEW
    items = [i for i, row in enumerate(rows) if row.list_item]
    prose_before = sum(1 for row in rows[: items[0]] if row.paragraph) if items else 0
    if len(items) >= 3 and len(items) * 5 >= len(texts) * 2 and prose_before < 3:
        return Kind.LISTING  # a digest: items from the first lines on, not bullet points inside an argument
    paragraphs = [row for row in rows if row.paragraph and not row.caption]
    if len(paragraphs) >= 2 or (rows[0].headline and paragraphs):
        return Kind.ARTICLE
    return Kind.OTHER


def is_letter(rows: Sequence[LineShape]) -> bool:
    """A salutation in the first lines, a closing in the last, or ``Open letter`` in the first line."""
    return (
        any(row.letter_opening for row in rows[:6])
        or any(row.closing for row in rows[-8:])
        or bool(OPEN_LETTER.search(rows[0].stripped))
    )


def is_interview(rows: Sequence[LineShape]) -> bool:
    """Three short questions, or one speaker's ``Name: …`` three times."""
    questions = sum(1 for row in rows if row.stripped.endswith("?") and len(row.stripped) <= 150)
    speakers = [m.group("who") for row in rows if (m := SPEAKER.match(row.stripped))]
    repeated_speaker = max((speakers.count(s) for s in set(speakers)), default=0)
    return questions >= 3 or repeated_speaker >= 3
