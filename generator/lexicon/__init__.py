"""Vocabulary as data: every word list the rules use, one small text file per list in this folder.

A list file is UTF-8 text. Its first lines are ``#`` comments that say what the list is for and where
its words came from; after them comes one entry per line (an entry may hold spaces, as in
``Prime Minister``). Blank lines and further ``#`` lines are skipped. Entries keep their case and their
order in the file, because some rules build regular expressions from them, where order matters.

The files are the package's own read-only data, like its templates: ``entries`` reads each one once
per process, and stages name the lists they use at module level.

Does not: decide anything. Each rule that reads a list says what it does with it.
"""

from __future__ import annotations

import functools
from importlib.resources import files


class UnknownListError(LookupError):
    """A rule asked for a list that has no file here (a typo, or a file not shipped)."""


@functools.cache
def entries(name: str) -> tuple[str, ...]:
    """The entries of list ``name`` (file ``<name>.txt`` beside this module), in file order."""
    resource = files(__package__) / f"{name}.txt"
    if not resource.is_file():
        raise UnknownListError(f"generator/lexicon/{name}.txt: no such word list")
    lines = resource.read_text(encoding="utf-8").splitlines()
    if not lines or not lines[0].startswith("#"):
        raise UnknownListError(f"generator/lexicon/{name}.txt:1: a list starts with a '#' line saying what it is for")
    return tuple(entry for line in lines if (entry := line.strip()) and not entry.startswith("#"))


@functools.cache
def word_set(name: str, *, lower: bool = False) -> frozenset[str]:
    """The entries of list ``name`` as a set, lower-cased with ``lower``."""
    return frozenset(entry.lower() if lower else entry for entry in entries(name))


def available() -> list[str]:
    """The names of every shipped list, sorted."""
    return sorted(p.name.removesuffix(".txt") for p in files(__package__).iterdir() if p.name.endswith(".txt"))
