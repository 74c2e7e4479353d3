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

Credits are exact spans of their source line; ``resolve`` turns them into ids.
A maintainer can add or remove a boundary and override title, kind, language
and outlet in ``content/curation.yml``.

Does not: merge articles across documents (``dedupe``), resolve names to
entities (``resolve``) or read any file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .curation import Curation, SegmentOverride
from .language import LanguageDetector
from .load import body_start
from .model import Article, Credit, Document, Kind, Occurrence, OutletRecord, Paragraph, Role, Span
from .outlets import OutletIndex

MAX_HEADLINE = 180
"""Longer lines are paragraphs, whatever their punctuation."""
MAX_ATTRIBUTION = 90
LONG_PARAGRAPH = 100
"""Paragraphs at least this long are trusted for language switches."""
MIN_TITLE, MAX_TITLE = 55, 100
"""An article's title is a sentence-long line; sub-headings are mostly shorter."""
MIN_ARTICLE_PARAGRAPHS = 3
"""Fewer paragraphs than this on either side of a lone name is a section of one article, not two."""
NAV_LOOKAHEAD = 14
"""How many lines a navigation block may run past its anchor looking for its end."""

# --- line shapes -----------------------------------------------------------------------

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DATE = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    r"|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})"
)
_TIME = r"(?:\s*,?\s*\d{1,2}:\d{2}(?:\s*[A-Z]{2,4})?)?"
_DATELINE = re.compile(rf"^{_DATE}{_TIME}$", re.IGNORECASE)
_SOURCE_DATED = re.compile(rf"^(?P<name>[^,:.!?]{{2,50}}?)\s*(?:,|–|—|-|\|)\s*{_DATE}{_TIME}$", re.IGNORECASE)
_TEASER = re.compile(rf"^(?P<head>.{{0,300}}?),\s*{_DATE}\s*:\s*(?:…|\.\.\.)", re.IGNORECASE)
_NAV_MARKER = re.compile(
    r"^(?:also read|read also|read more|see also|related posts?|related articles?|related|more on this)"
    r"\s*(?::\s*(?P<rest>.*))?$",
    re.IGNORECASE,
)
_LINK = re.compile(r"^link\s+to\s+the\s+(?:source|original)\b.{0,20}$", re.IGNORECASE)
_COPYRIGHT = re.compile(r"^(?:copyright\b|©|all rights reserved)", re.IGNORECASE)
_URL = re.compile(
    r"^(?:https?://)?/?(?:www\.)?(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})(?:/\S*)?$", re.IGNORECASE
)
_SOURCE_PREFIX = re.compile(
    r"^(?:burimi|source|sources|publikuar tek|published (?:in|on|at|by)|originally published (?:in|on|by)|publication)"
    r"\s*:\s*(?P<name>.+?)\s*(?:,.*|\s+volume:.*|\s+issue:.*)?$",
    re.IGNORECASE,
)
_TRANSLATED = re.compile(r",?\s*\btranslated\s+by\s+", re.IGNORECASE)
_TRANSLATION_HEADING = re.compile(r"^\w+\s+translation\s*\((?P<name>[^)]+)\)$", re.IGNORECASE)
_BY = re.compile(r"^(?:by|co-authored by|written by|interview(?:ed)? by)\s*:?\s+", re.IGNORECASE)
_ROLE_CREDIT = re.compile(
    r"^(?P<role>presenter|producer|reporter|editor|author|written by|interviewer|text)\s*:\s*(?P<name>.+)$",
    re.IGNORECASE,
)
_SLASH_CREDIT = re.compile(r"\s*/\s*(?P<name>[^/]{2,40})$")
_HONORIFIC = re.compile(r"^(?:(?:lawyer|dr|mr|mrs|ms|prof|sir|capt|journalist)\.?\s+)+", re.IGNORECASE)
_PERSON = re.compile(r"^[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|and|&|bin|van|von|de|al|el|da|di|le|la))*$")
_OUTLET_WORD = re.compile(
    r"\b(?:news|post|times|tv|radio|gazet\w*|gazette|press|agency|journal|daily|media|channel|monitor|tribune|herald"
    r"|network|magazine|society|foundation|association|institute|interlink|review|weekly|online|e\.v)\b",
    re.IGNORECASE,
)
_CLOSING = re.compile(
    r"^(?:yours\s+(?:sincerely|truly|faithfully)|sincerely|respectfully|(?:with\s+)?(?:best|kind|warm)\s+regards"
    r"|(?:our\s+)?kind regards.*|greetings and kind regards|with respect|regards|me respekt|best wishes)\s*[,.!]?$",
    re.IGNORECASE,
)
_SALUTATION = re.compile(
    r"^(?:dear\b|your excellency|honou?rable\b|to:|(?:mr|mrs|ms|madam)\.?\s+(?:president|prime minister|minister)"
    r"|i dashur|e dashur|i nderuar|e nderuar|(?:mr|mrs|ms|dr)\.?\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?,)",
    re.IGNORECASE,
)
_LIST_ITEM = re.compile(r"^\s*(?:\+\+|[•▪◦*-]\s|–\s|\d{1,2}[.)-]\s)")
_SPEAKER = re.compile(r"^(?P<who>[A-Z][\w.’' ]{0,30}?)\s*:\s+\S")
"""``Ali: …``, and the one-letter ``Q: …`` / ``A: …`` of a transcript."""
_ACRONYM = re.compile(r"\b[A-Z]{2,}\b")
_ARABIC = re.compile(r"[\u0600-\u06FF]")
_LATIN = re.compile(r"[A-Za-z]")
_FILE_PREFIX = re.compile(r"^(?:[^\s_]*_){2,}")
_GLUE = re.compile(r"(?<=[a-z0-9’'\])])(?=[A-Z“\"])")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]+")
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
    glue = _GLUE.search(first)
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
    def key(text: str) -> str:
        return "".join(ch for ch in clean_headline(text).lower() if ch.isalnum())

    ka, kb = key(a), key(b)
    return len(ka) >= 8 and (ka == kb or (min(len(ka), len(kb)) >= 20 and (ka.startswith(kb) or kb.startswith(ka))))


def is_person(text: str) -> bool:
    """``Mazda Parsi``, ``Anne and Massoud Khodabandeh``: two to five capitalised words."""
    name = _HONORIFIC.sub("", text.strip())
    words = [w for w in name.split() if w not in {"and", "&"}]
    return (
        2 <= len(words) <= 5
        and bool(_PERSON.match(name))
        and not name.isupper()
        and not any(ch.isdigit() for ch in name)
    )


def is_closing(text: str) -> bool:
    stripped = text.strip()
    return len(stripped) <= 60 and bool(_CLOSING.match(stripped))


# --- credits -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Where:
    document: str
    line: int
    text: str

    def credit(self, role: Role, part: str, *, after: int = 0) -> Credit | None:
        """A credit for ``part`` (stripped of honorifics and punctuation) found in the line at or after ``after``."""
        part = _HONORIFIC.sub("", part.strip(" ,;:()[]")).strip(" ,;:()[]")
        if not part:
            return None
        start = self.text.find(part, after)
        if start < 0:
            return None
        return Credit(role, Span(self.document, self.line, start, start + len(part), part))


class Credits:
    """Reads the names an attribution, byline, source or teaser line credits."""

    def __init__(self, outlets: OutletIndex | None = None):
        self.outlets = outlets

    def is_outlet(self, name: str) -> bool:
        name = name.strip()
        if self.outlets is not None and self.outlets.lookup(name) is not None:
            return True
        return bool(_OUTLET_WORD.search(name) or _URL.match(name))

    def is_known_outlet(self, name: str) -> bool:
        return self.outlets is not None and self.outlets.lookup(name.strip()) is not None

    def end_attribution(self, where: _Where) -> list[Credit] | None:
        """Credits of an end-of-article attribution line; ``None`` when the line is not one.

        An attribution may credit nobody we can name (``Photo: …``), hence the empty list.
        """
        stripped = where.text.strip()
        if not stripped or len(stripped) > MAX_ATTRIBUTION or is_doubled(stripped):
            return None
        if match := _URL.match(stripped):
            return self._found([where.credit(Role.OUTLET, match.group("host"))])
        if match := _SOURCE_PREFIX.match(stripped):
            return self._found([where.credit(Role.OUTLET, match.group("name"))])
        if stripped.endswith((".", "?", "!", ":", ";")):
            return None
        if match := _ROLE_CREDIT.match(stripped):
            return self._found([where.credit(Role.AUTHOR, n) for n in _split_people(match.group("name"))])
        if _TRANSLATED.search(stripped):
            first, translator = _TRANSLATED.split(stripped, maxsplit=1)
            found = self._names(where, _BY.sub("", first)) if first.strip() else []
            return found + self._found([where.credit(Role.VIA, translator)])
        if (match := _SLASH_CREDIT.search(stripped)) and self.is_outlet(match.group("name")):
            return self._found([where.credit(Role.OUTLET, match.group("name"), after=match.start())])
        if _BY.match(stripped):
            return self._names(where, _BY.sub("", stripped)) or None
        if "," in stripped.rstrip(","):
            return self._names(where, stripped) or None
        if stripped.endswith(",") and is_person(stripped.rstrip(",")):
            return self._names(where, stripped)
        if self.is_known_outlet(stripped) and not is_headline_phrase(stripped):
            return self._found([where.credit(Role.OUTLET, stripped)])
        return None

    def header(self, where: _Where) -> list[Credit] | None:
        """Credits of a byline or source line under a headline; ``None`` when the line is not one."""
        stripped = where.text.strip()
        if not stripped or len(stripped) > MAX_ATTRIBUTION:
            return None
        if match := _SOURCE_DATED.match(stripped):
            # ``Radio Farda, February 25 2019`` under a headline names the publisher; a writer would be ``By …``
            return self._found([where.credit(Role.OUTLET, match.group("name"))])
        if match := _SOURCE_PREFIX.match(stripped):
            return self._found([where.credit(Role.OUTLET, match.group("name"))])
        if match := _TRANSLATION_HEADING.match(stripped):
            return self._found([where.credit(Role.VIA, match.group("name"))])
        if re.match(r"^translated\s+by\s+", stripped, re.IGNORECASE):
            return self._found([where.credit(Role.VIA, _TRANSLATED.split(stripped, maxsplit=1)[1])])
        if _BY.match(stripped) and not stripped.endswith((".", "?", "!")):
            return self._names(where, _BY.sub("", stripped))
        return None

    def teaser(self, where: _Where) -> list[Credit]:
        """Credits of a teaser paragraph, ``[file name]Name, Outlet, March 29 2019:… excerpt``."""
        match = _TEASER.match(where.text.strip())
        if not match:
            return []
        head = strip_file_prefix(match.group("head"))
        glues = list(_GLUE.finditer(head))
        if glues:
            head = head[glues[-1].start() :]
        offset = where.text.find(match.group("head"))
        return self._names(where, head, after=max(offset, 0))

    def _names(self, where: _Where, text: str, *, after: int = 0) -> list[Credit]:
        """``Name and Name, Outlet, City`` -> authors, then the first outlet; places are dropped."""
        parts = [p.strip() for p in text.strip().rstrip(",").split(",") if p.strip()]
        if not parts or len(parts) > 4 or not all(_is_credit_part(p) for p in parts):
            return []
        outlet_at = next((i for i, p in enumerate(parts) if self.is_outlet(p)), None)
        if outlet_at is None:
            if len(parts) == 1 and is_person(parts[0]):
                return self._found([where.credit(Role.AUTHOR, n, after=after) for n in _split_people(parts[0])])
            if len(parts) == 1:
                return self._found([where.credit(Role.OUTLET, parts[0], after=after)])
            if not all(_is_title_case(p) or _ACRONYM.search(p) for p in parts):
                return []  # ``Olsi Yazici, Albanian writer`` is a caption; ``Elis Gjevori ,TRT world`` a credit
            # ``Name, Outlet`` but ``Outlet, City, Country``: with three parts the tail is a place.
            outlet_at = 1 if is_person(parts[0]) and len(parts) == 2 else 0
        authors = [n for p in parts[:outlet_at] for n in _split_people(p)]
        found = [where.credit(Role.AUTHOR, n, after=after) for n in authors]
        found.append(where.credit(Role.OUTLET, parts[outlet_at], after=after))
        return self._found(found)

    @staticmethod
    def _found(credits: list[Credit | None]) -> list[Credit]:
        return [c for c in credits if c is not None]


def is_headline_phrase(text: str) -> bool:
    """More than four words: a title, not a name."""
    return len(text.split()) > 4


def _split_people(text: str) -> list[str]:
    """``Linda Pressly and Albana Kasapi`` -> both names.

    ``Anne and Massoud Khodabandeh`` gives ``Anne`` and ``Massoud Khodabandeh``: a credit is
    a span of the line, so the shared surname cannot be copied to the first name.
    """
    return [p for p in re.split(r"\s+(?:and|&)\s+", text.strip()) if p.strip()]


def _is_credit_part(part: str) -> bool:
    return (
        1 <= len(part) <= 45
        and not re.search(r"[|:()\[\]–—!?]", part)
        and not part[0].islower()
        or bool(_URL.match(part))
    )


def _is_title_case(part: str) -> bool:
    """Every word longer than three letters is capitalised (``Albanian writer`` is a description, not a credit)."""
    return all(w[0].isupper() or w[0].isdigit() or len(w) <= 3 for w in part.split())


# --- segmentation --------------------------------------------------------------------


@dataclass
class _Line:
    number: int
    text: str
    language: str = "en"

    @property
    def stripped(self) -> str:
        return self.text.strip()


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
    credits = Credits(_index(outlets))
    name = document.source.rsplit("/", 1)[-1]
    overrides = {o.line: o for o in curation.segments if o.document == name}
    lines = [
        _Line(n, document.line(n), languages.detect(document.line(n)))
        for n in range(body_start(document), document.line_count + 1)
        if document.line(n).strip()
    ]
    if not lines:
        return []
    finder = _Boundaries(document.id, lines, credits)
    starts, navigation = finder.find()
    starts = _apply_curation(starts, lines, overrides)
    articles: list[Article] = []
    bounds = sorted(starts) + [len(lines)]
    for a, b in zip(bounds, bounds[1:], strict=False):
        chunk = lines[a:b]
        is_nav = all(i in navigation for i in range(a, b))
        override = overrides.get(chunk[0].number)
        articles.append(_make_article(document, chunk, finder, is_nav, override, languages))
    articles = _merge_navigation(articles)
    _inherit_teaser_credits(articles, finder)
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


class _Boundaries:
    """Finds where segments start, over the non-blank lines of one document."""

    def __init__(self, document: str, lines: list[_Line], credits: Credits):
        self.document = document
        self.lines = lines
        self.credits = credits
        self.ends: dict[int, list[Credit]] = {}
        """Index of an end-attribution line -> its credits."""
        self.teasers: dict[int, list[Credit]] = {}
        """Index of a teaser paragraph -> its credits."""
        self.vocabulary = frozenset(w for line in lines for w in _LOWER_WORD.findall(line.text))
        """Words the document writes in lower case: ordinary words, never names."""

    def where(self, i: int) -> _Where:
        line = self.lines[i]
        return _Where(self.document, line.number, line.text)

    def text(self, i: int) -> str:
        return self.lines[i].stripped if 0 <= i < len(self.lines) else ""

    def find(self) -> tuple[set[int], set[int]]:
        """Segment start indexes, and the indexes that are navigation."""
        starts = {0}
        navigation: set[int] = set()
        for start, end in self.navigation_blocks():
            navigation.update(range(start, end + 1))
            starts.update({start, end + 1})
        in_signature = self.signature_lines()
        for i in range(len(self.lines)):
            if i in navigation:
                continue
            if self.is_end_attribution(i, in_signature):
                if i - 1 in self.ends:
                    starts.discard(i)  # consecutive attribution lines close the same article
                starts.add(i + 1)
            elif self.is_signature_name(i, in_signature) and self.closes_a_piece(i, max(s for s in starts if s <= i)):
                self.ends[i] = Credits._found(
                    [self.where(i).credit(Role.AUTHOR, n) for n in _split_people(self.text(i))]
                )
                starts.add(i + 1)
            elif (start := self.headed_start(i, in_signature)) is not None and not navigation.intersection(
                range(start, i + 1)
            ):
                starts.add(start)
            elif i not in in_signature and self.is_second_headline(i, max(s for s in starts if s <= i)):
                starts.add(i)
        starts.update(self.language_switches(starts))
        starts = {s for s in starts if s < len(self.lines)}
        return self.without_header_only(starts), navigation

    def without_header_only(self, starts: set[int]) -> set[int]:
        """A run of only datelines and credits (``Translated by …``) opens the article after it."""
        ordered = sorted(starts) + [len(self.lines)]
        for a, b in zip(ordered, ordered[1:], strict=False):
            if b < len(self.lines) and all(self.is_header_line(i) for i in range(a, b)):
                starts.discard(b)
        return starts

    def is_header_line(self, i: int) -> bool:
        text = self.text(i)
        return bool(_DATELINE.match(text) or (self.credits.header(self.where(i)) and not _SOURCE_DATED.match(text)))

    # navigation ----------------------------------------------------------------------

    def navigation_blocks(self) -> list[tuple[int, int]]:
        blocks: list[tuple[int, int]] = []
        for i in range(len(self.lines)):
            if blocks and i <= blocks[-1][1]:
                continue
            block = self.navigation_block(i)
            if block:
                if blocks and block[0] <= blocks[-1][1] + 1:
                    blocks[-1] = (blocks[-1][0], max(block[1], blocks[-1][1]))
                else:
                    blocks.append(block)
        return blocks

    def navigation_block(self, i: int) -> tuple[int, int] | None:
        text = self.text(i)
        marker = _NAV_MARKER.match(text)
        if marker and marker.group("rest") and not _is_nav_follower(self.text(i + 1)):
            return None  # ``also read: Title`` inside running text: residue, not a break
        if _COPYRIGHT.match(text):
            return (self._walk_back_captions(i), len(self.lines) - 1)
        if marker and len(text) <= 60:
            start = self._walk_back_captions(i)
            teaser_headline = next(
                (
                    j
                    for j in range(i + 1, min(i + 3, len(self.lines)))
                    if is_headline(self.text(j)) and not is_caption(self.text(j))
                ),
                None,
            )
        elif _TEASER.match(text):
            start, teaser_headline = i, None
            while (
                start > 0 and i - start < 3 and (is_headline(self.text(start - 1)) or is_caption(self.text(start - 1)))
            ):
                start -= 1
                if is_headline(self.text(start)) and not is_caption(self.text(start)):
                    teaser_headline = start
            if start > 0 and _NAV_MARKER.match(self.text(start - 1)):
                start = self._walk_back_captions(start - 1)
        else:
            return None
        return (start, self._navigation_end(i, teaser_headline))

    def _walk_back_captions(self, i: int) -> int:
        while i > 0 and is_caption(self.text(i - 1)) and self.credits.end_attribution(self.where(i - 1)) is None:
            i -= 1
        return i

    def _navigation_end(self, anchor: int, teaser_headline: int | None) -> int:
        """Last index of the block: its ``Link to the source`` line, or the line before the full article."""
        window = range(anchor, min(anchor + NAV_LOOKAHEAD, len(self.lines)))
        end = anchor
        for j in window:
            text = self.text(j)
            if _TEASER.match(text):
                self.teasers[j] = self.credits.teaser(self.where(j))
                end = j
            elif _LINK.match(text):
                return j
            elif j == anchor or is_caption(text) or _COPYRIGHT.match(text) or _NAV_MARKER.match(text):
                end = j
            elif (
                teaser_headline is not None and j != teaser_headline and same_headline(text, self.text(teaser_headline))
            ):
                return j - 1  # the full article repeats the teaser's headline
            elif len(text) > MAX_HEADLINE:
                break
            elif is_headline(text) and len(self.text(j + 1)) > MAX_HEADLINE and j - 1 in self.teasers:
                break  # a headline right over running text, after the teaser: the next article
            else:
                end = j
        return self._last_link_or(end, window)

    def _last_link_or(self, end: int, window: range) -> int:
        """Prefer a ``Link to the source`` further on, before any running text, as the block's end."""
        for j in range(end + 1, window.stop):
            if _LINK.match(self.text(j)):
                return j
            if len(self.text(j)) > MAX_HEADLINE:
                break
        return end

    # attributions ----------------------------------------------------------------------

    def signature_lines(self) -> set[int]:
        """Indexes of the short lines after a letter's closing (``Yours sincerely,``)."""
        found: set[int] = set()
        for i in range(len(self.lines)):
            if is_closing(self.text(i)):
                j = i + 1
                while j < len(self.lines) and j - i <= 5 and len(self.text(j)) <= 80 and not is_paragraph(self.text(j)):
                    found.add(j)
                    j += 1
        return found

    def is_end_attribution(self, i: int, in_signature: set[int]) -> bool:
        text = self.text(i)
        if i == 0 or _SALUTATION.match(text) or is_closing(text) or _DATELINE.match(text) or is_doubled(text):
            return False
        credits = self.credits.end_attribution(self.where(i))
        if credits is None:
            return False
        previous = self.text(i - 1)
        if _LINK.match(previous):
            return False  # ``Translated by …`` under a navigation block heads the next article
        if self.is_header_shape(text) and (
            (is_headline(previous) and i - 1 not in in_signature and i - 1 not in self.ends)
            or (_has_date(text) and is_paragraph(self._next_content(i)))
        ):
            return False  # ``By Ty Joplin`` under a headline, or ``Outlet, Date`` over the text, opens an article
        after_text = (
            is_paragraph(previous) or i - 1 in self.ends or i - 1 in in_signature or bool(_LIST_ITEM.match(previous))
        )
        if not (after_text or is_strong_attribution(text)):
            return False
        self.ends[i] = credits
        return True

    @staticmethod
    def is_header_shape(text: str) -> bool:
        return bool(
            _SOURCE_DATED.match(text)
            or (_BY.match(text) and not text.endswith(","))
            or re.match(r"^publi\w+(?:\s+tek)?\s*:", text, re.IGNORECASE)
        )

    def _next_content(self, i: int) -> str:
        j = i + 1
        while j < len(self.lines) and _LINK.match(self.text(j)):
            j += 1
        return self.text(j)

    def is_signature_name(self, i: int, in_signature: set[int]) -> bool:
        """A lone name between two paragraphs, not doubled as a caption: the writer's signature."""
        text = self.text(i)
        return (
            0 < i < len(self.lines) - 1
            and i not in in_signature
            and len(text) <= 40
            and is_person(text)
            and not _HONORIFIC.match(text)
            and not self.has_ordinary_word(text)
            and is_paragraph(self.text(i - 1))
            and is_paragraph(self.text(i + 1))
            and not same_headline(text, self.text(i + 1))
            and not same_headline(text, self.text(i - 1))
        )

    def closes_a_piece(self, i: int, piece_start: int) -> bool:
        """Whether the lone name at ``i`` signs the text above it rather than heading the text below.

        A Title-Case sub-heading (``Court Ruling``) has a name's shape; its place gives it
        away. Two of three weak signals make a signature: an article's worth of running
        text above it, a piece that opened with running text rather than a headline (so it
        carries no headline to keep on top of sub-headings), and an article's worth below.
        """
        above = sum(1 for j in range(piece_start, i) if is_paragraph(self.text(j)))
        below = self._paragraphs_from(i + 1)
        votes = (
            above >= MIN_ARTICLE_PARAGRAPHS,
            is_paragraph(self.text(piece_start)),
            below >= MIN_ARTICLE_PARAGRAPHS,
        )
        return sum(votes) >= 2

    def _paragraphs_from(self, i: int) -> int:
        """How many paragraphs run on from ``i`` without a break (a short line of any kind)."""
        j = i
        while j < len(self.lines) and is_paragraph(self.text(j)):
            j += 1
        return j - i

    def is_second_headline(self, i: int, piece_start: int) -> bool:
        """A title-length line over running text, in a headlined piece that already has an article's worth.

        An article that ends with no attribution runs straight into the next headline. A
        sub-heading is shorter (a few words) and a piece's second headline-shaped line is only
        taken for a new start when the text above is long enough to stand alone. A question is
        a sub-heading or an interviewer's, and a line over a ``Name: …`` answer leads an interview.
        """
        text = self.text(i)
        if not (MIN_TITLE <= len(text) <= MAX_TITLE) or "?" in text or not is_headline(text):
            return False
        if is_caption(text) or is_person(text) or _NAV_MARKER.match(text) or _SALUTATION.match(text):
            return False
        if self.credits.end_attribution(self.where(i)) is not None or self.credits.header(self.where(i)):
            return False
        following = self.text(i + 1)
        if not (is_paragraph(self.text(i - 1)) and is_paragraph(following)) or _SPEAKER.match(following):
            return False
        above = sum(1 for j in range(piece_start, i) if is_paragraph(self.text(j)))
        return is_headline(self.text(piece_start)) and above >= MIN_ARTICLE_PARAGRAPHS

    def has_ordinary_word(self, text: str) -> bool:
        """``Broken Families``, not ``Mazda Parsi``: a word the document also writes in lower case.

        A Title-Case sub-heading has the shape of a name; its words give it away, since
        running text uses them in lower case (``families``) and never does so with a name.
        """
        words = [w.lower() for w in re.findall(r"[^\W\d_]+", text) if len(w) >= 4]
        return any({w, w.removesuffix("s"), w + "s"} & self.vocabulary for w in words)

    def headed_start(self, i: int, in_signature: set[int]) -> int | None:
        """Index of a headline that a dateline, source line or byline at ``i`` confirms as an article start."""
        text = self.text(i)
        if not (_DATELINE.match(text) or (self.is_header_shape(text) and self.credits.header(self.where(i)))):
            return None
        start = i - 1
        while start > 0 and _LINK.match(self.text(start)):
            start -= 1  # ``Link to the source`` may stand between the headline and its source line
        while start > 0 and same_headline(self.text(start), self.text(start - 1)):
            start -= 1  # a doubled headline
        if start <= 0 or start in in_signature or not is_headline(self.text(start)) or start - 1 in self.ends:
            return None
        if _DATELINE.match(self.text(start)) or self.credits.end_attribution(self.where(start)) is not None:
            return None
        following = self._next_content(i)
        if not (is_paragraph(following) or self.credits.header(self.where(min(i + 1, len(self.lines) - 1)))):
            return None
        return start

    def language_switches(self, starts: set[int]) -> set[int]:
        """Starts where the running text switches language for good (a translation, then its original)."""
        long = [i for i, line in enumerate(self.lines) if len(line.stripped) >= LONG_PARAGRAPH]
        found: set[int] = set()
        for k in range(2, len(long) - 1):
            before, after = long[k - 2 : k], long[k : k + 2]
            old, new = self.lines[before[-1]].language, self.lines[after[0]].language
            if old == new or any(self.lines[j].language != old for j in before):
                continue
            if any(self.lines[j].language != new for j in after):
                continue
            if any(before[-1] < s <= after[0] for s in starts):
                continue  # already a boundary between the two texts
            found.add(before[-1] + 1)
        return found


def is_strong_attribution(text: str) -> bool:
    """Shapes that close an article wherever they stand: a URL, ``Burimi:``, ``Translated by``, ``BY Name,``."""
    stripped = text.strip()
    return bool(
        _URL.match(stripped)
        or _SOURCE_PREFIX.match(stripped)
        or _TRANSLATED.search(stripped)
        or _ROLE_CREDIT.match(stripped)
        or (stripped.endswith(",") and len(stripped.split()) <= 6)
        or (_BY.match(stripped) and "," in stripped)
        or _SLASH_CREDIT.search(stripped)
    )


def _has_date(text: str) -> bool:
    return bool(re.search(_DATE, text, re.IGNORECASE))


def _is_nav_follower(text: str) -> bool:
    return bool(_TEASER.match(text) or _LINK.match(text))


def _apply_curation(starts: set[int], lines: list[_Line], overrides: dict[int, SegmentOverride]) -> set[int]:
    index_of = {line.number: i for i, line in enumerate(lines)}
    for override in overrides.values():
        i = next((index_of[n] for n in range(override.line, lines[-1].number + 1) if n in index_of), None)
        if i is None:
            continue
        if override.split:
            starts.add(i)
        if override.join and i > 0:
            starts.discard(i)
    return starts


def _inherit_teaser_credits(articles: list[Article], finder: _Boundaries) -> None:
    """An article after a teaser block takes the teaser's ``Name, Outlet, Date:…`` credits if it has no outlet."""
    by_line = {finder.lines[i].number: credits for i, credits in finder.teasers.items() if credits}
    for previous, article in zip(articles, articles[1:], strict=False):
        if previous.kind is not Kind.NAVIGATION or article.kind is Kind.NAVIGATION:
            continue
        teaser = [c for p in previous.paragraphs for c in by_line.get(p.line, [])]
        if teaser and not any(c.role is Role.OUTLET for c in article.credits):
            article.credits = teaser + article.credits


# --- articles -----------------------------------------------------------------------------


def _make_article(
    document: Document,
    chunk: list[_Line],
    finder: _Boundaries,
    is_nav: bool,
    override: SegmentOverride | None,
    languages: LanguageDetector,
) -> Article:
    index_of = {line.number: i for i, line in enumerate(finder.lines)}
    long_text = " ".join(line.stripped for line in chunk if len(line.stripped) >= 40) or " ".join(
        line.stripped for line in chunk
    )
    language = languages.detect(long_text[:2000])
    paragraphs = [
        Paragraph(line.number, line.text, line.language if len(line.stripped) >= 60 else language) for line in chunk
    ]
    credits = [] if is_nav else _article_credits(chunk, finder, index_of)
    headline = None if is_nav else _headline(chunk, finder)
    title = clean_headline(document.line(headline)) if headline else _derived_title(chunk)
    kind = Kind.NAVIGATION if is_nav else classify(chunk)
    if override:
        title = override.title or title
        language = override.language or language
        kind = override.kind or kind
        if override.outlet:
            curated = _override_outlet(document, chunk, override.outlet)
            credits = curated + [c for c in credits if c.role is not Role.OUTLET]
    if kind is Kind.NAVIGATION:
        headline = None
    return Article(
        id=f"{document.id}-{chunk[0].number}",
        title=title,
        title_derived=headline is None and not (override and override.title),
        kind=kind,
        language=language,
        occurrences=[Occurrence(document.id, chunk[0].number, chunk[-1].number)],
        paragraphs=paragraphs,
        credits=credits,
        headline_line=headline,
    )


def _article_credits(chunk: list[_Line], finder: _Boundaries, index_of: dict[int, int]) -> list[Credit]:
    """Header credits (bylines, source lines) near the top, then end attributions, in source order."""
    found: list[Credit] = []
    for position, line in enumerate(chunk):
        i = index_of[line.number]
        if i in finder.ends:
            found.extend(finder.ends[i])
        elif position < 6 and (header := finder.credits.header(finder.where(i))):
            if _SOURCE_DATED.match(line.stripped) and not (position and is_headline(chunk[position - 1].stripped)):
                continue  # ``Weekly Digest – April 05, 2019`` is a dated headline, not a source line
            found.extend(header)
    return found


def _override_outlet(document: Document, chunk: list[_Line], name: str) -> list[Credit]:
    """The curated outlet as a span: where the segment (or else the document) writes it."""
    numbers = [line.number for line in chunk] + list(range(1, document.line_count + 1))
    for number in numbers:
        start = document.line(number).lower().find(name.lower())
        if start >= 0:
            text = document.line(number)[start : start + len(name)]
            return [Credit(Role.OUTLET, Span(document.id, number, start, start + len(name), text))]
    return []


def _headline(chunk: list[_Line], finder: _Boundaries) -> int | None:
    """The first headline-like line, skipping datelines, credits and links at the top."""
    for position, line in enumerate(chunk[:4]):
        text = line.stripped
        if _DATELINE.match(text) or _LINK.match(text):
            continue
        if finder.credits.header(_Where("", 0, line.text)) and (position or not _SOURCE_DATED.match(text)):
            continue
        if is_headline(text) and not is_closing(text) and not _SALUTATION.match(text) and not _TEASER.match(text):
            return line.number
        return None
    return None


def _derived_title(chunk: list[_Line]) -> str | None:
    first = next((line.stripped for line in chunk if is_paragraph(line.text)), chunk[0].stripped if chunk else "")
    words = clean_headline(first).split()
    if not words:
        return None
    return " ".join(words[:10]) + ("…" if len(words) > 10 else "")


def classify(chunk: list[_Line]) -> Kind:
    """Letter, interview, listing, article or other, from the shape of the lines."""
    texts = [line.stripped for line in chunk]
    paragraphs = [t for t in texts if is_paragraph(t) and not is_caption(t)]
    if not paragraphs:
        return Kind.NAVIGATION  # captions, link titles and credits with no running text
    head, tail = texts[:6], texts[-8:]
    if (
        any(_SALUTATION.match(t) for t in head)
        or any(is_closing(t) for t in tail)
        or re.search(r"\bopen letter\b|\bletër e hapur\b", texts[0], re.IGNORECASE)
    ):
        return Kind.LETTER
    questions = sum(1 for t in texts if t.endswith("?") and len(t) <= 150)
    speakers = [m.group("who") for t in texts if (m := _SPEAKER.match(t))]
    repeated_speaker = max((speakers.count(s) for s in set(speakers)), default=0)
    if questions >= 3 or repeated_speaker >= 3:
        return Kind.INTERVIEW
    items = [i for i, t in enumerate(texts) if _LIST_ITEM.match(t)]
    prose_before = sum(1 for t in texts[: items[0]] if is_paragraph(t)) if items else 0
    if len(items) >= 3 and len(items) * 5 >= len(texts) * 2 and prose_before < 3:
        return Kind.LISTING  # a digest: items from the first lines on, not bullet points inside an argument
    if len(paragraphs) >= 2 or (is_headline(texts[0]) and paragraphs):
        return Kind.ARTICLE
    return Kind.OTHER
