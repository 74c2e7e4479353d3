"""Resolve: group mentions into people and outlets, applying curation.

A first honest implementation: people are grouped by their normalised full name
(titles and possessives dropped); outlets by the outlet list's names, aliases and
domains, with unknown outlets kept under their own name. Curation's ``same``,
``different``, ``not_a_person`` and ``canonical`` entries are applied.

Does not: find mentions (``extract``) or write pages (``render``).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import replace

from .curation import Curation, Verdict
from .load import OutletRecord
from .model import Article, Entity, Mention, Role
from .outlets import OutletIndex
from .slugs import SlugAllocator

_TITLES = re.compile(r"^(?:(?:dr|mr|mrs|ms|capt|prof|sir|lawyer|monsignor)\.?\s+)+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"[’']s$")


def person_key(name: str) -> str:
    """A spelling-insensitive key: no titles, possessive, accents, case or punctuation."""
    name = _POSSESSIVE.sub("", _TITLES.sub("", name.strip()))
    name = unicodedata.normalize("NFKD", name)
    return " ".join("".join(ch for ch in name if ch.isalnum() or ch.isspace()).lower().split())


def resolve(
    articles: list[Article],
    mentions: list[Mention],
    *,
    curation: Curation,
    outlets: list[OutletRecord],
) -> tuple[list[Article], list[Entity], list[Entity]]:
    """Articles with their outlet, via and authors set, plus the people and the outlets."""
    people = resolve_people([m for m in mentions if m.entity_kind == "person"], curation)
    outlet_entities = resolve_outlets([m for m in mentions if m.entity_kind == "outlet"], outlets)
    return _credit_articles(articles, people, outlet_entities), people, outlet_entities


def resolve_people(mentions: list[Mention], curation: Curation) -> list[Entity]:
    rejected = {person_key(n.name) for n in curation.not_people}
    merged = _curated_merges(curation)
    groups: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        key = person_key(mention.span.text)
        if not key or key in rejected or len(key.split()) < 2:
            continue
        groups[merged.get(key, key)].append(mention)
    display = {person_key(c.name): c.display for c in curation.canonical_names}
    return _entities("person", groups, display)


def _curated_merges(curation: Curation) -> dict[str, str]:
    """Key -> representative key, for every ``same`` pair not contradicted by ``different``."""
    different = {tuple(sorted(map(person_key, p.names))) for p in curation.pairs if p.verdict is Verdict.DIFFERENT}
    parent: dict[str, str] = {}

    def find(key: str) -> str:
        while parent.get(key, key) != key:
            key = parent[key]
        return key

    for judgement in curation.pairs:
        a, b = sorted(map(person_key, judgement.names))
        if judgement.verdict is Verdict.SAME and (a, b) not in different:
            ra, rb = sorted((find(a), find(b)))
            parent[rb] = ra
    return {key: find(key) for key in parent}


def resolve_outlets(mentions: list[Mention], records: list[OutletRecord]) -> list[Entity]:
    index = OutletIndex(records)
    groups: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        record = index.lookup(mention.span.text)
        groups[record.name if record else mention.span.text.strip()].append(mention)
    entities = _entities("outlet", groups, {})
    names = {r.name: r for r in records}
    for entity in entities:
        record = names.get(entity.name)
        entity.outlet_kind = record.kind if record else "unknown"
    ids = {r.id: e.id for e in entities for r in records if r.name == e.name}
    for entity in entities:
        record = names.get(entity.name)
        entity.parent = ids.get(record.parent) if record and record.parent else None
    return entities


def _entities(kind: str, groups: dict[str, list[Mention]], display: dict[str, str]) -> list[Entity]:
    allocator = SlugAllocator()
    entities = []
    for key in sorted(groups, key=lambda k: (-len(groups[k]), k)):
        group = groups[key]
        spellings = Counter(m.span.text.strip() for m in group)
        name = display.get(key) or max(spellings, key=lambda s: (spellings[s], len(s), s))
        entities.append(Entity(id="", name=name, entity_kind=kind, aliases=sorted(spellings), mentions=group))
    entities.sort(key=lambda e: e.name.casefold())
    return [replace(e, id=allocator.allocate(e.name, fallback=kind)) for e in entities]


def _credit_articles(articles: list[Article], people: list[Entity], outlets: list[Entity]) -> list[Article]:
    entity_of = {id(m): e.id for group in (people, outlets) for e in group for m in e.mentions}
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for entity in (*people, *outlets):
        for mention in entity.mentions:
            if mention.role is not Role.MENTION:
                by_article[mention.article].append(mention)
    for article in articles:
        credits = sorted(by_article.get(article.id, []), key=lambda m: (m.span.line, m.span.start))
        outlet_ids = [entity_of[id(m)] for m in credits if m.role is Role.OUTLET]
        article.outlet = outlet_ids[0] if outlet_ids else None
        article.via = list(dict.fromkeys(entity_of[id(m)] for m in credits if m.role is Role.VIA))
        article.authors = list(dict.fromkeys(entity_of[id(m)] for m in credits if m.role is Role.AUTHOR))
    return articles
