"""Entity views: a person's, an outlet's or a disambiguation page, and the further pages their long lists go on to.

A person page opens with the words attributed to them ("In their own words"), then quotes every
mention, one quote per sentence, grouped by article; it and its lists of articles (credited, first
published, translated or republished) continue on numbered pages inside the entity's folder when
they pass the page limits. A disambiguation page (a bare name the text does not settle) links the
people who carry the name, then quotes the mentions that name only it.

Does not: make markup (``fragments``) or write files (``render``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from markupsafe import Markup

from ..model import Article, Entity, Mention
from . import fragments, pagemeta
from .lookups import Lookups
from .pagemeta import Citation
from .pagination import PageLimits, Pager, Target, list_chunks, make_pager, mention_chunks, page_root
from .quotes import Places, sentences, statements
from .views import Context

#: Entity pages show every mention; past this many on one page, the per-article groups start closed.
OPEN_MENTION_LIMIT = 20


@dataclass(frozen=True)
class MentionGroup:
    """The quoted mentions from one article, on an entity page."""

    title: Markup
    """A link to the article, with its outlet and date."""
    count: int
    open: bool
    html: Markup


@dataclass(frozen=True)
class EntityPart:
    """One page of one of an entity page's long lists (mentions, or articles credited, published, relayed)."""

    number: int
    url: str
    heading: str
    range: str
    """What the page holds, e.g. ``mentions 101–200 of 340``."""
    range_sentence: str
    """The range as the start of a sentence."""
    pager: Pager | None
    groups: tuple[MentionGroup, ...] = ()
    links: tuple[Markup, ...] = ()
    quotes: tuple[Markup, ...] = ()
    """Attributed words, each linked to its paragraph."""


@dataclass(frozen=True)
class Spelling:
    """One way an entity's name is written, how often, and in articles from which outlets."""

    text: str
    count: int
    outlets: str


@dataclass(frozen=True)
class EntityPage:
    """A person or an outlet: counts, spellings, credits, attributed words, mentions (each list's first page)."""

    template: ClassVar[str] = "entity.md.j2"
    name: str
    kind: str
    mention_count: int
    article_count: int
    outlet_kind: str | None
    parent: Markup | None
    """A link to the outlet this one is a programme of."""
    spellings: tuple[Spelling, ...]
    """Empty when the name is only ever written one way."""
    lists: tuple[EntityPart, ...]
    statements: EntityPart | None
    """The words the sources attribute to this person ("In their own words")."""
    mentions: EntityPart | None
    co_mentioned: tuple[tuple[Markup, int], ...]
    mentioning_outlets: tuple[Markup, ...]
    citation: Citation
    jsonld: Markup


@dataclass(frozen=True)
class EntityPartPage:
    """A further page of one of an entity's long lists, inside the entity's folder."""

    path: str
    title: str
    name: str
    entity_url: str
    mention_count: int
    part: EntityPart


#: An entity page's long lists, each continued on numbered pages of its own inside the entity's
#: folder (``people/<slug>/mentions-2/``): key -> (heading on the first page, what the items are).
ENTITY_SERIES = {
    "statements": ("In their own words", "statements"),
    "mentions": ("Mentions", "mentions"),
    "authored": ("Articles credited to this name", "articles credited to this name"),
    "published": ("First published", "articles first published"),
    "relayed": ("Translated or republished", "articles translated or republished"),
}


@dataclass(frozen=True)
class DisambiguationPage:
    """A bare name the text does not settle: the people who carry it, then the mentions that name only it."""

    template: ClassVar[str] = "disambiguation.md.j2"
    name: str
    mention_count: int
    article_count: int
    refers_to: tuple[tuple[Markup, int], ...]
    """A link to each person who carries the name, with their number of mentions."""
    mentions: EntityPart | None
    jsonld: Markup


def entity_pages(
    ctx: Context, entity: Entity, limits: PageLimits
) -> tuple[EntityPage | DisambiguationPage, list[EntityPartPage]]:
    """The view of a person's, outlet's or disambiguation page, and of the further pages its long lists continue on."""
    lookups, root = ctx.lookups, "../../"
    path = lookups.entity_url(entity)
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for mention in entity.mentions:
        by_article[mention.article].append(mention)
    series = {"mentions": _mention_parts(ctx, path, by_article, limits.mentions)}
    if entity.is_disambiguation:
        page = _disambiguation_page(ctx, entity, path, series["mentions"], len(by_article))
        return page, _further_pages(entity, path, series)
    person = entity.entity_kind == "person"
    if person:
        series["statements"] = _statement_parts(ctx, path, entity, limits.mentions)
        credited = {"authored": lookups.authored[entity.id]}
    else:
        credited = {"published": lookups.published[entity.id], "relayed": lookups.relayed[entity.id]}
    for name, articles in credited.items():
        series[name] = _article_list_parts(ctx, path, name, articles, limits.list_items)
    parent = lookups.outlets.get(entity.parent) if entity.parent else None
    page = EntityPage(
        name=entity.name,
        kind="person" if person else "outlet",
        mention_count=len(entity.mentions),
        article_count=len(by_article),
        outlet_kind=entity.outlet_kind,
        parent=ctx.entity_link(root, parent) if parent else None,
        spellings=_spellings(lookups, entity),
        lists=tuple(parts[0] for name, parts in series.items() if name in credited and parts),
        statements=series["statements"][0] if series.get("statements") else None,
        mentions=series["mentions"][0] if series["mentions"] else None,
        co_mentioned=tuple((ctx.entity_link(root, p), n) for p, n in _co_mentioned(lookups, entity, set(by_article)))
        if person
        else (),
        mentioning_outlets=tuple(ctx.entity_link(root, o) for o in _mentioning_outlets(lookups, by_article))
        if person
        else (),
        citation=pagemeta.entity_citation(
            entity, site_name=ctx.site.name, path=path, urls=ctx.urls, accessed=ctx.accessed
        ),
        jsonld=pagemeta.jsonld_front_matter(
            pagemeta.entity_jsonld(
                entity, path=path, root=root, urls=ctx.urls, parent_path=lookups.entity_url(parent) if parent else None
            )
        ),
    )
    return page, _further_pages(entity, path, series)


def _further_pages(entity: Entity, path: str, series: dict[str, list[EntityPart]]) -> list[EntityPartPage]:
    """The pages after the first of each of the entity's long lists."""
    return [
        EntityPartPage(
            path=f"{part.url.rstrip('/')}.md",
            title=f"{entity.name}: {part.range}",
            name=entity.name,
            entity_url=path,
            mention_count=len(entity.mentions),
            part=part,
        )
        for parts in series.values()
        for part in parts[1:]
    ]


def _disambiguation_page(
    ctx: Context, entry: Entity, path: str, mentions: list[EntityPart], article_count: int
) -> DisambiguationPage:
    """The view of a disambiguation page: links to the people who carry the name, then its unsettled mentions."""
    people = [ctx.lookups.people[pid] for pid in entry.refers_to if pid in ctx.lookups.people]
    title = f"{entry.name} may refer to"
    jsonld = pagemeta.collection_jsonld(title=title, path=path, root="../../", urls=ctx.urls, count=len(people))
    return DisambiguationPage(
        name=entry.name,
        mention_count=len(entry.mentions),
        article_count=article_count,
        refers_to=tuple((ctx.entity_link("../../", p), len(p.mentions)) for p in people),
        mentions=mentions[0] if mentions else None,
        jsonld=pagemeta.jsonld_front_matter(jsonld),
    )


def _mention_parts(ctx: Context, base: str, by_article: dict[str, list[Mention]], limit: int) -> list[EntityPart]:
    """An entity's mentions grouped by article (sorted by title), one quote per sentence, paged between groups."""
    lookups, places = ctx.lookups, Places(ctx.lookups)
    groups = [
        (lookups.articles[aid], sentences(ms))
        for aid, ms in sorted(
            by_article.items(), key=lambda kv: ((lookups.articles[kv[0]].title or "").casefold(), kv[0])
        )
    ]
    chunks = mention_chunks([sum(len(s) for s in ss) for _, ss in groups], limit)

    def items(index: int, root: str) -> dict:
        indexes, first, last = chunks[index]
        collapse = last - first + 1 > OPEN_MENTION_LIMIT
        return {
            "groups": tuple(
                MentionGroup(
                    title=fragments.group_heading(ctx.article_link(root, article), places.details(article)),
                    count=sum(len(s) for s in sentence_list),
                    open=not collapse or i == 0,
                    html=Markup("\n").join(places.sentence_item(article, s, root) for s in sentence_list),
                )
                for i, (article, sentence_list) in enumerate(groups[j] for j in indexes)
            )
        }

    return _series_parts(base, "mentions", [(first, last) for _, first, last in chunks], items)


def _statement_parts(ctx: Context, base: str, person: Entity, limit: int) -> list[EntityPart]:
    """The words attributed to the person, ``limit`` a page, each linked to its paragraph."""
    said, places = statements(ctx.lookups, person.mentions), Places(ctx.lookups)
    chunks = list_chunks(len(said), limit)

    def items(index: int, root: str) -> dict:
        quotes = []
        for i in chunks[index][0]:
            mention = said[i]
            quotes.append(places.speech_item(ctx.lookups.articles[mention.article], mention.speech, root))
        return {"quotes": tuple(quotes)}

    return _series_parts(base, "statements", [(first, last) for _, first, last in chunks], items)


def _article_list_parts(ctx: Context, base: str, series: str, articles: list[Article], step: int) -> list[EntityPart]:
    """One of an entity's lists of articles, ``step`` articles a page."""
    chunks = list_chunks(len(articles), step)

    def items(index: int, root: str) -> dict:
        return {"links": tuple(ctx.article_link(root, articles[i]) for i in chunks[index][0])}

    return _series_parts(base, series, [(first, last) for _, first, last in chunks], items)


def _series_parts(
    base: str, series: str, spans: list[tuple[int, int]], items: Callable[[int, str], dict]
) -> list[EntityPart]:
    """The pages of one long list: ``spans`` holds each page's first and last item number.

    ``items(index, root)`` gives the page's items, linked from a page at ``root``.
    """
    if not spans:
        return []
    heading, noun = ENTITY_SERIES[series]
    total = spans[-1][1]
    urls = [base if n == 1 else f"{base}{series}-{n}/" for n in range(1, len(spans) + 1)]
    targets = [Target(url, f"{noun} {first}–{last}") for url, (first, last) in zip(urls, spans, strict=True)]
    parts = []
    for n, (first, last) in enumerate(spans, start=1):
        range_ = f"{noun} {first}–{last} of {total}"
        parts.append(
            EntityPart(
                number=n,
                url=urls[n - 1],
                heading=heading,
                range=range_,
                range_sentence=range_.capitalize(),
                pager=make_pager(n, targets, label=f"Pages of {noun}") if len(spans) > 1 else None,
                **items(n - 1, page_root(f"{urls[n - 1].rstrip('/')}.md")),
            )
        )
    return parts


def _spellings(lookups: Lookups, entity: Entity) -> tuple[Spelling, ...]:
    """Each way the name is written, most frequent first; none when it is only written one way."""
    counts = Counter(m.span.text for m in entity.mentions)
    if len(counts) < 2:
        return ()
    outlets: dict[str, set[str]] = defaultdict(set)
    for mention in entity.mentions:
        outlet = lookups.articles[mention.article].outlet
        if outlet:
            outlets[mention.span.text].add(lookups.outlets[outlet].name)
    return tuple(
        Spelling(s, counts[s], ", ".join(sorted(outlets[s]))) for s in sorted(counts, key=lambda s: (-counts[s], s))
    )


def _co_mentioned(lookups: Lookups, person: Entity, articles: set[str], n: int = 10) -> list[tuple[Entity, int]]:
    """The people (no disambiguation entry) most often named in the same articles as ``person``, with how many."""
    counts: Counter[str] = Counter()
    for article_id in articles:
        counts.update(lookups.people_by_article[article_id] - {person.id})
    top: list[tuple[Entity, int]] = []
    for pid, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        if len(top) == n:
            break  # the people further down are not read: what they are cannot change the list
        if not (other := lookups.people[pid]).is_disambiguation:
            top.append((other, count))
    return top


def _mentioning_outlets(lookups: Lookups, by_article: dict[str, list[Mention]]) -> list[Entity]:
    """The outlets that first published an article naming the person, by name."""
    articles = [lookups.articles[a] for a in by_article]
    named = {lookups.outlets[a.outlet].name: lookups.outlets[a.outlet] for a in articles if a.outlet}
    return sorted(named.values(), key=lambda o: o.name.casefold())
