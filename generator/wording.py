"""Wording: small helpers that put counts and names into English for pages and reports.

Shared by ``render`` (pages) and ``review`` (the terminal), so neither imports the other.

Does not: decide what to show, or escape anything.
"""

from __future__ import annotations


def plural(count: int, singular: str, plural: str) -> str:
    """``1 person``, ``2 people``."""
    return f"{count} {singular if count == 1 else plural}"
