"""Event dates: the sentences of an article that state a full calendar date ("On 6 January 2018, …").

Dates are read by segment's ``read_dates`` (a small rule for each way a date is written, month names and
checks by ``dateparser``, English and Albanian), so a date is read the same way everywhere; only those
that give a day count here. Two things are added for running text: Albanian writes the month in the
genitive after a day (``22 marsit 2018``), and the text is read as it means itself (a no-break space is a
space, a soft hyphen or a zero-width character is nothing), while offsets and the quoted sentence stay
those of the stored line. A line that states the article's own publication date (its byline, dateline
or headline) is not an event, and neither is a sentence that is little more than a date.

Does not: decide what an article's publication date is (``segment``), or show anything (``chronology``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..extract.quotes import sentence_around
from ..model import Article, Paragraph
from ..segment.dates import is_month_name, read_dates

#: A year anywhere: a line without one states no full date (most lines; they are skipped at once).
_ANY_YEAR = re.compile(r"(?:1[89]|20)\d\d")
#: A character ``readable`` changes: a space other than " ", or an invisible format character.
_UNUSUAL = re.compile(
    r"[^\S ]|[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    r"\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]"
)
#: A word after a day number that may be a month with an Albanian case ending: ``marsit``, ``korrikut``.
_INFLECTED_MONTH = re.compile(r"(?<=\d )(?P<stem>[^\W\d_]{3,}?)(?P<ending>it|ut|i|u)(?![^\W\d_])", re.IGNORECASE)

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


def readable(text: str) -> tuple[str, list[int] | range]:
    """The text as it reads (spaces plain, invisible characters gone) and each kept character's offset."""
    if not _UNUSUAL.search(text):
        return text, range(len(text))
    chars, offsets = [], []
    for i, ch in enumerate(text):
        category = unicodedata.category(ch)
        if category == "Cf":  # soft hyphen, zero-width characters, direction marks
            continue
        chars.append(" " if category == "Zs" or ch.isspace() else ch)
        offsets.append(i)
    return "".join(chars), offsets


def without_case_endings(text: str) -> str:
    """``22 marsit 2018`` -> ``22 mars   2018``: a month's Albanian case ending blanked, offsets kept."""

    def blank(match: re.Match) -> str:
        word, stem = match.group(0), match.group("stem")
        return stem + " " * len(match.group("ending")) if is_month_name(stem) and not is_month_name(word) else word

    return _INFLECTED_MONTH.sub(blank, text)


def dates_in(text: str) -> list[tuple[int, int, str]]:
    """Every full calendar date ``text`` states: (start, end, ``YYYY-MM-DD``), offsets in ``text`` as given."""
    if not _ANY_YEAR.search(text):
        return []
    plain, offsets = readable(text)
    found = []
    for reading in read_dates(without_case_endings(plain)):
        if reading.value and len(reading.value) == len("YYYY-MM-DD"):
            found.append((offsets[reading.start], offsets[reading.end - 1] + 1, reading.value))
    return found


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
