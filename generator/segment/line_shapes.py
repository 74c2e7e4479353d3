"""Line shapes: one immutable row per non-blank line of a document, saying what the line looks like.

The table is computed once per document from the pure tests in ``line_patterns`` and the
credit readers in ``credit_lines``; the boundary rules (``navigation``, ``boundaries``) read it
and never re-judge a line's text. A row holds only what the line says by itself; what a line
means where it stands (an end, a start) is the rules' business.

Does not: decide a boundary, or look at blank lines (they separate nothing in a glued document).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..language import LanguageDetector
from ..load import body_start
from ..model import Credit, Document
from . import line_patterns as p
from .credit_lines import Credits, Where


@dataclass(frozen=True)
class LineShape:
    """What one non-blank line looks like, judged from its own text."""

    number: int
    """1-based line number in the document."""
    text: str
    """The line as written; ``stripped`` is what the tests read."""
    language: str
    headline: bool
    paragraph: bool
    caption: bool
    doubled: bool
    dateline: bool
    source_dated: bool
    """``Outlet, Date``: a source line under a headline, or a dated headline."""
    teaser: bool
    """``Name, Outlet, Date:… excerpt``: a navigation block's teaser paragraph."""
    nav_marker: bool
    nav_marker_rest: bool
    """A navigation marker with a title after its colon (``Also read: Title``)."""
    link: bool
    """``Link to the source``."""
    copyright: bool
    closing: bool
    letter_opening: bool
    list_item: bool
    speaker: bool
    person: bool
    honorific: bool
    """Opens with an honorific (``Dr.``): a name so written is addressed or quoted, not a signature."""
    header_shape: bool
    strong_attribution: bool
    has_date: bool
    end_credits: tuple[Credit, ...] | None
    """The credits if the line were an end-of-article attribution; ``None`` when it cannot be one."""
    header_credits: tuple[Credit, ...] | None
    """The credits if the line were a byline or source line under a headline; ``None`` when it cannot be one."""
    teaser_credits: tuple[Credit, ...]

    @property
    def stripped(self) -> str:
        return self.text.strip()


def shape_line(document: str, number: int, text: str, language: str, credits: Credits) -> LineShape:
    """The row of one line: every shape test run once on its stripped text."""
    s = text.strip()
    where = Where(document, number, text)
    marker = p.NAV_MARKER.match(s)
    end_credits = credits.end_attribution(where)
    header_credits = credits.header(where)
    return LineShape(
        number=number,
        text=text,
        language=language,
        headline=p.is_headline(s),
        paragraph=p.is_paragraph(s),
        caption=p.is_caption(s),
        doubled=p.is_doubled(s),
        dateline=p.is_dateline(s),
        source_dated=bool(p.SOURCE_DATED.match(s)),
        teaser=bool(p.TEASER.match(s)),
        nav_marker=bool(marker),
        nav_marker_rest=bool(marker and marker.group("rest")),
        link=bool(p.LINK.match(s)),
        copyright=bool(p.COPYRIGHT.match(s)),
        closing=p.is_closing(s),
        letter_opening=bool(p.LETTER_OPENING.match(s)),
        list_item=bool(p.LIST_MARKER.match(s)),
        speaker=bool(p.SPEAKER.match(s)),
        person=p.is_person(s),
        honorific=bool(p.HONORIFIC.match(s)),
        header_shape=p.is_header_shape(s),
        strong_attribution=p.is_strong_attribution(s),
        has_date=p.has_date(s),
        end_credits=None if end_credits is None else tuple(end_credits),
        header_credits=None if header_credits is None else tuple(header_credits),
        teaser_credits=tuple(credits.teaser(where)),
    )


@dataclass(frozen=True)
class LineTable:
    """The rows of one document's non-blank lines, in order; rules address them by index."""

    document: str
    rows: tuple[LineShape, ...]
    vocabulary: frozenset[str]
    """Words the document writes in lower case: ordinary words, never names."""

    def __len__(self) -> int:
        return len(self.rows)

    def text(self, i: int) -> str:
        """The stripped text of row ``i``; empty past either end, so rules may look one row beyond."""
        return self.rows[i].stripped if 0 <= i < len(self.rows) else ""

    def where(self, i: int) -> Where:
        """Row ``i`` as the place a credit's span is looked for."""
        row = self.rows[i]
        return Where(self.document, row.number, row.text)

    def paragraph(self, i: int) -> bool:
        """Row ``i`` is running text (never past either end)."""
        return 0 <= i < len(self.rows) and self.rows[i].paragraph

    def headline(self, i: int) -> bool:
        """Row ``i`` is headline-shaped (never past either end)."""
        return 0 <= i < len(self.rows) and self.rows[i].headline

    def next_content(self, i: int) -> int:
        """The first row after ``i`` that is not a ``Link to the source`` line (may be past the end)."""
        j = i + 1
        while j < len(self.rows) and self.rows[j].link:
            j += 1
        return j


def line_table(document: Document, languages: LanguageDetector, credits: Credits) -> LineTable:
    """The table of ``document``'s non-blank body lines."""
    numbers = [n for n in range(body_start(document), document.line_count + 1) if document.line(n).strip()]
    rows = tuple(
        shape_line(document.id, n, document.line(n), languages.detect(document.line(n)), credits) for n in numbers
    )
    vocabulary = frozenset(w for row in rows for w in p.LOWER_WORD.findall(row.text))
    return LineTable(document.id, rows, vocabulary)
