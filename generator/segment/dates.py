"""Dates: every date one line writes, at the precision it writes it (day, month or year).

Month and weekday names are dateparser's (a maintained, per-language table), read in the languages of
``lexicon/date_languages.txt``; numeric dates are read day first (``21.10.2020``) or ISO (``2020-07-14``).
What is not a publication date whatever line it stands on is skipped here: a date in parentheses
(a citation, ``(Shekulli, March 12, 2016)``) and a date after ``Updated:``. A date that cannot exist
(``30.02.2020``) or cannot be placed (``02.06.73``: which century?) is returned without a value, so the
caller can warn rather than guess.

Does not: decide which lines of an article state its publication date (``article_dates`` does).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from .. import lexicon

_YEAR = r"(?P<year>(?:1[89]|20)\d{2})(?![\d])"
_WORD = r"(?<![^\W\d_])(?P<month>[^\W\d_]{3,}\.?)"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th|\.)?"
_DAY_MONTH_YEAR = re.compile(rf"(?<![\d.]){_DAY}(?:\s+|-)(?:of\s+)?{_WORD}(?:,?\s+|-){_YEAR}", re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(rf"{_WORD}\s+{_DAY},?\s+{_YEAR}", re.IGNORECASE)
_MONTH_YEAR = re.compile(rf"{_WORD},?\s+{_YEAR}", re.IGNORECASE)
_ISO = re.compile(r"(?<![\d.])(?P<year>\d{4})(?P<sep>[-/.])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})(?![\d])")
_DAY_FIRST = re.compile(r"(?<![\d.])(?P<day>\d{1,2})(?P<sep>[./-])(?P<month>\d{1,2})(?P=sep)(?P<year>\d{4})(?![\d])")
_TWO_DIGIT_YEAR = re.compile(r"(?<![\d.])\d{1,2}(?P<sep>[./-])\d{1,2}(?P=sep)\d{2}(?![\d.])")
_YEAR_ALONE = re.compile(rf"(?:^|[,–—|·:-]\s*|©\s*){_YEAR}\s*\.?$")
"""A bare year counts only where a credit line ends with it (``Outlet, 2019``), never inside a phrase."""
_CITATION = re.compile(r"\([^()]*\)")
_UPDATE = re.compile(
    r"\b(?:" + "|".join(re.escape(e) for e in lexicon.entries("update_markers")) + r")\b"
    r".*?(?=\b(?:" + "|".join(re.escape(e) for e in lexicon.entries("publication_markers")) + r")\b|$)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateReading:
    """A date as one line writes it; ``value`` is ``None`` when it cannot exist or cannot be placed."""

    value: str | None
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``."""
    start: int
    end: int
    text: str
    problem: str | None = None


@cache
def _parser():
    """One dateparser instance: day-first, absolute dates only (``yesterday`` is not a publication date)."""
    from dateparser.date import DateDataParser

    languages = list(lexicon.entries("date_languages"))
    settings = {"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "PARSERS": ["absolute-time"]}
    return DateDataParser(languages=languages, settings=settings)


def _parse(text: str) -> tuple[dt.datetime, str] | None:
    """dateparser's reading of ``text`` and its precision (``day``, ``month``, ``year``), or ``None``."""
    data = _parser().get_date_data(text)
    return (data.date_obj, data.period) if data and data.date_obj else None


@cache
def month_names() -> tuple[str, ...]:
    """Every month name and abbreviation dateparser knows in the reading languages, accents also dropped."""
    from dateparser.languages.loader import default_loader

    names: dict[str, None] = {}
    for language in lexicon.entries("date_languages"):
        info = default_loader.get_locale(language).info
        for number in range(1, 13):
            for name in info.get(calendar.month_name[number].lower(), ()):
                names.update(dict.fromkeys((name, _unaccented(name))))
    return tuple(names)


def _unaccented(text: str) -> str:
    """``nëntor`` -> ``nentor``: how a page typed without Albanian letters writes it."""
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))


@cache
def is_month_name(word: str) -> bool:
    """A month's name or abbreviation in a reading language, as dateparser knows them (``Sept.``, ``nentor``)."""
    found = _parse(f"{word.rstrip('.')} 2000")
    return found is not None and found[1] == "month"


def _masked(text: str) -> str:
    """The line with citations in parentheses and ``Updated: …`` stretches blanked, offsets kept."""
    blank = lambda m: " " * (m.end() - m.start())  # noqa: E731
    return _UPDATE.sub(blank, _CITATION.sub(blank, text))


def _numeric(match: re.Match, text: str) -> DateReading:
    """A numeric date, checked by the calendar: ``30.02.2020`` has no value."""
    year, month, day = (int(match.group(k)) for k in ("year", "month", "day"))
    try:
        value = dt.date(year, month, day).isoformat()
    except ValueError:
        return _impossible(match, text)
    return DateReading(value, match.start(), match.end(), text[match.start() : match.end()])


def _impossible(match: re.Match, text: str, why: str = "no such day") -> DateReading:
    written = text[match.start() : match.end()]
    return DateReading(None, match.start(), match.end(), written, f"{why}: {written!r}")


def _worded(match: re.Match, text: str) -> DateReading | None:
    """``4 prill 2022``, ``March 3rd, 2021``, ``March 2019``: a month name dateparser knows, checked by it."""
    if not is_month_name(match.group("month")):
        return None
    day = match.groupdict().get("day")
    written = f"{day} {match.group('month')} {match.group('year')}" if day else match.group(0)
    found = _parse(written)
    if found is None or found[0].year != int(match.group("year")) or (day and found[0].day != int(day)):
        return _impossible(match, text)
    value = found[0].strftime("%Y-%m-%d" if day else "%Y-%m")
    return DateReading(value, match.start(), match.end(), text[match.start() : match.end()])


def read_dates(text: str, *, year_alone: bool = False) -> list[DateReading]:
    """Every date ``text`` writes, in order; with ``year_alone``, a year ending a credit line counts too."""
    masked = _masked(text)
    readings: list[DateReading] = []

    def free(match: re.Match) -> bool:
        return not any(r.start < match.end() and match.start() < r.end for r in readings)

    for pattern in (_ISO, _DAY_FIRST):
        readings.extend(_numeric(m, text) for m in pattern.finditer(masked) if free(m))
    for m in _TWO_DIGIT_YEAR.finditer(masked):
        if free(m):
            readings.append(_impossible(m, text, "two-digit year, century unknown"))
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _MONTH_YEAR):
        readings.extend(r for m in pattern.finditer(masked) if free(m) and (r := _worded(m, text)))
    if year_alone and (m := _YEAR_ALONE.search(masked.strip())) and not readings:
        offset = len(masked) - len(masked.lstrip())
        start = offset + m.start("year")
        readings.append(DateReading(m.group("year"), start, start + 4, m.group("year")))
    return sorted(readings, key=lambda r: r.start)
