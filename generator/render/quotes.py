"""Quotes on entity pages: one per sentence, every span of the entity marked, and words saying where each stands.

A sentence that names a person twice (``Hassan Hayrani (Hajrani)``) is quoted once, with both
spans marked. Each quote links to its paragraph; the link names the outlet, the date (when the
article states one) and the paragraph, never a file path.

Does not: cut quotes into pages (``pagination``), decide what a page shows (``entity_views``).
"""

from __future__ import annotations

from markupsafe import Markup

from ..model import Article, Entity, Mention, Role, Span
from . import fragments
from .lookups import Lookups

#: How a quote's link names a credit, which stands on a byline rather than in the running text.
CREDIT_WORDS = {Role.AUTHOR: "credited as author", Role.OUTLET: "credited as publisher", Role.VIA: "credited as relay"}


def sentences(mentions: list[Mention]) -> list[list[Mention]]:
    """One article's mentions grouped by the sentence they stand in, in source order."""
    grouped: dict[tuple, list[Mention]] = {}
    for mention in sorted(mentions, key=lambda m: (m.span.line, m.span.start, m.span.document, m.role.value)):
        key = (mention.span.document, mention.span.line, mention.quote_start, mention.quote)
        grouped.setdefault(key, []).append(mention)
    return list(grouped.values())


def sentence_html(sentence: list[Mention]) -> Markup:
    """The sentence, escaped, with the span of each of its mentions marked."""
    first = sentence[0]
    return fragments.marked(first.quote, [(m.span.start - m.quote_start, m.span.end - m.quote_start) for m in sentence])


class Places:
    """Where a quote stands: its URL and the words its link reads (outlet, date, paragraph)."""

    def __init__(self, lookups: Lookups):
        self.lookups = lookups
        self._ordinals: dict[str, dict[int, int]] = {}

    def _paragraph(self, article: Article, document: str, line: int) -> int | None:
        """The paragraph's number in its article (1 for the first), when the line is one of its paragraphs."""
        if not article.has_page or document != article.primary.document:
            return None
        if article.id not in self._ordinals:
            self._ordinals[article.id] = {p.line: n for n, p in enumerate(article.paragraphs, start=1)}
        return self._ordinals[article.id].get(line)

    def details(self, article: Article) -> str:
        """The article's outlet and date, as a group heading shows them (empty when it states neither)."""
        outlet = self.lookups.outlets.get(article.outlet) if article.outlet else None
        parts = (outlet.name if outlet else "", article.date.value if article.date else "")
        return " · ".join(part for part in parts if part)

    def url(self, article: Article, document: str, line: int) -> str:
        """The paragraph holding the line; a line outside the article's text links to its source line."""
        if self._paragraph(article, document, line):
            return f"{self.lookups.article_url(article)}#p{line}"
        return f"{self.lookups.url('documents', document)}#L{line}"

    def label(self, article: Article, document: str, line: int, *, name_article: bool = False) -> str:
        """``Outlet · 2021-03-04 · paragraph 5``; ``name_article`` puts the title first when no outlet is known."""
        number = self._paragraph(article, document, line)
        where = f"paragraph {number}" if number else f"source line {line}"
        details = self.details(article)
        if name_article and not article.outlet:
            details = " · ".join(p for p in (article.title or article.id, details) if p)
        return " · ".join(p for p in (details, where) if p)

    def sentence_item(self, article: Article, sentence: list[Mention], root: str) -> Markup:
        """One quoted sentence, linked to its paragraph; a credit says which."""
        span = sentence[0].span
        label = self.label(article, span.document, span.line)
        credits = dict.fromkeys(CREDIT_WORDS[m.role] for m in sentence if m.role in CREDIT_WORDS)
        return fragments.quote_item(
            sentence_html(sentence),
            lang=self.lookups.foreign_language(article, span.line),
            href=root + self.url(article, span.document, span.line),
            label=" · ".join([*credits, label]),
        )

    def speech_item(self, article: Article, speech: Span, root: str) -> Markup:
        """Words attributed to a person, verbatim, linked to their paragraph."""
        return fragments.quote_item(
            fragments.marked(speech.text, []),
            lang=self.lookups.foreign_language(article, speech.line),
            href=root + self.url(article, speech.document, speech.line),
            label=self.label(article, speech.document, speech.line, name_article=True),
        )


def statements(lookups: Lookups, mentions: list[Mention]) -> list[Mention]:
    """The attributed words among ``mentions``, once each: dated ones first, by date, then by article and place."""
    found: dict[tuple, Mention] = {}
    for mention in mentions:
        if mention.role is Role.SPEAKER and mention.speech is not None:
            speech = mention.speech
            found.setdefault((mention.article, speech.document, speech.line, speech.start, speech.end), mention)

    def order(mention: Mention) -> tuple:
        article = lookups.articles[mention.article]
        date = article.date.value if article.date else ""
        return (not date, date, (article.title or "").casefold(), article.id, mention.speech.line, mention.speech.start)

    return sorted(found.values(), key=order)


def speakers_by_line(lookups: Lookups, article: Article) -> dict[int, list[Entity]]:
    """The people that words in the article's paragraphs are attributed to, by the paragraph's line, by name."""
    found: dict[int, dict[str, Entity]] = {}
    for mention, entity in lookups.mentions_by_article[article.id]:
        speech = mention.speech
        if mention.role is Role.SPEAKER and speech is not None and speech.document == article.primary.document:
            found.setdefault(speech.line, {})[entity.id] = entity
    return {line: sorted(people.values(), key=lambda e: (e.name.casefold(), e.id)) for line, people in found.items()}
