"""Page views: what each page shows, as typed values built from the corpus, ready for its template.

Each builder takes the corpus' lookups and returns a frozen view; the templates only place its
values (they hold no lookups, joins or conditions on loop positions). Counts stay numbers, made
words by the ``plural`` filter. Entity pages are built in ``entity_views``.

Does not: make markup (``fragments``), cut lists into pages (``pagination``) or write files (``render``).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from markupsafe import Markup

from ..model import Article, Document, Entity, Role
from . import fragments, pagemeta, publication, quotes
from .entity_names import other_spellings
from .fragments import link
from .lookups import Lookups
from .pagemeta import Citation, PageUrls
from .siteconfig import SiteConfig


@dataclass(frozen=True)
class Context:
    """What every view is built from: the corpus' lookups, the site, its permalinks and the citation date."""

    lookups: Lookups
    site: SiteConfig
    urls: PageUrls
    accessed: dt.date | None

    def entity_link(self, root: str, entity: Entity) -> Markup:
        """A link to the person's or outlet's page, from a page at ``root``."""
        return link(root, self.lookups.entity_url(entity), entity.name)

    def article_link(self, root: str, article: Article) -> Markup:
        """A link to the article's page (or, without one, to its place in its document)."""
        return link(root, self.lookups.article_url(article), article.title or article.id)


@dataclass(frozen=True)
class ArticlePage:
    """An article: its text with every mention linked, its credits and where it was found."""

    title: str
    language_label: str
    """The language's name alone, for the search filter."""
    language_name: str
    outlet_name: str | None
    title_lang: str | None
    """The title's ``lang`` attribute, when it is not in the site's language."""
    title_dir: str | None
    byline: Markup
    date: Markup | None
    """The publication date the text states, with the line it was read from."""
    year: str | None
    """The date's year, for the search filter."""
    date_value: str | None
    """The date as the text gives it (``2019-04-05``, ``2019-04``, ``2019``), for the search result's label."""
    original: Markup | None
    """The original address the text names: an outbound link when it is an http(s) URL, else text."""
    kind: str
    title_derived: bool
    source: Markup
    """The first document the article was found in, linked to its lines."""
    also_in: Markup | None
    paragraphs: tuple[Markup, ...]
    people: Markup | None
    """Links to the people the article names, or None."""
    outlets: Markup | None
    citation: Citation
    jsonld: Markup


def article_page(ctx: Context, article: Article) -> ArticlePage:
    """The view of an article that has a page of its own."""
    lookups, root = ctx.lookups, "../../"
    marks: dict[int, list] = defaultdict(list)
    for mention, entity in lookups.mentions_by_article[article.id]:
        if mention.role in (Role.MENTION, Role.SPEAKER):
            marks[mention.span.line].append((mention, root + lookups.entity_url(entity)))
    mentioned = sorted(
        {e.id: e for _, e in lookups.mentions_by_article[article.id]}.values(), key=lambda e: e.name.casefold()
    )
    people = [e for e in mentioned if e.entity_kind == "person" and not e.is_disambiguation]
    named = _named(ctx, root, mentioned)
    speakers = quotes.speakers_by_line(lookups, article)
    credits = {
        "outlet": lookups.outlets.get(article.outlet) if article.outlet else None,
        "via": [lookups.outlets[v] for v in article.via],
        "authors": [lookups.people[a] for a in article.authors],
    }
    path = lookups.url("articles", article.id)
    sources = [
        fragments.occurrence(root, o.document, lookups.documents[o.document].source, o.line_start, o.line_end)
        for o in article.occurrences
    ]
    outlet = credits["outlet"]
    citation, jsonld = _article_meta(ctx, article, path=path, people=people, credits=credits)
    return ArticlePage(
        title=article.title or article.id,
        language_label=pagemeta.language_label(article.language),
        language_name=pagemeta.language_name(article.language),
        outlet_name=outlet.name if outlet else None,
        title_lang=article.language if article.language != lookups.language else None,
        title_dir=pagemeta.text_direction(article.language),
        byline=fragments.byline(
            ctx.entity_link(root, outlet) if outlet else None,
            [ctx.entity_link(root, v) for v in credits["via"]],
            [ctx.entity_link(root, a) for a in credits["authors"]],
            _credit_notes(ctx, article, root),
        ),
        date=_date_html(ctx, article, root),
        year=article.date.year if article.date else None,
        date_value=article.date.value if article.date else None,
        original=publication.original_link(article.source_url) if article.source_url else None,
        kind=article.kind.value,
        title_derived=article.title_derived,
        source=sources[0] if sources else Markup(""),
        also_in=fragments.joined(sources[1:], "; ") if len(sources) > 1 else None,
        paragraphs=tuple(
            fragments.paragraph_html(
                p,
                fragments.linked_text(p.text, marks.get(p.line, []))
                + fragments.speakers_after([ctx.entity_link(root, e) for e in speakers.get(p.line, [])]),
                lookups.language,
            )
            for p in article.paragraphs
        ),
        people=named["person"],
        outlets=named["outlet"],
        citation=citation,
        jsonld=jsonld,
    )


def _named(ctx: Context, root: str, entities: list[Entity]) -> dict[str, Markup | None]:
    """The people and the outlets an article names, each linked, with every spelling the corpus has for it.

    The spellings are indexed for search, so any spelling of a name finds every article that names its bearer.
    """
    named: dict[str, list[Markup]] = {"person": [], "outlet": []}
    for entity in entities:
        spellings = other_spellings(entity)
        named[entity.entity_kind].append(fragments.with_spellings(ctx.entity_link(root, entity), spellings))
    return {kind: fragments.joined(links) if links else None for kind, links in named.items()}


def _credit_notes(ctx: Context, article: Article, root: str) -> dict[str, Markup]:
    """Where the byline's teaser-given parts come from: ``(from a teaser in <document>, line N)``."""
    documents = ctx.lookups.documents
    return {
        part: fragments.teaser_note(root, t.document, documents[t.document].source, t.line)
        for part, t in article.credit_from.items()
    }


def _date_html(ctx: Context, article: Article, root: str) -> Markup | None:
    """The article's date and where it was read, or None when its text states none."""
    date = article.date
    if date is None:
        return None
    document = ctx.lookups.documents.get(date.document)
    return publication.date_html(date, root=root, source=document.source if document else date.document)


def _article_meta(ctx: Context, article: Article, *, path: str, people: list, credits: dict) -> tuple[Citation, Markup]:
    """The article's citation and its JSON-LD, which credit the same outlet, relays and authors."""
    citation = pagemeta.article_citation(
        article,
        site_name=ctx.site.name,
        path=path,
        urls=ctx.urls,
        documents=ctx.lookups.documents,
        accessed=ctx.accessed,
        **credits,
    )
    data = pagemeta.article_jsonld(
        article,
        path=path,
        root="../../",
        urls=ctx.urls,
        entity_path=ctx.lookups.entity_url,
        mentioned_people=people,
        documents=ctx.lookups.documents,
        **credits,
    )
    return citation, pagemeta.jsonld_front_matter(data)


@dataclass(frozen=True)
class ContentsRow:
    """A segment in a document's table of contents: its lines, its kind and its article (or title)."""

    line_start: int
    line_end: str
    kind: str
    label: Markup | str


@dataclass(frozen=True)
class SourceRun:
    """Consecutive lines of a document that are all indexed for search on its page, or all not."""

    indexed: bool
    lines: tuple[Markup, ...]


@dataclass(frozen=True)
class TeaserRow:
    """An item of a navigation block: what it announces, and where that piece is in the archive, if it is."""

    line: int
    headline: str
    credit: str | None
    date: str | None
    target: Markup | str
    """A link to the article, or the words saying it is not in the archive."""


NOT_IN_ARCHIVE = "cited, not in this archive"


def teaser_rows(ctx: Context, root: str, articles: list[Article]) -> tuple[TeaserRow, ...]:
    """The teaser items of a document's navigation blocks, in line order."""
    teasers = sorted((t for a in articles for t in a.teasers), key=lambda t: t.line)
    return tuple(
        TeaserRow(
            line=t.line,
            headline=t.headline or "(no headline)",
            credit=t.credit,
            date=t.date,
            target=ctx.article_link(root, ctx.lookups.articles[t.article]) if t.article else NOT_IN_ARCHIVE,
        )
        for t in teasers
    )


@dataclass(frozen=True)
class DocumentPage:
    """A source document as received: its checksum, its segments and every line."""

    title: str
    source: str
    sha256: str
    line_count: int
    source_url: str | None
    contents: tuple[ContentsRow, ...]
    teasers: tuple[TeaserRow, ...]
    runs: tuple[SourceRun, ...]
    jsonld: Markup


def document_page(ctx: Context, document: Document) -> DocumentPage:
    """The view of a document's page."""
    root, articles = "../../", ctx.lookups.articles_by_document[document.id]
    owner: dict[int, Article] = {}
    for article in articles:
        for o in article.occurrences:
            if o.document == document.id:
                for number in range(o.line_start, o.line_end + 1):
                    owner[number] = article
    starts = {o.line_start: a for a in articles for o in a.occurrences if o.document == document.id}
    labels = {n: ctx.article_link(root, a) if a.has_page else None for n, a in starts.items()}
    contents = tuple(
        ContentsRow(
            line_start=n,
            line_end="".join(str(o.line_end) for o in a.occurrences if o.document == document.id and o.line_start == n),
            kind=a.kind.value,
            label=labels[n] or a.title or "navigation",
        )
        for n, a in sorted(starts.items())
    )
    lines = [
        (not (owner.get(n) and owner[n].has_page), n, text, starts.get(n)) for n, text in enumerate(document.lines, 1)
    ]
    source_url = document.metadata.get("source_url")
    return DocumentPage(
        title=document.title,
        source=document.source,
        sha256=document.sha256,
        line_count=document.line_count,
        source_url=str(source_url) if source_url else None,
        contents=contents,
        teasers=teaser_rows(ctx, root, [a for a in articles if a.primary.document == document.id]),
        runs=_runs(lines, labels),
        jsonld=pagemeta.jsonld_front_matter(
            pagemeta.document_jsonld(document, path=ctx.lookups.url("documents", document.id), root=root, urls=ctx.urls)
        ),
    )


def _runs(
    lines: list[tuple[bool, int, str, Article | None]], labels: dict[int, Markup | None]
) -> tuple[SourceRun, ...]:
    """The document's lines in runs, each either indexed for search on this page or not.

    A line inside an article that has a page of its own is indexed there (the article page
    holds its paragraphs and headline), so it is left out of the search index here and each
    text is found once, at its paragraph. Every other line (navigation residue such as
    "Also read:" blocks, teasers, footers, and lines outside any segment) is on no other
    page, so the document page is where it is indexed.
    """
    runs: list[tuple[bool, list[Markup]]] = []
    for indexed, number, text, starts in lines:
        if not runs or runs[-1][0] != indexed:
            runs.append((indexed, []))
        html = fragments.source_line_html(number, text, indexed)
        if starts:
            html = fragments.segment_start_html(labels[number] or starts.kind.value) + Markup("\n") + html
        runs[-1][1].append(html)
    return tuple(SourceRun(indexed, tuple(lines)) for indexed, lines in runs)
