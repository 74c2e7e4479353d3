"""Boundaries: where each segment of a document starts, from small named rules over its line table.

Every rule is a pure function of the table (``line_shapes``) and of the decisions taken on
earlier lines, passed in as arguments. ``find_boundaries`` is the one place that records
decisions: it walks the lines in order and asks the rules, first to last, until one speaks:

1. ``end_attribution``: a credit line after running text ends the article (``BY Name,``, a URL);
2. ``signature_end``: a lone name between paragraphs signs the text above it;
3. ``headed_start``: a headline confirmed by a dateline, source line or byline under it opens one;
4. ``dated_start``: a dateline between stretches of running text opens a piece that has no headline;
5. ``second_headline``: a title-length line over running text, in a piece already long enough.

Then ``language_switches`` adds a start where the text changes language for good, and
``without_header_only`` folds a run of only datelines and credits into the article after it.

Does not: build articles or read curation (``segment``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Set
from dataclasses import dataclass

from ..model import Credit
from .line_patterns import same_headline
from .line_shapes import LineTable
from .navigation import navigation_scan

LONG_PARAGRAPH = 100
"""Paragraphs at least this long are trusted for language switches."""
MIN_TITLE, MAX_TITLE = 55, 100
"""An article's title is a sentence-long line; sub-headings are mostly shorter."""
MIN_ARTICLE_PARAGRAPHS = 3
"""Fewer paragraphs than this on either side of a lone name is a section of one article, not two."""

Ends = Mapping[int, tuple[Credit, ...]]
"""Row index of a line that ends an article -> the credits it names."""


@dataclass(frozen=True)
class Segmentation:
    """Where one document's segments start, and what the rules found on the way."""

    starts: frozenset[int]
    navigation: frozenset[int]
    """Row indexes inside navigation blocks."""
    ends: Ends
    teasers: Ends
    """Row index of a teaser paragraph -> the credits it names (an article after the block may take them)."""


def find_boundaries(table: LineTable) -> Segmentation:
    """Segment start indexes over the table, the navigation rows, end credits and teaser credits."""
    scan = navigation_scan(table)
    navigation = scan.rows()
    starts = {0}
    for start, end in scan.blocks:
        starts.update({start, end + 1})
    in_signature = signature_lines(table)
    ends: dict[int, tuple[Credit, ...]] = {}
    for i in range(len(table)):
        if i in navigation:
            continue
        piece_start = max(s for s in starts if s <= i)
        if (credits := end_attribution(table, i, ends, in_signature)) is not None:
            if i - 1 in ends:
                starts.discard(i)  # consecutive attribution lines close the same article
            ends[i] = credits
            starts.add(i + 1)
        elif (credits := signature_end(table, i, in_signature, piece_start)) is not None:
            ends[i] = credits
            starts.add(i + 1)
        elif (start := headed_start(table, i, ends, in_signature)) is not None and not navigation.intersection(
            range(start, i + 1)
        ):
            starts.add(start)
        elif i not in in_signature and (dated_start(table, i) or second_headline(table, i, piece_start)):
            starts.add(i)
    starts.update(language_switches(table, starts))
    kept = without_header_only(table, {s for s in starts if s < len(table)})
    return Segmentation(frozenset(kept), navigation, ends, scan.teasers)


# --- ends -------------------------------------------------------------------------------------


def signature_lines(table: LineTable) -> frozenset[int]:
    """Indexes of the short lines after a letter's closing (``Yours sincerely,``): its signature."""
    found: set[int] = set()
    for i, row in enumerate(table.rows):
        if row.closing:
            j = i + 1
            while j < len(table) and j - i <= 5 and len(table.text(j)) <= 80 and not table.rows[j].paragraph:
                found.add(j)
                j += 1
    return frozenset(found)


def end_attribution(table: LineTable, i: int, ends: Ends, in_signature: Set[int]) -> tuple[Credit, ...] | None:
    """The credits of row ``i`` when it closes the article above it; ``None`` when it does not.

    A credit line closes an article when it stands after running text (or after another
    ending, a signature or a list), or when its shape closes an article wherever it stands.
    """
    row = table.rows[i]
    if i == 0 or row.letter_opening or row.closing or row.dateline or row.doubled or row.end_credits is None:
        return None
    if table.rows[i - 1].link:
        return None  # ``Translated by …`` under a navigation block heads the next article
    if opens_article(table, i, ends, in_signature):
        return None
    if not (follows_text(table, i, ends, in_signature) or row.strong_attribution):
        return None
    return row.end_credits


def opens_article(table: LineTable, i: int, ends: Ends, in_signature: Set[int]) -> bool:
    """``By Ty Joplin`` under a headline, or ``Outlet, Date`` over the text: a header, not an ending."""
    row, above = table.rows[i], i - 1
    if not row.header_shape:
        return False
    under_headline = table.headline(above) and above not in in_signature and above not in ends
    return under_headline or (row.has_date and table.paragraph(table.next_content(i)))


def follows_text(table: LineTable, i: int, ends: Ends, in_signature: Set[int]) -> bool:
    """Row ``i`` comes after running text, an ending, a letter's signature or a list item."""
    above = table.rows[i - 1]
    return above.paragraph or i - 1 in ends or i - 1 in in_signature or above.list_item


def signature_end(table: LineTable, i: int, in_signature: Set[int], piece_start: int) -> tuple[Credit, ...] | None:
    """The author credits of a lone name that signs the piece above it; ``None`` when row ``i`` is not one."""
    if not (is_signature_name(table, i, in_signature) and closes_a_piece(table, i, piece_start)):
        return None
    return tuple(table.where(i).authors(table.text(i)))


def is_signature_name(table: LineTable, i: int, in_signature: Set[int]) -> bool:
    """A lone name between two paragraphs, not doubled as a caption: the writer's signature."""
    row, text = table.rows[i], table.text(i)
    return (
        0 < i < len(table) - 1
        and i not in in_signature
        and len(text) <= 40
        and row.person
        and not row.honorific
        and not has_ordinary_word(table, text)
        and table.paragraph(i - 1)
        and table.paragraph(i + 1)
        and not same_headline(text, table.text(i + 1))
        and not same_headline(text, table.text(i - 1))
    )


def has_ordinary_word(table: LineTable, text: str) -> bool:
    """``Broken Families``, not ``Mazda Parsi``: a word the document also writes in lower case.

    A Title-Case sub-heading has the shape of a name; its words give it away, since
    running text uses them in lower case (``families``) and never does so with a name.
    """
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", text) if len(w) >= 4]
    return any({w, w.removesuffix("s"), w + "s"} & table.vocabulary for w in words)


def closes_a_piece(table: LineTable, i: int, piece_start: int) -> bool:
    """Whether the lone name at ``i`` signs the text above it rather than heading the text below.

    A Title-Case sub-heading (``Court Ruling``) has a name's shape; its place gives it
    away. Two of three weak signals make a signature: an article's worth of running
    text above it, a piece that opened with running text rather than a headline (so it
    carries no headline to keep on top of sub-headings), and an article's worth below.
    """
    votes = (
        _paragraphs_between(table, piece_start, i) >= MIN_ARTICLE_PARAGRAPHS,
        table.paragraph(piece_start),
        _paragraphs_from(table, i + 1) >= MIN_ARTICLE_PARAGRAPHS,
    )
    return sum(votes) >= 2


def _paragraphs_between(table: LineTable, start: int, stop: int) -> int:
    """How many rows from ``start`` up to ``stop`` are running text: a piece's weight so far."""
    return sum(1 for j in range(start, stop) if table.rows[j].paragraph)


def _paragraphs_from(table: LineTable, i: int) -> int:
    """How many paragraphs run on from ``i`` without a break (a short line of any kind)."""
    j = i
    while table.paragraph(j):
        j += 1
    return j - i


# --- starts -----------------------------------------------------------------------------------


def headed_start(table: LineTable, i: int, ends: Ends, in_signature: Set[int]) -> int | None:
    """Index of a headline that a dateline, source line or byline at ``i`` confirms as an article start."""
    row = table.rows[i]
    if not (row.dateline or (row.header_shape and row.header_credits)):
        return None
    start = i - 1
    while start > 0 and table.rows[start].link:
        start -= 1  # ``Link to the source`` may stand between the headline and its source line
    while start > 0 and same_headline(table.text(start), table.text(start - 1)):
        start -= 1  # a doubled headline
    if start <= 0 or start in in_signature or not table.headline(start) or start - 1 in ends:
        return None
    if table.rows[start].dateline or table.rows[start].end_credits is not None:
        return None
    below = table.rows[min(i + 1, len(table) - 1)]
    if not (table.paragraph(table.next_content(i)) or below.header_credits):
        return None
    return start


def dated_start(table: LineTable, i: int) -> bool:
    """``Tirana, 5 July 2019`` between two stretches of running text: a piece with no headline starts at its dateline.

    A dated line under running text that would be an attribution (``Radio Farda, February 25 2019``)
    closes the piece above instead; that is decided first, so only a line that opens the text below
    (``opens_article``'s shape, or a bare dateline) reaches here.
    """
    row = table.rows[i]
    return (
        (row.dateline or row.source_dated)
        and table.paragraph(i - 1)
        and table.paragraph(table.next_content(i))
        and i > 0
    )


def second_headline(table: LineTable, i: int, piece_start: int) -> bool:
    """A title-length line over running text, in a headlined piece that already has an article's worth.

    An article that ends with no attribution runs straight into the next headline. A
    sub-heading is shorter (a few words) and a piece's second headline-shaped line is only
    taken for a new start when the text above is long enough to stand alone. A question is
    a sub-heading or an interviewer's, and a line over a ``Name: …`` answer leads an interview.
    """
    row, text = table.rows[i], table.text(i)
    if not (MIN_TITLE <= len(text) <= MAX_TITLE) or "?" in text or not row.headline:
        return False
    if row.caption or row.person or row.nav_marker or row.letter_opening:
        return False
    if row.end_credits is not None or row.header_credits:
        return False
    if not (table.paragraph(i - 1) and table.paragraph(i + 1)) or table.rows[i + 1].speaker:
        return False
    return table.headline(piece_start) and _paragraphs_between(table, piece_start, i) >= MIN_ARTICLE_PARAGRAPHS


def language_switches(table: LineTable, starts: Set[int]) -> set[int]:
    """Starts where the running text switches language for good (a translation, then its original)."""
    rows = table.rows
    long = [i for i, row in enumerate(rows) if len(row.stripped) >= LONG_PARAGRAPH]
    found: set[int] = set()
    for k in range(2, len(long) - 1):
        before, after = long[k - 2 : k], long[k : k + 2]
        old, new = rows[before[-1]].language, rows[after[0]].language
        if old == new or any(rows[j].language != old for j in before):
            continue
        if any(rows[j].language != new for j in after):
            continue
        if any(before[-1] < s <= after[0] for s in starts):
            continue  # already a boundary between the two texts
        found.add(before[-1] + 1)
    return found


def without_header_only(table: LineTable, starts: set[int]) -> set[int]:
    """A run of only datelines and credits (``Translated by …``) opens the article after it."""
    ordered = sorted(starts) + [len(table)]
    for a, b in zip(ordered, ordered[1:], strict=False):
        if b < len(table) and all(is_header_line(table, i) for i in range(a, b)):
            starts.discard(b)
    return starts


def is_header_line(table: LineTable, i: int) -> bool:
    """A dateline, or a byline or source line that is not a dated headline."""
    row = table.rows[i]
    return row.dateline or (bool(row.header_credits) and not row.source_dated)
