"""The model stages' per-item functions as tasks for ``Runner.map``: segment a document, sign a text,
find the names in an article.

Each task carries the inputs every item shares (curation, outlet list) and says what its result
depends on, so that a cached result is read back only when nothing it was computed from has changed.

Does not: compute anything itself; each ``run`` calls the stage's own function.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any

from . import extract as ex
from .curation import Curation
from .dedupe import signatures
from .language import LanguageDetector
from .model import Article, Document, Mention, OutletRecord
from .outlets import OutletIndex
from .segment import segment_document

_WORDS = re.compile(r"\w+")


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class _Plain:
    """Results cached as they are."""

    def stored(self, item: Any, result: Any) -> Any:
        return result

    def restored(self, item: Any, value: Any) -> Any:
        return value


@dataclass(frozen=True)
class SegmentDocument(_Plain):
    """A document's articles (``segment.segment_document``)."""

    curation: Curation
    outlets: tuple[OutletRecord, ...]
    name = "segment"
    chunk_size = 50

    @cached_property
    def shared(self) -> str:
        """What every document's result depends on besides the document, hashed once, not once a document."""
        return _digest(repr((self.curation.segments, list(self.outlets))))

    def key(self, document: Document) -> tuple:
        return (document.id, document.source, document.sha256, self.shared)

    def setup(self) -> tuple[LanguageDetector, OutletIndex]:
        return LanguageDetector(), OutletIndex(list(self.outlets))

    def run(self, state: tuple[LanguageDetector, OutletIndex], documents: list[Document]) -> list[list[Article]]:
        languages, index = state
        return [segment_document(d, curation=self.curation, languages=languages, outlets=index) for d in documents]


@dataclass(frozen=True)
class SignText(_Plain):
    """An article text's MinHash values (``dedupe.signatures``): signing is most of dedupe's time."""

    name = "minhash"
    chunk_size = 10_000

    def key(self, text: str) -> tuple:
        return (text,)

    def setup(self) -> None:
        return None

    def run(self, state: None, texts: list[str]) -> list:
        signed = signatures(texts)
        return [signed[t] for t in texts]


@dataclass(frozen=True)
class ArticleInput:
    """An article and the documents its text and credits stand in (only those are sent to a worker)."""

    article: Article
    documents: dict[str, Document]

    @classmethod
    def of(cls, article: Article, documents: dict[str, Document]) -> ArticleInput:
        ids = {article.primary.document} | {c.span.document for c in article.credits}
        return cls(article, {i: documents[i] for i in sorted(ids)})


@dataclass(frozen=True)
class FindNames:
    """The names one article holds, before the corpus-wide pass (``extract.article_mentions``)."""

    outlets: tuple[OutletRecord, ...]
    curation: Curation | None
    nlp_loader: Callable[[], Any] = ex.load_nlp
    name = "extract"
    chunk_size = 200

    @cached_property
    def patterns(self) -> str:
        """The outlet list and the ruler's patterns but the curated ones, hashed once, not once an article."""
        shared = [[repr(o) for o in self.outlets], ex.name_patterns(self.outlets, None)]
        return _digest(json.dumps(shared, sort_keys=True, ensure_ascii=False))

    @cached_property
    def curated(self) -> list[tuple[dict, list[str]]]:
        """Each curated pattern (a name, matched word for word as written) and its words."""
        patterns = ex.curated_patterns(self.curation) if self.curation else []
        return [(pattern, _WORDS.findall(pattern["pattern"])) for pattern in patterns]

    def key(self, item: ArticleInput) -> tuple:
        """The article's text and credits, the shared patterns, and the curated names that can match in it.

        A curated name whose words are not all in the text cannot match there, so a curation edit
        names only the articles it can change (the others keep their cached names).
        """
        article = item.article
        credits = [(c.role.value, c.span, item.documents[c.span.document].line(c.span.line)) for c in article.credits]
        paragraphs = [(p.line, p.text, p.language) for p in article.paragraphs]
        text = "\n".join(p.text for p in article.paragraphs)
        curated = [pattern for pattern, words in self.curated if all(word in text for word in words)]
        return (self.patterns, curated, (article.primary.document, paragraphs, credits))

    def setup(self) -> tuple:
        nlp = self.nlp_loader()
        return nlp, ex.make_ruler(nlp, ex.name_patterns(self.outlets, self.curation)), OutletIndex(list(self.outlets))

    def run(self, state: tuple, items: list[ArticleInput]) -> list[list[Mention]]:
        nlp, ruler, index = state
        documents = {i: d for item in items for i, d in item.documents.items()}
        found = ex.article_mentions([i.article for i in items], documents, nlp=nlp, ruler=ruler, index=index)
        return [found[i.article.id] for i in items]

    def stored(self, item: ArticleInput, mentions: list[Mention]) -> list[Mention]:
        # Without the article's slug: a slug can change when another document changes.
        return [replace(m, article="") for m in mentions]

    def restored(self, item: ArticleInput, mentions: list[Mention]) -> list[Mention]:
        return [replace(m, article=item.article.id) for m in mentions]
