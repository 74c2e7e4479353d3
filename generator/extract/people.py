"""Person candidates cut to the name: glue, possessives, edge punctuation, greetings, leading job words, coordination.

A span the model (or a rule) calls a person often carries more than the name:
``…_AlbaniaFarid Totounchi``, ``Khodabandeh’s``, ``Dear Ilir Meta,``, ``Striker
Andrei Tikhonov``, ``Anne and Massoud Khodabandeh``. These rules move the span's
edges inward, so the result is still a view (start, end) of the same line.

Does not: decide whether the cleaned text is a name (``names``).
"""

from __future__ import annotations

import re

from .. import lexicon
from .names import GLUE_BREAK, is_given_name, is_person_name

POSSESSIVE = re.compile(r"[’']s?$")
_EDGE = re.compile(r"^[^\w]+|[^\w.]+$")
#: A letter's greeting before a name (``Dear Ilir Meta,``, ``To Prime Minister …``); not segment's wider rule.
_GREETING = re.compile(
    r"^(?:Dear|To)\s+(?:(?:{})\.?\s+)?".format("|".join(map(re.escape, lexicon.entries("greeting_titles"))))
)
_COORDINATION = re.compile(r"\s+(?:and|&|dhe)\s+")
#: Role nouns never cut from the front of a name ("Champion …", "Colleague …"): left out when the rule
#: came in (commit 23b997e, no reason recorded), and still left out so that output does not change.
_NOT_LEADING_ROLES = frozenset({"champion", "colleague"})
#: Job words a sentence may open with before a name; family words are left out ("Son Heung-min").
_LEADING_ROLES = sorted(
    w.capitalize() for w in lexicon.word_set("role_nouns") - lexicon.word_set("family_words") - _NOT_LEADING_ROLES
)
#: Offices written before a name ("Archbishop Desmond Tutu"), cut when two name words remain.
_LEADING_OFFICE = re.compile(
    r"^(?:{})\s+".format("|".join(sorted((w.title() for w in lexicon.entries("office_titles")), key=len, reverse=True)))
)
#: A nation's word in front of a name is not part of it ("Saudi Turki al-Faisal"); given names stay ("German").
NATIONALITIES = lexicon.word_set("nationality_words")
_LEADING_ROLE = re.compile(r"^(?:{})\s+".format("|".join(_LEADING_ROLES)))


def person_parts(line: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clean character ranges of the names inside an NER person span (none when it is not a name)."""
    start, end = cut_glue(line, start, end)
    parts = []
    text = line[start:end]
    pieces = _COORDINATION.split(text)
    offset = start
    for piece in pieces:
        piece_start = line.index(piece, offset)
        offset = piece_start + len(piece)
        a, b = trim(line, piece_start, piece_start + len(piece))
        if a < b and is_person_name(line[a:b]):
            parts.append((a, b))
    return parts


def cut_glue(line: str, start: int, end: int) -> tuple[int, int]:
    """Keep what follows the last glue point: ``…_Albania_2Borzou Dargahi`` -> ``Borzou Dargahi``."""
    text = line[start:end]
    last = 0
    for match in GLUE_BREAK.finditer(text):
        last = match.end()
    return start + last, end


def trim(line: str, start: int, end: int) -> tuple[int, int]:
    """Drop edge punctuation, a possessive ending, a greeting and a leading job word; still a view of the line."""
    text = line[start:end]
    text = POSSESSIVE.sub("", text) if re.search(r"\w[’']s?$", text) else text
    start, text = _strip_edges(start, text)
    text = text.rstrip(".") if not re.search(r"\b[A-Z]\.$", text) else text
    if greeting := _GREETING.match(text):  # "Dear Ilir Meta," in a letter's greeting
        start += greeting.end()
        text = text[greeting.end() :]
    if (role := _LEADING_ROLE.match(text)) and len(text[role.end() :].split()) >= 2:
        start += role.end()  # "Striker Andrei Tikhonov" at the start of a sentence
        text = text[role.end() :]
    office = _LEADING_OFFICE.match(text)
    if office and len(text[office.end() :].split()) >= 2 and not is_given_name(office.group().strip()):
        start += office.end()  # "Archbishop Desmond Tutu": an office is not part of the name
        text = text[office.end() :]
    return without_nationality(line, start, start + len(text))


def without_nationality(line: str, start: int, end: int) -> tuple[int, int]:
    """``Saudi Turki al-Faisal`` -> ``Turki al-Faisal``: a nation's word (not also a given name) is cut off."""
    words = line[start:end].split(" ")
    if len(words) >= 2 and words[0] in NATIONALITIES and not is_given_name(words[0]):
        return start + len(words[0]) + 1, end
    return start, end


def _strip_edges(start: int, text: str) -> tuple[int, str]:
    """Punctuation off both ends (a full stop may stay at the end, for ``R.``), moving ``start`` with it."""
    match = _EDGE.search(text)
    while match:
        if match.start() == 0:
            start += match.end()
            text = text[match.end() :]
        else:
            text = text[: match.start()]
        match = _EDGE.search(text)
    return start, text
