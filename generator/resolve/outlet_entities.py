"""Resolve outlets: group outlet mentions into outlets.

Outlets are the outlet list's entries (their ids are the list ids, so URLs are
stable); unknown outlets keep their own name. A programme names its channel as
``parent`` when that channel is mentioned too.

Does not: find mentions (``extract``), resolve people (``resolve_people``) or credit articles (``resolve``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace

from .. import lexicon
from ..model import Entity, EntityKind, Mention, OutletRecord
from ..names import outlet_name
from ..outlets import OutletIndex
from ..slugs import SlugAllocator
from .people import mention_order

#: Number words read as digits: ``Channel Four News`` is the listed ``Channel 4 News``.
_NUMBER_WORDS = dict(entry.split() for entry in lexicon.entries("number_words"))


def lookup_outlet(index: OutletIndex, text: str) -> OutletRecord | None:
    """The listed outlet a surface name stands for; number words read as digits (``Channel Four``)."""
    name = outlet_name(text)
    record = index.lookup(name) or index.lookup(text)
    if record is None:
        digits = " ".join(_NUMBER_WORDS.get(w.lower(), w) for w in name.split())
        record = index.lookup(digits) if digits != name else None
    return record


def resolve_outlets(mentions: list[Mention], records: list[OutletRecord]) -> list[Entity]:
    """Outlets: listed ones under their list id, unknown ones under their own name."""
    index = OutletIndex(records)
    known: dict[str, list[Mention]] = defaultdict(list)
    unknown: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        record = lookup_outlet(index, mention.span.text)
        if record:
            known[record.id].append(mention)
        elif outlet_name(mention.span.text):
            unknown[outlet_name(mention.span.text).casefold()].append(mention)
    entities = _listed_outlets(index, known) + _unlisted_outlets(index, unknown)
    present = {e.id for e in entities}
    entities = [_with_parent(e, index.records.get(e.id), present) for e in entities]
    return sorted(entities, key=lambda e: (e.name.casefold(), e.id))


def _listed_outlets(index: OutletIndex, known: dict[str, list[Mention]]) -> list[Entity]:
    """One entity per listed outlet, under its list id and name."""
    entities = []
    for outlet_id in sorted(known):
        record = index.records[outlet_id]
        group = sorted(known[outlet_id], key=mention_order)
        aliases = sorted({m.span.text for m in group})
        entities.append(Entity(record.id, record.name, EntityKind.OUTLET, aliases, group, outlet_kind=record.kind))
    return entities


def _unlisted_outlets(index: OutletIndex, unknown: dict[str, list[Mention]]) -> list[Entity]:
    """One entity per unlisted name (case aside), under its most written spelling; list ids stay free."""
    entities = []
    allocator = SlugAllocator(set(index.records))
    for key in sorted(unknown):
        group = sorted(unknown[key], key=mention_order)
        spellings = Counter(outlet_name(m.span.text) for m in group)
        name = max(spellings, key=lambda s: (spellings[s], s))
        slug = allocator.allocate(name, fallback="outlet")
        aliases = sorted({m.span.text for m in group})
        entities.append(Entity(slug, name, EntityKind.OUTLET, aliases, group, outlet_kind="unknown"))
    return entities


def _with_parent(entity: Entity, record: OutletRecord | None, present: set[str]) -> Entity:
    """A programme names its channel as parent, when the channel is itself mentioned."""
    if record and record.parent in present:
        return replace(entity, parent=record.parent)
    return entity
