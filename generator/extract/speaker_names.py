"""Who a statement's speaker is: a person mention where the statement points, or the one person it can mean.

A statement (``speakers``) points at character ranges where the speaker's name stands,
at a pronoun, or at an interview's answerer. The speaker must be one of the article's
person mentions there, or a name word no rule took that is the whole name, the surname or
the given name of exactly one person of the article (``Teymur claimed``). ``he``/``she``
goes to the one person the sentence before names, when the given name does not say otherwise.

Does not: find statements (``speakers``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import gender_guesser.detector

from ..model import Article, EntityKind, Mention, Role, Span
from ..names import TITLE_WORDS, fold_word, name_words, person_key
from .names import is_name_word
from .quotes import sentence_around
from .speech_verbs import PRONOUNS

#: A sentence before a pronoun: line, start, end (cut at the same pronoun), text, and whether it was cut there.
Before = tuple[int, int, int, str, bool]


@dataclass(frozen=True)
class Statement:
    """Words of one line attributed to whoever stands at ``who`` (or to a pronoun's antecedent)."""

    line: int
    start: int
    end: int
    words: str
    who: tuple[tuple[int, int], ...] = ()
    """Character ranges on ``who_line`` where the speaker's name may stand, best first."""
    who_line: int = 0
    pronoun: str | None = None
    before: tuple[Before, ...] = ()
    """For a pronoun: the sentences before, nearest first: (line, start, end, text) up to the same pronoun if it
    stands there, and whether it does (the search goes on to the sentence before only then)."""
    follows: int | None = None
    """A quoted paragraph with no attribution of its own: the index of the statement it goes on from."""
    who_line_text: str = ""
    """The text of ``who_line`` when it is this statement's own line (to name a speaker known in the article)."""
    colon: str = ""
    """An interview line: what stands before the colon, which must be the name (and titles) only."""
    interview_only: bool = False
    """Counts only in an article that segment calls an interview."""
    answer: bool = False
    """An ``A:`` line: the answerer is the one person the introduction names."""


def named_speaker(statement: Statement, persons: list[Mention]) -> Mention | None:
    """The person mention standing at the first of the statement's ranges that holds one."""
    on_line = [m for m in persons if m.span.line == statement.who_line]
    for start, end in statement.who:
        for mention in on_line:
            if mention.span.start < end and start < mention.span.end:
                return mention if not statement.colon or _names_the_line(mention, statement, start, end) else None
    return None


def known_speaker(statement: Statement, persons: list[Mention], article: Article) -> Mention | None:
    """``Teymur claimed``, ``Heyrany says``: a name word no rule took on this line, naming one person of the article.

    The word must be the whole name or the surname (or given name) of exactly one full name in the article.
    """
    if not statement.who_line_text or not statement.who:
        return None
    start, end = statement.who[0]
    if statement.colon:
        return _known_colon_name(statement, persons, article)
    return _known_name(persons, article, statement.who_line, statement.who_line_text, 0, start, end)


def _known_colon_name(statement: Statement, persons: list[Mention], article: Article) -> Mention | None:
    """``Vogt: …``, ``DR. NORA VOGT: …``: the words before the colon (titles aside) name one person of the article."""
    text = statement.who_line_text
    start, end = statement.who[0]
    words = list(re.finditer(r"\S+", text[start:end]))
    while words and words[0].group().rstrip(".").lower() in TITLE_WORDS:
        words.pop(0)
    if not words:
        return None
    name_start = start + words[0].start()
    if len(words) == 1:
        return _known_name(persons, article, statement.who_line, text, 0, name_start, end)
    key = person_key(text[name_start:end])
    if not any(person_key(m.span.text) == key for m in persons):
        return None
    quote_start, quote = sentence_around(text, name_start, end)
    span = Span(article.primary.document, statement.who_line, name_start, end, text[name_start:end])
    return Mention(EntityKind.PERSON, Role.MENTION, article.id, span, quote, quote_start)


def _known_name(
    persons: list[Mention], article: Article, line: int, text: str, offset: int, start: int, end: int
) -> Mention | None:
    """A mention of ``text[start:end]`` (``text`` stands at ``offset`` in ``line``) when that word is the
    whole name, the surname or the given name of exactly one person of the article."""
    word = text[start:end]
    if not is_name_word(word.title() if word.isupper() else word) or word.lower() in PRONOUNS:
        return None
    key = fold_word(word)
    full = {person_key(m.span.text) for m in persons if len(name_words(m.span.text)) >= 2 and key in _end_words(m)}
    alone = any(person_key(m.span.text) == person_key(word) for m in persons)
    if len(full) > 1 or not (full or alone):
        return None
    quote_start, quote = sentence_around(text, start, end)
    span = Span(article.primary.document, line, offset + start, offset + end, word)
    return Mention(EntityKind.PERSON, Role.MENTION, article.id, span, quote, offset + quote_start)


def _end_words(mention: Mention) -> set[str]:
    words = name_words(mention.span.text)
    return {fold_word(words[0]), fold_word(words[-1])}


def _names_the_line(mention: Mention, statement: Statement, start: int, end: int) -> bool:
    """``Dr. Olsi Jazexhi: …``: the name (after titles only) is all that stands before the colon."""
    titles = [w.strip(".").lower() for w in statement.colon[: max(0, mention.span.start - start)].split()]
    return mention.span.end == end and all(t in TITLE_WORDS for t in titles)


def antecedent(statement: Statement, persons: list[Mention], article: Article) -> Mention | None:
    """The one person the sentence before names, when the pronoun fits them."""
    for line, start, end, text, chained in statement.before:
        named = [m for m in persons if m.span.line == line and start <= m.span.start and m.span.end <= end]
        if not named:  # "Heyrany and his colleagues …": a name word no rule took, naming one person of the article
            words = (w for w in re.finditer(r"[^\W\d_][\w-]*(?:['’][^\W\d_s][\w-]*)?", text) if is_name_word(w.group()))
            named = [m for w in words if (m := _known_name(persons, article, line, text, start, w.start(), w.end()))]
        if named:  # exactly one person who fits: "Paul Ferrer met Mirela Shehu. He said …" is Ferrer
            fitting = [m for m in named if _fits(statement.pronoun or "", m)]
            return fitting[-1] if len(distinct_people(fitting)) == 1 else None
        if not chained:
            return None
    return None


def distinct_people(named: list[Mention]) -> set[str]:
    """The people among mentions: full names by key; a single word only when no full name there ends with it."""
    full = [m for m in named if len(name_words(m.span.text)) >= 2]
    ends = {w for m in full for w in _end_words(m)}
    single = {fold_word(m.span.text) for m in named if m not in full and fold_word(m.span.text) not in ends}
    return {person_key(m.span.text) for m in full} | single


def _fits(pronoun: str, mention: Mention) -> bool:
    """Whether the first word of the name, as a given name, does not contradict the pronoun's gender."""
    words = name_words(mention.span.text)
    if len(words) < 2 or not pronoun:  # no pronoun: a quoted paragraph nobody is said to say
        return True
    gender = _gender(words[0]).removeprefix("mostly_")
    return gender not in ("male", "female") or gender == PRONOUNS.get(pronoun)


@functools.cache
def _detector() -> gender_guesser.detector.Detector:
    return gender_guesser.detector.Detector()


def _gender(given: str) -> str:
    return _detector().get_gender(given)


def speaker_mention(who: Mention, speech: Span) -> Mention:
    """A speaker mention: the name as written (and its sentence) where the mention stands, the words at ``speech``."""
    return Mention(
        entity_kind=EntityKind.PERSON,
        role=Role.SPEAKER,
        article=who.article,
        span=who.span,
        quote=who.quote,
        quote_start=who.quote_start,
        speech=speech,
    )
