"""Names in a numbered list of people: ``2- Hadi Sani Khani`` among signatories the model mostly found.

Does not: read lists whose items are not mostly people, or lines beyond one article.
"""

from __future__ import annotations

import re

from ..model import Article, Mention, Paragraph
from .names import PARTICLES, is_name_word, is_person_name
from .quotes import text_mention

#: A line holding only an item number and a text: ``2- Hadi Sani Khani``, ``(3) …``. Not segment's
#: list-item rule, which only tells whether a line opens a list item.
_NUMBERED_ITEM = re.compile(r"^\s*\(?\d{1,3}\s*[-.)–]\)?\s+(?P<name>\S.*?)[\s,.;]*$")
#: A numbered list is a list of people when at least this many of its items, and most, are people.
MIN_LISTED_PEOPLE = 3


def listed_names(article: Article, mentions: list[Mention]) -> list[Mention]:
    """``2- Hadi Sani Khani`` in a numbered list of signatories whose other items are people.

    A line holding only a number and a name-shaped text is a person when most
    numbered lines of the article (at least three) are people the model found.
    """
    people_lines = {m.span.line for m in mentions if m.entity_kind == "person"}
    items = [(p, m) for p in article.paragraphs if (m := _NUMBERED_ITEM.match(p.text))]
    with_people = [p for p, _ in items if p.line in people_lines]
    if len(with_people) < MIN_LISTED_PEOPLE or 2 * len(with_people) < len(items):
        return []
    found = []
    for paragraph, match in items:
        if paragraph.line not in people_lines and _is_listed_name(match.group("name")):
            found.append(_item_mention(article, paragraph, match))
    return found


def _is_listed_name(name: str) -> bool:
    """2-4 name words (particles aside) that together look like a person's name."""
    words = [w for w in name.split() if w.lower() not in PARTICLES]
    return 2 <= len(words) <= 4 and all(is_name_word(w) for w in words) and is_person_name(name)


def _item_mention(article: Article, paragraph: Paragraph, match: re.Match) -> Mention:
    start = match.start("name")
    return text_mention("person", article, paragraph, start, start + len(match.group("name")))
