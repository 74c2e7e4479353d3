"""Lookups: the tables and URLs every page needs, computed once from the corpus.

Each table notes the keys a view reads (``reads``), so that a page whose reads did not change
since the previous build is not built again (``reuse``).

Does not: build pages (``views``) or markup (``fragments``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..model import Article, Corpus, Document, Entity, Mention
from ..slugs import RESERVED_SLUGS
from .reads import LINES_TABLE, Reads, ReadTable, lines_key


@dataclass(frozen=True)
class DocumentCard:
    """What a page that names a document shows of it: no lines (those are ``Lookups.document_lines``)."""

    id: str
    source: str
    title: str
    metadata: dict

    @classmethod
    def of(cls, document: Document) -> DocumentCard:
        return cls(document.id, document.source, document.title, document.metadata)


class Lookups:
    """Lookup tables and URLs shared by every page, computed once from the corpus."""

    def __init__(self, corpus: Corpus, *, language: str):
        self.corpus = corpus
        self.language = language
        """The language of the site's own words; text in another is marked up with its own."""
        # Pages that name a document read its card; a page that quotes lines reads those lines only
        # (``document_lines``): an edit to one document then rebuilds the pages that show what changed.
        self.documents = {d.id: DocumentCard.of(d) for d in corpus.documents}
        self.full_documents = {d.id: d for d in corpus.documents}
        self._stretches: dict[tuple[str, int, int], tuple[str, tuple[str, ...]]] = {}
        self.articles = {a.id: a for a in corpus.articles}
        self.people = {p.id: p for p in corpus.people}
        self.outlets = {o.id: o for o in corpus.outlets}
        self.mentions_by_article: dict[str, list[tuple[Mention, Entity]]] = defaultdict(list)
        for entity in (*corpus.people, *corpus.outlets):
            for mention in entity.mentions:
                self.mentions_by_article[mention.article].append((mention, entity))
        # The people each article names: every person page counts the others ("named in the same articles").
        self.people_by_article: dict[str, set[str]] = defaultdict(set)
        for article_id, pairs in self.mentions_by_article.items():
            self.people_by_article[article_id] = {e.id for _, e in pairs if e.entity_kind == "person"}
        self._paragraph_languages: dict[str, dict[int, str]] = {}
        self.articles_by_document: dict[str, list[Article]] = defaultdict(list)
        # Credits by entity, in corpus order: scanning every article per entity page is quadratic.
        self.authored: dict[str, list[Article]] = defaultdict(list)
        self.published: dict[str, list[Article]] = defaultdict(list)
        self.relayed: dict[str, list[Article]] = defaultdict(list)
        for article in corpus.articles:
            for occurrence in article.occurrences:
                self.articles_by_document[occurrence.document].append(article)
            for person in dict.fromkeys(article.authors):
                self.authored[person].append(article)
            if article.has_page:
                if article.outlet:
                    self.published[article.outlet].append(article)
                for outlet in dict.fromkeys(article.via):
                    self.relayed[outlet].append(article)
        self.reads = Reads()
        self.tables = self._read_tables()

    def _read_tables(self) -> dict[str, ReadTable]:
        """Every table, replaced by one that notes the keys read (an absent key reads as empty, as before)."""
        empty = {"mentions_by_article": list, "people_by_article": set, "articles_by_document": list}
        empty |= dict.fromkeys(("authored", "published", "relayed"), list)
        tables = {}
        for name in ("documents", "articles", "people", "outlets", *empty):
            data = getattr(self, name)
            tables[name] = ReadTable(name, dict(data), self.reads, missing=empty.get(name))
            setattr(self, name, tables[name])
        return tables

    def document_lines(self, document: str, start: int, end: int) -> tuple[str, ...]:
        """Lines ``start``–``end`` (1-based, inclusive) of the document, noted as read (``reads.lines_key``)."""
        stretch = (document, start, end)
        if stretch not in self._stretches:  # an article reprinted in many documents asks for the same ones often
            self._stretches[stretch] = lines_key(*stretch), self.full_documents[document].lines[start - 1 : end]
        key, lines = self._stretches[stretch]
        self.reads.note(LINES_TABLE, key)
        return lines

    @staticmethod
    def url(section: str, slug: str) -> str:
        """A page's URL from the site root: every page is a folder, so links need no ``index.html``."""
        return f"{section}/{slug}/"

    def article_url(self, article: Article) -> str:
        """The article's page, or (an article without one) its place in its document."""
        if article.has_page:
            return self.url("articles", article.id)
        return f"{self.url('documents', article.primary.document)}#L{article.primary.line_start}"

    def entity_url(self, entity: Entity) -> str:
        """A person's page is under ``people/``, an outlet's under ``outlets/``."""
        return self.url("people" if entity.entity_kind == "person" else "outlets", entity.id)

    def foreign_language(self, article: Article, line: int) -> str | None:
        """The language of the article's paragraph at ``line`` when it differs from the site's (for ``lang``)."""
        if article.id not in self._paragraph_languages:
            self._paragraph_languages[article.id] = {p.line: p.language for p in article.paragraphs}
        language = self._paragraph_languages[article.id].get(line, article.language)
        return language if language != self.language else None


def check_reserved(corpus: Corpus) -> None:
    """A page whose slug is reserved would overwrite a section's index pages: refuse, naming it."""
    for section, ids in (
        ("documents", [d.id for d in corpus.documents]),
        ("articles", [a.id for a in corpus.articles if a.has_page]),
        ("people", [p.id for p in corpus.people]),
        ("outlets", [o.id for o in corpus.outlets]),
    ):
        for slug in ids:
            if slug in RESERVED_SLUGS:
                raise ValueError(f"{section}/{slug}: the slug {slug!r} is reserved for the site's own pages")
