"""HTML fragments: every piece of markup the pages hold that is built in Python, escaped here.

The hot loops (every paragraph, source line and quote of the site) and the pieces that join
several links build their HTML here rather than in the templates: Jinja's per-value escaping
and attribute lookups made them most of render's time, and a joined list is logic a template
should not hold. Every value from a document goes through ``escape``; only the fixed markup is
literal. Untrusted text is only ever placed inside HTML elements, never in a Markdown context.

Does not: decide what a page shows (``views``) or write files (``render``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from markupsafe import Markup, escape

from ..model import Mention, Paragraph
from . import pagemeta


def link(root: str, url: str, label: str) -> Markup:
    """``<a href="{root}{url}">{label}</a>``, every part escaped."""
    return Markup(f'<a href="{escape(root)}{escape(url)}">{escape(label)}</a>')


def joined(links: Iterable[Markup], separator: str = ", ") -> Markup:
    """Links (or other fragments) one after another, with ``separator`` between them."""
    return Markup(separator).join(links)


def front_matter_value(value: str) -> Markup:
    """A YAML double-quoted scalar (JSON is valid YAML) with HTML metacharacters escaped.

    MkDocs themes print the title without escaping, so it is escaped here.
    """
    return Markup(json.dumps(str(escape(value)), ensure_ascii=False))


def marked(quote: str, spans: Iterable[tuple[int, int]]) -> Markup:
    """The quote with each span (offsets within it) wrapped in <mark>, all of it escaped.

    A span outside the quote, or overlapping one before it, is left unmarked.
    """
    parts: list[str] = []
    cursor = 0
    for start, end in sorted(set(spans)):
        if start < cursor or not (0 <= start < end <= len(quote)):
            continue
        parts += [escape(quote[cursor:start]), "<mark>", escape(quote[start:end]), "</mark>"]
        cursor = end
    parts.append(escape(quote[cursor:]))
    return Markup("".join(parts))


def highlight(mention: Mention) -> Markup:
    """The quote with the mention's surface text wrapped in <mark>, all of it escaped."""
    return marked(mention.quote, [(mention.span.start - mention.quote_start, mention.span.end - mention.quote_start)])


def byline(
    outlet: Markup | None, via: list[Markup], authors: list[Markup], notes: dict[str, Markup] | None = None
) -> Markup:
    """Who published the article first, who relayed it and who wrote it, from links to their pages.

    ``notes`` holds, under ``"outlet"`` or ``"authors"``, where that part came from when not the article's own text.
    """
    notes = notes or {}
    # One note for both when outlet and authors come from the same teaser: it is said once, at the end.
    shared = (
        outlet is not None
        and authors
        and notes.get("outlet") is not None
        and notes.get("outlet") == notes.get("authors")
    )
    parts = [Markup("First published by ") + outlet if outlet is not None else Markup("Publisher not stated")]
    if outlet is not None and "outlet" in notes and not shared:
        parts.append(Markup(" ") + notes["outlet"])
    if via:
        parts.append(Markup(" · translated or republished by ") + joined(via))
    if authors:
        parts.append(Markup(" · by ") + joined(authors))
        if "authors" in notes:
            parts.append(Markup(" ") + notes["authors"])
    return Markup("").join(parts)


def teaser_note(root: str, document: str, source: str, line: int) -> Markup:
    """``(from a teaser in <document>, line N)``, the document linked to that line; provenance, so not indexed."""
    return Markup(
        f'<span class="teaser-note" data-pagefind-ignore>(from a teaser in <a href="{escape(root)}documents/'
        f'{escape(document)}/#L{line}">{escape(source)}</a>, line {line})</span>'
    )


def occurrence(root: str, document: str, source: str, line_start: int, line_end: int) -> Markup:
    """Where an article stands in a document: a link to its first line, and its line range."""
    return Markup(
        f'<a href="{escape(root)}documents/{escape(document)}/#L{line_start}">{escape(source)}</a>, '
        f"lines {line_start}–{line_end}"
    )


def paragraph_html(paragraph: Paragraph, html: Markup, page_language: str) -> Markup:
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


def source_line_html(number: int, text: str, indexed: bool) -> Markup:
    """One line of a document page (the line number is left out of search where the text is indexed)."""
    ignore = " data-pagefind-ignore" if indexed else ""
    return Markup(
        f'<p class="source-line" id="L{number}"><a class="line-number" href="#L{number}"{ignore}>{number}</a> '
        f"<span>{escape(text)}</span></p>"
    )


def segment_start_html(label: Markup | str) -> Markup:
    """The marker before the first line of a segment on a document page (its article, or its kind)."""
    return Markup(f'<p class="segment-start" data-pagefind-ignore="all">{escape(label)}</p>')


def quote_item(html: Markup, *, lang: str | None, href: str, label: str) -> Markup:
    """One quote on an entity page (a sentence, or attributed words), linked to its paragraph by ``label``."""
    lang_attr = f' lang="{escape(lang)}"' if lang else ""
    source = f'<a class="source" href="{escape(href)}">{escape(label)}</a>'
    return Markup(f"<li><blockquote{lang_attr}>{html}</blockquote> {source}</li>")


def group_heading(article: Markup, details: str) -> Markup:
    """The heading of an article's quotes on an entity page: a link to the article, its outlet and date."""
    return article + Markup(f" · {escape(details)}") if details else article


def see_link(root: str, url: str, label: str, target: str) -> Markup:
    """An A–Z "see" entry: the other spelling, then a link to the page it is filed under."""
    arrow = '<span role="img" aria-label="see">→</span>'
    return Markup(f'<span class="see">{escape(label)} {arrow} {link(root, url, target)}</span>')


def with_spellings(entity_link: Markup, spellings: list[str]) -> Markup:
    """A link to a person or outlet, then every other spelling the corpus has for it (indexed for search)."""
    if not spellings:
        return entity_link
    return entity_link + Markup(f' <span class="spellings">({escape(", ".join(spellings))})</span>')


def speakers_after(links: list[Markup]) -> Markup:
    """After a paragraph holding attributed words: a link to each person they are attributed to."""
    if not links:
        return Markup("")
    return Markup(' <span class="speaker" data-pagefind-ignore>— ') + joined(links) + Markup("</span>")


def linked_text(text: str, marks: list[tuple[Mention, str]]) -> Markup:
    """The paragraph escaped, with each mention (and the URL of its entity's page) made a link."""
    if not marks:
        return escape(text)
    parts: list[str] = []  # joined once: adding Markup to Markup copies the paragraph so far each time
    cursor = 0
    for mention, href in sorted(marks, key=lambda mark: mark[0].span.start):
        if mention.span.start < cursor:
            continue
        name = escape(text[mention.span.start : mention.span.end])
        parts += [escape(text[cursor : mention.span.start]), f'<a class="mention" href="{escape(href)}">{name}</a>']
        cursor = mention.span.end
    parts.append(escape(text[cursor:]))
    return Markup("".join(parts))
