"""Person context: the words around a one-word name that say whether it names a person.

A one-word name (``Erdogan``, ``Fresco``) seen once is as often a place or a
newspaper as a person. These rules read its sentence: a personal title, an office
or a role before it, a verb of speech next to it, or a deed done "by" it make it
a person; a preposition of place before it makes it a place. The words are data
in ``generator/lexicon/``.

Does not: decide which person a name joins (``resolve_people``).
"""

from __future__ import annotations

import re

from .. import lexicon
from ..model import Mention

#: Titles given to people only: ``Mr. Lighthizer`` is a person even when named once.
HONORIFICS = lexicon.word_set("personal_titles")
#: Offices and ranks written before a surname: ``President Tajani``, ``Chancellor Scholz``.
OFFICE_TITLES = lexicon.word_set("office_titles")
#: Family words among the role nouns: "his son Ali" is a context, but "Son" may also be a name.
FAMILY_WORDS = lexicon.word_set("family_words")
#: Roles written before a surname in news: ``spokesman Peskov``, ``striker Klinsmann``, ``analyst Meeker``.
ROLE_NOUNS = lexicon.word_set("role_nouns") | FAMILY_WORDS
#: Verbs of speech next to a one-word name: ``Erdogan said``, ``said Erdogan``.
SPEECH_VERBS = lexicon.word_set("speech_verbs")
#: Prepositions of place: ``in Fresco``, ``at Kapshtica``.
LOCATIVE = lexicon.word_set("locative_prepositions")
#: "built by X": only a person (or an organisation) stands there; not "held by" or "won by", where a team may.
#: Regular participles are matched by their ``-ed`` shape, irregular ones from the word list.
_AGENT_BY = re.compile(
    r"\b(?:[a-z]+ed|{})\s+by\s*$".format("|".join(map(re.escape, lexicon.entries("agent_participles"))))
)
#: "Kodra said", "Kodra, the host, said": the first lower-case word after the name, past one aside.
_FOLLOWING_WORD = re.compile(r"\s*(?:,[^,]{1,60},\s*)?([a-z]+)")
_WORD_BEFORE = re.compile(r"[\w’']+[.,]?")


def has_honorific(mention: Mention) -> bool:
    """``Mr. Lighthizer``, ``Ms Pampuri``: the mention itself carries a personal title."""
    first = mention.span.text.split()[0].lower().rstrip(".")
    return first in HONORIFICS and len(mention.span.text.split()) > 1


def in_person_context(mention: Mention) -> bool:
    """``President Tajani``, ``Erdogan said``, ``said Erdogan``, ``built by Erdogan``: only a person stands there.

    The model already called the word a person; its neighbours confirm it. A bare
    word named once with none of these is as often a place or a newspaper.
    """
    offset = mention.span.start - mention.quote_start
    if offset < 0:
        return False
    before = mention.quote[:offset]
    after = mention.quote[offset + len(mention.span.text) :]
    words_before = _WORD_BEFORE.findall(before)
    last = words_before[-1].lower() if words_before else ""
    if last == "the":  # "The Louvre said": a person is not "the X"
        return False
    if last.rstrip(".") in OFFICE_TITLES or last in ROLE_NOUNS or last.rstrip(",") in SPEECH_VERBS:
        return True
    if _AGENT_BY.search(before):
        return True
    following = _FOLLOWING_WORD.match(after)
    return bool(following) and following.group(1) in SPEECH_VERBS


def after_locative(mention: Mention) -> bool:
    """``in Fresco``, ``at Kapshtica``: a one-word name used as a place."""
    before = mention.quote[: max(0, mention.span.start - mention.quote_start)].split()
    return bool(before) and before[-1].lower() in LOCATIVE


#: Kin words before a bare first name: "her husband Massoud" names a relative of someone in the sentence.
RELATION_WORDS = lexicon.word_set("relation_words", lower=True)


def after_relation_word(mention: Mention) -> bool:
    """``her husband Massoud``, ``his wife, Anne``: the name is a relative of a person the sentence names."""
    before = mention.quote[: max(0, mention.span.start - mention.quote_start)]
    words = _WORD_BEFORE.findall(before.replace("-", "_"))
    return bool(words) and words[-1].rstrip(".,").replace("_", "-").lower() in RELATION_WORDS
