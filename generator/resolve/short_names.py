"""Short names: which person a bare first name or surname stands for, when the text says so.

A bare name (``Khodabandeh``, ``Massoud``) that only one person of the corpus
carries as a first name or surname is that person's. One that two or more carry
is *shared*, and goes to one of them only when its text settles it:

1. a curated ``settle`` at its document and line (``content/curation.yml``);
2. the sentence names the other person: ``Maryam Rajavi (and her missing husband
   Massoud)`` is the Massoud whose surname is Rajavi (a kin word from
   ``lexicon/relation_words.txt`` right before the name);
3. its article: the full name of exactly one bearer stands earlier in the same
   article, and no other bearer is named anywhere in it.

Otherwise the mention is *unsettled*: it goes to the disambiguation entry for
the name ("Khodabandeh may refer to …"), never silently to one person.

Does not: group full names into people (``resolve_people``) or write pages.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePath

from ..curation import Curation
from ..model import Mention
from ..names import fold_word, person_key
from ..slugs import make_slug
from .person_context import after_relation_word


@dataclass(frozen=True, slots=True)
class FullName:
    """A mention of a full name (two words or more) and the person (cluster key) it was grouped into."""

    mention: Mention
    words: tuple[str, ...]
    person: str


def _position(mention: Mention) -> tuple[int, int]:
    return (mention.span.line, mention.span.start)


def _sentence(mention: Mention) -> tuple:
    return (mention.article, mention.span.document, mention.span.line, mention.quote_start)


@dataclass
class Bearers:
    """Who carries each bare name, in the corpus and in each article (keys are ``fold_word`` forms)."""

    surnames: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    first_names: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    surnames_of: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    in_article: dict[str, dict[str, dict[str, tuple[int, int]]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(dict))
    )
    """article -> name -> person -> where the person's full name first stands in it."""
    in_sentence: dict[tuple, list[FullName]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def of(cls, full: Iterable[FullName]) -> Bearers:
        bearers = cls()
        for item in full:
            first, last = fold_word(item.words[0]), fold_word(item.words[-1])
            bearers.surnames[last].add(item.person)
            bearers.first_names[first].add(item.person)
            bearers.surnames_of[item.person].add(last)
            for word in (first, last):
                seen = bearers.in_article[item.mention.article][word]
                seen[item.person] = min(seen.get(item.person, (1 << 30, 0)), _position(item.mention))
            bearers.in_sentence[_sentence(item.mention)].append(item)
        return bearers

    def carriers(self, word: str) -> set[str]:
        """Everyone who carries ``word`` as a first name or a surname."""
        return self.surnames.get(word, set()) | self.first_names.get(word, set())

    def shared(self, word: str) -> bool:
        """Two or more people carry the name: only its text can say which one it is."""
        return len(self.carriers(word)) >= 2


def settled_by_relation(mention: Mention, word: str, bearers: Bearers) -> set[str] | None:
    """``Maryam Rajavi (and her missing husband Massoud)``: the bearers of the first name with the other's surname.

    ``None`` when the rule does not apply (no kin word before the name, or the
    sentence names nobody else in full); else the fitting people, maybe none.
    """
    if not after_relation_word(mention):
        return None
    carriers = bearers.carriers(word)
    others = [f for f in bearers.in_sentence.get(_sentence(mention), []) if f.person not in carriers]
    if not others:
        return None
    their_surnames = {fold_word(f.words[-1]) for f in others}
    return {p for p in bearers.first_names.get(word, set()) if bearers.surnames_of[p] & their_surnames}


def settled_by_article(mention: Mention, word: str, bearers: Bearers) -> str | None:
    """The one bearer whose full name stands earlier in the article, when no other bearer is named in it."""
    named = bearers.in_article.get(mention.article, {}).get(word, {})
    if len(named) != 1:
        return None
    person, where = next(iter(named.items()))
    return person if where < _position(mention) else None


def settle_shared(mention: Mention, word: str, bearers: Bearers) -> str | None:
    """The person a shared bare name stands for, when its sentence or article settles it; else ``None``."""
    related = settled_by_relation(mention, word, bearers)
    if related is not None:
        return next(iter(related)) if len(related) == 1 else None
    return settled_by_article(mention, word, bearers)


def curated_settlements(curation: Curation, person_of: dict[str, str]) -> dict[tuple[str, int, str], str]:
    """(document id, line, name key) -> person, from ``settle`` entries whose person is known.

    ``person_of`` maps a full-name key to its person. Documents are named by file
    in curation.yml and by id in mentions; the id is the slug of the file's stem.
    """
    found = {}
    for entry in curation.settled:
        person = person_of.get(person_key(entry.person))
        if person is not None:
            document = make_slug(PurePath(entry.document).stem, fallback="document")
            found[(document, entry.line, person_key(entry.name))] = person
    return found


def curated_settlement(mention: Mention, name: str, settled: dict[tuple[str, int, str], str]) -> str | None:
    """The person a ``settle`` entry gives this mention, if any."""
    return settled.get((mention.span.document, mention.span.line, person_key(name)))
