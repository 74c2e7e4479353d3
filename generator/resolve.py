"""Resolve: group mentions into people and outlets, applying curation.

People, in four steps:

1. Every full-name spelling (two words or more, titles and possessives removed)
   is a node. Nodes are joined by *strong* evidence only: the same
   transliteration key (``Heyrani``/``Hayrani``/``Hajrani``, ``Gholam Reza``/
   ``Gholamreza``, accents, case, doubled letters), a middle initial
   (``Robert R. Krongard``/``Robert Krongard``), or a curated ``same``.
   Curated ``different`` pairs can never end up together ("different" beats "same").
2. A one-word mention (``Jazexhi``, ``Mr. Bidi``, ``Hassan``) joins the one
   person of its article whose surname or first name it is; failing that, the
   one person in the corpus with that surname. When two people fit (the
   Rajavis, the Khodabandehs) it is left out: never guessed.
3. A one-word name that fits nobody is a person of its own only when it is
   never named as a place (``in Fresco``) and is named at least twice, or
   once where only a person stands: with a personal title (``Mr. Lighthizer``),
   an office or a role before it (``President Tajani``, ``striker Klinsmann``),
   a verb of speech next to it (``Erdogan said``) or as the agent of a deed
   (``built by Erdogan``). A bare word seen once with none of these is as often
   a place or a newspaper as a person.
4. Weaker evidence (similar spellings, a middle name) is not merged: ``review``
   lists those pairs (``candidate_pairs``) for a maintainer to judge in
   ``content/curation.yml``. Comparisons run within blocks (phonetic surname
   keys), never over all pairs.

Outlets are the outlet list's entries (their ids are the list ids, so URLs are
stable); unknown outlets keep their own name.

Does not: find mentions (``extract``) or write pages (``render``).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import jellyfish
from rapidfuzz.distance import JaroWinkler

from . import lexicon
from .curation import Curation, Verdict
from .model import Article, Entity, Mention, OutletRecord, Role
from .outlets import OutletIndex
from .slugs import SlugAllocator, make_slug

TITLE_WORDS = frozenset(
    """dr mr mrs ms miss capt col lt maj sgt prof sir lawyer monsignor msgr monsieur
    ayatollah baroness mep pm imam sheikh""".split()
)
_POSSESSIVE = re.compile(r"[’']s?$")
_ELIDED_SURNAME = re.compile(r"^\s+(?:and|&|dhe)\s+[A-Z][\w’'-]+\s+([A-Z][\w’'-]+)")
_LOCATIVE = frozenset({"in", "at", "near", "inside", "outside"})
#: Titles given to people only: ``Mr. Lighthizer`` is a person even when named once.
#: (Not ``Imam`` or ``Sheikh``, which also stand before prophets and places.)
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof"})

#: Offices and ranks written before a surname: ``President Tajani``, ``Chancellor Scholz`` name a person
#: even when named once. (Not ``Imam`` or ``Sheikh``, as above.)
OFFICE_TITLES = frozenset(
    """president chancellor senator sen governor gov mayor judge minister premier king queen prince princess
    pope general gen colonel captain lieutenant sergeant commander ambassador baroness baron lord lady
    ayatollah cardinal bishop rabbi rev reverend father sister coach""".split()
)
#: Roles written before a surname in news: ``spokesman Peskov``, ``striker Klinsmann``, ``analyst Meeker``.
#: Family words among the role nouns: "his son Ali" is a context, but "Son" may also be a name.
FAMILY_WORDS = lexicon.word_set("family_words")
ROLE_NOUNS = lexicon.word_set("role_nouns") | FAMILY_WORDS
#: Verbs of speech next to a one-word name: ``Erdogan said``, ``said Erdogan``.
SPEECH_VERBS = lexicon.word_set("speech_verbs")
#: "built by X": only a person (or an organisation) stands there; not "held by" or "won by", where a team may.
_AGENT_BY = re.compile(r"\b(?:[a-z]+ed|built|led|written|made|run|founded|taken|given|shown|done)\s+by\s*$")

#: A one-word name must be seen this often to be a person of its own.
MIN_SINGLE_NAME_MENTIONS = 2
#: A one-word surname is matched corpus-wide only when at least this long.
MIN_CORPUS_SURNAME = 4
#: Spellings at least this similar (Jaro-Winkler on transliteration keys) go to review.
REVIEW_SIMILARITY = 0.88
#: With the same surname, first names at least this similar go to review (Ehsan/Hassan).
SAME_SURNAME_FIRST_NAMES = 0.6
#: Blocks larger than this are skipped for review pairs (a very common surname key).
MAX_BLOCK = 200


# -- names ---------------------------------------------------------------------


def name_words(text: str) -> list[str]:
    """The words of a name, without titles, possessive, brackets or edge punctuation."""
    text = _POSSESSIVE.sub("", text.strip())
    words = [w.strip("[]()“”\"‘’'–—-,;:") for w in text.split()]
    words = [w for w in words if w]
    while words and words[0].lower().rstrip(".") in TITLE_WORDS:
        words = words[1:]
    return words


# Cached: the same few thousand spellings are keyed hundreds of thousands of times.
@functools.lru_cache(maxsize=2**16)
def clean_name(text: str) -> str:
    """``Dr. Olsi Jazexhi’s`` -> ``Olsi Jazexhi``."""
    return " ".join(name_words(text))


@functools.lru_cache(maxsize=2**16)
def person_key(name: str) -> str:
    """A spelling-insensitive key: no titles, possessive, accents, case or punctuation."""
    name = unicodedata.normalize("NFKD", clean_name(name))
    return " ".join("".join(ch for ch in name if ch.isalnum() or ch.isspace()).lower().split())


@functools.lru_cache(maxsize=2**16)
def fold_word(word: str) -> str:
    """A transliteration key for one word: ``Heyrany``, ``Hayrani``, ``Hajrani`` -> ``heirani``.

    Persian and Albanian names reach English in many spellings. The key ignores
    what those spellings vary in: accents, case, punctuation, a non-initial
    ``h`` (``kh``/``gh``/``sh``), ``ou``/``u``, ``y``/``i`` and a non-initial
    ``j``, ``ai``/``ei``, and doubled letters.
    """
    word = "".join(ch for ch in unicodedata.normalize("NFKD", word.lower()) if ch.isalpha() and ch.isascii())
    if not word:
        return ""
    head, tail = word[0], word[1:]
    tail = tail.replace("h", "").replace("j", "i")
    word = (head + tail).replace("ou", "u").replace("oo", "u").replace("ee", "i").replace("y", "i")
    word = word.replace("ai", "ei")
    return re.sub(r"(.)\1+", r"\1", word)


def fold_name(words: list[str]) -> str:
    """The key of a whole name; spaces ignored so ``Gholam Reza`` equals ``Gholamreza``.

    Words are folded one by one: a word's first letter keeps its weight
    (``Mohammad Jan`` is not ``Mohammadian``).
    """
    return "".join(fold_word(w) for w in words)


def _is_initial(word: str) -> bool:
    return bool(re.fullmatch(r"[A-Z]\.?", word))


# -- union-find with cannot-links ----------------------------------------------


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


# -- people ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Named:
    """A person mention with the name it stands for (after cleaning or an elided surname)."""

    mention: Mention
    words: tuple[str, ...]
    elided: bool = False
    """The surname was taken from a coordination (``Anne and Massoud Khodabandeh``)."""


def resolve(
    articles: list[Article],
    mentions: list[Mention],
    *,
    curation: Curation,
    outlets: list[OutletRecord],
) -> tuple[list[Article], list[Entity], list[Entity]]:
    """Articles with their outlet, via and authors set, plus the people and the outlets."""
    outlet_entities = resolve_outlets([m for m in mentions if m.entity_kind == "outlet"], outlets)
    people = resolve_people([m for m in mentions if m.entity_kind == "person"], curation, reserved=set())
    return _credit_articles(articles, people, outlet_entities), people, outlet_entities


def resolve_people(mentions: list[Mention], curation: Curation, *, reserved: set[str] | None = None) -> list[Entity]:
    """People from person mentions: spellings merged on strong evidence only."""
    rejected = {person_key(n.name) for n in curation.not_people}
    named = [n for n in map(_named, mentions) if n.words and person_key(" ".join(n.words)) not in rejected]
    # An elided surname counts only when that full name is written out somewhere:
    # "the brothers Blloshmi and Genc Leke" does not make a "Blloshmi Leke".
    written = {person_key(" ".join(n.words)) for n in named if len(n.words) >= 2 and not n.elided}
    named = [n if _keeps_surname(n, written) else _Named(n.mention, n.words[:1]) for n in named]
    full = [n for n in named if len(n.words) >= 2]
    clusters = _cluster_full_names(full, curation)
    groups: dict[str, list[Mention]] = defaultdict(list)
    for item in full:
        groups[clusters.find(person_key(" ".join(item.words)))].append(item.mention)
    singles = [n for n in named if len(n.words) == 1]
    _attach_single_names(singles, full, clusters, groups, _curated_single_names(curation, clusters))
    display = _curated_display(curation, clusters)
    return _people_entities(groups, display, reserved or set())


def _named(mention: Mention) -> _Named:
    words = name_words(mention.span.text)
    if len(words) == 1:
        # "Anne and Massoud Khodabandeh": Anne's surname is the one after "and".
        after = mention.quote[mention.span.end - mention.quote_start :]
        match = _ELIDED_SURNAME.match(after)
        if match and mention.quote_start <= mention.span.start:
            return _Named(mention, (words[0], _POSSESSIVE.sub("", match.group(1))), elided=True)
    return _Named(mention, tuple(words))


def _keeps_surname(named: _Named, written: set[str]) -> bool:
    return not named.elided or person_key(" ".join(named.words)) in written


def _cluster_full_names(full: list[_Named], curation: Curation) -> _Clusters:
    spellings: dict[str, tuple[str, ...]] = {}
    for item in full:
        spellings.setdefault(person_key(" ".join(item.words)), item.words)
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
        by_fold[fold_name(list(words))].append(key)
        by_ends[(fold_word(words[0]), fold_word(words[-1]))].append(key)
    pairs = set()
    for keys in by_fold.values():
        pairs |= {(keys[0], other) for other in keys[1:]}
    for keys in by_ends.values():
        bare = [k for k in keys if len(spellings[k]) == 2]
        for key in keys:
            middle = spellings[key][1:-1]
            if bare and middle and all(_is_initial(w) for w in middle):
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
    full: list[_Named],
    clusters: _Clusters,
    groups: dict[str, list[Mention]],
    curated: dict[str, str],
) -> None:
    """One-word names join the one person they can only mean, else stand alone or are left out."""
    in_article: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    surnames: dict[str, set[str]] = defaultdict(set)
    for item in full:
        cluster = clusters.find(person_key(" ".join(item.words)))
        article = in_article[item.mention.article]
        article[fold_word(item.words[-1])].add(cluster)
        article["first:" + fold_word(item.words[0])].add(cluster)
        surnames[fold_word(item.words[-1])].add(cluster)
    alone: dict[str, list[Mention]] = defaultdict(list)
    for item in singles:
        if person_key(item.words[0]) in curated:
            groups[curated[person_key(item.words[0])]].append(item.mention)
            continue
        word = fold_word(item.words[0])
        article = in_article.get(item.mention.article, {})
        by_surname = article.get(word, set())
        by_first = article.get("first:" + word, set())
        if len(by_surname | by_first) == 1:
            groups[next(iter(by_surname | by_first))].append(item.mention)
        elif by_surname or by_first:
            continue  # two people of this article fit: do not guess
        elif len(surnames.get(word, ())) == 1 and len(word) >= MIN_CORPUS_SURNAME:
            groups[next(iter(surnames[word]))].append(item.mention)
        elif surnames.get(word) or (word.endswith("s") and surnames.get(word[:-1])):
            continue  # several people, or a family ("the Mohammadis")
        else:
            alone[person_key(item.words[0])].append(item.mention)
    for key, found in sorted(alone.items()):
        if any(_after_locative(m) for m in found):
            continue
        often = len(found) >= MIN_SINGLE_NAME_MENTIONS
        if often or any(_has_honorific(m) or _in_person_context(m) for m in found):
            groups["single:" + key].extend(found)


def _has_honorific(mention: Mention) -> bool:
    """``Mr. Lighthizer``, ``Ms Pampuri``: the mention itself carries a personal title."""
    first = mention.span.text.split()[0].lower().rstrip(".")
    return first in HONORIFICS and len(mention.span.text.split()) > 1


def _in_person_context(mention: Mention) -> bool:
    """``President Tajani``, ``Erdogan said``, ``said Erdogan``, ``built by Erdogan``: only a person stands there.

    The model already called the word a person; its neighbours confirm it. A bare
    word named once with none of these is as often a place or a newspaper.
    """
    offset = mention.span.start - mention.quote_start
    if offset < 0:
        return False
    before = mention.quote[:offset]
    after = mention.quote[offset + len(mention.span.text) :]
    words_before = re.findall(r"[\w’']+[.,]?", before)
    last = words_before[-1].lower() if words_before else ""
    if last == "the":  # "The Louvre said": a person is not "the X"
        return False
    if last.rstrip(".") in OFFICE_TITLES or last in ROLE_NOUNS or last.rstrip(",") in SPEECH_VERBS:
        return True
    if _AGENT_BY.search(before):
        return True
    following = re.match(r"\s*(?:,[^,]{1,60},\s*)?([a-z]+)", after)  # "Erdogan said", "Kodra, the host, said"
    return bool(following) and following.group(1) in SPEECH_VERBS


def _after_locative(mention: Mention) -> bool:
    """``in Fresco``, ``at Kapshtica``: a one-word name used as a place."""
    before = mention.quote[: max(0, mention.span.start - mention.quote_start)].split()
    return bool(before) and before[-1].lower() in _LOCATIVE


def _curated_display(curation: Curation, clusters: _Clusters) -> dict[str, str]:
    display = {}
    for entry in curation.canonical_names:
        for name in (entry.name, entry.display):
            key = person_key(name)
            if key in clusters.parent:
                display[clusters.find(key)] = entry.display
                break
    return display


def _people_entities(groups: dict[str, list[Mention]], display: dict[str, str], reserved: set[str]) -> list[Entity]:
    entities = []
    for key in sorted(groups):
        group = sorted(groups[key], key=_mention_order)
        entities.append(
            Entity(
                id="",
                name=display.get(key) or canonical_spelling(group),
                entity_kind="person",
                aliases=sorted({m.span.text for m in group}),
                mentions=group,
            )
        )
    return _with_slugs(entities, reserved)


def canonical_spelling(mentions: list[Mention]) -> str:
    """The most frequent cleaned spelling, preferring full names, then the longer, then A-Z."""
    spellings = Counter(clean_name(m.span.text) for m in mentions)
    best = max(spellings, key=lambda s: (len(s.split()) >= 2, spellings[s], len(s), s))
    if len(best.split()) == 1:
        # One word only: keep the title that makes it a name ("Baroness Nicholson", not "Nicholson").
        written = Counter(_POSSESSIVE.sub("", m.span.text.strip()) for m in mentions)
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


def _mention_order(mention: Mention) -> tuple:
    return (mention.span.document, mention.span.line, mention.span.start, mention.article)


# -- review ---------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    """Two people who may be one: for a maintainer's ``same`` or ``different``."""

    a: Entity
    b: Entity
    score: float
    why: str


def candidate_pairs(people: list[Entity], curation: Curation) -> list[Candidate]:
    """Pairs of people with similar names, not yet judged, most similar first.

    Blocking: a person is compared only with people sharing a phonetic key of
    a surname or a first name, so cost grows with block sizes, not with all pairs.
    """
    judged = {tuple(sorted(map(person_key, p.names))) for p in curation.pairs}
    blocks: dict[str, list[int]] = defaultdict(list)
    names = [_full_spellings(p) for p in people]
    for index, spellings in enumerate(names):
        keys = set()
        for words in spellings:
            keys.add("last:" + jellyfish.metaphone(fold_word(words[-1]) or words[-1]))
            keys.add("first:" + jellyfish.metaphone(fold_word(words[0]) or words[0]))
        for key in keys:
            blocks[key].append(index)
    seen: set[tuple[int, int]] = set()
    found = []
    for key in sorted(blocks):
        members = blocks[key]
        if len(members) > MAX_BLOCK:
            continue
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if (a, b) in seen:
                    continue
                seen.add((a, b))
                candidate = _compare(people[a], people[b], names[a], names[b], judged)
                if candidate:
                    found.append(candidate)
    return sorted(found, key=lambda c: (-c.score, c.a.id, c.b.id))


def _full_spellings(person: Entity) -> list[tuple[str, ...]]:
    spellings = {tuple(name_words(a)) for a in person.aliases} | {tuple(name_words(person.name))}
    return sorted(s for s in spellings if s)


def _compare(a: Entity, b: Entity, names_a, names_b, judged) -> Candidate | None:
    best: Candidate | None = None
    for wa in names_a:
        for wb in names_b:
            if tuple(sorted((person_key(" ".join(wa)), person_key(" ".join(wb))))) in judged:
                return None
            score, why = _similarity(list(wa), list(wb))
            if why and (best is None or score > best.score):
                best = Candidate(a, b, round(score, 3), why)
    return best


def _similarity(a: list[str], b: list[str]) -> tuple[float, str]:
    """How alike two spellings are, and why they might be one person ('' when not alike)."""
    score = JaroWinkler.similarity(fold_name(a), fold_name(b))
    if len(a) == 1 or len(b) == 1:
        return score, ""
    first = JaroWinkler.similarity(fold_word(a[0]), fold_word(b[0]))
    last = JaroWinkler.similarity(fold_word(a[-1]), fold_word(b[-1]))
    folded_a, folded_b = [fold_word(w) for w in a], [fold_word(w) for w in b]
    if first == 1 and last == 1:
        return max(score, 0.9), "same first and last name, different middle names"
    if _contains(folded_a, folded_b) or _contains(folded_b, folded_a):
        return max(score, 0.9), "one name is part of the other"
    if last == 1 and first >= SAME_SURNAME_FIRST_NAMES:
        return score, "same surname, similar first names (or relatives)"
    if score >= REVIEW_SIMILARITY and first >= 0.8 and last >= 0.8:
        return score, "similar spelling"
    return score, ""


def _contains(longer: list[str], shorter: list[str]) -> bool:
    """``Seyyed Ali Khamenei`` contains ``Ali Khamenei`` (a run of whole words)."""
    n = len(shorter)
    return len(longer) > n and any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


# -- outlets --------------------------------------------------------------------

_NUMBER_WORDS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5"}


def outlet_name(text: str) -> str:
    """``the Listening Post’s`` -> ``Listening Post``."""
    text = _POSSESSIVE.sub("", " ".join(text.split()))
    return re.sub(r"^the\s+", "", text, flags=re.IGNORECASE).strip(' ,.;:“”"')


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
    entities = []
    for outlet_id in sorted(known):
        record = index.records[outlet_id]
        group = sorted(known[outlet_id], key=_mention_order)
        aliases = sorted({m.span.text for m in group})
        entities.append(Entity(record.id, record.name, "outlet", aliases, group, outlet_kind=record.kind))
    allocator = SlugAllocator(set(index.records))
    for key in sorted(unknown):
        group = sorted(unknown[key], key=_mention_order)
        spellings = Counter(outlet_name(m.span.text) for m in group)
        name = max(spellings, key=lambda s: (spellings[s], s))
        slug = allocator.allocate(name, fallback="outlet")
        aliases = sorted({m.span.text for m in group})
        entities.append(Entity(slug, name, "outlet", aliases, group, outlet_kind="unknown"))
    present = {e.id for e in entities}
    for entity in entities:
        record = index.records.get(entity.id)
        if record and record.parent in present:
            entity.parent = record.parent
    return sorted(entities, key=lambda e: (e.name.casefold(), e.id))


# -- articles -------------------------------------------------------------------


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
