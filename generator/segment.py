"""Segment: split each glued document into articles at attribution lines.

A first honest implementation: an article ends at a short attribution line
(``BY Name,``, ``Outlet, Translated by Outlet2``, a bare domain, ``Burimi: …``);
its first line is its headline when it is short and has no final full stop.

Does not: merge articles across documents (``dedupe``) or resolve names (``resolve``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .curation import Curation
from .language import LanguageDetector
from .load import body_start
from .model import Article, Credit, Document, Kind, Occurrence, Paragraph, Role, Span

MAX_ATTRIBUTION = 70
MAX_HEADLINE = 130

_TRANSLATED = re.compile(r",?\s*translated\s+by\s+", re.IGNORECASE)
_BY = re.compile(r"^\s*by\s*:?\s+", re.IGNORECASE)
_URL = re.compile(r"^\s*(?:https?://|/)?(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})/?\s*$", re.IGNORECASE)
_SOURCE = re.compile(r"^\s*burimi\s*:\s*", re.IGNORECASE)


def segment(documents: Iterable[Document], *, curation: Curation, languages: LanguageDetector) -> list[Article]:
    """Every document's segments, in document order; ids are provisional (``dedupe`` assigns slugs)."""
    articles: list[Article] = []
    for document in documents:
        articles.extend(segment_document(document, curation=curation, languages=languages))
    return articles


def segment_document(document: Document, *, curation: Curation, languages: LanguageDetector) -> list[Article]:
    overrides = {o.line: o for o in curation.segments if o.document == document.source.rsplit("/", 1)[-1]}
    articles: list[Article] = []
    start = body_start(document)
    for number in range(start, document.line_count + 1):
        text = document.line(number)
        override = overrides.get(number)
        if override and override.split and number > start:
            articles.append(_make_article(document, start, number - 1, languages, overrides.get(start)))
            start = number
        if attribution_credits(document.id, number, text) and not (override and override.join):
            articles.append(_make_article(document, start, number, languages, overrides.get(start)))
            start = number + 1
    if start <= document.line_count and any(document.line(n).strip() for n in range(start, document.line_count + 1)):
        articles.append(_make_article(document, start, document.line_count, languages, overrides.get(start)))
    return [a for a in articles if a.paragraphs]


def attribution_credits(document_id: str, number: int, text: str) -> list[Credit]:
    """Credits on an end-of-article attribution line; empty when the line is not one."""
    stripped = text.strip()
    if not stripped or len(stripped) > MAX_ATTRIBUTION or stripped.endswith((".", "?", "!", ":")):
        return []

    def credit(role: Role, part: str) -> Credit | None:
        part = part.strip(" ,")
        if not part:
            return None
        start = text.index(part)
        return Credit(role, Span(document_id, number, start, start + len(part), part))

    if match := _URL.match(stripped):
        found = [credit(Role.OUTLET, match.group(1))]
    elif _SOURCE.match(stripped):
        found = [credit(Role.OUTLET, _SOURCE.sub("", stripped))]
    elif _TRANSLATED.search(stripped):
        first, translator = _TRANSLATED.split(stripped, maxsplit=1)
        head = first.split(",")[0]
        role = Role.AUTHOR if _BY.match(head) else Role.OUTLET
        found = [credit(role, _BY.sub("", head)), credit(Role.VIA, translator)]
    elif _BY.match(stripped) and stripped.endswith(","):
        found = [credit(Role.AUTHOR, _BY.sub("", stripped))]
    else:
        return []
    return [c for c in found if c is not None]


def _make_article(document, start, end, languages, override) -> Article:
    numbers = [n for n in range(start, end + 1) if document.line(n).strip()]
    paragraphs = [Paragraph(n, document.line(n), languages.detect(document.line(n))) for n in numbers]
    credits = attribution_credits(document.id, numbers[-1], document.line(numbers[-1])) if numbers else []
    headline = numbers[0] if numbers and _is_headline(document.line(numbers[0])) else None
    title = document.line(headline).strip() if headline else _derived_title(paragraphs)
    language = languages.detect(" ".join(p.text for p in paragraphs)[:2000]) if paragraphs else "en"
    kind = Kind.ARTICLE if len(paragraphs) > 2 else Kind.OTHER
    if override:
        title = override.title or title
        language = override.language or language
        kind = override.kind or kind
    return Article(
        id=f"{document.id}-{start}",
        title=title,
        title_derived=headline is None and not (override and override.title),
        kind=kind,
        language=language,
        occurrences=[Occurrence(document.id, start, end)],
        paragraphs=paragraphs,
        credits=credits,
        headline_line=headline,
    )


def _is_headline(text: str) -> bool:
    stripped = text.strip()
    return 0 < len(stripped) <= MAX_HEADLINE and not stripped.endswith((".", ":", ","))


def _derived_title(paragraphs: list[Paragraph]) -> str | None:
    if not paragraphs:
        return None
    words = paragraphs[0].text.split()
    return " ".join(words[:10]) + ("…" if len(words) > 10 else "")
