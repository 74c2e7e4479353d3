"""Dedupe: the same article in several documents becomes one article with several occurrences.

Similarity is the Jaccard index of word 5-gram shingles. MinHash with LSH finds
candidate pairs in near-linear time; each candidate is then confirmed on the
exact shingle sets, so a MinHash estimate never merges two texts on its own.
Segments above ``THRESHOLD`` join the earliest one (document order), which
stays primary; small differences (a changed tag line, a typo) still merge.
A copy that names its outlet lends its credits to a primary that names none.
Then every article gets its final, stable slug.

Does not: change boundaries or text, or merge navigation residue with articles.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import replace

import numpy as np
from datasketch import MinHash, MinHashLSH

from .model import Article, Kind, Role
from .slugs import SlugAllocator

THRESHOLD = 0.7
"""Exact shingle Jaccard at or above which two segments are one article."""
CANDIDATE_THRESHOLD = 0.5
"""LSH threshold: lower than ``THRESHOLD`` so that MinHash noise loses no true pair."""
NUM_PERM = 128
SHINGLE = 5
_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


class Signer:
    """Makes MinHash signatures with one set of permutations, drawn once.

    ``MinHash(seed=1)`` draws its 128 permutations from a fresh random state every
    time: a third of the cost of signing a short article. Same seed, same values.
    """

    def __init__(self) -> None:
        first = MinHash(num_perm=NUM_PERM, seed=1)
        self.permutations = first.permutations
        self.scheme = first.scheme

    def sign(self, shingle_set: set[str]) -> MinHash:
        signature = MinHash(num_perm=NUM_PERM, seed=1, permutations=self.permutations, scheme=self.scheme)
        # One vectorised update: the same hash values as one update per shingle, ~10x faster.
        signature.update_batch([shingle.encode("utf-8") for shingle in sorted(shingle_set)])
        return signature

    def restore(self, hashvalues: np.ndarray) -> MinHash:
        """A signature from hash values computed earlier (``signature.hashvalues``)."""
        return MinHash(seed=1, hashvalues=hashvalues, permutations=self.permutations, scheme=self.scheme)


def article_text(article: Article) -> str:
    """The text whose shingles are compared."""
    return " ".join(p.text for p in article.paragraphs)


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def signatures(texts: list[str]) -> dict[str, np.ndarray]:
    """Each text's MinHash values, to keep (``cache.cached_dedupe``) and pass back to ``dedupe``."""
    signer = Signer()
    return {text: signer.sign(shingles(text)).hashvalues for text in dict.fromkeys(texts)}


def dedupe(articles: list[Article], *, known: Mapping[str, np.ndarray] | None = None) -> list[Article]:
    """Merge near-identical articles (in input order) and assign slugs; new articles, the given ones untouched.

    ``known`` maps article texts to MinHash values computed earlier (``signatures``);
    the others are computed here. Either way the signatures are the same.
    """
    signer = Signer()
    known = known or {}
    lsh = MinHashLSH(threshold=CANDIDATE_THRESHOLD, num_perm=NUM_PERM)
    kept: list[Article] = []
    kept_texts: list[str] = []
    copies: list[list[Article]] = []
    # Shingle sets are only needed to confirm a candidate pair, which most articles never have:
    # with cached signatures (a warm build) they are then never computed at all.
    shingles_of = functools.lru_cache(maxsize=None)(shingles)
    for article in articles:
        text = article_text(article)
        signature = signer.restore(known[text]) if text in known else signer.sign(shingles_of(text))
        candidates = sorted(int(key) for key in lsh.query(signature))
        scored = [
            (jaccard(shingles_of(kept_texts[i]), shingles_of(text)), -i)
            for i in candidates
            if _comparable(kept[i], article)
        ]
        best = max(scored, default=None)
        if best is None or best[0] < THRESHOLD:
            lsh.insert(str(len(kept)), signature)
            kept.append(article)
            kept_texts.append(text)
            copies.append([])
        else:
            copies[-best[1]].append(article)
    merged = [functools.reduce(merge, group, primary) for primary, group in zip(kept, copies, strict=True)]
    return assign_slugs(merged)


def merge(primary: Article, copy: Article) -> Article:
    """``primary`` with ``copy``'s occurrences added, and its credits when the primary names no outlet."""
    borrow = not any(c.role is Role.OUTLET for c in primary.credits) and any(
        c.role is Role.OUTLET for c in copy.credits
    )
    return replace(
        primary,
        occurrences=[*primary.occurrences, *copy.occurrences],
        credits=list(copy.credits) if borrow else primary.credits,
    )


def _comparable(a: Article, b: Article) -> bool:
    """Navigation only matches navigation; very short segments (a headline alone) only match exactly."""
    if (a.kind is Kind.NAVIGATION) != (b.kind is Kind.NAVIGATION):
        return False
    if min(len(a.paragraphs), len(b.paragraphs)) > 1:
        return True
    return [p.text.strip() for p in a.paragraphs] == [p.text.strip() for p in b.paragraphs]


def assign_slugs(articles: list[Article]) -> list[Article]:
    """Each article with its final slug, from its title; a repeated title gets ``-2``, ``-3`` in input order."""
    allocator = SlugAllocator()
    return [
        replace(article, id=allocator.allocate(article.title or "untitled", fallback="article")) for article in articles
    ]
