"""Person context: the words around a one-word name that say whether it names a person.

A one-word name (``Erdogan``, ``Fresco``) seen once is as often a place or a
newspaper as a person. These rules read its sentence: a personal title, an office
or a role before it, a verb of speech next to it, a deed done "by" it, a deed
only a person does after it ("Gingrich attacked"), a verb done to people before it
("met Chernomyrdin"), or another such name joined to it by "and" that acts or speaks
("Dole and Kemp campaigned") make it a person; a preposition of place before it
makes it a place. The words are data
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


#: Verbs of deeds a person does: "Gingrich attacked", "Mandela thanked" (not "won", "signed": teams and firms do).
ACTION_VERBS = lexicon.word_set("person_action_verbs")


def before_action_verb(mention: Mention) -> bool:
    """``Gingrich attacked``, ``Mandela, 78, thanked``: the name does a deed only a person does."""
    offset = mention.span.start - mention.quote_start
    if offset < 0:
        return False
    following = _FOLLOWING_WORD.match(mention.quote[offset + len(mention.span.text) :])
    return bool(following) and following.group(1) in ACTION_VERBS


#: "Dole and Kemp": the words joining two names in a list.
_AND_AFTER = re.compile(r"\s+(?:{})\s+".format("|".join(map(re.escape, lexicon.entries("name_conjunctions")))))
_AND_BEFORE = re.compile(r"\s+(?:{})\s+$".format("|".join(map(re.escape, lexicon.entries("name_conjunctions")))))


class Partners:
    """Every one-word person mention by where it starts and ends in its line, to find the name joined to another
    by "and" (a partner is one word: ``_bare_partner``)."""

    def __init__(self, mentions: list[Mention]):
        bare = [m for m in mentions if len(m.span.text.split()) == 1]
        self.starting = {(m.span.document, m.span.line, m.span.start): m for m in bare}
        self.ending = {(m.span.document, m.span.line, m.span.end): m for m in bare}


def coordinated_with_person(mention: Mention, partners: Partners) -> bool:
    """``Dole and Kemp campaigned``: two one-word names the model calls people, joined by "and", act or speak.

    The pair alone is not enough ("hit Tirana and Durres"): the second name must be
    followed by a verb of a deed or of speech, as ``before_action_verb`` reads it.
    """
    offset = mention.span.start - mention.quote_start
    if offset < 0:
        return False
    where = (mention.span.document, mention.span.line)
    if after := _AND_AFTER.match(mention.quote, offset + len(mention.span.text)):
        partner = partners.starting.get((*where, mention.quote_start + after.end()))
        return partner is not None and _bare_partner(partner, mention) and _acts_or_speaks(partner)
    if before := _AND_BEFORE.search(mention.quote[:offset]):
        partner = partners.ending.get((*where, mention.quote_start + before.start()))
        return partner is not None and _bare_partner(partner, mention) and _acts_or_speaks(mention)
    return False


def _bare_partner(partner: Mention, mention: Mention) -> bool:
    """A partner that is one word too and no place: "Blloshmi and Genc Leke" may be a family, not two people."""
    return partner is not mention and len(partner.span.text.split()) == 1 and not after_locative(partner)


def _acts_or_speaks(mention: Mention) -> bool:
    offset = mention.span.start - mention.quote_start
    following = _FOLLOWING_WORD.match(mention.quote[offset + len(mention.span.text) :])
    return bool(following) and following.group(1) in ACTION_VERBS | SPEECH_VERBS


#: Verbs whose object is a person: "met Chernomyrdin", "thanked Mandela" (not "visited", "beat").
OBJECT_VERBS = lexicon.word_set("person_object_verbs")


def after_object_verb(mention: Mention) -> bool:
    """``met Chernomyrdin``, ``praised Mandela``: the name is what a verb done to people is done to."""
    words = _WORD_BEFORE.findall(mention.quote[: max(0, mention.span.start - mention.quote_start)])
    return bool(words) and words[-1] in OBJECT_VERBS
