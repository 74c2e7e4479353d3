"""Outlet mentions that are not the ruler's: credits, media-shaped names, dated citations, listed names in any text.

The ruler marks a listed outlet wherever the model reads; these rules add what it
cannot see: the credits ``segment`` found on attribution lines, an organisation
whose name says it is a medium, a website cited in brackets with a date, and the
listed names in paragraphs the model does not read.

Does not: decide which listed outlet a mention names (``resolve``).
"""

from __future__ import annotations

import re

from .. import lexicon
from ..model import Article, Credit, Document, Mention, OutletRecord, Paragraph, Role
from ..outlets import OutletIndex
from .names import looks_like_full_name
from .quotes import text_mention

#: Words that say an organisation is a medium (``Gazeta``, ``Daily``, ``TV``).
MEDIA_WORDS = lexicon.word_set("media_words")
#: Words that make a name that of an organisation other than a medium (``Ministry``, ``Department``).
NOT_OUTLET_WORDS = lexicon.word_set("not_outlet_words")
_MONTHS = "|".join(map(re.escape, lexicon.entries("english_month_names")))
#: A source cited in brackets with a date: ``(Lapsi.al, August 19)``, ``(Tirana Times, 3 May 2019)``.
_CITATION = re.compile(
    rf"\((?P<name>[A-Z][\w’'&-]*(?:[ .][A-Za-z][\w’'&-]*){{0,4}}),\s*"
    rf"(?:(?:{_MONTHS})\.?\s+\d{{1,2}}|\d{{1,2}}\s+(?:{_MONTHS}))(?:,?\s+\d{{4}})?\)"
)


def credit_mentions(article: Article, documents: dict[str, Document], index: OutletIndex) -> list[Mention]:
    """Attribution credits as mentions; the whole attribution line is their quote."""
    mentions = []
    publisher_lines: set[int] = set()
    for credit in article.credits:
        line = documents[credit.span.document].line(credit.span.line)
        stripped = line.strip()
        listed = index.lookup(credit.span.text) is not None
        kind, role = credit_kind(credit, listed=listed)
        if role is Role.OUTLET and not listed and credit.span.line in publisher_lines:
            continue  # "Inside Over, Tirana, Translated by …": after the publisher comes a dateline
        if role is Role.OUTLET:
            publisher_lines.add(credit.span.line)
        mentions.append(Mention(kind, role, article.id, credit.span, stripped, line.index(stripped)))
    return mentions


def credit_kind(credit: Credit, *, listed: bool) -> tuple[str, Role]:
    """An author credit is a person unless it names a listed outlet ("BY Balkans Post," credits a publisher)."""
    if credit.role is not Role.AUTHOR:
        return "outlet", credit.role
    if listed:
        return "outlet", Role.OUTLET
    return "person", credit.role


def is_media_name(text: str) -> bool:
    """An organisation whose name says it is a medium (``Gazeta Shqiptare``, ``Albanian Daily News``)."""
    words = [w.lower() for w in re.findall(r"\w+", text)]
    return len(words) >= 2 and any(w in MEDIA_WORDS for w in words)


def citation_outlets(article: Article, paragraph: Paragraph) -> list[Mention]:
    """A website or medium cited in brackets with a date: ``(Lapsi.al, August 19)``, ``(Tirana Times, 3 May)``.

    Any name but a person's or another organisation's: ``(Shekulli, March 12, 2016)`` is a
    medium, ``(US State Department, September 28, 2012)`` and ``(John Smith, May 3)`` are not.
    (Listed outlets are found by the ruler wherever they stand.)
    """
    mentions = []
    for match in _CITATION.finditer(paragraph.text):
        name = match.group("name")
        if is_cited_medium(name):
            start = match.start("name")
            mentions.append(text_mention("outlet", article, paragraph, start, start + len(name)))
    return mentions


def is_cited_medium(name: str) -> bool:
    """A web name, a media-shaped name, or a name of 1-3 words with no organisation word that is no full name."""
    if re.search(r"\.[a-z]{2,6}$", name) or is_media_name(name):
        return True
    words = name.split()
    if len(words) > 3 or looks_like_full_name(name):
        return False
    return not any(w.lower().strip(".,’'") in NOT_OUTLET_WORDS for w in words)


def listed_outlets_regex(outlets: list[OutletRecord]) -> re.Pattern | None:
    """The names and aliases of listed outlets (longer than three letters), longest first."""
    names = sorted({n for r in outlets for n in (r.name, *r.aliases) if len(n) > 3}, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")\b") if names else None
