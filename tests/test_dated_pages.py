"""Dated pages: the article header, the Articles index and the chronology, on a hand-made corpus with set dates."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from generator.model import Article, Corpus, Kind, Occurrence, Teaser
from generator.render import PageLimits, render
from generator.render.publication import date_label, http_url, original_link
from generator.render.siteconfig import SiteConfig

from .dated_corpus import dated_corpus

SITE = SiteConfig(name="Test", description="A test site.")


def rendered(tmp_path: Path, corpus: Corpus, limits: PageLimits | None = None) -> Path:
    render(corpus, tmp_path, site=SITE, **({"limits": limits} if limits else {}))
    return tmp_path


def test_date_labels_keep_the_precision_the_text_gives():
    assert date_label("2018-01-06") == "6 January 2018"
    assert date_label("2018-01") == "January 2018"
    assert date_label("2018") == "2018"


@pytest.mark.parametrize(
    "text",
    [
        "javascript:alert(1)",
        "data:text/html,<b>x</b>",
        "//example.org/a",
        "example.org",
        "http://a b",
        "https://",
        "ftp://x.org/",
    ],
)
def test_only_an_http_url_becomes_a_link(text: str):
    assert http_url(text) is None
    html = str(original_link(text))
    assert "<a " not in html and "<b>" not in html


def test_an_http_url_becomes_a_plain_outbound_link():
    html = str(original_link("https://example.org/a?b=1&c=2"))
    assert html.startswith('<a class="original-url" href="https://example.org/a?b=1&amp;c=2"')
    assert 'rel="noopener noreferrer nofollow"' in html and 'referrerpolicy="no-referrer"' in html
    assert "<img" not in html


def test_article_header_shows_the_date_where_it_was_read_and_the_original(tmp_path: Path):
    page = (rendered(tmp_path, dated_corpus()) / "articles" / "police-raid.md").read_text(encoding="utf-8")
    assert '<time datetime="2018-01-06">6 January 2018</time>' in page
    assert 'date from line 2 of <a href="../../documents/doc/#L2">content/documents/doc.txt</a>' in page
    assert 'href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer nofollow"' in page
    assert 'data-pagefind-filter="year[data-value]" data-value="2018"' in page
    assert (
        'First published by <a href="../../outlets/gazeta/">Gazeta</a> · by <a href="../../people/jane-doe/">' in page
    )
    jsonld = json.loads(re.search(r"^jsonld: (.*)$", page, re.M).group(1))
    assert jsonld["datePublished"] == "2018-01-06" and jsonld["sameAs"] == "https://example.org/a?b=1&c=2"
    assert "2018-01-06." in page and "Original: https://example.org/a?b=1&amp;c=2." in page  # Cite this page
    assert "date = {2018-01-06}" in page


def test_a_hostile_source_url_is_shown_as_text(tmp_path: Path):
    corpus = dated_corpus(source_url='javascript:alert(1)"><script>x</script>')
    page = (rendered(tmp_path, corpus) / "articles" / "police-raid.md").read_text(encoding="utf-8")
    assert "<script>" not in page and 'href="javascript' not in page
    assert '<span class="original-url">javascript:alert(1)&#34;&gt;&lt;script&gt;' in page
    assert '"sameAs"' not in page


def test_an_undated_article_has_no_date_row_and_no_year_filter(tmp_path: Path):
    docs = rendered(tmp_path, dated_corpus(date=None, source_url=None))
    page = (docs / "articles" / "police-raid.md").read_text(encoding="utf-8")
    assert "<dt>Date</dt>" not in page and "year[data-value]" not in page and "<dt>Original</dt>" not in page
    teaser = (docs / "articles" / "a-letter.md").read_text(encoding="utf-8")
    assert "date from a teaser, line 5 of" in teaser and "another teaser says 2019-08" in teaser


def test_articles_index_shows_date_outlet_and_kind_and_links_to_date_order(tmp_path: Path):
    docs = rendered(tmp_path, dated_corpus())
    index = (docs / "articles" / "index.md").read_text(encoding="utf-8")
    assert "2018-01-06 · Gazeta · article · English (en)" in index
    assert "undated · other · English (en)" in index
    assert 'In date order: <a href="../chronology/">Chronology</a>' in index
    assert "In date order" not in (docs / "people" / "index.md").read_text(encoding="utf-8")


def headings(text: str) -> list[str]:
    return re.findall(r"<h[23] id=\"([^\"]+)\">", text)


def test_chronology_lists_articles_by_month_and_dated_sentences_below_each_month(tmp_path: Path):
    text = (rendered(tmp_path, dated_corpus()) / "chronology" / "index.md").read_text(encoding="utf-8")
    assert headings(text) == ["y-2018", "m-2018-01", "y-2019", "m-2019-07", "y-undated"]
    january = text[text.index('id="m-2018-01"') : text.index('id="y-2019"')]
    assert january.index("police-raid/") < january.index("<blockquote>")
    assert "<mark>5 January 2018</mark>, the police entered the camp near Manëz." in january
    assert 'href="../articles/police-raid/#p3">Police raid the camp, line 3</a>' in january
    assert "Tirana" not in text  # the dateline dates the article: it is not an event
    july = text[text.index('id="m-2019-07"') : text.index('id="y-undated"')]
    assert "a-letter/" in july and '<blockquote lang="sq">Më <mark>12 korrik 2019</mark>' in july
    assert "an-undated-note/" in text[text.index('id="y-undated"') :]


def test_a_date_that_gives_only_its_year_is_listed_after_that_years_months(tmp_path: Path):
    corpus = dated_corpus(date="2018")
    text = (rendered(tmp_path, corpus) / "chronology" / "index.md").read_text(encoding="utf-8")
    assert headings(text)[:3] == ["y-2018", "m-2018-01", "y-2018-no-month"]
    assert "police-raid/" in text[text.index('id="y-2018-no-month"') : text.index('id="y-2019"')]


def test_a_long_chronology_is_cut_into_pages_of_whole_years(tmp_path: Path):
    corpus = dated_corpus()
    copies = [replace(a, id=f"{a.id}-{n}" if n else a.id) for n in range(3) for a in corpus.articles]
    docs = rendered(tmp_path, replace(corpus, articles=copies), PageLimits(index_rows=4))
    pages = sorted((docs / "chronology").glob("*.md"))
    assert [p.name for p in pages] == ["2019.md", "index.md", "undated.md"]
    seen = []
    for page in pages:
        text = page.read_text(encoding="utf-8")
        seen += re.findall(r'<li><time[^>]*>[^<]*</time> · <a href="../(?:../)?articles/([^/]+)/', text)
        seen += re.findall(r'<li><a href="../(?:../)?articles/([^/]+)/', text)
        assert 'rel="next"' in text or page.name == "undated.md"
        for year in ("2018", "2019", "undated"):
            assert f"#y-{year}" in text  # every page links to every year
    assert sorted(seen) == sorted(a.id for a in copies)


def test_corpus_json_articles_carry_the_date_and_the_original(tmp_path: Path):
    data = json.loads((rendered(tmp_path, dated_corpus()) / "data" / "corpus.json").read_text(encoding="utf-8"))
    first, second, third = data["articles"]
    assert {k: first[k] for k in ("date", "date_line", "date_source", "source_url")} == {
        "date": "2018-01-06",
        "date_line": 2,
        "date_source": "byline",
        "source_url": "https://example.org/a?b=1&c=2",
    }
    assert (second["date"], second["date_source"]) == ("2019-07", "teaser")
    assert {k: third[k] for k in ("date", "date_line", "date_source", "source_url")} == dict.fromkeys(
        ("date", "date_line", "date_source", "source_url")
    )


def test_document_page_lists_its_teasers_linked_or_cited_not_in_this_archive(tmp_path: Path):
    corpus = dated_corpus()
    nav = Article(
        id="doc-nav",
        title=None,
        title_derived=True,
        kind=Kind.NAVIGATION,
        language="en",
        occurrences=[Occurrence("doc", 7, 8)],
        paragraphs=[],
        teasers=[
            Teaser("doc", 7, "Police raid the camp", 1, "police-raid", "Ana Vata, <b>Ledger</b>", "2018-01-06"),
            Teaser("doc", 8, "A piece kept elsewhere", None, None, "Ben Hox, Gazeta", "2017"),
        ],
    )
    corpus = replace(corpus, articles=[*corpus.articles, nav])
    page = (rendered(tmp_path, corpus) / "documents" / "doc.md").read_text(encoding="utf-8")
    teasers = page.split("## Teasers", 1)[1].split("##", 1)[0]
    rows = re.findall(r"<li>(.*?)</li>", teasers)
    assert rows[0].startswith('<a href="#L7">line 7</a> · Police raid the camp · Ana Vata, &lt;b&gt;Ledger&lt;/b&gt;')
    assert rows[0].endswith('<a href="../../articles/police-raid/">Police raid the camp</a>')
    assert (
        rows[1]
        == '<a href="#L8">line 8</a> · A piece kept elsewhere · Ben Hox, Gazeta · 2017 · cited, not in this archive'
    )
