"""Render: write the Markdown pages and the data exports for MkDocs.

Each page is a typed view (``views``) placed by its template; templates get ready values
only. Untrusted text (anything from a document) is only ever placed inside HTML elements by
autoescaping templates or by ``fragments``, never in a Markdown context, so no document can
inject markup, Markdown or script.

Does not: run MkDocs or Pagefind (``site``).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined

from . import pagemeta
from .entity_names import outlet_entries, person_entries
from .entity_views import entity_pages
from .exports import csv_exports, write_corpus_json
from .fragments import front_matter_value, link
from .lookups import Lookups, check_reserved
from .model import Corpus, Entity
from .pagemeta import PageUrls
from .pagination import DEFAULT_LIMITS, IndexPage, PageLimits, entry_count, index_pages, page_root
from .siteconfig import SiteConfig
from .views import Context, article_page, document_page
from .wording import plural

__all__ = ["PageLimits", "index_pages", "make_environment", "page_root", "plural", "render"]


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
    """Renders each page's template and writes it at once: at 10,000 documents the pages are gigabytes."""

    def __init__(self, docs_dir: Path):
        self.docs_dir = docs_dir
        self.env = make_environment()
        self.templates = {n: self.env.get_template(n) for n in self.env.list_templates() if not n.startswith("_")}
        self.written: set[str] = set()
        self.directories: set[Path] = set()

    def page(self, path: str, template: str, **values: object) -> None:
        """Write the page built from ``path`` (a Markdown path under ``docs_dir``) with ``template``."""
        target = self.docs_dir / path
        if target.parent not in self.directories:
            target.parent.mkdir(parents=True, exist_ok=True)
            self.directories.add(target.parent)
        target.write_text(self.templates[template].render(root=page_root(path), **values), encoding="utf-8")
        self.written.add(path)


def render(
    corpus: Corpus,
    docs_dir: Path,
    *,
    site: SiteConfig,
    site_url: str | None = None,
    accessed: dt.date | None = None,
    limits: PageLimits = DEFAULT_LIMITS,
) -> int:
    """Write every page and export under ``docs_dir``; return the number of pages.

    ``site`` names and describes the site; ``site_url`` makes permalinks and JSON-LD URLs
    absolute; ``accessed`` is the date printed in citations (default: SOURCE_DATE_EPOCH's
    date, else none); ``limits`` says how much one page holds before it continues on another.
    """
    check_reserved(corpus)
    lookups = Lookups(corpus, language=site.language)
    ctx = Context(lookups, site, PageUrls(site_url), accessed or pagemeta.source_date())
    out = PageWriter(docs_dir)
    out.page("index.md", "home.md.j2", **_home_values(ctx))
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
        out.page(index_page.path, "index.md.j2", page=index_page)
    data = docs_dir / "data"
    data.mkdir(parents=True, exist_ok=True)
    write_corpus_json(corpus, lookups, data / "corpus.json")
    for name, text in csv_exports(corpus, lookups).items():
        (data / name).write_text(text, encoding="utf-8")
    return len(out.written)


def _home_values(ctx: Context) -> dict:
    """The home page's values, under the names ``home.md.j2`` reads."""
    corpus = ctx.lookups.corpus
    counts = {
        "documents": len(corpus.documents),
        "articles": sum(a.has_page for a in corpus.articles),
        "people": sum(not p.is_disambiguation for p in corpus.people),
        "outlets": len(corpus.outlets),
    }
    jsonld = pagemeta.home_jsonld(site_name=ctx.site.name, description=ctx.site.description, root="", urls=ctx.urls)
    return {
        "site_name": ctx.site.name,
        "site": ctx.lookups,
        "counts": counts,
        "top_people": _top([p for p in corpus.people if not p.is_disambiguation]),
        "top_outlets": _top(corpus.outlets),
        "description": ctx.site.description,
        "jsonld": pagemeta.jsonld_front_matter(jsonld),
    }


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
            (a.title or a.id, url("articles", a.id), pagemeta.language_name(a.language))
            for a in corpus.articles
            if a.has_page
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
