"""Entity names as the site files them: surname first in People A–Z, every other spelling, and "see" entries.

A person is filed under the surname (``Khodabandeh, Massoud``); each other spelling the corpus
has for a person or an outlet gets a "see" entry pointing at the page (``Heyrani, Hassan →
Hayrani, Hassan``), so a reader who knows one spelling finds the page under any of them. The same
spellings are listed on each article page beside the names it holds, for search.

Does not: decide which spellings are one person (``resolve``) or make markup (``fragments``).
"""

from __future__ import annotations

from typing import NamedTuple

from ..model import Entity
from ..names import clean_name, fold, index_name, outlet_name
from ..wording import plural


def other_spellings(entity: Entity) -> list[str]:
    """Every spelling the corpus has for the entity besides its display name, cleaned, once each, A–Z.

    A person's spellings lose titles and possessives (``Mr. Bidi`` is ``Bidi``); an outlet's lose
    ``the`` and a possessive. Spellings that differ only in case or accents count once.
    """
    clean = clean_name if entity.entity_kind == "person" else outlet_name
    seen = {fold(entity.name)}
    spellings = []
    for alias in sorted(entity.aliases, key=lambda a: (fold(a), a)):
        spelling = " ".join(clean(alias).split())
        if spelling and fold(spelling) not in seen:
            seen.add(fold(spelling))
            spellings.append(spelling)
    return spellings


class IndexEntry(NamedTuple):
    """One entry of an A–Z index before it is placed on a page (a tuple: label, URL, note first).

    ``see`` is the name of the page a "see" entry points to (empty for an entry of its own);
    ``counted`` says whether the entry is one of the section's items (a person, an outlet).
    """

    label: str
    url: str
    note: str
    see: str = ""
    counted: bool = True


def person_entries(entity: Entity, url: str, note: str) -> list[IndexEntry]:
    """A person's A–Z entries: surname first, then a "see" entry for each other spelling.

    A disambiguation entry is filed under its bare name and says how many people carry it. A spelling
    filed where the person already stands (the bare surname, the same words in another case) gets no
    "see" entry.
    """
    if entity.is_disambiguation:
        count = plural(len(entity.refers_to), "person", "people")
        return [IndexEntry(entity.name, url, f"may refer to {count}", counted=False)]
    filed = index_name(entity.name)
    surname = fold(filed.split(",")[0])
    entries = [IndexEntry(filed, url, note)]
    labels = {fold(filed)}
    for spelling in other_spellings(entity):
        label = index_name(spelling)
        if fold(label) in labels or fold(spelling) == surname:
            continue
        labels.add(fold(label))
        entries.append(IndexEntry(label, url, "", see=filed, counted=False))
    return entries


def outlet_entries(entity: Entity, url: str, note: str) -> list[IndexEntry]:
    """An outlet's A–Z entries: its name, then a "see" entry for each other spelling."""
    see = [IndexEntry(s, url, "", see=entity.name, counted=False) for s in other_spellings(entity)]
    return [IndexEntry(entity.name, url, note), *see]
