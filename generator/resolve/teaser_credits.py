"""Teaser credits: a teaser's author and outlet fill what the article it points to lacks.

A navigation item (``Michael Rubin, National Interest, …``) that links to a corpus article
(``Teaser.article``) names who wrote and who published that piece. When the article's own
credits name no outlet, the first part of the teaser's credit that is a listed outlet the corpus
has becomes its outlet; when they name no author, the parts that are people the corpus already
has become its authors. Each filled field records the teaser it came from (``Article.credit_from``),
so the page can say so. An article's own credits always win. ``segment`` already hands a teaser's
credits to the article right after its block; where an outlet or the authors stand only on a linked
teaser's line, that teaser is recorded as their source too.

Does not: create people or outlets from teaser text, or read dates (``teasers.date_corpus``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

from ..model import Article, Entity, OutletRecord, Role, Teaser
from ..names import person_key
from ..outlets import OutletIndex
from .outlet_entities import lookup_outlet

#: The joints between the names of a teaser's credit: commas, ``and``, ``&``, slashes.
_JOINTS = re.compile(r"\s*(?:,|;|/|&|\band\b)\s*", re.IGNORECASE)


def credit_with_teasers(
    articles: list[Article], people: list[Entity], outlets: list[Entity], records: list[OutletRecord]
) -> list[Article]:
    """New articles whose missing outlet or authors a linked teaser's credit names; the others as they are."""
    index = OutletIndex(records)
    present = {o.id for o in outlets}
    persons = _person_keys(people)
    teasers: dict[str, list[Teaser]] = {}
    for block in articles:
        for teaser in block.teasers:
            if teaser.article is not None and teaser.credit:
                teasers.setdefault(teaser.article, []).append(teaser)
    lines = _credit_lines(people, outlets)
    result = []
    for article in articles:
        article = _sourced(article, teasers.get(article.id, []), lines)
        for teaser in sorted(teasers.get(article.id, []), key=lambda t: (t.document, t.line)):
            article = _filled(article, teaser, index, present, persons)
        result.append(article)
    return result


def credit_parts(credit: str) -> list[str]:
    """``Michael Rubin and Jane Doe, National Interest`` -> the three names, in order."""
    return [part for part in (p.strip(" .:\u00a0") for p in _JOINTS.split(" ".join(credit.split()))) if part]


def _credit_lines(people: list[Entity], outlets: list[Entity]) -> dict[tuple[str, str], set[tuple[str, int]]]:
    """(article, entity) -> the (document, line) of every outlet or author credit naming the entity there."""
    lines: dict[tuple[str, str], set[tuple[str, int]]] = defaultdict(set)
    for entity in (*people, *outlets):
        for mention in entity.mentions:
            if mention.role in (Role.OUTLET, Role.AUTHOR):
                lines[(mention.article, entity.id)].add((mention.span.document, mention.span.line))
    return lines


def _sourced(article: Article, teasers: list[Teaser], lines: dict[tuple[str, str], set[tuple[str, int]]]) -> Article:
    """``article`` noting the linked teaser whose line alone credits its outlet, or all its authors."""
    sources = dict(article.credit_from)
    for teaser in teasers:
        at = {(teaser.document, teaser.line)}
        if article.outlet and lines.get((article.id, article.outlet)) == at:
            sources.setdefault("outlet", teaser)
        if article.authors and all(lines.get((article.id, a)) == at for a in article.authors):
            sources.setdefault("authors", teaser)
    return replace(article, credit_from=sources) if sources != article.credit_from else article


def _person_keys(people: list[Entity]) -> dict[str, str]:
    """Each full spelling (two words or more) of a settled person, by key, to the person's id."""
    keys: dict[str, str] = {}
    for person in people:
        if person.is_disambiguation:
            continue
        for name in (person.name, *person.aliases):
            key = person_key(name)
            if len(key.split()) >= 2:
                keys.setdefault(key, person.id)
    return keys


def _filled(
    article: Article, teaser: Teaser, index: OutletIndex, present: set[str], persons: dict[str, str]
) -> Article:
    """``article`` with the outlet and authors ``teaser`` names, where it has none yet."""
    parts = credit_parts(teaser.credit or "")
    sources = dict(article.credit_from)
    outlet = article.outlet
    if outlet is None:
        records = (lookup_outlet(index, part) for part in parts)
        outlet = next((r.id for r in records if r is not None and r.id in present), None)
        if outlet is not None:
            sources["outlet"] = teaser
    authors = article.authors
    if not authors:
        authors = list(dict.fromkeys(persons[k] for k in map(person_key, parts) if k in persons))
        if authors:
            sources["authors"] = teaser
    if sources == article.credit_from:
        return article
    return replace(article, outlet=outlet, authors=authors, credit_from=sources)
