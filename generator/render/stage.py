"""Render: write the Markdown pages and the data exports for MkDocs.

Each page is a typed view (``views``) placed by its template; templates get ready values
only. Untrusted text (anything from a document) is only ever placed inside HTML elements by
autoescaping templates or by ``fragments``, never in a Markdown context, so no document can
inject markup, Markdown or script.

Does not: run MkDocs or Pagefind (``site``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from ..model import Article, Corpus, Entity
from ..wording import plural
from . import pagemeta
from .chronology import chronology_pages
from .entity_names import outlet_entries, person_entries
from .entity_views import entity_pages
from .event_dates import dated_sentences
from .exports import csv_exports, write_corpus_json
from .fragments import front_matter_value, link
from .lookups import Lookups, check_reserved
from .pagemeta import PageUrls
from .pagination import DEFAULT_LIMITS, IndexPage, PageLimits, entry_count, index_pages, page_root
from .siteconfig import SiteConfig
from .sqlite_export import write_corpus_sqlite
from .views import Context, article_page, document_page


def make_environment() -> Environment:
    """The templates' environment; every filter and function they use is registered here, once."""
    env = Environment(
        loader=PackageLoader("generator", "templates"),
        autoescape=True,
        auto_reload=False,  # one build: no need to stat the template file again for every page
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["link"] = link
    env.filters["front_matter"] = front_matter_value
    env.filters["plural"] = plural
    return env


class PageWriter:
    """Renders each page's template and writes it at once: at 10,000 documents the pages are gigabytes.

    ``previous`` (path -> sha256) lists the files ``docs_dir`` already holds, hard-linked from the
    previous build (``site.incremental``): a page whose text is the same is left alone (its bytes
    and its file time), any other file is unlinked before it is written, never written through
    the link, and ``remove_stale`` removes what this build did not write. ``hashes`` ends up
    listing every file written, for the next build.
    """

    def __init__(self, docs_dir: Path, *, previous: dict[str, str] | None = None):
        self.docs_dir = docs_dir
        self.env = make_environment()
        self.templates = {n: self.env.get_template(n) for n in self.env.list_templates() if not n.startswith("_")}
        self.written: set[str] = set()
        self.directories: set[Path] = set()
        self.previous = previous or {}
        self.hashes: dict[str, str] = {}

    def page(self, path: str, template: str, **values: object) -> None:
        """Write the page built from ``path`` (a Markdown path under ``docs_dir``) with ``template``."""
        self.write(path, self.templates[template].render(root=page_root(path), **values))
        self.written.add(path)

    def write(self, path: str, text: str) -> None:
        """Write ``text`` at ``path`` under ``docs_dir``, unless the previous build wrote the same."""
        data = text.encode("utf-8")
        digest = hashlib.sha256(data).hexdigest()
        self.hashes[path] = digest
        target = self.fresh(path)
        if self.previous.get(path) == digest:
            return
        target.unlink(missing_ok=True)
        target.write_bytes(data)

    def fresh(self, path: str) -> Path:
        """The file ``path`` under ``docs_dir``, its folder made."""
        target = self.docs_dir / path
        if target.parent not in self.directories:
            target.parent.mkdir(parents=True, exist_ok=True)
            self.directories.add(target.parent)
        return target

    def replace(self, path: str) -> Path:
        """The file ``path``, unlinked so that the caller writes a new one; ``record`` it afterwards."""
        target = self.fresh(path)
        target.unlink(missing_ok=True)
        return target

    def record(self, path: str) -> None:
        self.hashes[path] = hashlib.sha256((self.docs_dir / path).read_bytes()).hexdigest()

    def remove_stale(self) -> None:
        """Remove the previous build's files that this one did not write."""
        for path in sorted(set(self.previous) - set(self.hashes)):
            (self.docs_dir / path).unlink(missing_ok=True)


def render(
    corpus: Corpus,
    docs_dir: Path,
    *,
    site: SiteConfig,
    site_url: str | None = None,
    accessed: dt.date | None = None,
    limits: PageLimits = DEFAULT_LIMITS,
    out: PageWriter | None = None,
) -> int:
    """Write every page and export under ``docs_dir``; return the number of pages.

    ``site`` names and describes the site; ``site_url`` makes permalinks and JSON-LD URLs
    absolute; ``accessed`` is the date printed in citations (default: SOURCE_DATE_EPOCH's
    date, else none); ``limits`` says how much one page holds before it continues on another.
    ``out`` writes the files (default: a ``PageWriter`` into an empty ``docs_dir``).
    """
    check_reserved(corpus)
    lookups = Lookups(corpus, language=site.language)
    ctx = Context(lookups, site, PageUrls(site_url), accessed or pagemeta.source_date())
    out = out or PageWriter(docs_dir)
    out.page("index.md", "home.md.j2", page=home_page(ctx))
    out.page("search.md", "search.md.j2")
    for document in corpus.documents:
        out.page(f"documents/{document.id}.md", "document.md.j2", page=document_page(ctx, document))
    for article in corpus.articles:
        if article.has_page:
            out.page(f"articles/{article.id}.md", "article.md.j2", page=article_page(ctx, article))
    for entity in (*corpus.people, *corpus.outlets):
        page, further = entity_pages(ctx, entity, limits)
        out.page(f"{lookups.entity_url(entity).rstrip('/')}.md", page.template, page=page)
        for part_page in further:
            out.page(part_page.path, "entity_part.md.j2", page=part_page)
    for index_page in _index_pages(ctx, limits):
        out.page(index_page.path, "index.md.j2", page=index_page, date_order=_date_order(index_page))
    sentences = [s for a in corpus.articles if a.has_page for s in dated_sentences(a)]
    for chronology_page in chronology_pages(ctx, limits, sentences):
        out.page(chronology_page.path, "chronology.md.j2", page=chronology_page)
    write_corpus_json(corpus, lookups, out.replace("data/corpus.json"))
    out.record("data/corpus.json")
    write_corpus_sqlite(corpus, lookups, out.replace("data/corpus.sqlite"), sentences=sentences)
    out.record("data/corpus.sqlite")
    for name, text in csv_exports(corpus, lookups).items():
        out.write(f"data/{name}", text)
    out.remove_stale()
    return len(out.written)


@dataclass(frozen=True)
class Ranked:
    """A link to an entity on the home page, with its count already worded."""

    link: Markup
    count: str


@dataclass(frozen=True)
class HomePage:
    """The home page's ready values."""

    site_name: str
    description: str
    counts: dict[str, int]
    top_people: tuple[Ranked, ...]
    top_outlets: tuple[Ranked, ...]
    jsonld: Markup


def home_page(ctx: Context) -> HomePage:
    """The site's name and description, the section counts, and the most mentioned people and outlets."""
    corpus = ctx.lookups.corpus
    people = [p for p in corpus.people if not p.is_disambiguation]
    counts = {
        "documents": len(corpus.documents),
        "articles": sum(a.has_page for a in corpus.articles),
        "people": len(people),
        "outlets": len(corpus.outlets),
    }
    jsonld = pagemeta.home_jsonld(site_name=ctx.site.name, description=ctx.site.description, root="", urls=ctx.urls)

    def ranked(entities: list[Entity]) -> tuple[Ranked, ...]:
        return tuple(
            Ranked(link("", ctx.lookups.entity_url(e), e.name), plural(len(e.mentions), "mention", "mentions"))
            for e in _top(entities)
        )

    return HomePage(
        site_name=ctx.site.name,
        description=ctx.site.description,
        counts=counts,
        top_people=ranked(people),
        top_outlets=ranked(corpus.outlets),
        jsonld=pagemeta.jsonld_front_matter(jsonld),
    )


def _top(entities: list[Entity], n: int = 10) -> list[Entity]:
    """The ``n`` most mentioned, for the home page; ties in name order so the list is stable."""
    return sorted(entities, key=lambda e: (-len(e.mentions), e.name.casefold()))[:n]


@dataclass(frozen=True)
class IndexSection:
    """A section's A–Z index: its name (and URL), its title, and what one of its entries is called."""

    name: str
    title: str
    singular: str
    plural: str


def _index_rows(ctx: Context) -> dict[IndexSection, list[tuple[str, str, str]]]:
    """Every section's index entries: (label, URL from the site root, note)."""
    corpus, url = ctx.lookups.corpus, ctx.lookups.url
    return {
        IndexSection("documents", "Documents", "document", "documents"): [
            (d.title, url("documents", d.id), f"{len(ctx.lookups.articles_by_document[d.id])} segments")
            for d in corpus.documents
        ],
        IndexSection("articles", "Articles", "article", "articles"): [
            (a.title or a.id, url("articles", a.id), _article_note(ctx, a)) for a in corpus.articles if a.has_page
        ],
        IndexSection("people", "People", "person", "people"): [
            row for p in corpus.people for row in person_entries(p, url("people", p.id), _count_label(p))
        ],
        IndexSection("outlets", "Outlets", "outlet", "outlets"): [
            row for o in corpus.outlets for row in outlet_entries(o, url("outlets", o.id), _count_label(o))
        ],
    }


def _index_pages(ctx: Context, limits: PageLimits) -> list[IndexPage]:
    """Every section's A–Z index, cut into pages of at most ``limits.index_rows`` entries."""
    pages = []
    for section, rows in _index_rows(ctx).items():
        for index_page in index_pages(section.name, section.title, _groups(rows), limits.index_rows):
            data = pagemeta.collection_jsonld(
                title=index_page.title,
                path=index_page.url,
                root=page_root(index_page.path),
                urls=ctx.urls,
                count=sum(len(g.rows) for g in index_page.groups),
            )
            count_label = plural(entry_count(rows), section.singular, section.plural)
            pages.append(replace(index_page, count_label=count_label, jsonld=pagemeta.jsonld_front_matter(data)))
    return pages


def _date_order(index_page: IndexPage) -> Markup | None:
    """On the Articles index: a link to the chronology, where the same articles stand in date order."""
    return (
        link(page_root(index_page.path), "chronology/", "Chronology")
        if index_page.url.startswith("articles/")
        else None
    )


def _article_note(ctx: Context, article: Article) -> str:
    """An Articles index entry's note: ``2018-01-06 · Top Channel · article · English (en)``."""
    outlet = ctx.lookups.outlets.get(article.outlet) if article.outlet else None
    parts = [article.date.value if article.date else "undated", outlet.name if outlet else None, article.kind.value]
    return " · ".join(p for p in (*parts, pagemeta.language_name(article.language)) if p)


def _count_label(entity: Entity) -> str:
    """An index entry's note for a person or outlet: ``3 mentions in 2 articles``."""
    articles = len({m.article for m in entity.mentions})
    return f"{plural(len(entity.mentions), 'mention', 'mentions')} in {plural(articles, 'article', 'articles')}"


def index_letter(name: str) -> str:
    """The A–Z letter a name is listed under: its first letter or digit, ``#`` when not an ASCII letter."""
    first = next((ch for ch in name if ch.isalnum()), "#")
    return first.upper() if first.isascii() and first.isalpha() else "#"


def _groups(rows: list[tuple[str, str, str]]) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """Rows grouped under their A–Z letter, each group sorted by label."""
    grouped: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for row in rows:
        grouped[index_letter(row[0])].append(row)
    return [(letter, sorted(grouped[letter], key=lambda r: (r[0].casefold(), r[1]))) for letter in sorted(grouped)]
