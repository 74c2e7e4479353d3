"""Line patterns: what one line of a glued document looks like, judged from its text alone.

Each function here reads one string and says whether it has a shape a careful reader
knows: a headline, running text, an image caption, a dateline, a person's name, a letter's
closing. Segmentation (``line_shapes``, ``boundaries``) reads lines through them. Word lists
come from ``generator/lexicon``; only structural patterns (punctuation, digits) are written here.

Does not: look at neighbouring lines, or decide a boundary.
"""

from __future__ import annotations

import re

from .. import lexicon
from ..outlets import URL
from .dates import month_names, read_dates

MAX_HEADLINE = 180
"""Longer lines are paragraphs, whatever their punctuation."""
MAX_ATTRIBUTION = 90
"""Longer lines are never a credit line."""


def _words(entry: str) -> str:
    """An entry as a pattern: its words escaped, any run of spaces between them."""
    return r"\s+".join(re.escape(word) for word in entry.split())


def _alternation(name: str) -> str:
    """The entries of list ``name`` as one regex alternation, in file order, spaces kept literal."""
    return "|".join(re.escape(entry) for entry in lexicon.entries(name))


def _stem(entry: str, run_on: str, *, words: bool = False) -> str:
    """An entry as a pattern; a final ``*`` lets ``run_on`` follow it, and with ``words`` any spaces part its words."""
    text = entry.removesuffix("*")
    pattern = _words(text) if words else re.escape(text)
    return pattern + (run_on if entry.endswith("*") else "")


def _opening(entry: str) -> str:
    """A line's opening words: whole words, unless the entry ends in ``*`` (then any continuation)."""
    if entry.endswith("*"):
        return re.escape(entry.removesuffix("*"))
    return re.escape(entry) + (r"\b" if entry[-1].isalnum() else "")


def _month() -> str:
    """A month written out or cut short (``Sept.``, ``korr``): its first three letters, then any letters.

    The names are dateparser's, in the reading languages (``dates``): English and Albanian.
    """
    stems = dict.fromkeys(re.escape(name[:3].lower()) for name in month_names())
    return rf"(?:{'|'.join(stems)})[^\W\d_]*\.?"


_MONTH = _month()
DATE = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    r"|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{1,2}-\d{1,2})"
)
_TIME = r"(?:\s*,?\s*\d{1,2}:\d{2}(?:\s*[A-Z]{2,4})?)?"
DATELINE = re.compile(rf"^{DATE}{_TIME}$", re.IGNORECASE)
SOURCE_DATED = re.compile(rf"^(?P<name>[^,:.!?]{{2,50}}?)\s*(?:,|–|—|-|\||·|•)\s*{DATE}{_TIME}$", re.IGNORECASE)
TEASER = re.compile(rf"^(?P<head>.{{0,300}}?),\s*{DATE}\s*:\s*(?:…|\.\.\.)", re.IGNORECASE)
PUBLISHED = re.compile(rf"^\W*(?:{_alternation('publication_markers')})\b", re.IGNORECASE)
"""``Published: …``, ``Posted on …``, ``Publikuar më …``: a line that says when the piece came out."""
NAV_MARKER = re.compile(rf"^(?:{_alternation('navigation_markers')})\s*(?::\s*(?P<rest>.*))?$", re.IGNORECASE)
LINK = re.compile(r"^link\s+to\s+the\s+(?:source|original)\b.{0,20}$", re.IGNORECASE)
COPYRIGHT = re.compile(r"^(?:copyright\b|©|all rights reserved)", re.IGNORECASE)
SOURCE_PREFIX = re.compile(
    rf"^(?:{_alternation('source_prefixes')})\s*:\s*(?P<name>.+?)\s*(?:,.*|\s+volume:.*|\s+issue:.*)?$",
    re.IGNORECASE,
)
TRANSLATED = re.compile(r",?\s*\btranslated\s+by\s+", re.IGNORECASE)
TRANSLATION_HEADING = re.compile(r"^\w+\s+translation\s*\((?P<name>[^)]+)\)$", re.IGNORECASE)
BY = re.compile(rf"^(?:{_alternation('byline_openers')})\s*:?\s+", re.IGNORECASE)
ROLE_CREDIT = re.compile(rf"^(?P<role>{_alternation('credit_roles')})\s*:\s*(?P<name>.+)$", re.IGNORECASE)
SLASH_CREDIT = re.compile(r"\s*/\s*(?P<name>[^/]{2,40})$")
HONORIFIC = re.compile(rf"^(?:(?:{_alternation('honorifics')})\.?\s+)+", re.IGNORECASE)
#: A credited name: capitalised words, with particles ("bin", "van der") and the words joining two
#: names ("Anne and Massoud") between them.
_PERSON = re.compile(
    rf"^[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|{_alternation('name_particles')}|{_alternation('name_conjunctions')}))*$"
)
_OUTLET_WORDS = "|".join(_stem(e, r"\w*") for e in lexicon.entries("outlet_words"))
_OUTLET_WORD = re.compile(rf"\b(?:{_OUTLET_WORDS})\b", re.IGNORECASE)
_CLOSINGS = "|".join(_stem(e, ".*", words=True) for e in lexicon.entries("letter_closings"))
_CLOSING = re.compile(rf"^(?:{_CLOSINGS})\s*[,.!]?$", re.IGNORECASE)
_TO_OFFICE = rf"(?:mr|mrs|ms|madam)\.?\s+(?:{_alternation('addressed_offices')})"
_TO_NAME = r"(?:mr|mrs|ms|dr)\.?\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?,"
"""``Mr. President``, and ``Mr. Name,`` with its comma: how a letter addresses its reader."""
LETTER_OPENING = re.compile(
    r"^(?:" + "|".join(_opening(e) for e in lexicon.entries("letter_openings")) + rf"|{_TO_OFFICE}|{_TO_NAME})",
    re.IGNORECASE,
)
OPEN_LETTER = re.compile(
    "|".join(rf"\b{re.escape(e)}\b" for e in lexicon.entries("open_letter_phrases")), re.IGNORECASE
)
LIST_MARKER = re.compile(r"^\s*(?:\+\+|[•▪◦*-]\s|–\s|\d{1,2}[.)-]\s)")
SPEAKER = re.compile(r"^(?P<who>[A-Z][\w.’' ]{0,30}?)\s*:\s+\S")
"""``Ali: …``, and the one-letter ``Q: …`` / ``A: …`` of a transcript."""
ACRONYM = re.compile(r"\b[A-Z]{2,}\b")
_ARABIC = re.compile(r"[\u0600-\u06FF]")
_LATIN = re.compile(r"[A-Za-z]")
_FILE_PREFIX = re.compile(r"^(?:[^\s_]*_){2,}")
GLUE = re.compile(r"(?<=[a-z0-9’'\])])(?=[A-Z“\"])")
LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]+")
_SENTENCE_END = (".", "!", "?", "…", ";")
_CLOSING_QUOTES = "”\"’')]» "


def is_headline(text: str) -> bool:
    """Short and without a final full stop, comma or colon: a headline or a sub-heading."""
    stripped = text.strip()
    return 3 <= len(stripped) <= MAX_HEADLINE and not stripped.endswith((".", ",", ":", ";"))


def is_paragraph(text: str) -> bool:
    """Running text: long, or ending like a sentence (a quoted headline is not one)."""
    stripped = text.strip()
    return len(stripped) > MAX_HEADLINE or (
        len(stripped) >= 40 and stripped.rstrip(_CLOSING_QUOTES).endswith(_SENTENCE_END)
    )


def is_doubled(text: str) -> bool:
    """``Some titleSome title``: a web page's image caption that repeats the link text."""
    letters = "".join(ch for ch in text.lower() if ch.isalnum())
    half = len(letters) // 2
    return half >= 8 and any(letters[:k] == letters[k : 2 * k] for k in range(half - 2, half + 1) if k > 0)


def is_caption(text: str) -> bool:
    """An image caption left by the web page: a file name glued to text, a doubled title, mixed scripts."""
    stripped = text.strip()
    if not stripped or len(stripped) > 400:
        return False
    return bool(
        _FILE_PREFIX.match(stripped)
        or re.search(r"[A-Za-z]_\d*[A-Z]", stripped)
        or is_doubled(stripped)
        or (_ARABIC.search(stripped) and _LATIN.search(stripped))
        or (len(stripped) <= 200 and not is_paragraph(stripped) and re.search(r"[a-z]{3}[A-Z][a-z]{2}", stripped))
    )


def strip_file_prefix(text: str) -> str:
    """``Some_File_Name_2018Headline text`` -> ``Headline text`` (unchanged when there is no file name)."""
    match = _FILE_PREFIX.match(text)
    if not match:
        match = re.match(r"^\S*[A-Za-z]_(?=\d*[A-Z])", text)
        if not match:
            return text
    rest = text[match.end() :]
    first = re.split(r"\s", rest, maxsplit=1)[0]
    glue = GLUE.search(first)
    if glue:
        return rest[glue.start() :]
    if first and not first[0].isupper():
        return rest[len(first) :].lstrip()  # the file name's last part, e.g. ``_2018 Aljazeera``
    return rest


def clean_headline(text: str) -> str:
    """The readable headline of a line that may carry a file name or be doubled."""
    stripped = strip_file_prefix(text.strip()).strip()
    if is_doubled(stripped):
        for k in range(len(stripped) // 2 - 3, len(stripped) // 2 + 4):
            head, tail = stripped[:k].rstrip(), stripped[k:]
            if head and tail.startswith(head[: max(8, len(head) - 2)]):
                return tail.strip()
    return stripped


def same_headline(a: str, b: str) -> bool:
    """The same headline written twice (a teaser's and its article's), file names and doubling aside."""

    def key(text: str) -> str:
        return "".join(ch for ch in clean_headline(text).lower() if ch.isalnum())

    ka, kb = key(a), key(b)
    return len(ka) >= 8 and (ka == kb or (min(len(ka), len(kb)) >= 20 and (ka.startswith(kb) or kb.startswith(ka))))


def without_honorifics(text: str) -> str:
    """``Dr. Jane Doe`` -> ``Jane Doe``: an honorific is not part of the name a credit keeps."""
    return HONORIFIC.sub("", text)


def is_person(text: str) -> bool:
    """``Mazda Parsi``, ``Anne and Massoud Khodabandeh``: two to five capitalised words."""
    name = without_honorifics(text.strip())
    words = [w for w in name.split() if w not in {"and", "&"}]
    return (
        2 <= len(words) <= 5
        and bool(_PERSON.match(name))
        and not name.isupper()
        and not any(ch.isdigit() for ch in name)
    )


def is_closing(text: str) -> bool:
    """``Yours sincerely,``: a letter's closing, before its signature."""
    stripped = text.strip()
    return len(stripped) <= 60 and bool(_CLOSING.match(stripped))


def has_outlet_word(name: str) -> bool:
    """``Tehran Times``, ``Gazeta Shqiptare``: a word only an outlet's name holds."""
    return bool(_OUTLET_WORD.search(name))


def is_headline_phrase(text: str) -> bool:
    """More than four words: a title, not a name."""
    return len(text.split()) > 4


def is_strong_attribution(text: str) -> bool:
    """Shapes that close an article wherever they stand: a URL, ``Burimi:``, ``Translated by``, ``BY Name,``."""
    stripped = text.strip()
    return bool(
        URL.match(stripped)
        or SOURCE_PREFIX.match(stripped)
        or TRANSLATED.search(stripped)
        or ROLE_CREDIT.match(stripped)
        or (stripped.endswith(",") and len(stripped.split()) <= 6)
        or (BY.match(stripped) and "," in stripped)
        or SLASH_CREDIT.search(stripped)
    )


def is_header_shape(text: str) -> bool:
    """``Outlet, Date``, ``By Name`` or ``Published: …``: shaped like the credit line under a headline."""
    return bool(
        SOURCE_DATED.match(text)
        or (BY.match(text) and not text.endswith(","))
        or re.match(r"^publi\w+(?:\s+tek)?\s*:", text, re.IGNORECASE)
    )


def is_dateline(text: str) -> bool:
    """A line that states a date and little else: ``7 September 2018``, ``Tiranë, 5 korrik 2019``, ``Published: …``.

    Beyond the English ``DATELINE``, a date in any reading language or numeric shape (``dates``) counts
    when it gives a day and at most two words (a place, a weekday) stand beside it, or when the line
    opens with a publication word. ``Outlet, Date`` stays a source line (``SOURCE_DATED``).
    """
    stripped = text.strip()
    if DATELINE.match(stripped):
        return True
    if len(stripped) > MAX_ATTRIBUTION or SOURCE_DATED.match(stripped):
        return False
    readings = [r for r in read_dates(stripped) if r.value and len(r.value) == 10]
    if not readings:
        return False
    if PUBLISHED.match(stripped):
        return True
    rest = stripped[: readings[0].start] + stripped[readings[0].end :]
    return len(re.findall(r"[^\W\d_]+", rest)) <= 2 and not rest.strip().endswith((".", "!", "?"))


def has_date(text: str) -> bool:
    """A date anywhere in the line (``Radio Farda, February 25 2019``)."""
    return bool(re.search(DATE, text, re.IGNORECASE))


def split_people(text: str) -> list[str]:
    """``Linda Pressly and Albana Kasapi`` -> both names.

    ``Anne and Massoud Khodabandeh`` gives ``Anne`` and ``Massoud Khodabandeh``: a credit is
    a span of the line, so the shared surname cannot be copied to the first name.
    """
    return [p for p in re.split(r"\s+(?:and|&)\s+", text.strip()) if p.strip()]


def is_credit_part(part: str) -> bool:
    """A comma-separated part of a credit line: short, capitalised, no sentence punctuation (or a URL)."""
    return (
        1 <= len(part) <= 45
        and not re.search(r"[|:()\[\]–—!?]", part)
        and not part[0].islower()
        or bool(URL.match(part))
    )


def is_title_case(part: str) -> bool:
    """Every word longer than three letters is capitalised (``Albanian writer`` is a description, not a credit)."""
    return all(w[0].isupper() or w[0].isdigit() or len(w) <= 3 for w in part.split())
