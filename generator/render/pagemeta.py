"""Page metadata: "Cite this page" texts, JSON-LD structured data and redirect maps.

Everything here is a pure function of the model and a few explicit options (the
public site URL, the citation date). The values are handed to the templates
ready to print; the templates escape them.

Does not: write files or read the clock. The citation date comes from
SOURCE_DATE_EPOCH or from the documents' own metadata, never from "now".
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass

from markupsafe import Markup

from .. import lexicon
from ..model import Article, Corpus, Document, Entity, Kind
from ..slugs import RESERVED_SLUGS
from .lookups import DocumentCard
from .publication import http_url

#: Article kinds that schema.org calls NewsArticle; the others are plain Article.
NEWS_KINDS = frozenset({Kind.ARTICLE, Kind.INTERVIEW})

#: Language names by code, from ``lexicon/language_names.txt`` (``<code> <name>`` per line).
LANGUAGE_NAMES = dict(entry.split(" ", 1) for entry in lexicon.entries("language_names"))

#: Languages written right to left.
RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ur"})


def language_name(code: str) -> str:
    """``sq`` -> ``Albanian (sq)``; an unknown code is shown as it is."""
    name = LANGUAGE_NAMES.get(code)
    return f"{name} ({code})" if name else code


def language_label(code: str) -> str:
    """``sq`` -> ``Albanian``: the search filter's label; an unknown code is shown as it is."""
    return LANGUAGE_NAMES.get(code, code)


def text_direction(code: str) -> str | None:
    """``rtl`` for right-to-left languages, else None (the page default)."""
    return "rtl" if code in RTL_LANGUAGES else None


def source_date(environ: Mapping[str, str] | None = None) -> dt.date | None:
    """The UTC date of SOURCE_DATE_EPOCH, or None when it is unset or not a number."""
    value = (os.environ if environ is None else environ).get("SOURCE_DATE_EPOCH", "").strip()
    if not value.isdigit():
        return None
    return dt.datetime.fromtimestamp(int(value), tz=dt.UTC).date()


def metadata_date(document: Document | DocumentCard, key: str) -> str | None:
    """A ``YYYY-MM-DD`` (or ``YYYY-MM``, ``YYYY``) date from the document's sidecar metadata."""
    value = document.metadata.get(key)
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value.strip()):
        return value.strip()
    return None


def published_date(article: Article, documents: Mapping[str, DocumentCard]) -> str | None:
    """The date the article's text states; else its document's ``published`` metadata, as before dates were read."""
    if article.date:
        return article.date.value
    return metadata_date(documents[article.primary.document], "published")


class PageUrls:
    """Permalinks: absolute under ``site_url`` when it is known, else relative to the page."""

    def __init__(self, site_url: str | None):
        self.site_url = site_url.rstrip("/") + "/" if site_url else None

    def absolute(self, path: str) -> str | None:
        return self.site_url + path if self.site_url else None

    def link(self, path: str, root: str) -> str:
        """A URL for ``path`` (relative to the site root) usable on a page at depth ``root``."""
        return self.absolute(path) or root + path


@dataclass(frozen=True)
class Citation:
    """How to cite one page; ``permalink`` is None when the site URL is not known at build time."""

    text: str
    bibtex: str
    path: str
    """The page's path relative to the site root, e.g. ``people/jane-doe/``."""
    permalink: str | None


BIBTEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "#": r"\#",
    "%": r"\%",
    "_": r"\_",
    "^": r"\^{}",
    "~": r"\~{}",
}


_BIBTEX_TABLE = str.maketrans(BIBTEX_SPECIALS)


def bibtex_escape(text: str) -> str:
    """Text safe inside a braced BibTeX field: TeX specials escaped, whitespace collapsed."""
    return " ".join(text.split()).translate(_BIBTEX_TABLE)


def bibtex_entry(key: str, fields: list[tuple[str, str]]) -> str:
    """A ``@misc`` entry; field values are escaped here except ``howpublished`` (a \\url)."""
    lines = [f"@misc{{{key},"]
    for name, value in fields:
        body = value if name == "howpublished" else bibtex_escape(value)
        lines.append(f"  {name} = {{{body}}},")
    lines.append("}")
    return "\n".join(lines)


def bibtex_key(slug: str) -> str:
    """A BibTeX citation key from a slug: only the characters every BibTeX tool accepts in a key."""
    return re.sub(r"[^A-Za-z0-9:_-]", "", slug) or "page"


def article_citation(
    article: Article,
    *,
    site_name: str,
    path: str,
    urls: PageUrls,
    outlet: Entity | None,
    via: list[Entity],
    authors: list[Entity],
    documents: Mapping[str, DocumentCard],
    accessed: dt.date | None,
) -> Citation:
    """Plain text and BibTeX for an article page: who published it, where the text comes from."""
    title = article.title or article.id
    primary = article.primary
    document = documents[primary.document]
    published = published_date(article, documents)
    original = article.source_url
    permalink = urls.absolute(path)
    parts = []
    if authors:
        parts.append(", ".join(a.name for a in authors) + ".")
    parts.append(f"“{title}”.")
    if outlet:
        parts.append(f"{outlet.name}{', ' + published if published else ''}.")
    elif published:
        parts.append(f"{published}.")
    if via:
        parts.append("Translated or republished by " + ", ".join(v.name for v in via) + ".")
    if original:
        parts.append(f"Original: {original}.")
    parts.append(f"Quoted in {site_name}: {document.source}, lines {primary.line_start}–{primary.line_end}.")
    parts.append(f"{permalink or path}.")
    if accessed:
        parts.append(f"Accessed {accessed.isoformat()}.")
    fields = [("title", title)]
    if authors:
        fields.append(("author", " and ".join(a.name for a in authors)))
    if outlet:
        fields.append(("organization", outlet.name))
    if published:
        fields += [("year", published[:4]), ("date", published)]
    fields.append(("howpublished", _bibtex_url(permalink or path)))
    note = f"Quoted in {site_name}, {document.source}, lines {primary.line_start}--{primary.line_end}"
    if via:
        note += "; translated or republished by " + ", ".join(v.name for v in via)
    if original:
        note += f"; original: {original}"
    fields.append(("note", note))
    if accessed:
        fields.append(("urldate", accessed.isoformat()))
    return Citation(" ".join(parts), bibtex_entry(bibtex_key(article.id), fields), path, permalink)


def entity_citation(entity: Entity, *, site_name: str, path: str, urls: PageUrls, accessed: dt.date | None) -> Citation:
    """Plain text and BibTeX for a person or outlet page."""
    permalink = urls.absolute(path)
    kind = "Person" if entity.entity_kind == "person" else "Outlet"
    text = f"“{entity.name}” ({kind.lower()} page). {site_name}. {permalink or path}."
    if accessed:
        text += f" Accessed {accessed.isoformat()}."
    fields = [
        ("title", f"{entity.name} ({kind.lower()} page)"),
        ("organization", site_name),
        ("howpublished", _bibtex_url(permalink or path)),
    ]
    if accessed:
        fields.append(("urldate", accessed.isoformat()))
    return Citation(text, bibtex_entry(bibtex_key(entity.id), fields), path, permalink)


def _bibtex_url(url: str) -> str:
    """A ``\\url{}`` field; slugs are ASCII [a-z0-9-], so only a site URL could hold a TeX special."""
    return "\\url{" + url.replace("%", r"\%").replace("#", r"\#").replace("{", "").replace("}", "") + "}"


# ----------------------------------------------------------------------------------------------
# JSON-LD


def jsonld_front_matter(data: dict) -> Markup:
    """JSON-LD for the page's front matter: JSON on one line, ASCII only, so YAML reads it as is.

    main.html prints it with Jinja's ``tojson``, which escapes ``<``, ``>``, ``&`` and
    ``'``: a ``</script>`` inside a title cannot end the script element.
    """
    return Markup(json.dumps(data, ensure_ascii=True, sort_keys=True))


def _ref(kind: str, entity: Entity, urls: PageUrls, root: str, path: str) -> dict:
    """A person or outlet named in JSON-LD, by name and by the URL of its page."""
    return {"@type": kind, "name": entity.name, "url": urls.link(path, root)}


def article_jsonld(
    article: Article,
    *,
    path: str,
    root: str,
    urls: PageUrls,
    entity_path,
    outlet: Entity | None,
    via: list[Entity],
    authors: list[Entity],
    mentioned_people: list[Entity],
    documents: Mapping[str, DocumentCard],
) -> dict:
    """NewsArticle (or Article) with headline, author, publisher, translator, isBasedOn, inLanguage."""
    data: dict = {
        "@context": "https://schema.org",
        "@type": "NewsArticle" if article.kind in NEWS_KINDS else "Article",
        "headline": article.title or article.id,
        "inLanguage": article.language,
        "url": urls.link(path, root),
        "isBasedOn": [
            {
                "@type": "CreativeWork",
                "name": documents[o.document].source,
                "url": urls.link(f"documents/{o.document}/", root) + f"#L{o.line_start}",
            }
            for o in article.occurrences
        ],
    }
    if authors:
        data["author"] = [_ref("Person", a, urls, root, entity_path(a)) for a in authors]
    if outlet:
        data["publisher"] = _ref("NewsMediaOrganization", outlet, urls, root, entity_path(outlet))
    if via:
        data["translator"] = [_ref("NewsMediaOrganization", v, urls, root, entity_path(v)) for v in via]
    if mentioned_people:
        data["mentions"] = [_ref("Person", p, urls, root, entity_path(p)) for p in mentioned_people]
    published = published_date(article, documents)
    if published:
        data["datePublished"] = published
    original = http_url(article.source_url)
    if original:
        data["sameAs"] = original  # the same article at its original address
    return data


def entity_jsonld(entity: Entity, *, path: str, root: str, urls: PageUrls, parent_path: str | None) -> dict:
    """Person or NewsMediaOrganization, with every other spelling as alternateName."""
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Person" if entity.entity_kind == "person" else "NewsMediaOrganization",
        "name": entity.name,
        "url": urls.link(path, root),
    }
    others = sorted({a for a in entity.aliases if a != entity.name})
    if others:
        data["alternateName"] = others
    if parent_path:
        data["parentOrganization"] = {"@type": "Organization", "url": urls.link(parent_path, root)}
    return data


def document_jsonld(document: Document, *, path: str, root: str, urls: PageUrls) -> dict:
    """A DigitalDocument identified by its checksum, so a copy elsewhere can be matched to it."""
    return {
        "@context": "https://schema.org",
        "@type": "DigitalDocument",
        "name": document.title,
        "url": urls.link(path, root),
        "identifier": f"sha256:{document.sha256}",
    }


def home_jsonld(*, site_name: str, description: str, root: str, urls: PageUrls) -> dict:
    """WebSite (with a search action when the site URL is known) and the open-data Dataset."""
    website: dict = {"@type": "WebSite", "name": site_name, "url": urls.link("", root) or "./"}
    if urls.site_url:
        website["potentialAction"] = {
            "@type": "SearchAction",
            "target": urls.site_url + "search/?q={search_term_string}",
            "query-input": "required name=search_term_string",
        }
    dataset = {
        "@type": "Dataset",
        "name": f"{site_name}: data",
        "description": description,
        "distribution": [
            {"@type": "DataDownload", "encodingFormat": fmt, "contentUrl": urls.link(f"data/{name}", root)}
            for name, fmt in (
                ("corpus.json", "application/json"),
                ("corpus.sqlite", "application/vnd.sqlite3"),
                ("people.csv", "text/csv"),
                ("outlets.csv", "text/csv"),
                ("mentions.csv", "text/csv"),
            )
        ],
    }
    return {"@context": "https://schema.org", "@graph": [website, dataset]}


def collection_jsonld(*, title: str, path: str, root: str, urls: PageUrls, count: int) -> dict:
    """An A–Z index page: a CollectionPage with the number of entries it lists."""
    return {
        "@context": "https://schema.org",
        "@type": "CollectionPage",
        "name": title,
        "url": urls.link(path, root),
        "mainEntity": {"@type": "ItemList", "numberOfItems": count},
    }


# ----------------------------------------------------------------------------------------------
# Redirects


def redirect_maps(corpus: Corpus) -> dict[str, str]:
    """mkdocs-redirects ``redirect_maps``: each old entity slug's page -> the entity's page.

    An old slug that is a live page of its own, or a reserved one (a section's index
    pages), is skipped: a redirect must never replace a page.
    """
    live = {f"people/{p.id}.md" for p in corpus.people} | {f"outlets/{o.id}.md" for o in corpus.outlets}
    maps: dict[str, str] = {}
    for entity in sorted((*corpus.people, *corpus.outlets), key=lambda e: (e.entity_kind, e.id)):
        section = "people" if entity.entity_kind == "person" else "outlets"
        for old in sorted(set(entity.redirects_from)):
            source = f"{section}/{old}.md"
            if old and old != entity.id and source not in live and "/" not in old and old not in RESERVED_SLUGS:
                maps.setdefault(source, f"{section}/{entity.id}.md")
    return maps
