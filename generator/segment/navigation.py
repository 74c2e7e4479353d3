"""Navigation blocks: a web page's ``Also read:`` / ``Related posts`` residue inside a glued document.

A block opens at a marker (``Also read:``), a teaser paragraph (``Name, Outlet, Date:… excerpt``)
or a copyright line, takes the image captions just above it, and runs on over teaser headlines,
teasers and captions to its ``Link to the source`` line or to the line before the full article.

Each rule reads the line table (``line_shapes``) and returns a value; ``navigation_scan`` gathers them.

Does not: decide where articles end (``boundaries``); a block is only what is not an article.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from ..model import Credit
from .line_patterns import MAX_HEADLINE, same_headline
from .line_shapes import LineTable

NAV_LOOKAHEAD = 14
"""How many lines a navigation block may run past its anchor looking for its end."""

RowInBlock = Literal["part", "link", "repeat", "break"]
"""What a row under a block's anchor is to the block: part of it, its last line, the article after, text."""


@dataclass(frozen=True)
class NavigationScan:
    """The document's navigation blocks and the teasers read while finding them."""

    blocks: tuple[tuple[int, int], ...]
    """First and last row index of each block, in order."""
    teasers: Mapping[int, tuple[Credit, ...]]
    """Row index of each teaser paragraph a block ran over -> the credits it names."""

    def rows(self) -> frozenset[int]:
        """Every row index inside a block: no article boundary is looked for there."""
        return frozenset(i for start, end in self.blocks for i in range(start, end + 1))


def navigation_scan(table: LineTable) -> NavigationScan:
    """Every navigation block, adjacent or overlapping ones merged; a row inside a block anchors no other."""
    blocks: list[tuple[int, int]] = []
    teasers: dict[int, tuple[Credit, ...]] = {}
    for i in range(len(table)):
        if blocks and i <= blocks[-1][1]:
            continue
        found = navigation_block(table, i)
        if found is None:
            continue
        block, read = found
        teasers.update({j: table.rows[j].teaser_credits for j in read if table.rows[j].teaser})
        if blocks and block[0] <= blocks[-1][1] + 1:
            blocks[-1] = (blocks[-1][0], max(block[1], blocks[-1][1]))
        else:
            blocks.append(block)
    return NavigationScan(tuple(blocks), teasers)


def navigation_block(table: LineTable, i: int) -> tuple[tuple[int, int], range] | None:
    """The block anchored at row ``i`` and the rows read to find its end; ``None`` when ``i`` anchors none."""
    row = table.rows[i]
    if row.nav_marker_rest and not _is_nav_follower(table, i + 1):
        return None  # ``also read: Title`` inside running text: residue, not a break
    if row.copyright:
        return (_walk_back_captions(table, i), len(table) - 1), range(0)
    if row.nav_marker and len(row.stripped) <= 60:
        start, teaser_headline = _walk_back_captions(table, i), _teaser_headline_below(table, i)
    elif row.teaser:
        start, teaser_headline = _teaser_top(table, i)
    else:
        return None
    end, read = _block_end(table, i, teaser_headline)
    return (start, end), read


def _is_nav_follower(table: LineTable, i: int) -> bool:
    """A teaser or ``Link to the source`` right under a marker: the marker heads a block."""
    return 0 <= i < len(table) and (table.rows[i].teaser or table.rows[i].link)


def _is_teaser_headline(table: LineTable, j: int) -> bool:
    """A headline that is not an image caption: the teaser's title, which the full article may repeat."""
    return table.rows[j].headline and not table.rows[j].caption


def _teaser_headline_below(table: LineTable, i: int) -> int | None:
    """The teaser's headline within two rows under a marker, if any."""
    return next((j for j in range(i + 1, min(i + 3, len(table))) if _is_teaser_headline(table, j)), None)


def _teaser_top(table: LineTable, i: int) -> tuple[int, int | None]:
    """A teaser's block starts up to three headlines or captions above it, and at a marker right above those."""
    start, teaser_headline = i, None
    while start > 0 and i - start < 3 and (table.rows[start - 1].headline or table.rows[start - 1].caption):
        start -= 1
        if _is_teaser_headline(table, start):
            teaser_headline = start
    if start > 0 and table.rows[start - 1].nav_marker:
        start = _walk_back_captions(table, start - 1)
    return start, teaser_headline


def _walk_back_captions(table: LineTable, i: int) -> int:
    """The image captions right above a block belong to it (an attribution is not a caption)."""
    while i > 0 and table.rows[i - 1].caption and table.rows[i - 1].end_credits is None:
        i -= 1
    return i


def row_in_block(table: LineTable, j: int, anchor: int, teaser_headline: int | None) -> RowInBlock:
    """What row ``j``, at or under the anchor, is to the block."""
    row = table.rows[j]
    if row.teaser:
        return "part"
    if row.link:
        return "link"
    if j == anchor or row.caption or row.copyright or row.nav_marker:
        return "part"
    if (
        teaser_headline is not None
        and j != teaser_headline
        and same_headline(row.stripped, table.text(teaser_headline))
    ):
        return "repeat"  # the full article repeats the teaser's headline
    if len(row.stripped) > MAX_HEADLINE:
        return "break"
    if row.headline and len(table.text(j + 1)) > MAX_HEADLINE and table.rows[j - 1].teaser:
        return "break"  # a headline right over running text, after the teaser: the next article
    return "part"


def _block_end(table: LineTable, anchor: int, teaser_headline: int | None) -> tuple[int, range]:
    """Last row of the block (its ``Link to the source`` line, or the row before the full article), and rows read."""
    stop = min(anchor + NAV_LOOKAHEAD, len(table))
    end = anchor
    for j in range(anchor, stop):
        verdict = row_in_block(table, j, anchor, teaser_headline)
        if verdict == "link":
            return j, range(anchor, j)
        if verdict == "repeat":
            return j - 1, range(anchor, j)
        if verdict == "break":
            return _last_link_or(table, end, stop), range(anchor, j)
        end = j
    return _last_link_or(table, end, stop), range(anchor, stop)


def _last_link_or(table: LineTable, end: int, stop: int) -> int:
    """Prefer a ``Link to the source`` further on, before any running text, as the block's end."""
    for j in range(end + 1, stop):
        if table.rows[j].link:
            return j
        if len(table.text(j)) > MAX_HEADLINE:
            break
    return end
