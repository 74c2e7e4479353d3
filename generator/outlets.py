"""Outlet names to canonical outlets, through the maintained list (``content/outlets.yml``).

Exact matching on a normalised key (case, spaces, punctuation, a leading
``the``, ``www.``, ``https://`` and any URL path ignored) over names, ids,
aliases and domains (with and without their top-level domain), then a fuzzy
match (rapidfuzz) for near spellings such as ``GazetaInpact`` or ``Balkanspost``.

A shipped list of well-known outlets (``generator/lexicon/well_known_outlets.txt``)
lies under the maintained list: ``with_well_known`` adds its records whose names the
maintained list does not already hold.

Does not: invent outlets; an unknown name is returned as ``None``.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from rapidfuzz import fuzz, process

from . import lexicon
from .model import OutletRecord
from .slugs import make_slug

FUZZY_CUTOFF = 88
#: Keys shorter than this only match exactly: ``Exit`` must not fuzzily become ``Exit News``' cousin.
MIN_FUZZY_KEY = 5
#: A whole text that is a web address or a bare domain (``https://www.exit.al/en/x``, ``/exit.al``); ``host``
#: is the domain. Public, so that every stage that reads web addresses can share this one shape.
URL = re.compile(
    r"^(?:https?://)?/?(?:www\.)?(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})(?:/\S*)?$", re.IGNORECASE
)


def outlet_key(name: str) -> str:
    """``Iran interlink``, ``iran-interlink`` and ``https://www.Iran-Interlink.org/x`` share a key stem."""
    name = name.strip().lower()
    if match := URL.match(name):
        name = match.group("host")
    name = re.sub(r"^(?:https?://)?(?:www\.)?", "", name).strip("/ ")
    name = re.sub(r"^the\s+", "", name)
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if ch.isalnum())


class OutletIndex:
    """Looks up the canonical outlet record for a surface name."""

    def __init__(self, records: list[OutletRecord]):
        self.records = {r.id: r for r in records}
        self._by_key: dict[str, OutletRecord] = {}
        for record in records:
            for name in (record.name, record.id, *record.aliases, *record.domains):
                self._by_key.setdefault(outlet_key(name), record)
            for domain in record.domains:
                self._by_key.setdefault(outlet_key(domain.rsplit(".", 1)[0]), record)
        self._keys = sorted(self._by_key)

    def lookup(self, name: str) -> OutletRecord | None:
        """The record whose name, id, alias or domain has ``name``'s key, else the nearest above ``FUZZY_CUTOFF``."""
        key = outlet_key(name)
        if not key:
            return None
        if key in self._by_key:
            return self._by_key[key]
        if len(key) < MIN_FUZZY_KEY:
            return None
        match = process.extractOne(key, self._keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        return self._by_key[match[0]] if match else None


@functools.cache
def well_known_outlets() -> tuple[OutletRecord, ...]:
    """The shipped list: one record per line ``name<TAB>kind<TAB>country[<TAB>alias|alias…]``."""
    records = []
    for entry in lexicon.entries("well_known_outlets"):
        name, kind, _country, *rest = entry.split("\t")
        aliases = tuple(a.strip() for a in rest[0].split("|")) if rest else ()
        records.append(OutletRecord(make_slug(name, fallback="outlet"), name, kind, aliases=aliases))
    return tuple(records)


def with_well_known(maintained: list[OutletRecord] | tuple[OutletRecord, ...]) -> list[OutletRecord]:
    """The maintained records, then each shipped record none of whose names or id the maintained list holds."""
    taken = {outlet_key(n) for r in maintained for n in (r.id, r.name, *r.aliases, *r.domains)}
    taken |= {r.id for r in maintained}
    extra = [
        r
        for r in well_known_outlets()
        if r.id not in taken and not any(outlet_key(n) in taken for n in (r.name, *r.aliases))
    ]
    return [*maintained, *extra]
