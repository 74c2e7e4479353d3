"""Event dates: the sentences of an article that state a full calendar date ("On 6 January 2018, …").

A small rule finds a day, a month (by name, English or Albanian, or by number in ``6.1.2018``) and a
four-digit year; ``dateparser`` then reads the candidate, so an impossible date (31 February) is
dropped. Matching reads the text as it means itself (a no-break space is a space, a soft hyphen or a
zero-width character is nothing), while offsets and the quoted sentence stay those of the stored line.
A line that states the article's own publication date (its byline or dateline) is not an event.

Does not: decide what an article's publication date is (``segment``), or show anything (``chronology``).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from dateparser.date import DateDataParser

from . import lexicon
from .extract.quotes import sentence_around
from .model import Article, Paragraph

#: Month number by name, from ``lexicon/calendar_months.txt``.
MONTH_NUMBERS = {
    word.lower(): int(number) for number, word in (entry.split(" ", 1) for entry in lexicon.entries("calendar_months"))
}

_MONTH = "(?P<month>" + "|".join(re.escape(m) for m in sorted(MONTH_NUMBERS, key=len, reverse=True)) + r")(?:it|i)?\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|-?të)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
#: ``6 January 2018``, ``January 6, 2018``, ``6 janar 2018``, ``06.01.2018``.
DATE_PATTERNS = (
    re.compile(rf"\b{_DAY} +(?:of +)?{_MONTH},? +{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_MONTH} +{_DAY},? +{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_DAY}\.(?P<month>[01]?\d)\.{_YEAR}\b"),
)

#: A sentence with fewer words than this besides its date is a dateline or byline, not an event.
MIN_EVENT_WORDS = 3


@dataclass(frozen=True)
class DatedSentence:
    """A sentence that states a full calendar date, where it stands (offsets within its line)."""

    article: str
    document: str
    line: int
    start: int
    """Offset of ``sentence`` in its line."""
    sentence: str
    date: str
    """``YYYY-MM-DD``."""
    date_start: int
    """Offsets of the date's words in the line."""
    date_end: int


#: A year anywhere: a line without one states no full date (most lines; they are skipped at once).
_ANY_YEAR = re.compile(r"(?:1[89]|20)\d\d")
#: A character ``readable`` changes: a space other than " ", or an invisible format character.
_UNUSUAL = re.compile(
    r"[^\S ]|[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    r"\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]"
)


def readable(text: str) -> tuple[str, list[int] | range]:
    """The text as it reads (spaces plain, invisible characters gone) and each kept character's offset."""
    if not _UNUSUAL.search(text):
        return text, range(len(text))
    chars, offsets = [], []
    for i, ch in enumerate(text):
        category = unicodedata.category(ch)
        if category == "Cf":  # soft hyphen, zero-width characters, direction marks
            continue
        chars.append(" " if category == "Zs" or ch == "\t" else ch)
        offsets.append(i)
    return "".join(chars), offsets


@functools.cache
def _parser() -> DateDataParser:
    """One parser for English and Albanian that answers only for a day, a month and a year."""
    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "DATE_ORDER": "DMY"}
    return DateDataParser(languages=["en", "sq"], settings=settings)


def calendar_date(day: str, month: str, year: str) -> str | None:
    """``YYYY-MM-DD`` for a candidate date's parts as ``dateparser`` reads them; None when they make no date."""
    number = int(month) if month.isdigit() else MONTH_NUMBERS.get(month.lower())
    if not number or not 1 <= number <= 12:
        return None
    candidate = f"{int(day)}.{number}.{year}" if month.isdigit() else f"{int(day)} {month} {year}"
    parsed = _parser().get_date_data(candidate).date_obj
    if parsed is None or parsed.month != number:
        return None
    return parsed.date().isoformat()


def dates_in(text: str) -> list[tuple[int, int, str]]:
    """Every full calendar date ``text`` states: (start, end, ``YYYY-MM-DD``), offsets in ``text`` as given."""
    if not _ANY_YEAR.search(text):
        return []
    plain, offsets = readable(text)
    found: dict[int, tuple[int, int, str]] = {}
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(plain):
            value = calendar_date(match["day"], match["month"], match["year"])
            start = offsets[match.start()]
            if value and start not in found:
                found[start] = (start, offsets[match.end() - 1] + 1, value)
    return [found[k] for k in sorted(found)]


def is_dateline(sentence: str, date_start: int, date_end: int) -> bool:
    """A sentence that is little more than its date (``Tirana, 6 January 2018``, ``Published: Jan 6, 2018``)."""
    rest = sentence[:date_start] + " " + sentence[date_end:]
    return len(re.findall(r"[^\W\d_]{2,}", readable(rest)[0])) < MIN_EVENT_WORDS


def dated_sentences(article: Article) -> list[DatedSentence]:
    """Each sentence of the article's paragraphs that states a full calendar date, once per date, in text order.

    The headline, the lines that credit it (bylines, attributions) and the line its publication date
    was read from are left out: they date the article, they do not tell of an event.
    """
    skip = {article.headline_line, *(credit.span.line for credit in article.credits)}
    if article.date and article.date.document == article.primary.document:
        skip.add(article.date.line)
    found, seen = [], set()
    for paragraph in article.paragraphs:
        if paragraph.line in skip:
            continue
        for dated in _paragraph_dates(article, paragraph):
            if (dated.sentence, dated.date) not in seen:  # a line repeated in the text is quoted once
                seen.add((dated.sentence, dated.date))
                found.append(dated)
    return found


def _paragraph_dates(article: Article, paragraph: Paragraph) -> list[DatedSentence]:
    """The dated sentences of one paragraph."""
    found, seen = [], set()
    for start, end, value in dates_in(paragraph.text):
        quote_start, sentence = sentence_around(paragraph.text, start, end)
        if (quote_start, value) in seen or is_dateline(sentence, start - quote_start, end - quote_start):
            continue
        seen.add((quote_start, value))
        document = article.primary.document
        found.append(DatedSentence(article.id, document, paragraph.line, quote_start, sentence, value, start, end))
    return found
