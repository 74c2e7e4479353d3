"""Page metadata: citations, JSON-LD escaping, redirect maps, and the sitemap and redirects MkDocs writes."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import replace
from pathlib import Path

import yaml
from jinja2 import Environment

from generator.model import Article, Corpus, DateSource, Document, Entity, Kind, Occurrence, Paragraph, PublicationDate
from generator.render import page_root, pagemeta
from generator.site import run_mkdocs
from generator.wording import plural

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = "Evil </script><script>alert(\"x\")</script> & 'quotes' {braces} 100% #1 \U0001f600"


def entity(id: str, name: str, kind: str = "person", **extra) -> Entity:
    return Entity(id=id, name=name, entity_kind=kind, aliases=[name], mentions=[], **extra)


def article(title: str = HOSTILE) -> Article:
    return Article(
        id="a-story",
        title=title,
        title_derived=False,
        kind=Kind.ARTICLE,
        language="sq",
        occurrences=[Occurrence("doc-one", 3, 9), Occurrence("doc-two", 1, 7)],
        paragraphs=[Paragraph(3, "text", "sq")],
    )


DOCUMENTS = {
    "doc-one": Document(
        "doc-one", "content/documents/doc_one.txt", "0" * 64, ("x",), "Doc one", {"published": "2019-04-05"}
    ),
    "doc-two": Document("doc-two", "content/documents/doc_two.txt", "1" * 64, ("x",), "Doc two"),
}


def test_json_ld_survives_front_matter_and_cannot_close_its_script_element():
    data = pagemeta.article_jsonld(
        article(),
        path="articles/a-story/",
        root="../../",
        urls=pagemeta.PageUrls(None),
        entity_path=lambda e: f"people/{e.id}/",
        outlet=entity("o", HOSTILE, "outlet"),
        via=[],
        authors=[entity("p", "Jane </SCRIPT> Doe")],
        mentioned_people=[],
        documents=DOCUMENTS,
    )
    front_matter = f"jsonld: {pagemeta.jsonld_front_matter(data)}\n"
    meta = yaml.safe_load(front_matter)  # what MkDocs reads
    html = Environment(autoescape=True).from_string("{{ meta.jsonld | tojson }}").render(meta=meta)  # main.html
    assert "</" not in html and "<script" not in html.lower()
    assert json.loads(html) == data
    assert data["headline"] == HOSTILE
    assert data["publisher"]["@type"] == "NewsMediaOrganization"
    assert [b["url"] for b in data["isBasedOn"]] == ["../../documents/doc-one/#L3", "../../documents/doc-two/#L1"]
    assert data["datePublished"] == "2019-04-05"


def test_json_ld_urls_are_absolute_when_the_site_url_is_known():
    urls = pagemeta.PageUrls("https://example.org/archive")
    data = pagemeta.entity_jsonld(
        entity("jane-doe", "Jane Doe"), path="people/jane-doe/", root="../../", urls=urls, parent_path=None
    )
    assert data["url"] == "https://example.org/archive/people/jane-doe/"


def test_person_json_ld_lists_other_spellings_as_alternate_names():
    person = entity("jane-doe", "Jane Doe")
    person.aliases = ["Jane Doe", "J. Doe", "Jane Dhoe"]
    data = pagemeta.entity_jsonld(
        person, path="people/jane-doe/", root="../../", urls=pagemeta.PageUrls(None), parent_path=None
    )
    assert data == {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": "Jane Doe",
        "url": "../../people/jane-doe/",
        "alternateName": ["J. Doe", "Jane Dhoe"],
    }


def test_article_citation_is_deterministic_and_escapes_bibtex():
    values = dict(
        site_name="Site",
        path="articles/a-story/",
        urls=pagemeta.PageUrls("https://example.org/"),
        outlet=entity("o", "Gazeta & Co", "outlet"),
        via=[entity("v", "Relay", "outlet")],
        authors=[entity("p", "Jane Doe")],
        documents=DOCUMENTS,
        accessed=dt.date(2024, 1, 2),
    )
    first = pagemeta.article_citation(article(), **values)
    assert first == pagemeta.article_citation(article(), **values)
    assert first.text.startswith("Jane Doe. “" + HOSTILE + "”. Gazeta & Co, 2019-04-05.")
    assert "https://example.org/articles/a-story/" in first.text and "Accessed 2024-01-02." in first.text
    assert r"\url{https://example.org/articles/a-story/}" in first.bibtex
    assert r"100\% \#1" in first.bibtex and r"\{braces\}" in first.bibtex and r"Gazeta \& Co" in first.bibtex
    assert "year = {2019}" in first.bibtex and "urldate = {2024-01-02}" in first.bibtex
    assert first.bibtex.count("{") - first.bibtex.count(r"\{") == first.bibtex.count("}") - first.bibtex.count(r"\}")


def test_citation_has_no_date_without_source_date_epoch_or_content_date():
    cite = pagemeta.entity_citation(
        entity("j", "Jane"), site_name="Site", path="people/j/", urls=pagemeta.PageUrls(None), accessed=None
    )
    assert not re.search(r"\d{4}-\d{2}-\d{2}", cite.text + cite.bibtex)
    assert cite.permalink is None and "people/j/" in cite.text


def test_source_date_reads_source_date_epoch_only():
    assert pagemeta.source_date({"SOURCE_DATE_EPOCH": "1700000000"}) == dt.date(2023, 11, 14)
    assert pagemeta.source_date({}) is None
    assert pagemeta.source_date({"SOURCE_DATE_EPOCH": "soon"}) is None


def test_language_helpers():
    assert pagemeta.language_name("sq") == "Albanian (sq)"
    assert pagemeta.language_name("xx") == "xx"
    assert pagemeta.language_label("fa") == "Persian"
    assert pagemeta.text_direction("fa") == "rtl" and pagemeta.text_direction("en") is None


def test_page_root_and_plural():
    assert [page_root(p) for p in ("index.md", "search.md", "people/index.md", "people/x.md")] == [
        "",
        "../",
        "../",
        "../../",
    ]
    assert plural(1, "person", "people") == "1 person" and plural(2, "person", "people") == "2 people"


def test_redirect_maps_point_old_slugs_at_the_entity_and_never_replace_a_page():
    jane = entity("jane-doe", "Jane Doe", redirects_from=["jane-dhoe", "john-roe", "jane-doe"])
    john = entity("john-roe", "John Roe")
    outlet = entity("gazeta", "Gazeta", "outlet", redirects_from=["gazeta-old"])
    corpus = Corpus(documents=[], articles=[], people=[jane, john], outlets=[outlet])
    assert pagemeta.redirect_maps(corpus) == {
        "outlets/gazeta-old.md": "outlets/gazeta.md",
        "people/jane-dhoe.md": "people/jane-doe.md",
    }


def test_mkdocs_writes_sitemap_urls_and_redirect_pages(tmp_path: Path):
    docs = tmp_path / "docs"
    for path in (
        "index.md",
        "search.md",
        "documents/index.md",
        "articles/index.md",
        "people/index.md",
        "outlets/index.md",
        "chronology/index.md",
        "people/jane-doe.md",
    ):
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(f"# {path}\n", encoding="utf-8")
    site = tmp_path / "site"
    run_mkdocs(
        ROOT / "mkdocs.yml",
        docs,
        site,
        site_url="https://example.org/archive/",
        redirect_maps={"people/jane-dhoe.md": "people/jane-doe.md"},
    )
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.org/archive/people/jane-doe/</loc>" in sitemap  # not in the nav, still listed
    assert "<loc>https://example.org/archive/</loc>" in sitemap
    redirect = (site / "people" / "jane-dhoe" / "index.html").read_text(encoding="utf-8")
    assert 'url=../jane-doe/"' in redirect


def dated(source_url: str | None) -> Article:
    return replace(
        article("Story"),
        date=PublicationDate("2018-01-06", "doc-one", 3, DateSource.BYLINE),
        source_url=source_url,
    )


def test_an_articles_own_date_and_original_address_go_into_its_citation():
    values = dict(
        site_name="Site",
        path="articles/a-story/",
        urls=pagemeta.PageUrls(None),
        outlet=entity("o", "Gazeta", "outlet"),
        via=[],
        authors=[],
        documents=DOCUMENTS,
        accessed=None,
    )
    cite = pagemeta.article_citation(dated("https://example.org/news_1?a=1"), **values)
    assert cite.text.startswith("“Story”. Gazeta, 2018-01-06. Original: https://example.org/news_1?a=1.")
    assert "year = {2018}" in cite.bibtex and "date = {2018-01-06}" in cite.bibtex
    assert r"original: https://example.org/news\_1?a=1" in cite.bibtex
    assert "2019-04-05" not in cite.text + cite.bibtex  # the article's own date, not its document's


def test_json_ld_dates_the_article_and_names_its_original_only_when_it_is_an_http_url():
    def jsonld(source_url: str | None) -> dict:
        return pagemeta.article_jsonld(
            dated(source_url),
            path="articles/a-story/",
            root="../../",
            urls=pagemeta.PageUrls(None),
            entity_path=lambda e: f"people/{e.id}/",
            outlet=None,
            via=[],
            authors=[],
            mentioned_people=[],
            documents=DOCUMENTS,
        )

    data = jsonld("https://example.org/a")
    assert data["datePublished"] == "2018-01-06" and data["sameAs"] == "https://example.org/a"
    assert data["url"] == "../../articles/a-story/"
    assert "sameAs" not in jsonld("javascript:alert(1)") and "sameAs" not in jsonld(None)
