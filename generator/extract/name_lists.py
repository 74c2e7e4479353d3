"""Lists of names: signature lists, panels and line-ups are lists of people when most of their items are names.

A list is either one paragraph of items separated by semicolons or bullets
(``Anna Berg, professor; Omar Haddad, lawyer; …``) or a run of short lines, one item
each. An item's head is its text before a comma, dash or bracket, titles aside
(``Dr. Anna Berg, University of X``). When at least three items, most of them, have
a head shaped like a full name, and half of them start with a known given name, the
list is a list of people and every name-shaped head is a person, even one the model
did not find.

Does not: read numbered lists (``numbered_lists``), or decide which person a name is (``resolve``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Article, Mention, Paragraph
from .names import PARTICLES, TITLES, is_given_name, is_name_word, is_person_name
from .quotes import text_mention

#: Separators between items of a one-paragraph list.
_ITEM_SEPARATOR = re.compile(r"\s*(?:;|•|·|\|)\s*")
#: Where an item's head ends: a comma, a dash between spaces, a bracket.
_HEAD_END = re.compile(r",|\s[-–—]\s|\(")
#: A label before an item's name: ``Signed:``, ``Panel:``.
_LABEL = re.compile(r"^[^,:;]{1,30}:\s*")
_TITLE = re.compile(r"^(?:(?:{})\.?\s+)+".format("|".join(map(re.escape, TITLES))))
MIN_ITEMS = 3
#: A list line is short: a name and a role, not a sentence.
MAX_LINE = 120


def name_list_mentions(article: Article, paragraph: Paragraph) -> list[Mention]:
    """The names of a one-paragraph list of people (items separated by ``;`` or bullets)."""
    items = list(_items(paragraph.text))
    if len(items) < MIN_ITEMS:
        return []
    return [text_mention("person", article, paragraph, a, b) for a, b in people_heads(paragraph.text, items)]


def name_line_mentions(article: Article) -> list[Mention]:
    """The names of every run of short lines that is a list of people (one item a line)."""
    found = []
    for run in _short_line_runs(article.paragraphs):
        found.extend(text_mention("person", article, p, a, b) for p, (a, b) in people_heads_of_lines(run))
    return found


def people_heads_of_lines(run: list[Paragraph]) -> list[tuple[Paragraph, tuple[int, int]]]:
    """The name-shaped heads of a run of lines, when the run is a list of people."""
    heads = [(p, _head(p.text, 0, len(p.text))) for p in run]
    if not is_list_of_people([p.text[a:b] for p, (a, b) in heads]):
        return []
    return [(p, (a, b)) for p, (a, b) in heads if is_listed_name(p.text[a:b])]


def people_heads(text: str, items: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The name-shaped heads of a paragraph's items, when the items are a list of people."""
    heads = [_head(text, a, b) for a, b in items]
    if not is_list_of_people([text[a:b] for a, b in heads]):
        return []
    return [(a, b) for a, b in heads if is_listed_name(text[a:b])]


def is_list_of_people(heads: list[str]) -> bool:
    """At least three heads, most shaped like names, half starting with a known given name."""
    names = [h for h in heads if is_listed_name(h)]
    given = [h for h in names if is_given_name(h.split()[0])]
    return len(names) >= MIN_ITEMS and 5 * len(names) >= 3 * len(heads) and 2 * len(given) >= len(heads)


def is_listed_name(head: str) -> bool:
    """2-4 capitalised name words (particles aside) that together look like a person's name."""
    words = [w for w in head.split() if w.lower() not in PARTICLES]
    return 2 <= len(words) <= 4 and all(is_name_word(w) for w in words) and is_person_name(head)


def _items(text: str) -> Iterator[tuple[int, int]]:
    """The (start, end) of each item between separators."""
    start = 0
    for match in _ITEM_SEPARATOR.finditer(text):
        if match.start() > start:
            yield start, match.start()
        start = match.end()
    if start < len(text.rstrip(" .")):
        yield start, len(text.rstrip(" ."))


def _head(text: str, start: int, end: int) -> tuple[int, int]:
    """An item's head: its text before a comma, dash or bracket, titles and edge spaces aside."""
    item = text[start:end]
    if label := _LABEL.match(item):
        start += label.end()
        item = item[label.end() :]
    if cut := _HEAD_END.search(item):
        item = item[: cut.start()]
    stripped = item.lstrip()
    start += len(item) - len(stripped)
    if title := _TITLE.match(stripped):
        start += title.end()
        stripped = stripped[title.end() :]
    stripped = stripped.rstrip(" .")
    return start, start + len(stripped)


def _short_line_runs(paragraphs: list[Paragraph]) -> Iterator[list[Paragraph]]:
    """Runs of consecutive short lines (next line numbers), at least ``MIN_ITEMS`` long."""
    run: list[Paragraph] = []
    for paragraph in paragraphs:
        short = len(paragraph.text.strip()) <= MAX_LINE
        if short and run and paragraph.line == run[-1].line + 1:
            run.append(paragraph)
            continue
        if len(run) >= MIN_ITEMS:
            yield run
        run = [paragraph] if short else []
    if len(run) >= MIN_ITEMS:
        yield run
