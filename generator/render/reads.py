"""Reads: which corpus values a page's view looked up, and a fingerprint of each value.

``Lookups`` hands out its tables as ``ReadTable``s. While ``Reads.recording()`` is open, every key
looked up is noted, a key that is absent too (its absence is what the page shows); going over a
whole table notes the table. A view is a function of its own subject (the article, document or
entity it is about), the site's settings and what it read, so a page whose subject and reads have
the fingerprints they had in the previous build is the page that build wrote (``reuse``).

A person or outlet read from another page is fingerprinted as its card: every field but its list
of mentions, and how many there are. A page that shows another entity shows its name, link,
spellings and counts, never its quotes; an entity's own page reads its mentions as its subject.
A document read from another page is its card (``Lookups.documents``: no lines); a page that
quotes lines reads that stretch only (``Lookups.document_lines``, table ``LINES_TABLE``).

Does not: decide what a page shows (``views``), or keep anything between builds (``reuse``).
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Callable, Hashable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from ..model import Article, Document, Entity

#: The key noted when a view goes over a whole table rather than looking one key up.
WHOLE_TABLE = "*"
#: The reads of a stretch of a document's lines (``Lookups.document_lines``), keyed by ``lines_key``.
LINES_TABLE = "document_lines"
_ABSENT = object()


class Reads:
    """Notes the table keys looked up while a view is built."""

    def __init__(self) -> None:
        self._noted: set[tuple[str, Hashable]] | None = None

    def note(self, table: str, key: Hashable) -> None:
        if self._noted is not None:
            self._noted.add((table, key))

    @contextmanager
    def recording(self) -> Iterator[set[tuple[str, Hashable]]]:
        """The (table, key) pairs read inside the block, filled as it runs."""
        outer, self._noted = self._noted, set()
        try:
            yield self._noted
        finally:
            if outer is not None:
                outer |= self._noted
            self._noted = outer


class ReadTable(Mapping):
    """A lookup table that notes each key read; ``missing`` makes the value of an absent key (as a defaultdict)."""

    def __init__(self, name: str, data: dict, reads: Reads, *, missing: Callable[[], Any] | None = None):
        self.name = name
        self.data = data
        self.reads = reads
        self.missing = missing

    def __getitem__(self, key: Hashable) -> Any:
        self.reads.note(self.name, key)
        try:
            return self.data[key]
        except KeyError:
            if self.missing is None:
                raise
            return self.missing()

    def __contains__(self, key: object) -> bool:
        self.reads.note(self.name, key)
        return key in self.data

    def get(self, key: Hashable, default: Any = None) -> Any:
        self.reads.note(self.name, key)
        return self.data.get(key, default)

    def __iter__(self) -> Iterator:
        self.reads.note(self.name, WHOLE_TABLE)
        return iter(self.data)

    def __len__(self) -> int:
        self.reads.note(self.name, WHOLE_TABLE)
        return len(self.data)


def digest(value: object) -> str:
    """A hash of ``value``'s ``repr`` (the model's values are dataclasses, lists and tuples: a stable ``repr``)."""
    return hashlib.sha256(repr(value).encode("utf-8")).hexdigest()[:32]


def lines_key(document: str, start: int, end: int) -> str:
    return f"{document}:{start}:{end}"


def entity_card(entity: Entity) -> tuple:
    """What another page may show of an entity: every field but the mentions, and their number."""
    fields = tuple(getattr(entity, f.name) for f in dataclasses.fields(entity) if f.name != "mentions")
    return (fields, len(entity.mentions))


def document_card(document: Document) -> tuple:
    """A document without its lines: its checksum stands for them."""
    return (document.id, document.source, document.sha256, document.title, document.metadata)


class Fingerprints:
    """The fingerprint of every value a view can read, computed from this build's tables when first asked."""

    def __init__(self, tables: dict[str, ReadTable], documents: dict[str, Document]):
        self.tables = tables
        self.documents = documents
        self._memo: dict[tuple[str, Hashable], str] = {}
        self._articles: dict[str, str] = {}
        self._cards: dict[str, str] = {}
        self.encoders: dict[str, Callable[[Any], object]] = {
            "documents": lambda card: card,
            "articles": self.article,
            "people": self.card,
            "outlets": self.card,
            "mentions_by_article": lambda pairs: [(m, self.card(e)) for m, e in pairs],
            "people_by_article": sorted,
            "articles_by_document": self.articles,
            "authored": self.articles,
            "published": self.articles,
            "relayed": self.articles,
        }

    def read(self, table: str, key: Hashable) -> str:
        """The fingerprint of what reading ``key`` from ``table`` gives now."""
        memo_key = (table, key)
        if memo_key not in self._memo:
            self._memo[memo_key] = self._compute(table, key)
        return self._memo[memo_key]

    def _compute(self, table: str, key: Hashable) -> str:
        if table == LINES_TABLE:
            document, _, stretch = str(key).partition(":")
            if document not in self.documents or not re.fullmatch(r"\d+:\d+", stretch):
                return "absent"
            start, end = map(int, stretch.split(":"))
            return digest(self.documents[document].lines[start - 1 : end])
        if table not in self.tables:
            return "unknown table"  # a table this code no longer has: never equal to a fingerprint
        data = self.tables[table].data
        if key == WHOLE_TABLE:
            return digest([(k, self.read(table, k)) for k in sorted(data, key=repr)])
        value = data.get(key, _ABSENT)
        if value is _ABSENT:
            return "absent"
        return digest(self.encoders[table](value))

    def subject(self, subject: Document | Article | Entity) -> str:
        """The fingerprint of what a page is about: all of it (a document's checksum stands for its lines)."""
        if isinstance(subject, Article):
            return self.article(subject)
        return digest(document_card(subject) if isinstance(subject, Document) else subject)

    def article(self, article: Article) -> str:
        if article.id not in self._articles:
            self._articles[article.id] = digest(article)
        return self._articles[article.id]

    def articles(self, articles: list[Article]) -> list[str]:
        return [self.article(a) for a in articles]

    def card(self, entity: Entity) -> str:
        key = f"{entity.entity_kind}:{entity.id}"
        if key not in self._cards:
            self._cards[key] = digest(entity_card(entity))
        return self._cards[key]
