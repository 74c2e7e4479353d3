"""Render: write the Markdown pages and the data exports for MkDocs.

Each page is a typed view (``views``) placed by its template; templates get ready values
only. Untrusted text (anything from a document) is only ever placed inside HTML elements by
autoescaping templates or by ``fragments``, never in a Markdown context, so no document can
inject markup, Markdown or script.

The pages of each document, article, person and outlet are one unit (``reuse``): a unit whose
inputs are those of the previous build keeps its files, its dated sentences and its part of the
exports; the home page, the A–Z indexes, the chronology and the exports are written every time.

Does not: run MkDocs or Pagefind (``site``).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from markupsafe import Markup

from ..model import Article, Corpus, Document, Entity
from ..wording import plural
from . import pagemeta
from .chronology import chronology_pages
from .entity_names import outlet_entries, person_entries
from .entity_views import entity_pages
from .event_dates import DatedSentence, dated_sentences
from .exports import EntityExport, RepeatedLines, csv_exports, entity_export, write_corpus_json, write_mentions_csv
from .fragments import link
from .lookups import Lookups, check_reserved
from .pagemeta import PageUrls
from .pagination import DEFAULT_LIMITS, IndexPage, PageLimits, entry_count, index_pages, page_root
from .reuse import Reuse, ReuseFiles, open_reuse
from .siteconfig import SiteConfig
from .sqlite_export import write_corpus_sqlite
from .views import Context, article_page, document_page
from .writer import PageWriter


def render(
    corpus: Corpus,
    docs_dir: Path,
    *,
    site: SiteConfig,
    site_url: str | None = None,
    accessed: dt.date | None = None,
    limits: PageLimits = DEFAULT_LIMITS,
    out: PageWriter | None = None,
    reuse: ReuseFiles | None = None,
) -> Rendered:
    """Write every page and export under ``docs_dir``; return how many pages, and how many units were kept.

    ``site`` names and describes the site; ``site_url`` makes permalinks and JSON-LD URLs
    absolute; ``accessed`` is the date printed in citations (default: SOURCE_DATE_EPOCH's
    date, else none); ``limits`` says how much one page holds before it continues on another.
    ``out`` writes the files (default: a ``PageWriter`` into an empty ``docs_dir``). With ``reuse``,
    a page whose inputs are those of the previous build's is kept as ``out`` holds it (``reuse``).
    """
    check_reserved(corpus)
    lookups = Lookups(corpus, language=site.language)
    accessed = accessed or pagemeta.source_date()
    ctx = Context(lookups, site, PageUrls(site_url), accessed)
    out = out or PageWriter(docs_dir)
    with open_reuse(reuse, (site, site_url, accessed, limits), lookups, out) as units:
        sentences = _unit_pages(ctx, limits, out, units)
        out.page("index.md", "home.md.j2", page=home_page(ctx))
        out.page("search.md", "search.md.j2")
        for index_page in _index_pages(ctx, limits):
            out.page(index_page.path, "index.md.j2", page=index_page, date_order=_date_order(index_page))
        for chronology_page in chronology_pages(ctx, limits, sentences):
            out.page(chronology_page.path, "chronology.md.j2", page=chronology_page)
        exported = lambda entity: units.data(lookups.entity_url(entity))  # noqa: E731 (an EntityExport)
        write_corpus_json(corpus, lookups, out.replace("data/corpus.json"), entity_records=lambda e: exported(e).record)
        write_mentions_csv(corpus, out.replace("data/mentions.csv"), entity_rows=lambda e: exported(e).mention_rows)
    out.record("data/corpus.json")
    out.record("data/mentions.csv")
    write_corpus_sqlite(corpus, lookups, out.replace("data/corpus.sqlite"), sentences=sentences)
    out.record("data/corpus.sqlite")
    for name, text in csv_exports(corpus, lookups).items():
        out.write(f"data/{name}", text)
    out.remove_stale()
    return Rendered(len(out.written), units.kept, units.built)


@dataclass(frozen=True)
class Rendered:
    """What ``render`` wrote: pages in all, and the units (``reuse``) kept from the previous build or built."""

    pages: int
    units_kept: int
    units_built: int

    def __str__(self) -> str:
        if not self.units_kept:
            return f"{self.pages} pages"
        units = self.units_kept + self.units_built
        return f"{self.pages} pages; {self.units_kept} of {units} documents, articles, people and outlets unchanged"


def _unit_pages(ctx: Context, limits: PageLimits, out: PageWriter, units: Reuse) -> list[DatedSentence]:
    """The pages of each document, article, person and outlet, each unit kept when its inputs are unchanged.

    Returns the articles' dated sentences, in corpus order; each person's and outlet's record in
    the export stays with its unit (``Reuse.data``).
    """
    corpus = ctx.lookups.corpus
    for document in corpus.documents:
        units.unit(f"documents/{document.id}", document, partial(_document_page, ctx, out, document))
    sentences = [
        sentence
        for article in corpus.articles
        if article.has_page
        for sentence in units.unit(f"articles/{article.id}", article, partial(_article_page, ctx, out, article))
    ]
    repeats = RepeatedLines(ctx.lookups)
    for entity in (*corpus.people, *corpus.outlets):
        units.unit(ctx.lookups.entity_url(entity), entity, partial(_entity_pages, ctx, limits, out, repeats, entity))
    return sentences


def _document_page(ctx: Context, out: PageWriter, document: Document) -> None:
    out.page(f"documents/{document.id}.md", "document.md.j2", page=document_page(ctx, document))


def _article_page(ctx: Context, out: PageWriter, article: Article) -> list[DatedSentence]:
    """Write the article's page; return its dated sentences, for the chronology and the export."""
    out.page(f"articles/{article.id}.md", "article.md.j2", page=article_page(ctx, article))
    return dated_sentences(article)


def _entity_pages(
    ctx: Context, limits: PageLimits, out: PageWriter, repeats: RepeatedLines, entity: Entity
) -> EntityExport:
    """Write the entity's pages; return its part of the exports."""
    page, further = entity_pages(ctx, entity, limits)
    out.page(f"{ctx.lookups.entity_url(entity).rstrip('/')}.md", page.template, page=page)
    for part_page in further:
        out.page(part_page.path, "entity_part.md.j2", page=part_page)
    return entity_export(ctx.lookups, entity, repeats)


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
