"""Render: write the Markdown pages and the data exports for MkDocs.

Templates get ready values only. Untrusted text (anything from a document) is
only ever placed inside HTML elements by autoescaping templates, never in a
Markdown context, so no document can inject markup, Markdown or script.

Does not: run MkDocs or Pagefind (``site``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from . import __version__, pagemeta
from .model import Article, Corpus, Document, Entity, Mention, Paragraph, Role
from .pagemeta import PageUrls
from .siteconfig import SiteConfig
from .slugs import INDEX_PAGES, RESERVED_SLUGS

#: Entity pages show every mention; past this many on one page, the per-article groups start closed.
OPEN_MENTION_LIMIT = 20

#: Page limits keep every page small whatever the corpus size (at 10,000 documents one A–Z index was
#: 20 MB and one person page 23 MB: unusable to read, and MkDocs and Pagefind hold each page whole).
#: An A–Z index lists at most this many entries per page, split at letter boundaries.
INDEX_PAGE_LIMIT = 500
#: A person or outlet page quotes about this many mentions per page, in whole article groups
#: (an article with more mentions than this gets a page of its own rather than being cut).
MENTION_PAGE_LIMIT = 100
#: Lists of articles on an entity page (credited, first published, translated or republished): items per page.
LIST_PAGE_LIMIT = 200


@dataclass(frozen=True)
class PageLimits:
    """How much one page holds; tests pass small limits to exercise the paginated pages on a small corpus."""

    index_rows: int = INDEX_PAGE_LIMIT
    mentions: int = MENTION_PAGE_LIMIT
    list_items: int = LIST_PAGE_LIMIT

    def __post_init__(self) -> None:
        if min(self.index_rows, self.mentions, self.list_items) < 1:
            raise ValueError("page limits must be at least 1")


SECTIONS = ("documents", "articles", "people", "outlets")

NOUNS = {
    "documents": ("document", "documents"),
    "articles": ("article", "articles"),
    "people": ("person", "people"),
    "outlets": ("outlet", "outlets"),
}


def make_environment() -> Environment:
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
    env.globals["article_link"] = article_link
    env.filters["front_matter"] = front_matter_value
    env.filters["highlight"] = highlight
    env.filters["letter"] = index_letter
    env.filters["language_name"] = pagemeta.language_name
    env.filters["language_label"] = pagemeta.language_label
    return env


def link(root: str, url: str, label: str) -> Markup:
    """``<a href="{root}{url}">{label}</a>``, every part escaped (a template function: cheaper than a macro)."""
    return Markup(f'<a href="{escape(root)}{escape(url)}">{escape(label)}</a>')


def article_link(root: str, site: Site, article: Article) -> Markup:
    """A link to the article's page (or, without one, to its place in its document)."""
    return link(root, site.article_url(article), article.title or article.id)


def front_matter_value(value: str) -> Markup:
    """A YAML double-quoted scalar (JSON is valid YAML) with HTML metacharacters escaped.

    MkDocs themes print the title without escaping, so it is escaped here.
    """
    return Markup(json.dumps(str(escape(value)), ensure_ascii=False))


def highlight(mention: Mention) -> Markup:
    """The quote with the mention's surface text wrapped in <mark>, all of it escaped."""
    start = mention.span.start - mention.quote_start
    end = mention.span.end - mention.quote_start
    quote = mention.quote
    if not (0 <= start < end <= len(quote)):
        return escape(quote)
    return Markup(f"{escape(quote[:start])}<mark>{escape(quote[start:end])}</mark>{escape(quote[end:])}")


def index_letter(name: str) -> str:
    first = next((ch for ch in name if ch.isalnum()), "#")
    return first.upper() if first.isascii() and first.isalpha() else "#"


class Site:
    """Lookup tables and URLs shared by every page, computed once from the corpus."""

    def __init__(self, corpus: Corpus, *, language: str):
        self.corpus = corpus
        self.language = language
        self.documents = {d.id: d for d in corpus.documents}
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
        self.paragraph_languages = {(a.id, p.line): p.language for a in corpus.articles for p in a.paragraphs}
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

    @staticmethod
    def url(section: str, slug: str) -> str:
        return f"{section}/{slug}/"

    def article_url(self, article: Article) -> str:
        if article.has_page:
            return self.url("articles", article.id)
        return f"{self.url('documents', article.primary.document)}#L{article.primary.line_start}"

    def mention_url(self, mention: Mention) -> str:
        """The paragraph that holds the mention; a credit outside the article's text links to its source line."""
        article = self.articles[mention.article]
        if article.has_page and (article.id, mention.span.line) in self.paragraph_languages:
            return f"{self.article_url(article)}#{mention.paragraph_anchor}"
        return f"{self.url('documents', mention.span.document)}#L{mention.span.line}"

    def entity_url(self, entity: Entity) -> str:
        return self.url("people" if entity.entity_kind == "person" else "outlets", entity.id)


def render(
    corpus: Corpus,
    docs_dir: Path,
    *,
    site: SiteConfig,
    site_url: str | None = None,
    accessed: dt.date | None = None,
    limits: PageLimits = PageLimits(),
) -> int:
    """Write every page and export under ``docs_dir``; return the number of pages.

    ``site`` names and describes the site; ``site_url`` makes permalinks and JSON-LD URLs absolute; ``accessed`` is the
    date printed in citations (default: SOURCE_DATE_EPOCH's date, else none);
    ``limits`` says how much one page holds before it continues on another.
    """
    _check_reserved(corpus)
    env = make_environment()
    site_name = site.name
    description = site.description
    site = Site(corpus, language=site.language)
    urls = PageUrls(site_url)
    accessed = accessed or pagemeta.source_date()
    written: set[str] = set()
    directories: set[Path] = set()
    common = {"site_name": site_name, "site": site}

    templates = {name: env.get_template(name) for name in env.list_templates() if not name.startswith("_")}

    def page(path: str, template: str, **values) -> None:
        # Written at once, not kept: at 10,000 documents the pages are gigabytes of Markdown.
        target = docs_dir / path
        if target.parent not in directories:
            target.parent.mkdir(parents=True, exist_ok=True)
            directories.add(target.parent)
        target.write_text(templates[template].render(root=page_root(path), **common, **values), encoding="utf-8")
        written.add(path)

    def jsonld(data: dict) -> dict:
        return {"jsonld": pagemeta.jsonld_front_matter(data)}

    counts = _counts(corpus)
    page(
        "index.md",
        "home.md.j2",
        counts=counts,
        top_people=_top(corpus.people),
        top_outlets=_top(corpus.outlets),
        description=description,
        **jsonld(pagemeta.home_jsonld(site_name=site_name, description=description, root="", urls=urls)),
    )
    page("search.md", "search.md.j2")
    for document in corpus.documents:
        path = site.url("documents", document.id)
        lines = _document_lines(site, document)
        page(
            f"documents/{document.id}.md",
            "document.md.j2",
            document=document,
            lines=lines,
            runs=_document_runs(lines),
            **jsonld(pagemeta.document_jsonld(document, path=path, root="../../", urls=urls)),
        )
    for article in corpus.articles:
        if article.has_page:
            values = _article_values(site, article)
            page(
                f"articles/{article.id}.md",
                "article.md.j2",
                article=article,
                **values,
                **_article_meta(site, article, values, site_name=site_name, urls=urls, accessed=accessed),
            )
    for entity in (*corpus.people, *corpus.outlets):
        path = site.entity_url(entity)
        parent = site.outlets.get(entity.parent) if entity.parent else None
        values = _entity_values(site, entity)
        parts = _entity_parts(site, entity, values, limits)
        page(
            f"{path.rstrip('/')}.md",
            "entity.md.j2",
            entity=entity,
            **values,
            parts={series: pages_[0] for series, pages_ in parts.items()},
            citation=pagemeta.entity_citation(entity, site_name=site_name, path=path, urls=urls, accessed=accessed),
            **jsonld(
                pagemeta.entity_jsonld(
                    entity, path=path, root="../../", urls=urls, parent_path=site.entity_url(parent) if parent else None
                )
            ),
        )
        for series, series_pages in parts.items():
            for part in series_pages[1:]:
                page(f"{part['url'].rstrip('/')}.md", "entity_part.md.j2", entity=entity, part=part, series=series)
    indexes = {
        "documents": (
            "Documents",
            [
                (d.title, site.url("documents", d.id), f"{len(site.articles_by_document[d.id])} segments")
                for d in corpus.documents
            ],
        ),
        "articles": (
            "Articles",
            [
                (a.title or a.id, site.url("articles", a.id), pagemeta.language_name(a.language))
                for a in corpus.articles
                if a.has_page
            ],
        ),
        "people": ("People", [(p.name, site.url("people", p.id), _count_label(p)) for p in corpus.people]),
        "outlets": ("Outlets", [(o.name, site.url("outlets", o.id), _count_label(o)) for o in corpus.outlets]),
    }
    for section, (title, rows) in indexes.items():
        for index_page in index_pages(section, title, _groups(rows), limits.index_rows):
            page(
                index_page["path"],
                "index.md.j2",
                section=section,
                title=index_page["title"],
                span=index_page["span"],
                groups=index_page["groups"],
                letters=index_page["letters"],
                pager=index_page["pager"],
                count_label=plural(len(rows), *NOUNS[section]),
                **jsonld(
                    pagemeta.collection_jsonld(
                        title=index_page["title"],
                        path=index_page["url"],
                        root=page_root(index_page["path"]),
                        urls=urls,
                        count=sum(len(g["rows"]) for g in index_page["groups"]),
                    )
                ),
            )

    data = docs_dir / "data"
    data.mkdir(parents=True, exist_ok=True)
    write_corpus_json(corpus, site, data / "corpus.json")
    for name, text in csv_exports(corpus, site).items():
        (data / name).write_text(text, encoding="utf-8")
    return len(written)


def _check_reserved(corpus: Corpus) -> None:
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


def letter_slug(letter: str) -> str:
    """The id and URL part for an A–Z letter: ``a`` … ``z``, ``other`` for ``#``."""
    return letter.lower() if letter != "#" else "other"


def index_pages(section: str, title: str, groups: list[tuple[str, list]], limit: int) -> list[dict]:
    """A section's A–Z index cut into pages of at most ``limit`` entries, at letter boundaries.

    Letters are packed whole onto a page while they fit; a letter with more entries than
    ``limit`` is cut into pages of its own (``b``, ``b-2``, …; the last may share its page
    with the letters after it). A section that fits in ``limit`` stays one page,
    ``<section>/``, as before: a small corpus keeps the single page a reader can scan or
    search with the browser, and its URL. Further pages are ``<section>/a-z/<letter>[-n]/``,
    named after the letter (and part) they start with, so the URL of a page changes only
    when the letters before it grow past a page; ``a-z`` is a reserved slug.
    """
    chunks: list[list[tuple[str, list, int]]] = [[]]
    size = 0
    parts_of: dict[str, int] = {}
    for letter, rows in groups:
        parts = [rows[i : i + limit] for i in range(0, len(rows), limit)] if len(rows) > limit else [rows]
        parts_of[letter] = len(parts)
        for n, part in enumerate(parts, start=1):
            if chunks[-1] and size + len(part) > limit:
                chunks.append([])
                size = 0
            chunks[-1].append((letter, part, n))
            size += len(part)
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        if not chunk:  # an empty section: its one page says so
            pages.append(
                {"path": f"{section}/index.md", "url": f"{section}/", "title": title, "span": "", "groups": []}
            )
            continue
        letter, _, part = chunk[0]
        names = [_part_name(letter, n, parts_of[letter]) for letter, _, n in (chunk[0], chunk[-1])]
        if number == 1:
            path, url = f"{section}/index.md", f"{section}/"
        else:
            name = letter_slug(letter) + (f"-{part}" if part > 1 else "")
            path, url = f"{section}/{INDEX_PAGES}/{name}.md", f"{section}/{INDEX_PAGES}/{name}/"
        span = names[0] if names[0] == names[1] else f"{names[0]} – {names[1]}"
        pages.append(
            {
                "path": path,
                "url": url,
                "title": title if number == 1 else f"{title}: {span}",
                "span": span,
                "groups": [
                    {
                        "letter": letter,
                        "name": _part_name(letter, n, parts_of[letter]),
                        "id": _letter_id(letter),
                        "rows": rows,
                    }
                    for letter, rows, n in chunk
                ],
            }
        )
    first_page: dict[str, str] = {}
    for index_page in pages:
        for group in index_page["groups"]:
            first_page.setdefault(group["letter"], index_page["url"])
    for number, index_page in enumerate(pages, start=1):
        here = {g["letter"] for g in index_page["groups"]}
        index_page["letters"] = [
            {
                "letter": letter,
                "url": "" if letter in here else first_page[letter],
                "id": _letter_id(letter),
                "here": letter in here and len(pages) > 1,
            }
            for letter, _ in groups
        ]
        index_page["pager"] = (
            _pager(
                number,
                [{"url": p["url"], "label": p["span"]} for p in pages],
                label=f"Pages of the {title.lower()} index",
            )
            if len(pages) > 1
            else None
        )
    return pages


def _letter_id(letter: str) -> str:
    """The A–Z heading's anchor, as before pagination: ``letter-A``, ``letter-other`` for ``#``."""
    return f"letter-{letter if letter != '#' else 'other'}"


def _part_name(letter: str, part: int, parts: int) -> str:
    """``B``, or ``B (part 2 of 3)`` for a letter cut over several pages."""
    return letter if parts == 1 else f"{letter} (part {part} of {parts})"


def _pager(number: int, targets: list[dict], *, label: str) -> dict:
    """Previous / next links for page ``number`` (1-based) of ``targets`` (each a url and a label)."""
    return {
        "number": number,
        "count": len(targets),
        "label": label,
        "prev": targets[number - 2] if number > 1 else None,
        "next": targets[number] if number < len(targets) else None,
        "first": targets[0],
        "last": targets[-1],
    }


def plural(count: int, singular: str, plural: str) -> str:
    """``1 person``, ``2 people``."""
    return f"{count} {singular if count == 1 else plural}"


def page_root(path: str) -> str:
    """The relative URL from the page built from ``path`` (a Markdown path) back to the site root."""
    depth = path.count("/") + (0 if path == "index.md" or path.endswith("/index.md") else 1)
    return "../" * depth


def _article_meta(
    site: Site, article: Article, values: dict, *, site_name: str, urls: PageUrls, accessed: dt.date | None
) -> dict:
    path = site.url("articles", article.id)
    people = {"outlet": values["outlet"], "via": values["via"], "authors": values["authors"]}
    citation = pagemeta.article_citation(
        article, site_name=site_name, path=path, urls=urls, documents=site.documents, accessed=accessed, **people
    )
    data = pagemeta.article_jsonld(
        article,
        path=path,
        root="../../",
        urls=urls,
        entity_path=site.entity_url,
        mentioned_people=values["mentioned_people"],
        documents=site.documents,
        **people,
    )
    return {"citation": citation, "jsonld": pagemeta.jsonld_front_matter(data)}


def _counts(corpus: Corpus) -> dict[str, int]:
    return {
        "documents": len(corpus.documents),
        "articles": sum(a.has_page for a in corpus.articles),
        "people": len(corpus.people),
        "outlets": len(corpus.outlets),
    }


def _top(entities: list[Entity], n: int = 10) -> list[Entity]:
    return sorted(entities, key=lambda e: (-len(e.mentions), e.name.casefold()))[:n]


def _count_label(entity: Entity) -> str:
    articles = len({m.article for m in entity.mentions})
    return f"{plural(len(entity.mentions), 'mention', 'mentions')} in {plural(articles, 'article', 'articles')}"


def _groups(rows: list[tuple[str, str, str]]) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """Rows grouped under their A–Z letter, each group sorted by label."""
    grouped: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for row in rows:
        grouped[index_letter(row[0])].append(row)
    return [(letter, sorted(grouped[letter], key=lambda r: (r[0].casefold(), r[1]))) for letter in sorted(grouped)]


def _document_lines(site: Site, document: Document) -> list[dict]:
    """Every line of the document, with the article (if any) it belongs to."""
    owner: dict[int, Article] = {}
    for article in site.articles_by_document[document.id]:
        for occurrence in article.occurrences:
            if occurrence.document == document.id:
                for number in range(occurrence.line_start, occurrence.line_end + 1):
                    owner[number] = article
    starts = {
        o.line_start: a
        for a in site.articles_by_document[document.id]
        for o in a.occurrences
        if o.document == document.id
    }
    return [
        {"number": n, "text": text, "article": owner.get(n), "starts": starts.get(n)}
        for n, text in enumerate(document.lines, start=1)
    ]


def _document_runs(lines: list[dict]) -> list[dict]:
    """The document's lines in runs, each either indexed for search on this page or not.

    A line inside an article that has a page of its own is indexed there (the article page
    holds its paragraphs and headline), so it is left out of the search index here and each
    text is found once, at its paragraph. Every other line (navigation residue such as
    "Also read:" blocks, teasers, footers, and lines outside any segment) is on no other
    page, so the document page is where it is indexed.
    """
    runs: list[dict] = []
    for line in lines:
        indexed = not (line["article"] and line["article"].has_page)
        if not runs or runs[-1]["indexed"] != indexed:
            runs.append({"indexed": indexed, "lines": []})
        runs[-1]["lines"].append({**line, "html": _source_line_html(line["number"], line["text"], indexed)})
    return runs


def _article_values(site: Site, article: Article) -> dict:
    marks: dict[int, list[tuple[Mention, Entity]]] = defaultdict(list)
    for mention, entity in site.mentions_by_article[article.id]:
        if mention.role is Role.MENTION:
            marks[mention.span.line].append((mention, entity))
    paragraphs = [
        _paragraph_html(p, _linked_text(site, p.text, marks.get(p.line, []), p.line), site.language)
        for p in article.paragraphs
    ]
    mentioned = sorted(
        {e.id: e for _, e in site.mentions_by_article[article.id]}.values(), key=lambda e: e.name.casefold()
    )
    return {
        "title_lang": article.language if article.language != site.language else None,
        "title_dir": pagemeta.text_direction(article.language),
        "outlet": site.outlets.get(article.outlet) if article.outlet else None,
        "via": [site.outlets[v] for v in article.via],
        "authors": [site.people[a] for a in article.authors],
        "paragraphs": paragraphs,
        "mentioned_people": [e for e in mentioned if e.entity_kind == "person"],
        "mentioned_outlets": [e for e in mentioned if e.entity_kind == "outlet"],
    }


# Hot loops (every paragraph, source line and quote of the site) build their HTML here rather than
# in the templates: Jinja's per-value escaping and attribute lookups made them most of render's
# time. Every value from a document still goes through ``escape``; only the fixed markup is literal.


def _paragraph_html(paragraph: Paragraph, html: Markup, page_language: str) -> Markup:
    """An article paragraph with its anchor, language, direction and permalink."""
    anchor = paragraph.anchor
    lang = f' lang="{escape(paragraph.language)}"' if paragraph.language != page_language else ""
    direction = pagemeta.text_direction(paragraph.language)
    dir_attr = f' dir="{direction}"' if direction else ""
    line = paragraph.line
    return Markup(
        f'<p id="{anchor}"{lang}{dir_attr}>{html} <a class="para-link" data-pagefind-ignore href="#{anchor}" '
        f'title="Permalink: line {line}" aria-label="Permalink to the paragraph at line {line}">¶</a></p>'
    )


def _source_line_html(number: int, text: str, indexed: bool) -> Markup:
    """One line of a document page (the line number is left out of search where the text is indexed)."""
    ignore = " data-pagefind-ignore" if indexed else ""
    return Markup(
        f'<p class="source-line" id="L{number}"><a class="line-number" href="#L{number}"{ignore}>{number}</a> '
        f"<span>{escape(text)}</span></p>"
    )


def _mention_html(site: Site, item: dict, root: str) -> Markup:
    """One quoted mention on an entity page, linked to its paragraph."""
    mention = item["mention"]
    lang = f' lang="{escape(item["lang"])}"' if item["lang"] else ""
    source = escape(site.documents[mention.span.document].source)
    return Markup(
        f"<li><blockquote{lang}>{highlight(mention)}</blockquote> "
        f'<a class="source" href="{escape(root + item["url"])}">{mention.role.value} · {source}, '
        f"line {mention.span.line}</a></li>"
    )


def _linked_text(site: Site, text: str, marks: list[tuple[Mention, Entity]], line: int) -> Markup:
    """The paragraph escaped, with each mention linked to its entity page."""
    if not marks:
        return escape(text)
    parts: list[str] = []  # joined once: adding Markup to Markup copies the paragraph so far each time
    cursor = 0
    for mention, entity in sorted(marks, key=lambda me: me[0].span.start):
        if mention.span.start < cursor:
            continue
        url = escape("../../" + site.entity_url(entity))
        name = escape(text[mention.span.start : mention.span.end])
        parts += [escape(text[cursor : mention.span.start]), f'<a class="mention" href="{url}">{name}</a>']
        cursor = mention.span.end
    parts.append(escape(text[cursor:]))
    return Markup("".join(parts))


def _entity_values(site: Site, entity: Entity) -> dict:
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for mention in entity.mentions:
        by_article[mention.article].append(mention)
    groups = [
        {
            "article": site.articles[aid],
            "mentions": [
                {"mention": m, "lang": _quote_language(site, site.articles[aid], m), "url": site.mention_url(m)}
                for m in sorted(ms, key=lambda m: (m.span.line, m.span.start))
            ],
        }
        for aid, ms in sorted(by_article.items(), key=lambda kv: ((site.articles[kv[0]].title or "").casefold(), kv[0]))
    ]
    spellings = Counter(m.span.text for m in entity.mentions)
    spelling_outlets: dict[str, set[str]] = defaultdict(set)
    for mention in entity.mentions:
        outlet = site.articles[mention.article].outlet
        if outlet:
            spelling_outlets[mention.span.text].add(site.outlets[outlet].name)
    values = {
        "groups": groups,
        "spellings": [
            (s, spellings[s], sorted(spelling_outlets[s])) for s in sorted(spellings, key=lambda s: (-spellings[s], s))
        ],
        "article_count": len(by_article),
        "authored": [],
        "co_mentioned": [],
        "mentioning_outlets": [],
        "published": [],
        "relayed": [],
        "parent": None,
    }
    if entity.entity_kind == "person":
        values["authored"] = site.authored[entity.id]
        values["co_mentioned"] = _co_mentioned(site, entity, set(by_article))
        values["mentioning_outlets"] = sorted(
            {
                site.outlets[site.articles[a].outlet].name: site.outlets[site.articles[a].outlet]
                for a in by_article
                if site.articles[a].outlet
            }.values(),
            key=lambda o: o.name.casefold(),
        )
    else:
        values["published"] = site.published[entity.id]
        values["relayed"] = site.relayed[entity.id]
        values["parent"] = site.outlets.get(entity.parent) if entity.parent else None
    return values


#: An entity page's long lists, each continued on numbered pages of its own inside the entity's
#: folder (``people/<slug>/mentions-2/``): key -> (heading on the first page, what the items are).
ENTITY_SERIES = {
    "mentions": ("Mentions", "mentions"),
    "authored": ("Articles credited to this name", "articles credited to this name"),
    "published": ("First published", "articles first published"),
    "relayed": ("Translated or republished", "articles translated or republished"),
}


def _entity_parts(site: Site, entity: Entity, values: dict, limits: PageLimits) -> dict[str, list[dict]]:
    """Each non-empty long list of an entity page, cut into pages; the first page of each stays on the entity page.

    Mentions are cut between article groups (about ``limits.mentions`` quotes a page, never
    splitting an article's group); article lists every ``limits.list_items`` items.
    """
    base = site.entity_url(entity)
    chunked: dict[str, list[tuple[list, int, int]]] = {}  # series -> [(items, first number, last number)]
    mentions: list[tuple[list, int, int]] = []
    for group in values["groups"]:
        size = len(group["mentions"])
        if mentions and mentions[-1][2] - mentions[-1][1] + 1 + size <= limits.mentions:
            items, first, last = mentions[-1]
            mentions[-1] = (items + [group], first, last + size)
        else:
            last = mentions[-1][2] if mentions else 0
            mentions.append(([group], last + 1, last + size))
    if mentions:
        chunked["mentions"] = mentions
    for series in ("authored", "published", "relayed"):
        articles = values[series]
        step = limits.list_items
        if articles:
            chunked[series] = [
                (articles[i : i + step], i + 1, min(i + step, len(articles))) for i in range(0, len(articles), step)
            ]
    parts: dict[str, list[dict]] = {}
    for series, chunks in chunked.items():
        heading, noun = ENTITY_SERIES[series]
        total = chunks[-1][2]
        urls = [base if n == 1 else f"{base}{series}-{n}/" for n in range(1, len(chunks) + 1)]
        targets = [
            {"url": url, "label": f"{noun} {first}–{last}"} for url, (_, first, last) in zip(urls, chunks, strict=True)
        ]
        series_parts = []
        for n, (items, first, last) in enumerate(chunks, start=1):
            if series == "mentions":
                collapse = last - first + 1 > OPEN_MENTION_LIMIT
                root = page_root(f"{urls[n - 1].rstrip('/')}.md")
                items = [
                    {
                        "article": group["article"],
                        "count": len(group["mentions"]),
                        "open": not collapse or i == 0,
                        "html": Markup("\n").join(_mention_html(site, item, root) for item in group["mentions"]),
                    }
                    for i, group in enumerate(items)
                ]
            series_parts.append(
                {
                    "number": n,
                    "url": urls[n - 1],
                    "items": items,
                    "heading": heading,
                    "range": f"{noun} {first}–{last} of {total}",
                    "pager": _pager(n, targets, label=f"Pages of {noun}") if len(chunks) > 1 else None,
                }
            )
        parts[series] = series_parts
    return parts


def _quote_language(site: Site, article: Article, mention: Mention) -> str | None:
    """The quote's language when it differs from the page's (for its ``lang`` attribute)."""
    language = site.paragraph_languages.get((article.id, mention.span.line), article.language)
    return language if language != site.language else None


def _co_mentioned(site: Site, person: Entity, articles: set[str], n: int = 10) -> list[tuple[Entity, int]]:
    counts: Counter[str] = Counter()
    for article_id in articles:
        counts.update(site.people_by_article[article_id] - {person.id})
    return [(site.people[pid], c) for pid, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]


def write_corpus_json(corpus: Corpus, site: Site, path: Path) -> None:
    """Write the data export, exactly as ``corpus-schema.md`` specifies.

    One record per line, each encoded on its own and streamed to the file: as one
    string the export would be the largest object of the build, and ``json.dump``
    with an indent runs the pure-Python encoder instead of the C one.
    """
    repeats = RepeatedLines(site)
    sections: dict[str, Iterable[dict]] = {
        "documents": (
            {
                "id": d.id,
                "source": d.source,
                "sha256": d.sha256,
                "title": d.title,
                "line_count": d.line_count,
                "url": site.url("documents", d.id),
            }
            for d in corpus.documents
        ),
        "articles": (
            {
                "id": a.id,
                "title": a.title,
                "url": site.article_url(a),
                "occurrences": [
                    {"document": o.document, "line_start": o.line_start, "line_end": o.line_end} for o in a.occurrences
                ],
                "outlet": a.outlet,
                "via": a.via,
                "authors": a.authors,
                "language": a.language,
                "kind": a.kind.value,
                "title_derived": a.title_derived,
            }
            for a in corpus.articles
        ),
        "people": (_entity_json(site, p, repeats) for p in corpus.people),
        "outlets": (
            {**_entity_json(site, o, repeats), "kind": o.outlet_kind, "parent": o.parent} for o in corpus.outlets
        ),
    }
    with open(path, "w", encoding="utf-8", buffering=2**20) as out:
        out.write('{\n "generator": ' + _json({"name": "generator", "version": __version__}))
        for name, records in sections.items():
            out.write(f',\n "{name}": [')
            empty = True
            for record in records:
                out.write(("\n  " if empty else ",\n  ") + _json(record))
                empty = False
            out.write("]" if empty else "\n ]")
        out.write("\n}\n")


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def _entity_json(site: Site, entity: Entity, repeats: RepeatedLines) -> dict:
    mentions = [_mention_json(m) for m in entity.mentions]
    mentions += [
        {**_mention_json(m), "document": d, "line": n, "repeat": True} for m in entity.mentions for d, n in repeats(m)
    ]
    mentions.sort(key=lambda m: (m["document"], m["line"], m["start"], m["article"], m["role"]))
    return {
        "id": entity.id,
        "name": entity.name,
        "aliases": entity.aliases,
        "url": site.entity_url(entity),
        "mentions": mentions,
    }


class RepeatedLines:
    """Where a mention's line stands again, verbatim, in its article's other occurrences.

    A mention is recorded where its article first occurs. In the export it is listed at
    every occurrence too (``"repeat": true``), so a reader of one document finds every name
    that document holds. Only an identical line counts: a deduplicated copy may differ.
    """

    def __init__(self, site: Site):
        self.site = site
        self._lines: dict[tuple[str, int, int], dict[str, int]] = {}

    def __call__(self, mention: Mention) -> list[tuple[str, int]]:
        article = self.site.articles[mention.article]
        if len(article.occurrences) < 2:
            return []
        span = mention.span
        text = self.site.documents[span.document].line(span.line)
        found = []
        for o in article.occurrences:
            if o.document == span.document and o.line_start <= span.line <= o.line_end:
                continue
            number = self._numbers(o.document, o.line_start, o.line_end).get(text)
            if number is not None:
                found.append((o.document, number))
        return found

    def _numbers(self, document: str, start: int, end: int) -> dict[str, int]:
        """Each line text of ``document`` lines ``start``–``end``, with the number of its first line."""
        key = (document, start, end)
        if key not in self._lines:
            lines = self.site.documents[document].lines
            numbers: dict[str, int] = {}
            for number in range(start, end + 1):
                numbers.setdefault(lines[number - 1], number)
            self._lines[key] = numbers
        return self._lines[key]


def _sorted_mentions(mentions: list[Mention]) -> list[Mention]:
    return sorted(mentions, key=lambda m: (m.span.document, m.span.line, m.span.start, m.article, m.role.value))


def _mention_json(mention: Mention) -> dict:
    return {
        "article": mention.article,
        "document": mention.span.document,
        "line": mention.span.line,
        "start": mention.span.start,
        "end": mention.span.end,
        "text": mention.span.text,
        "quote": mention.quote,
        "role": mention.role.value,
        "repeat": False,
    }


def csv_exports(corpus: Corpus, site: Site) -> dict[str, str]:
    """people.csv, outlets.csv and mentions.csv, for spreadsheets."""

    def table(header: list[str], rows: list[list]) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
        return buffer.getvalue()

    people = [[p.id, p.name, "; ".join(p.aliases), len(p.mentions), site.entity_url(p)] for p in corpus.people]
    outlets = [
        [o.id, o.name, o.outlet_kind or "", "; ".join(o.aliases), len(o.mentions), site.entity_url(o)]
        for o in corpus.outlets
    ]
    mentions = [
        [
            e.entity_kind,
            e.id,
            m.role.value,
            m.article,
            m.span.document,
            m.span.line,
            m.span.start,
            m.span.end,
            m.span.text,
            m.quote,
        ]
        for e in (*corpus.people, *corpus.outlets)
        for m in _sorted_mentions(e.mentions)
    ]
    return {
        "people.csv": table(["id", "name", "aliases", "mentions", "url"], people),
        "outlets.csv": table(["id", "name", "kind", "aliases", "mentions", "url"], outlets),
        "mentions.csv": table(
            ["entity_kind", "entity", "role", "article", "document", "line", "start", "end", "text", "quote"], mentions
        ),
    }
