"""The chronology: every article by year and month of its date, undated ones at the end, and below
each month the sentences that state a full calendar date in it, quoted verbatim and linked to their paragraph.

The site adds no words of its own: an article entry is its date, title, outlet and kind; a sentence
entry is the sentence and its source. Years are packed whole onto pages of about
``PageLimits.index_rows`` entries (``chronology/``, then ``chronology/<year>/``), so a large corpus
keeps every page small; a small one is one page.

Does not: find dates (``segment`` reads publication dates, ``event_dates`` the dated sentences) or write files.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from markupsafe import Markup, escape

from ..model import Article
from ..wording import plural
from . import pagemeta
from .event_dates import DatedSentence
from .pagination import PageLimits, Pager, Target, make_pager, mention_chunks, page_root
from .publication import date_label, month_key
from .views import Context

#: The group of articles whose text states no date: last, after every year.
UNDATED = "undated"


@dataclass(frozen=True)
class MonthGroup:
    """The articles dated in one month (or in a year without a month) and the sentences that state a day in it."""

    id: str
    name: str
    articles: tuple[Markup, ...]
    sentences: tuple[Markup, ...]


@dataclass(frozen=True)
class YearGroup:
    """One year of the chronology (or the undated articles)."""

    id: str
    name: str
    summary: str
    months: tuple[MonthGroup, ...]


@dataclass(frozen=True)
class YearLink:
    """A year in the navigation at the top of each page: a link to where it stands."""

    name: str
    href: str


@dataclass(frozen=True)
class ChronologyPage:
    """One page of the chronology."""

    path: str
    url: str
    title: str
    summary: str
    years: tuple[YearGroup, ...]
    nav: tuple[YearLink, ...]
    pager: Pager | None
    jsonld: Markup


def chronology_pages(ctx: Context, limits: PageLimits, sentences: list[DatedSentence]) -> list[ChronologyPage]:
    """The chronology, cut into pages of whole years; ``sentences`` are the articles' ``dated_sentences``."""
    articles = [a for a in ctx.lookups.corpus.articles if a.has_page]
    years = _years(articles, sentences)
    chunks = mention_chunks([len(entries) for _, entries in years], limits.index_rows) if years else [([], 0, 0)]
    paths = [("chronology/index.md", "chronology/")] + [
        (f"chronology/{years[groups[0]][0]}.md", f"chronology/{years[groups[0]][0]}/") for groups, _, _ in chunks[1:]
    ]
    where = {years[i][0]: paths[n][1] for n, (groups, _, _) in enumerate(chunks) for i in groups}
    summary = (
        f"{plural(len(articles), 'article', 'articles')} by the date their text states, "
        f"and {plural(len(sentences), 'sentence', 'sentences')} that state a full date."
    )
    spans = [_span([years[i][0] for i in groups]) for groups, _, _ in chunks]
    targets = [Target(url, span) for (_, url), span in zip(paths, spans, strict=True)]
    pages = []
    for number, ((path, url), (groups, _, _)) in enumerate(zip(paths, chunks, strict=True), start=1):
        root = page_root(path)
        nav = tuple(
            YearLink(_year_name(year), f"{'' if where[year] == url else root + where[year]}#y-{year}")
            for year, _ in years
        )
        title = "Chronology" if number == 1 else f"Chronology: {targets[number - 1].label}"
        jsonld = pagemeta.collection_jsonld(title=title, path=url, root=root, urls=ctx.urls, count=len(articles))
        pages.append(
            ChronologyPage(
                path=path,
                url=url,
                title=title,
                summary=summary,
                years=tuple(_year_group(ctx, root, *years[i]) for i in groups),
                nav=nav,
                pager=make_pager(number, targets, label="Pages of the chronology") if len(chunks) > 1 else None,
                jsonld=pagemeta.jsonld_front_matter(jsonld),
            )
        )
    return pages


Entry = tuple[str, Article | DatedSentence]
"""A chronology entry with the month it is listed under (``YYYY-MM``, or the year alone)."""


def _years(articles: list[Article], sentences: list[DatedSentence]) -> list[tuple[str, list[Entry]]]:
    """Every year with its entries, in date order; the undated articles last."""
    by_year: dict[str, list[Entry]] = defaultdict(list)
    for article in articles:
        value = article.date.value if article.date else None
        if value is None:
            by_year[UNDATED].append(("", article))
        else:
            by_year[value[:4]].append((month_key(value) or value, article))
    for sentence in sentences:
        by_year[sentence.date[:4]].append((sentence.date[:7], sentence))
    return sorted(by_year.items(), key=lambda item: (item[0] == UNDATED, item[0]))


def _year_group(ctx: Context, root: str, year: str, entries: list[Entry]) -> YearGroup:
    """One year's months, in order; the articles dated by the year alone after its months."""
    months: dict[str, tuple[list[Article], list[DatedSentence]]] = defaultdict(lambda: ([], []))
    for key, entry in entries:
        dated, stated = months[key]
        if isinstance(entry, DatedSentence):
            stated.append(entry)
        else:
            dated.append(entry)
    groups = []
    for key in sorted(months, key=lambda k: (len(k) < 7, k)):
        dated, stated = months[key]
        dated.sort(key=lambda a: (a.date.value if a.date else "", (a.title or a.id).casefold(), a.id))
        stated.sort(key=lambda s: (s.date, s.article, s.line, s.start))
        groups.append(
            MonthGroup(
                id=f"m-{key}" if len(key) == 7 else f"y-{year}-no-month",
                name=_month_name(year, key),
                articles=tuple(_article_item(ctx, root, a) for a in dated),
                sentences=tuple(_sentence_item(ctx, root, s) for s in stated),
            )
        )
    articles = sum(len(g.articles) for g in groups)
    sentences = sum(len(g.sentences) for g in groups)
    counts = [plural(articles, "article", "articles"), plural(sentences, "dated sentence", "dated sentences")]
    summary = " · ".join(label for label, n in zip(counts, (articles, sentences), strict=True) if n)
    return YearGroup(id=f"y-{year}", name=_year_name(year), summary=summary, months=tuple(groups))


def _year_name(year: str) -> str:
    return "Undated" if year == UNDATED else year


def _month_name(year: str, key: str) -> str:
    """``January 2018``; ``2018, month not stated``; nothing for the undated articles."""
    if year == UNDATED:
        return ""
    return date_label(key) if len(key) == 7 else f"{year}, month not stated"


def _span(years: list[str]) -> str:
    names = [_year_name(y) for y in years] or [""]
    return names[0] if names[0] == names[-1] else f"{names[0]} – {names[-1]}"


def _article_item(ctx: Context, root: str, article: Article) -> Markup:
    """``<li>`` with the article's date, its title linked, its outlet and its kind."""
    parts = []
    if article.date:
        value = article.date.value
        parts.append(Markup(f'<time datetime="{escape(value)}">{escape(date_label(value))}</time>'))
    parts.append(ctx.article_link(root, article))
    outlet = ctx.lookups.outlets.get(article.outlet) if article.outlet else None
    if outlet:
        parts.append(escape(outlet.name))
    parts.append(escape(article.kind.value))
    return Markup("<li>") + Markup(" · ").join(parts) + Markup("</li>")


def _sentence_item(ctx: Context, root: str, sentence: DatedSentence) -> Markup:
    """``<li>`` with the sentence verbatim (its date marked) and a link to its paragraph."""
    article = ctx.lookups.articles[sentence.article]
    text, start, end = sentence.sentence, sentence.date_start - sentence.start, sentence.date_end - sentence.start
    quote = Markup(f"{escape(text[:start])}<mark>{escape(text[start:end])}</mark>{escape(text[end:])}")
    language = ctx.lookups.foreign_language(article, sentence.line)
    lang = f' lang="{escape(language)}"' if language else ""
    href = f"{root}{ctx.lookups.article_url(article)}#p{sentence.line}"
    return Markup(
        f'<li><blockquote{lang}>{quote}</blockquote> <a class="source" href="{escape(href)}">'
        f"{escape(article.title or article.id)}, line {sentence.line}</a></li>"
    )
