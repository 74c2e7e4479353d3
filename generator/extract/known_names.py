"""Names already known, found again in every paragraph, and all that is found in non-English ones.

A full name the model called a person somewhere, or that curation names, is a
person wherever it stands: the small model sometimes labels ``Maryam Rajavi`` an
organisation, and it is not given Albanian or Persian text at all (it invents
names there), so there known names and listed outlets are all that is found.
In Albanian a known name may carry a case ending (``Mohammadit``); the span
stops before the ending.

Does not: find new names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .. import lexicon
from ..curation import Curation
from ..model import Article, Mention, Paragraph
from .names import is_given_name, words_without_titles
from .quotes import text_mention

#: Albanian case endings a known surname may carry (Mohammadi -> Mohammadit, Sharai -> Sharait).
ALBANIAN_ENDINGS = lexicon.entries("albanian_case_endings")


@dataclass(frozen=True)
class KnownNames:
    """Full names known from English text or curation, with one compiled pattern for them all."""

    names: tuple[str, ...]
    pattern: re.Pattern | None
    by_first_word: dict[str, re.Pattern] = field(default_factory=dict, compare=False)
    """The same pattern split by the name's first word, for ``finditer``."""

    def finditer(self, text: str) -> Iterator[re.Match]:
        """The matches of ``pattern`` in ``text``, found in time that does not grow with the number of names.

        One alternation of thousands of names is tried name by name at every capital
        letter: at 1,000 documents that was most of the extract stage. A name can only
        start where its first word stands, followed by a space, and only one first word
        can stand there; so the scan visits those places, left to right, and matches
        there with that word's part of the pattern. The matches are the same.
        """
        pieces = text.split()
        present = {piece[i:] for piece in pieces for i in range(len(piece))} & self.by_first_word.keys()
        starts = sorted((i, word) for word in present for i in _occurrences(text, word + " "))
        cursor = 0
        for start, word in starts:
            if start >= cursor and (match := self.by_first_word[word].match(text, start)):
                cursor = match.end()
                yield match


def _occurrences(text: str, needle: str) -> Iterator[int]:
    index = text.find(needle)
    while index >= 0:
        yield index
        index = text.find(needle, index + 1)


def known_person_names(groups: Iterable[list[Mention]], curation: Curation | None) -> KnownNames:
    """Full names (two words or more) seen in English text or named by curation, sorted."""
    names = {m.span.text for group in groups for m in group if m.entity_kind == "person"}
    if curation is not None:
        names |= {n for p in curation.pairs for n in p.names}
        names |= {c.display for c in curation.canonical_names}
    cleaned = set()
    for name in names:
        words = words_without_titles(name)
        if len(words) >= 2:
            cleaned.add(" ".join(words))
    known = tuple(sorted(cleaned))
    by_first_word: dict[str, list[str]] = {}
    for name in known:
        by_first_word.setdefault(name.split(" ", 1)[0], []).append(name)
    parts = {word: _known_names_regex(tuple(names)) for word, names in by_first_word.items()}
    return KnownNames(known, _known_names_regex(known), parts)


def known_name_mentions(
    article: Article, paragraph: Paragraph, known: KnownNames, outlets: re.Pattern | None
) -> list[Mention]:
    """Known people, and listed outlets when ``outlets`` is given, in a paragraph the English model does not read."""
    text = paragraph.text
    mentions = []
    if known.pattern is not None:
        for match in known.finditer(text):
            if not inside_longer_name(text, match.start(1)):
                mentions.append(text_mention("person", article, paragraph, match.start(1), match.end(1)))
    if outlets is not None:
        for match in outlets.finditer(text):
            mentions.append(text_mention("outlet", article, paragraph, match.start(1), match.end(1)))
    return mentions


def inside_longer_name(text: str, start: int) -> bool:
    """A given name right before the match makes it the tail of another name (``Mohammad Reza Pahlavi``)."""
    before = text[:start].split()
    return bool(before) and before[-1][:1].isupper() and is_given_name(before[-1])


def _known_names_regex(known: tuple[str, ...]) -> re.Pattern | None:
    """One alternation, longest names first; an Albanian case ending may follow the last word."""
    if not known:
        return None
    names = "|".join(map(re.escape, sorted(known, key=len, reverse=True)))
    endings = "|".join(map(re.escape, sorted(ALBANIAN_ENDINGS, key=len, reverse=True)))
    return re.compile(rf"(?<![\w-])({names})(?:{endings})?(?![\w-])")
