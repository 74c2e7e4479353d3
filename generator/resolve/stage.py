"""Resolve: group mentions into people and outlets, applying curation, and credit each article.

People come from ``resolve_people`` (spellings merged on strong evidence only;
weaker evidence goes to ``candidates`` for review), outlets from
``resolve_outlets`` (the outlet list's ids, so URLs are stable). Each article
then gets its outlet, the outlets it came via and its authors, from the credit
mentions of its attribution and byline lines, then from the teasers that link to it where those
name none (``credit_with_teasers``). The articles given are left as
they are: new ones are returned.

Does not: find mentions (``extract``) or write pages (``render``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from ..curation import Curation
from ..model import Article, Entity, EntityKind, Mention, OutletRecord, Role
from .outlet_entities import resolve_outlets
from .people import resolve_people
from .teaser_credits import credit_with_teasers

# extract reads these three word sets from here (until it reads the lexicon itself).


def resolve(
    articles: list[Article],
    mentions: list[Mention],
    *,
    curation: Curation,
    outlets: list[OutletRecord],
) -> tuple[list[Article], list[Entity], list[Entity]]:
    """Articles with their outlet, via and authors set, plus the people and the outlets."""
    outlet_entities = resolve_outlets([m for m in mentions if m.entity_kind == EntityKind.OUTLET], outlets)
    people = resolve_people([m for m in mentions if m.entity_kind == EntityKind.PERSON], curation, reserved=set())
    credited = credit_articles(articles, people, outlet_entities)
    return credit_with_teasers(credited, people, outlet_entities, outlets), people, outlet_entities


def credit_articles(articles: list[Article], people: list[Entity], outlets: list[Entity]) -> list[Article]:
    """Copies of ``articles`` with the outlet, via and authors their credit mentions name.

    The first outlet credited is the publisher; via and authors keep their first-credited order, once each.
    """
    credited: dict[str, list[tuple[Mention, str]]] = defaultdict(list)
    for entity in (*people, *outlets):
        if entity.is_disambiguation:
            continue  # a bare name the text does not settle credits nobody
        for mention in entity.mentions:
            if mention.role is not Role.MENTION:
                credited[mention.article].append((mention, entity.id))
    return [_credited(article, credited.get(article.id, [])) for article in articles]


def _credited(article: Article, credits: list[tuple[Mention, str]]) -> Article:
    """``article`` with the entities of its credits, taken in source order."""
    credits = sorted(credits, key=lambda credit: (credit[0].span.line, credit[0].span.start))
    outlet_ids = [entity_id for mention, entity_id in credits if mention.role is Role.OUTLET]
    return replace(
        article,
        outlet=outlet_ids[0] if outlet_ids else None,
        via=list(dict.fromkeys(entity_id for mention, entity_id in credits if mention.role is Role.VIA)),
        authors=list(dict.fromkeys(entity_id for mention, entity_id in credits if mention.role is Role.AUTHOR)),
    )
