"""Publication facts as the pages show them: an article's date, where it was read, its original address.

A date is metadata the text states, shown with the line it was read from. The original address is
untrusted text from a document: only an ``http(s)`` URL becomes a link, a plain outbound one that
loads nothing (no preview, no favicon, no referrer); anything else is shown as text.

Does not: find dates or addresses in the text (``segment``), or decide what a page shows (``views``).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from .. import lexicon
from ..model import DateSource, PublicationDate

#: English month names, January first: a date's label on the site's own pages.
MONTHS = lexicon.entries("english_month_names")

#: Characters an address may not hold to become a link: whitespace, controls, quotes and angle brackets.
_UNSAFE_IN_URL = re.compile(r"[\s\x00-\x1f\x7f\"'<>`\\]")

#: The rel of every outbound link: no window access, no referrer, no endorsement.
OUTBOUND_REL = "noopener noreferrer nofollow"


def date_label(value: str) -> str:
    """``2018-01-06`` -> ``6 January 2018``; ``2018-01`` -> ``January 2018``; ``2018`` stays."""
    parts = value.split("-")
    if len(parts) == 1:
        return value
    month = MONTHS[int(parts[1]) - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"


def month_key(value: str) -> str | None:
    """The ``YYYY-MM`` a date falls in, or None for a date that gives only its year."""
    return value[:7] if len(value) >= 7 else None


def http_url(text: str | None) -> str | None:
    """``text`` when it is an absolute ``http``/``https`` URL with a host and nothing unsafe in it, else None."""
    if not text or _UNSAFE_IN_URL.search(text):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    return text if parts.scheme.lower() in {"http", "https"} and parts.hostname else None


def original_link(text: str) -> Markup:
    """The original address: a plain outbound link when it is an http(s) URL, else the text itself."""
    url = http_url(text)
    if url is None:
        return Markup(f'<span class="original-url">{escape(text)}</span>')
    return Markup(
        f'<a class="original-url" href="{escape(url)}" rel="{OUTBOUND_REL}" '
        f'referrerpolicy="no-referrer">{escape(url)}</a>'
    )


_READ_FROM = {
    DateSource.BYLINE: "date from line {line} of {source}",
    DateSource.HEADLINE: "date from the headline, line {line} of {source}",
    DateSource.TEASER: "date from a teaser, line {line} of {source}",
    DateSource.CURATION: "date set in curation.yml for line {line} of {source}",
}


def date_html(date: PublicationDate, *, root: str, source: str) -> Markup:
    """The date and where it was read, its line linked: ``6 January 2018 (date from line 5 of …)``."""
    where = Markup(f'<a href="{escape(root)}documents/{escape(date.document)}/#L{date.line}">{escape(source)}</a>')
    read_from = escape(_READ_FROM[date.source]).replace("{line}", str(date.line)).replace("{source}", where)
    note = Markup(f'<br><span class="date-note">{escape(date.note)}</span>') if date.note else Markup("")
    return Markup(
        f'<time datetime="{escape(date.value)}">{escape(date_label(date.value))}</time> '
        f'<span class="date-source">({read_from})</span>{note}'
    )
