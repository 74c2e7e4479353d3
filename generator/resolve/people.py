"""Resolve people: group person mentions into people, applying curation.

In three steps:

1. Every full-name spelling (two words or more, titles and possessives removed)
   is a node. Nodes are joined by *strong* evidence only: the same
   transliteration key (``Heyrani``/``Hayrani``/``Hajrani``, ``Gholam Reza``/
   ``Gholamreza``, accents, case, doubled letters), a middle initial
   (``Robert R. Krongard``/``Robert Krongard``), or a curated ``same``.
   Curated ``different`` pairs can never end up together ("different" beats "same").
2. A one-word mention (``Jazexhi``, ``Mr. Bidi``, ``Hassan``) that one person
   carries as a first name or surname joins that person when its article names
   them in full, or corpus-wide for a surname. A name two or more people carry
   (the Rajavis, the Khodabandehs) joins one only when its text settles it
   (``short_names``: a curated ``settle``, "her husband Massoud" beside "Maryam
   Rajavi", or the one bearer named earlier in its article); otherwise it goes
   to a disambiguation entry for that name (``refers_to`` its bearers): never
   guessed. Such a shared bare name is nobody's alias.
3. A one-word name that fits nobody is a person of its own only when it is
   never named as a place (``in Fresco``) and is named at least twice, or
   once where only a person stands (``person_context``: a title, a verb of speech
   or of a deed only a person does, "Dole and Kemp campaigned"). A bare word seen once
   with none of these is as often a place or a newspaper as a person.

Weaker evidence (similar spellings, a middle name) is not merged: ``candidates``
lists those pairs for a maintainer to judge in ``content/curation.yml``.

Does not: find mentions (``extract``), resolve outlets (``resolve_outlets``) or credit articles (``resolve``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .. import lexicon
from ..curation import Curation, Verdict
from ..model import Entity, EntityKind, Mention, Role
from ..names import (
    clean_name,
    fold_name,
    fold_word,
    index_sort_key,
    is_initial,
    name_words,
    person_key,
    without_possessive,
)
from ..slugs import SlugAllocator, make_slug
from .person_context import (
    Partners,
    after_locative,
    after_object_verb,
    before_action_verb,
    coordinated_with_person,
    has_honorific,
    in_person_context,
)
from .short_names import Bearers, FullName, curated_settlement, curated_settlements, settle_shared

#: A one-word name must be seen this often to be a person of its own.
MIN_SINGLE_NAME_MENTIONS = 2
#: A one-word surname is matched corpus-wide only when at least this long.
MIN_CORPUS_SURNAME = 4
#: "Anne and Massoud Khodabandeh": the surname after the second given name is Anne's too.
_ELIDED_SURNAME = re.compile(
    r"^\s+(?:{})\s+[A-Z][\w’'-]+\s+([A-Z][\w’'-]+)".format(
        "|".join(map(re.escape, lexicon.entries("name_conjunctions")))
    )
)


class _Clusters:
    """Union-find where a curated ``different`` pair is never joined (directly or through others)."""

    def __init__(self, nodes: Iterable[str], different: set[tuple[str, str]]):
        self.parent = {n: n for n in nodes}
        self.members = {n: {n} for n in self.parent}
        self.cannot: dict[str, set[str]] = defaultdict(set)
        for a, b in different:
            self.cannot[a].add(b)
            self.cannot[b].add(a)

    def find(self, node: str) -> str:
        while self.parent[node] != node:
            self.parent[node] = self.parent[self.parent[node]]
            node = self.parent[node]
        return node

    def join(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        small, large = sorted((self.members[ra], self.members[rb]), key=len)
        if any(self.cannot[n] & large for n in small):
            return False
        keep, gone = sorted((ra, rb))  # the smaller key is the root: deterministic
        self.parent[gone] = keep
        self.members[keep] |= self.members.pop(gone)
        return True


@dataclass(frozen=True, slots=True)
class _Named:
    """A person mention with the name it stands for (after cleaning or an elided surname)."""

    mention: Mention
    words: tuple[str, ...]
    elided: bool = False
    """The surname was taken from a coordination (``Anne and Massoud Khodabandeh``)."""

    @property
    def key(self) -> str:
        return person_key(" ".join(self.words))


def resolve_people(mentions: list[Mention], curation: Curation, *, reserved: set[str] | None = None) -> list[Entity]:
    """People from person mentions: spellings merged on strong evidence only."""
    rejected = {person_key(n.name) for n in curation.not_people}
    named = [n for n in map(_named, mentions) if n.words and n.key not in rejected]
    # An elided surname counts only when that full name is written out somewhere:
    # "the brothers Blloshmi and Genc Leke" does not make a "Blloshmi Leke".
    written = {n.key for n in named if len(n.words) >= 2 and not n.elided}
    named = [n if _keeps_surname(n, written) else _Named(n.mention, n.words[:1]) for n in named]
    full = [n for n in named if len(n.words) >= 2]
    clusters = _cluster_full_names(full, curation)
    groups: dict[str, list[Mention]] = defaultdict(list)
    for item in full:
        groups[clusters.find(item.key)].append(item.mention)
    singles = [n for n in named if len(n.words) == 1]
    bearers = Bearers.of(FullName(n.mention, n.words, clusters.find(n.key)) for n in full)
    settled = curated_settlements(curation, {key: clusters.find(key) for key in clusters.parent})
    curated = _curated_single_names(curation, clusters)
    unsettled = _attach_single_names(singles, bearers, groups, curated, settled, Partners(mentions))
    display = _curated_display(curation, clusters)
    return _people_entities(groups, unsettled, bearers, display, reserved or set())


def _named(mention: Mention) -> _Named:
    words = name_words(mention.span.text)
    if len(words) == 1:
        # "Anne and Massoud Khodabandeh": Anne's surname is the one after "and".
        after = mention.quote[mention.span.end - mention.quote_start :]
        match = _ELIDED_SURNAME.match(after)
        if match and mention.quote_start <= mention.span.start:
            return _Named(mention, (words[0], without_possessive(match.group(1))), elided=True)
    return _Named(mention, words)


def _keeps_surname(named: _Named, written: set[str]) -> bool:
    return not named.elided or named.key in written


def _cluster_full_names(full: list[_Named], curation: Curation) -> _Clusters:
    spellings: dict[str, tuple[str, ...]] = {}
    for item in full:
        spellings.setdefault(item.key, item.words)
    different = {
        tuple(sorted((person_key(a), person_key(b))))
        for a, b in (p.names for p in curation.pairs if p.verdict is Verdict.DIFFERENT)
    }
    clusters = _Clusters(sorted(spellings), different)
    for judgement in sorted(curation.pairs, key=lambda p: p.names):
        a, b = (person_key(n) for n in judgement.names)
        if judgement.verdict is Verdict.SAME and a in spellings and b in spellings:
            clusters.join(a, b)
    for a, b in strong_pairs(spellings):
        clusters.join(a, b)
    return clusters


def strong_pairs(spellings: dict[str, tuple[str, ...]]) -> list[tuple[str, str]]:
    """Pairs of spelling keys that name one person on strong evidence, sorted.

    Same transliteration key, or the same first and last word where one adds
    only initials. Found by hashing (near-linear), never by comparing all pairs.
    """
    by_fold: dict[str, list[str]] = defaultdict(list)
    by_ends: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key in sorted(spellings):
        words = spellings[key]
        by_fold[fold_name(words)].append(key)
        by_ends[(fold_word(words[0]), fold_word(words[-1]))].append(key)
    pairs = set()
    for keys in by_fold.values():
        pairs |= {(keys[0], other) for other in keys[1:]}
    for keys in by_ends.values():
        bare = [k for k in keys if len(spellings[k]) == 2]
        for key in keys:
            middle = spellings[key][1:-1]
            if bare and middle and all(is_initial(w) for w in middle):
                pairs.add(tuple(sorted((bare[0], key))))
    return sorted(pairs)


def _curated_single_names(curation: Curation, clusters: _Clusters) -> dict[str, str]:
    """One-word name key -> cluster, from curated ``same`` pairs such as (Edwin, Edi Rama)."""
    found = {}
    for judgement in sorted(curation.pairs, key=lambda p: p.names):
        if judgement.verdict is not Verdict.SAME:
            continue
        a, b = (person_key(n) for n in judgement.names)
        for single, other in ((a, b), (b, a)):
            if len(single.split()) == 1 and other in clusters.parent:
                found.setdefault(single, clusters.find(other))
    return found


def _attach_single_names(
    singles: list[_Named],
    bearers: Bearers,
    groups: dict[str, list[Mention]],
    curated: dict[str, str],
    settled: dict[tuple[str, int, str], str],
    partners: Partners,
) -> dict[str, list[Mention]]:
    """One-word names join the one person they can only mean, else stand alone or are left out.

    Returns the unsettled mentions of shared names (fold_word form -> mentions), for their disambiguation entries.
    """
    alone: dict[str, list[Mention]] = defaultdict(list)
    unsettled: dict[str, list[Mention]] = defaultdict(list)
    for item in singles:
        person = _single_name_person(item, bearers, curated, settled)
        word = fold_word(item.words[0])
        if person is not None:
            groups[person].append(item.mention)
        elif bearers.shared(word):
            unsettled[word].append(item.mention)
        elif bearers.surnames.get(word) or (word.endswith("s") and bearers.surnames.get(word[:-1])):
            continue  # a surname too short to match corpus-wide, or a family ("the Mohammadis")
        else:
            alone[person_key(item.words[0])].append(item.mention)
    for key, found in sorted(alone.items()):
        if _stands_alone(found, partners):
            groups["single:" + key].extend(found)
    return unsettled


def _single_name_person(
    item: _Named, bearers: Bearers, curated: dict[str, str], settled: dict[tuple[str, int, str], str]
) -> str | None:
    """The person a one-word name stands for: curated, settled by its text when shared, else its one bearer."""
    name = item.words[0]
    found = curated_settlement(item.mention, name, settled) or curated.get(person_key(name))
    if found is not None:
        return found
    word = fold_word(name)
    carriers = bearers.carriers(word)
    if len(carriers) >= 2:
        return settle_shared(item.mention, word, bearers)
    if not carriers:
        return None
    in_article = bearers.in_article.get(item.mention.article, {}).get(word)
    if in_article or (bearers.surnames.get(word) and len(word) >= MIN_CORPUS_SURNAME):
        return next(iter(carriers))
    return None


def _stands_alone(found: list[Mention], partners: Partners) -> bool:
    """A one-word name that fits nobody is a person when never a place, and named often or as only a person is.

    As only a person is: with a title or a role, next to a verb of speech or of a deed only a
    person does ("Gingrich attacked", "met Chernomyrdin"), or joined by "and" to another person ("Dole and Kemp").
    """
    if any(after_locative(m) for m in found):
        return False
    often = sum(m.role != Role.SPEAKER for m in found) >= MIN_SINGLE_NAME_MENTIONS
    return often or any(_as_a_person(m, partners) for m in found)


def _as_a_person(mention: Mention, partners: Partners) -> bool:
    return (
        has_honorific(mention)
        or in_person_context(mention)
        or before_action_verb(mention)
        or after_object_verb(mention)
        or coordinated_with_person(mention, partners)
    )


def _curated_display(curation: Curation, clusters: _Clusters) -> dict[str, str]:
    display = {}
    for entry in curation.canonical_names:
        for name in (entry.name, entry.display):
            key = person_key(name)
            if key in clusters.parent:
                display[clusters.find(key)] = entry.display
                break
    return display


def _people_entities(
    groups: dict[str, list[Mention]],
    unsettled: dict[str, list[Mention]],
    bearers: Bearers,
    display: dict[str, str],
    reserved: set[str],
) -> list[Entity]:
    """People, then one disambiguation entry per shared name with unsettled mentions, all with slugs."""
    by_key: dict[str, Entity] = {}
    for key in sorted(groups):
        group = sorted(groups[key], key=mention_order)
        by_key[key] = Entity(
            id="",
            name=display.get(key) or canonical_spelling(group),
            entity_kind=EntityKind.PERSON,
            aliases=sorted({m.span.text for m in group if not _shared_bare_name(m.span.text, bearers)}),
            mentions=group,
        )
    entries = {word: _disambiguation_entry(found) for word, found in sorted(unsettled.items())}
    entities = _with_slugs([*by_key.values(), *entries.values()], reserved)
    for word, entry in entries.items():
        carriers = [by_key[key] for key in bearers.carriers(word) if key in by_key]
        entry.refers_to = [person.id for person in sorted(carriers, key=lambda p: index_sort_key(p.name))]
    return entities


def _shared_bare_name(text: str, bearers: Bearers) -> bool:
    """A one-word spelling two people carry: it is nobody's alias ("Khodabandeh" is not one Khodabandeh's)."""
    words = name_words(text)
    return len(words) == 1 and bearers.shared(fold_word(words[0]))


def _disambiguation_entry(mentions: list[Mention]) -> Entity:
    """The entry for a shared bare name, holding its unsettled mentions; ``refers_to`` is set once ids exist."""
    group = sorted(mentions, key=mention_order)
    spellings = Counter(clean_name(m.span.text) for m in group)
    return Entity(
        id="",
        name=max(spellings, key=lambda s: (spellings[s], s)),
        entity_kind=EntityKind.PERSON,
        aliases=sorted({m.span.text for m in group}),
        mentions=group,
    )


def canonical_spelling(mentions: list[Mention]) -> str:
    """The most frequent cleaned spelling, preferring full names, then the longer, then A-Z.

    A speaker mention repeats the name of a plain mention at the same place: it is not counted again.
    """
    mentions = [m for m in mentions if m.role != Role.SPEAKER] or mentions
    spellings = Counter(clean_name(m.span.text) for m in mentions)
    best = max(spellings, key=lambda s: (len(s.split()) >= 2, spellings[s], len(s), s))
    if len(best.split()) == 1:
        # One word only: keep the title that makes it a name ("Baroness Nicholson", not "Nicholson").
        written = Counter(without_possessive(m.span.text.strip()) for m in mentions)
        best = max(written, key=lambda s: (written[s], len(s), s))
    return best


def _with_slugs(entities: list[Entity], reserved: set[str]) -> list[Entity]:
    """Slugs from names (A-Z order, so they are stable); old spellings' slugs become redirects."""
    entities.sort(key=lambda e: (e.name.casefold(), e.name, len(e.mentions)))
    allocator = SlugAllocator(reserved)
    for entity in entities:
        entity.id = allocator.allocate(entity.name, fallback="person")
    taken = {e.id for e in entities} | reserved
    for entity in entities:
        old = {make_slug(clean_name(alias), fallback="person") for alias in entity.aliases}
        entity.redirects_from = sorted(old - taken)
        taken |= old
    return entities


def mention_order(mention: Mention) -> tuple:
    """Mentions in source order: document, line, place in the line."""
    return (mention.span.document, mention.span.line, mention.span.start, mention.article)
