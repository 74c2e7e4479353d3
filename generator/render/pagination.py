"""Pagination: page limits, the pager between the pages of a long list, and the A–Z index cut into pages.

Page limits keep every page small whatever the corpus size (at 10,000 documents one A–Z index
was 20 MB and one person page 23 MB: unusable to read, and MkDocs and Pagefind hold each page whole).

Does not: build the markup of the items (``fragments``) or write pages (``render``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from ..slugs import INDEX_PAGES
from .entity_names import IndexEntry
from .fragments import link, see_link

#: An A–Z index lists at most this many entries per page, split at letter boundaries.
INDEX_PAGE_LIMIT = 500
#: A person or outlet page quotes about this many mentions per page, in whole article groups
#: (an article with more mentions than this gets a page of its own rather than being cut).
MENTION_PAGE_LIMIT = 100
#: Lists of articles on an entity page (credited, first published, translated or republished): items per page.
LIST_PAGE_LIMIT = 200


@dataclass(frozen=True)
class PageLimits:
    """How much one page holds; tests pass small limits to exercise the paginated pages on a small corpus."""

    index_rows: int = INDEX_PAGE_LIMIT
    mentions: int = MENTION_PAGE_LIMIT
    list_items: int = LIST_PAGE_LIMIT

    def __post_init__(self) -> None:
        if min(self.index_rows, self.mentions, self.list_items) < 1:
            raise ValueError("page limits must be at least 1")


#: The limits of a real build.
DEFAULT_LIMITS = PageLimits()


@dataclass(frozen=True)
class Target:
    """One page of a paginated list: its URL (from the site root) and what it holds."""

    url: str
    label: str


@dataclass(frozen=True)
class Pager:
    """Previous / next links for one page of a list cut into pages; the first page's link is also "back"."""

    label: str
    number: int
    """This page's number, from 1."""
    count: int
    prev: Target | None
    next: Target | None
    first: Target
    last: Target
    show_first: bool
    """A "First" link is shown where it is not already the previous page."""
    show_last: bool


def make_pager(number: int, targets: Sequence[Target], *, label: str) -> Pager:
    """The pager of page ``number`` (1-based) of ``targets``."""
    return Pager(
        label=label,
        number=number,
        count=len(targets),
        prev=targets[number - 2] if number > 1 else None,
        next=targets[number] if number < len(targets) else None,
        first=targets[0],
        last=targets[-1],
        show_first=number > 2,
        show_last=number < len(targets) - 1,
    )


def page_root(path: str) -> str:
    """The relative URL from the page built from ``path`` (a Markdown path) back to the site root."""
    depth = path.count("/") + (0 if path == "index.md" or path.endswith("/index.md") else 1)
    return "../" * depth


def mention_chunks(sizes: Sequence[int], limit: int) -> list[tuple[list[int], int, int]]:
    """Groups of ``sizes`` items packed whole onto pages of about ``limit`` items.

    Each chunk is (the groups' indexes, the number of its first item, of its last item); a group
    larger than ``limit`` gets a page of its own rather than being cut.
    """
    chunks: list[tuple[list[int], int, int]] = []
    for index, size in enumerate(sizes):
        if chunks and chunks[-1][2] - chunks[-1][1] + 1 + size <= limit:
            groups, first, last = chunks[-1]
            chunks[-1] = (groups + [index], first, last + size)
        else:
            last = chunks[-1][2] if chunks else 0
            chunks.append(([index], last + 1, last + size))
    return chunks


def list_chunks(count: int, step: int) -> list[tuple[range, int, int]]:
    """``count`` items in pages of ``step``: (the items' indexes, the first item's number, the last's)."""
    return [(range(i, min(i + step, count)), i + 1, min(i + step, count)) for i in range(0, count, step)]


@dataclass(frozen=True)
class IndexRow:
    """One entry of an A–Z index: a link to its page and a note (a count, a language)."""

    link: Markup
    note: str


@dataclass(frozen=True)
class IndexGroup:
    """The entries under one letter (or one part of a letter cut over several pages)."""

    letter: str
    name: str
    """The heading: ``B``, or ``B (part 2 of 3)``."""
    id: str
    rows: tuple[IndexRow, ...]


@dataclass(frozen=True)
class LetterLink:
    """A letter of the A–Z navigation: ``url`` is the page holding it ("" on its own page)."""

    letter: str
    url: str
    id: str
    here: bool
    """Marked as the current page's (only when the index has several pages)."""
    href: str


@dataclass(frozen=True)
class IndexPage:
    """One page of a section's A–Z index."""

    path: str
    url: str
    title: str
    span: str
    """The letters the page holds, e.g. ``A – C``."""
    groups: tuple[IndexGroup, ...]
    letters: tuple[LetterLink, ...] = ()
    pager: Pager | None = None
    count_label: str = ""
    jsonld: Markup = Markup("")


def letter_slug(letter: str) -> str:
    """The id and URL part for an A–Z letter: ``a`` … ``z``, ``other`` for ``#``."""
    return letter.lower() if letter != "#" else "other"


def _letter_id(letter: str) -> str:
    """The A–Z heading's anchor, as before pagination: ``letter-A``, ``letter-other`` for ``#``."""
    return f"letter-{letter if letter != '#' else 'other'}"


def _part_name(letter: str, part: int, parts: int) -> str:
    """``B``, or ``B (part 2 of 3)`` for a letter cut over several pages."""
    return letter if parts == 1 else f"{letter} (part {part} of {parts})"


Row = tuple[str, str, str] | IndexEntry
"""An index entry before it is placed on a page: (label, URL from the site root, note), or an ``IndexEntry``."""


def _entry(row: Row) -> IndexEntry:
    return row if isinstance(row, IndexEntry) else IndexEntry(*row)


def _index_row(root: str, row: Row) -> IndexRow:
    """The entry linked from a page at ``root``: its own page, or (a "see" entry) the page it points to."""
    entry = _entry(row)
    if entry.see:
        return IndexRow(see_link(root, entry.url, entry.label, entry.see), entry.note)
    return IndexRow(link(root, entry.url, entry.label), entry.note)


def entry_count(rows: Sequence[Row]) -> int:
    """How many of the rows are the section's own items ("see" and disambiguation entries are not)."""
    return sum(_entry(row).counted for row in rows)


def _pack_letters(groups: list[tuple[str, list[Row]]], limit: int) -> tuple[list[list[tuple[str, list, int]]], dict]:
    """Letters packed whole onto pages while they fit; a letter longer than ``limit`` cut into parts.

    Returns the pages' (letter, rows, part number) lists and each letter's number of parts.
    """
    chunks: list[list[tuple[str, list, int]]] = [[]]
    size = 0
    parts_of: dict[str, int] = {}
    for letter, rows in groups:
        parts = [rows[i : i + limit] for i in range(0, len(rows), limit)] if len(rows) > limit else [rows]
        parts_of[letter] = len(parts)
        for n, part in enumerate(parts, start=1):
            if chunks[-1] and size + len(part) > limit:
                chunks.append([])
                size = 0
            chunks[-1].append((letter, part, n))
            size += len(part)
    return chunks, parts_of


def index_pages(section: str, title: str, groups: list[tuple[str, list[Row]]], limit: int) -> list[IndexPage]:
    """A section's A–Z index cut into pages of at most ``limit`` entries, at letter boundaries.

    Letters are packed whole onto a page while they fit; a letter with more entries than
    ``limit`` is cut into pages of its own (``b``, ``b-2``, …; the last may share its page
    with the letters after it). A section that fits in ``limit`` stays one page,
    ``<section>/``, as before: a small corpus keeps the single page a reader can scan or
    search with the browser, and its URL. Further pages are ``<section>/a-z/<letter>[-n]/``,
    named after the letter (and part) they start with, so the URL of a page changes only
    when the letters before it grow past a page; ``a-z`` is a reserved slug.
    """
    chunks, parts_of = _pack_letters(groups, limit)
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        if not chunk:  # an empty section: its one page says so
            pages.append(IndexPage(path=f"{section}/index.md", url=f"{section}/", title=title, span="", groups=()))
            continue
        letter, _, part = chunk[0]
        names = [_part_name(letter, n, parts_of[letter]) for letter, _, n in (chunk[0], chunk[-1])]
        if number == 1:
            path, url = f"{section}/index.md", f"{section}/"
        else:
            name = letter_slug(letter) + (f"-{part}" if part > 1 else "")
            path, url = f"{section}/{INDEX_PAGES}/{name}.md", f"{section}/{INDEX_PAGES}/{name}/"
        span = names[0] if names[0] == names[1] else f"{names[0]} – {names[1]}"
        root = page_root(path)
        index_groups = tuple(
            IndexGroup(
                letter=letter,
                name=_part_name(letter, n, parts_of[letter]),
                id=_letter_id(letter),
                rows=tuple(_index_row(root, row) for row in rows),
            )
            for letter, rows, n in chunk
        )
        pages.append(
            IndexPage(
                path=path, url=url, title=title if number == 1 else f"{title}: {span}", span=span, groups=index_groups
            )
        )
    return _linked(pages, [letter for letter, _ in groups], title)


def _linked(pages: list[IndexPage], letters: list[str], title: str) -> list[IndexPage]:
    """The pages with their A–Z navigation (each letter links to the page holding it) and their pager."""
    first_page: dict[str, str] = {}
    for index_page in pages:
        for group in index_page.groups:
            first_page.setdefault(group.letter, index_page.url)
    targets = [Target(p.url, p.span) for p in pages]
    linked = []
    for number, index_page in enumerate(pages, start=1):
        here = {g.letter for g in index_page.groups}
        root = page_root(index_page.path)
        nav = []
        for letter in letters:
            url = "" if letter in here else first_page[letter]
            marked = letter in here and len(pages) > 1
            href = f"{'' if marked else root + url}#{_letter_id(letter)}"
            nav.append(LetterLink(letter=letter, url=url, id=_letter_id(letter), here=marked, href=href))
        pager = make_pager(number, targets, label=f"Pages of the {title.lower()} index") if len(pages) > 1 else None
        linked.append(
            IndexPage(
                path=index_page.path,
                url=index_page.url,
                title=index_page.title,
                span=index_page.span,
                groups=index_page.groups,
                letters=tuple(nav),
                pager=pager,
            )
        )
    return linked
