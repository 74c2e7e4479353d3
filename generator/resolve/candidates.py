"""Candidates: pairs of people who may be one person, for a maintainer to judge.

``resolve_people`` merges spellings on strong evidence only. Weaker evidence
(similar spellings, a middle name, one name inside another) is listed here
instead, for a ``same`` or ``different`` in ``content/curation.yml``; ``review``
prints the list. Comparisons run within blocks (phonetic keys of a surname or
a first name), never over all pairs.

Does not: merge anyone or print anything (``review``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import jellyfish
from rapidfuzz.distance import JaroWinkler

from ..curation import Curation
from ..model import Entity
from ..names import fold_name, fold_word, name_words, person_key

#: Spellings at least this similar (Jaro-Winkler on transliteration keys) go to review.
REVIEW_SIMILARITY = 0.88
#: With the same surname, first names at least this similar go to review (Ehsan/Hassan).
SAME_SURNAME_FIRST_NAMES = 0.6
#: Blocks larger than this are skipped for review pairs (a very common surname key).
MAX_BLOCK = 200


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
    names = [_full_spellings(p) for p in people]
    blocks = _blocks(names)
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


def _blocks(names: list[list[tuple[str, ...]]]) -> dict[str, list[int]]:
    """Phonetic key of a surname or first name -> indexes of the people with a spelling that has it."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for index, spellings in enumerate(names):
        keys = set()
        for words in spellings:
            keys.add("last:" + jellyfish.metaphone(fold_word(words[-1]) or words[-1]))
            keys.add("first:" + jellyfish.metaphone(fold_word(words[0]) or words[0]))
        for key in keys:
            blocks[key].append(index)
    return blocks


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
