"""People an article names twice: a name-shaped organisation confirmed by its surname, and bare surnames.

Per article, after the model has read all its English paragraphs: a name-shaped
organisation whose last word stands alone where only a person stands (``writer
Alavi``, ``Alavi said``) is a person, and the bare surname of a full name found in
the article is a mention (``Alcaraz had saved``).

Does not: decide which person a bare surname is (``resolve``).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from .. import lexicon
from ..model import Article, Mention, Paragraph
from .names import NOT_NAME_WORDS, is_given_name, is_name_word, is_person_name, words_without_titles
from .people import POSSESSIVE
from .quotes import entity_mention, text_mention
from .rules import RETYPED_LABELS, stands_like_a_name

#: Model labels a lone surname is sometimes given in place of PERSON.
SURNAME_LABELS = lexicon.word_set("lone_surname_labels")
#: Words before a capitalised word that make it a place or a thing, not a person: "of Jordan", "in Kramer".
_NOT_BEFORE_SURNAME = lexicon.word_set("words_before_places")
#: Words before a one-word name that make it a person: role nouns ("writer Alavi") and family words.
_ROLE_NOUNS = lexicon.word_set("role_nouns") | lexicon.word_set("family_words")
#: Verbs of speech on either side of a one-word name ("Alavi said", "said Alavi").
_SPEECH_VERBS = lexicon.word_set("speech_verbs")

#: Character ranges (start, end) of one line that mentions or other entities already hold.
Taken = list[tuple[int, int]]


def unsure_full_names(doc: Doc, article: Article, paragraph: Paragraph) -> list[Mention]:
    """Spans the model did not call a person that are shaped like a full name with no given name we know.

    ``Heshmat Alavi`` (ORG): 2-3 capitalised name words, no organisation word, no
    "the" before it. Kept only when the article names the last word in a person context.
    """
    document = article.primary.document
    return [
        entity_mention("person", article.id, document, paragraph.line, ent, ent.start_char, ent.end_char)
        for ent in doc.ents
        if _is_unsure_full_name(ent)
    ]


def _is_unsure_full_name(ent: SpacySpan) -> bool:
    """2-3 name words that the model gave a label a name is often given, where a name may stand."""
    words = ent.text.split()
    if ent.label_ not in RETYPED_LABELS or not 2 <= len(words) <= 3 or not all(is_name_word(w) for w in words):
        return False
    return stands_like_a_name(ent) and is_person_name(ent.text)


def words_in_person_context(doc: Doc) -> set[str]:
    """Capitalised words that stand where only a person stands: ``writer Alavi``, ``Alavi said``, ``said Alavi``."""
    words = set()
    for token in doc:
        if not is_name_word(token.text) or token.ent_type_ in ("GPE", "LOC", "OUTLET", "NOT_PERSON"):
            continue
        before = doc[token.i - 1].lower_ if token.i > 0 else ""
        after = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
        if token.i > 0 and (is_name_word(doc[token.i - 1].text) or before == "the"):
            continue  # not alone: "The White House said" is not "House said"
        if before in _ROLE_NOUNS or before in _SPEECH_VERBS or after in _SPEECH_VERBS:
            words.add(token.text)
    return words


def surname_mentions(
    article: Article, mentions: list[Mention], paragraphs: list[tuple[Paragraph, Taken]]
) -> list[Mention]:
    """``Alcaraz had saved a match point``: the surname of a full name found in the article, standing alone.

    The model misses or mislabels many repeated surnames (``Alcaraz`` ORG). A bare
    surname of a person named in full in the same English article is a mention;
    ``resolve`` gives it to that person only when no other person of the article
    shares it (the Rajavis stay apart). Not taken: a word inside a longer name
    or another entity (``Goldman Sachs``), after ``of``/``in``/``the``, or a given name.
    """
    surnames = full_name_surnames(mentions)
    if not surnames:
        return []
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, sorted(surnames))) + r")(?=[’']s\b|(?![\w-]))")
    taken_by_line: dict[int, Taken] = {}
    for mention in mentions:
        taken_by_line.setdefault(mention.span.line, []).append((mention.span.start, mention.span.end))
    found = []
    for paragraph, entities in paragraphs:
        taken = [*taken_by_line.get(paragraph.line, []), *entities]
        for match in pattern.finditer(paragraph.text):
            start, end = match.span(1)
            if not any(start < b and a < end for a, b in taken) and _stands_alone(paragraph.text, start, end):
                found.append(text_mention("person", article, paragraph, start, end))
    return found


def full_name_surnames(mentions: list[Mention]) -> set[str]:
    """The last words of the article's full names (titles aside) that can stand alone as a surname."""
    surnames = set()
    for mention in mentions:
        words = words_without_titles(mention.span.text)
        if mention.entity_kind == "person" and len(words) >= 2:
            last = POSSESSIVE.sub("", words[-1])
            if is_name_word(last) and len(last) >= 3 and not is_given_name(last) and is_person_name(last):
                surnames.add(last)
    return surnames


def _stands_alone(text: str, start: int, end: int) -> bool:
    """Not after a place word or a name word, nor before a name word or an organisation word."""
    before = re.findall(r"[\w’'.-]+", text[:start])[-1:]
    after = re.match(r"(?:[’']s)?\s*([\w’'-]+)", text[end:])
    if before and (before[0].lower() in _NOT_BEFORE_SURNAME or is_name_word(before[0])):
        return False
    if after and not text[end:].startswith(("’", "'")):
        # "Goldman Sachs", "the Rajavi cult": part of another name
        if is_name_word(after.group(1)) or after.group(1).lower() in NOT_NAME_WORDS:
            return False
    return True
