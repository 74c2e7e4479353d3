"""People by the words around a name, whatever the model's label: a title before it, speech or an apposition after.

The small model calls ``Nikki Haley`` an organisation, ``prince Reza Pahlavi`` a
product, and ``Turki al-Faisal`` nothing. A name-shaped span is a person when a title
or office stands before it (``Saudi prince Turki al-Faisal``, ``ambassador …``), when
a speech verb follows it and it starts with a given name (``Nikki Haley said``), or
when an apposition says what person it is (``X, a former member of …``). Firms named
like people (``Morgan Stanley said``) are left alone. (A nation's word in front of a
name is cut off by ``people.trim``.)

Each rule is a ``Doc -> Doc`` function that only changes ``doc.ents``; the words are
data in ``generator/lexicon/``.

Does not: cut the span to the name (``people``), or decide which person it is (``resolve``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan
from spacy.util import filter_spans

from .. import lexicon
from .names import PARTICLES, TITLES, is_given_name, is_name_word, is_person_name, looks_like_full_name
from .rules import RETYPED_LABELS, stands_like_a_name

#: Titles and offices before a name, any case: ``prince``, ``ambassador``, ``Dr``.
TITLE_WORDS = (
    lexicon.word_set("office_titles", lower=True)
    | lexicon.word_set("personal_titles", lower=True)
    | {t.lower() for t in TITLES}
)
SPEECH_VERBS = lexicon.word_set("speech_verbs")
APPOSITION_NOUNS = (
    lexicon.word_set("apposition_person_nouns")
    | lexicon.word_set("role_nouns")
    | lexicon.word_set("office_titles", lower=True)
)
FIRMS = frozenset(" ".join(n.split()) for n in lexicon.entries("firms_named_like_people"))
#: Entities a cue may not turn into a person.
FIRM_LABELS = frozenset({"PERSON", "OUTLET", "NOT_PERSON", "GPE", "LOC", "DATE", "TIME", "CARDINAL", "MONEY"})
#: Place labels the model gives unfamiliar names (``Raed Qadri`` GPE).
PLACE_LABELS = frozenset({"GPE", "LOC"})
#: Roles that, followed by a comma, introduce a name (``his lawyer, Raed Qadri``).
ROLE_NOUNS = lexicon.word_set("role_nouns") | lexicon.word_set("family_words")
MAX_WORDS = 4


def mark_people_by_context(doc: Doc) -> Doc:
    """Titled names, speaking names and names in an apposition, as PERSON entities."""
    found = [*titled_names(doc), *speaking_names(doc)]
    if not found:
        return doc
    kept = [e for e in doc.ents if not any(f.start < e.end and e.start < f.end for f in found)]
    doc.set_ents(filter_spans([*kept, *found]))
    return doc


def titled_names(doc: Doc) -> list[SpacySpan]:
    """``crown prince Reza Pahlavi``, ``his lawyer, Raed Qadri``: the name after a title, or after a role and a comma.

    The model's label inside the name does not count (``Raed Qadri`` GPE), but a name
    holding a place must then be shaped like a full name (``Prince Edward Island`` is not).
    """
    found = []
    for token in doc[:-2]:
        start = _name_start_after_title(token)
        if start is None:
            continue
        end = name_run_end(doc, start, places=True)
        span = SpacySpan(doc, start, end, label="PERSON")
        if end > start and _is_name_span(span, places=True) and not _inside_other_person(span):
            found.append(span)
    return found


def _name_start_after_title(token: Token) -> int | None:
    """Where a name would start after this token: a title (``prince``, ``Dr.``) or a role and a comma."""
    doc = token.doc
    if (token.lower_ in ROLE_NOUNS or token.lower_ in TITLE_WORDS) and doc[token.i + 1].text == ",":
        return token.i + 2
    if token.lower_.rstrip(".") in TITLE_WORDS:
        start = token.i + 1 + (doc[token.i + 1].text == ".")
        # "Lieutenant Colonel Jack Turner": the last title of a chain introduces the name
        return start if start < len(doc) and doc[start].lower_.rstrip(".") not in TITLE_WORDS else None
    return None


def _inside_other_person(span: SpacySpan) -> bool:
    """The model's person touching the span reaches beyond it: leave the model's span alone."""
    return any(
        e.label_ == "PERSON" and (e.start < span.start or e.end > span.end)
        for e in span.doc.ents
        if e.start < span.end and span.start < e.end
    )


def speaking_names(doc: Doc) -> list[SpacySpan]:
    """``Nikki Haley said`` (ORG), ``Turki al-Faisal, a former intelligence chief,``: speech or apposition after.

    Candidates are the model's name-shaped non-people and untagged runs of name words.
    A speech verb needs a given name first; an apposition needs a person's noun.
    """
    found = []
    for span in _candidates(doc):
        if not _is_name_span(span) or not stands_like_a_name(span):
            continue
        speaks = span.end < len(doc) and doc[span.end].lower_ in SPEECH_VERBS and is_given_name(span[0].text)
        if speaks or has_person_apposition(span):
            found.append(SpacySpan(doc, span.start, span.end, label="PERSON"))
    return found


def _candidates(doc: Doc) -> list[SpacySpan]:
    """Name-shaped entities the model did not call people, and untagged runs of 2-4 name words."""
    spans = [e for e in doc.ents if e.label_ in RETYPED_LABELS and 2 <= len(e) <= 6]
    taken = {i for e in doc.ents for i in range(e.start, e.end)}
    i = 0
    while i < len(doc):
        end = name_run_end(doc, i) if i not in taken and doc[i].pos_ == "PROPN" else i
        while end > i and any(j in taken for j in range(i, end)):
            end -= 1
        if end - i >= 2:
            spans.append(SpacySpan(doc, i, end))
        i = max(end, i + 1)
    return spans


def name_run_end(doc: Doc, start: int, *, places: bool = False) -> int:
    """Where a run of name words starting at ``start`` ends: particles and in-word hyphens inside (``al-Faisal``).

    With ``places``, words the model calls places may stand in the run (``Raed Qadri`` GPE).
    """
    stops = FIRM_LABELS - {"PERSON"} - (PLACE_LABELS if places else set())
    end, words = start, 0
    while end < len(doc) and words < MAX_WORDS:
        token = doc[end]
        if _joins(token) and end > start:
            after = end
            while after < len(doc) and _joins(doc[after]):
                after += 1
            if after < len(doc) and is_name_word(doc[after].text):
                end = after
                continue
        if not is_name_word(token.text) or token.ent_type_ in stops:
            break
        end, words = end + 1, words + 1
    while end > start and (doc[end - 1].lower_ in PARTICLES or doc[end - 1].text == "-"):
        end -= 1
    return end


def _joins(token: Token) -> bool:
    """A particle (``bin``, ``al``) or a hyphen inside a word (``al-Faisal``)."""
    if token.text == "-":
        return not token.whitespace_ and not token.nbor(-1).whitespace_
    return token.lower_ in PARTICLES


def _is_name_span(span: SpacySpan, *, places: bool = False) -> bool:
    """A person's name: shaped like one, no firm named like a person; a place inside only in a full name."""
    text = " ".join(span.text.replace("-", " - ").split()).replace(" - ", "-")
    if " ".join(w for w in span.text.split() if w.isalpha()) in FIRMS or text in FIRMS:
        return False
    labels = {t.ent_type_ for t in span}
    if labels & (FIRM_LABELS - {"PERSON"} - PLACE_LABELS):
        return False
    if labels & PLACE_LABELS and not (places and looks_like_full_name(text)):
        return False
    return is_person_name(text)


def has_person_apposition(span: SpacySpan) -> bool:
    """``X, a former member of …``, ``X, the party's leader,``: a person's noun within the aside after the name."""
    doc = span.doc
    if span.end + 2 >= len(doc) or doc[span.end].text != "," or doc[span.end + 1].lower_ not in ("a", "an", "the"):
        return False
    for token in doc[span.end + 2 : span.end + 6]:
        if token.is_punct:
            return False
        if token.lower_ in APPOSITION_NOUNS:
            return True
    return False
