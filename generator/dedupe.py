"""Dedupe: the same article in several documents becomes one article with several occurrences.

Similarity is the Jaccard estimate of word 5-gram shingles (MinHash, with LSH
so the cost stays near-linear). Segments above ``THRESHOLD`` join the earliest
one, which stays primary. Then every article gets its final, stable slug.

Does not: change boundaries or text.
"""

from __future__ import annotations

import re

from datasketch import MinHash, MinHashLSH

from .model import Article
from .slugs import SlugAllocator

THRESHOLD = 0.8
NUM_PERM = 128
SHINGLE = 5
_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def minhash(text: str) -> MinHash:
    signature = MinHash(num_perm=NUM_PERM, seed=1)
    for shingle in sorted(shingles(text)):
        signature.update(shingle.encode("utf-8"))
    return signature


def dedupe(articles: list[Article]) -> list[Article]:
    """Merge near-identical articles (in input order) and assign slugs."""
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    kept: list[Article] = []
    signatures: dict[int, MinHash] = {}
    for article in articles:
        text = " ".join(p.text for p in article.paragraphs)
        signature = minhash(text)
        candidates = sorted(int(key) for key in lsh.query(signature))
        match = next(
            (i for i in candidates if signatures[i].jaccard(signature) >= THRESHOLD and _comparable(kept[i], article)),
            None,
        )
        if match is None:
            signatures[len(kept)] = signature
            lsh.insert(str(len(kept)), signature)
            kept.append(article)
        else:
            kept[match].occurrences.extend(article.occurrences)
    return assign_slugs(kept)


def _comparable(a: Article, b: Article) -> bool:
    """Very short segments (a headline alone) only match exactly."""
    if min(len(a.paragraphs), len(b.paragraphs)) > 1:
        return True
    return [p.text.strip() for p in a.paragraphs] == [p.text.strip() for p in b.paragraphs]


def assign_slugs(articles: list[Article]) -> list[Article]:
    allocator = SlugAllocator()
    for article in articles:
        article.id = allocator.allocate(article.title or "untitled", fallback="article")
    return articles
