"""Quoted words in a line: the stretches between an opening and a closing quotation mark.

Scraped text mixes styles (``“…”``, ``"…"``, ``«…»``, ``„…“``, ``‘…’``, and ``“…"``), so
the marks are data (``lexicon/quotation_marks.txt``: each opener with the closers it
accepts). A mark opens where a word may start (line start, a space or a bracket before
it, a letter after it) and closes where a word may end (a non-space before it, no letter
after it), so the apostrophe in ``don’t`` closes nothing. A quote opened at the start of
a line and never closed runs to the end of the line (a quoted paragraph that goes on).

Does not: say who speaks (``speakers``).
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import lexicon

#: Opening mark -> the marks that may close it.
PAIRS: dict[str, str] = {entry.split()[0]: entry.split()[1] for entry in lexicon.entries("quotation_marks")}
#: Every mark that opens or closes a quote.
MARKS = frozenset(PAIRS) | frozenset("".join(PAIRS.values()))
_BEFORE_OPENER = " \t([{—–-/:"


@dataclass(frozen=True)
class Quoted:
    """The words between two quotation marks (the marks left out): ``line[start:end]``."""

    start: int
    end: int
    closed: bool = True


def quotations(line: str) -> list[Quoted]:
    """Every quote in ``line``, in order; quotes inside a quote are part of it."""
    found = []
    i = 0
    while i < len(line):
        if line[i] in PAIRS and _opens(line, i):
            close = _closing(line, i)
            if close is not None:
                found.append(Quoted(i + 1, close))
                i = close + 1
                continue
            if not line[:i].strip():
                found.append(Quoted(i + 1, len(line.rstrip()), closed=False))
                break
        i += 1
    return [q for q in found if line[q.start : q.end].strip()]


def _opens(line: str, i: int) -> bool:
    before = line[i - 1] if i > 0 else " "
    after = line[i + 1] if i + 1 < len(line) else " "
    return (before in _BEFORE_OPENER or before in MARKS) and not after.isspace()


def _closing(line: str, opener: int) -> int | None:
    closers = PAIRS[line[opener]]
    for k in range(opener + 2, len(line)):
        if line[k] in closers and not line[k - 1].isspace():
            after = line[k + 1] if k + 1 < len(line) else " "
            if not after.isalnum():
                return k
    return None


def inside(quotes: list[Quoted], position: int) -> Quoted | None:
    """The quote holding character ``position`` (marks included), if any."""
    return next((q for q in quotes if q.start - 1 <= position <= q.end), None)
