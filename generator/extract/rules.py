"""General rules that correct the model's people after the ruler; none of them is corpus-specific.

A short name-shaped organisation, building or group starting with a given name is a
person (``Kylian Mbappe`` ORG), and so is an untagged run of name words (``Shane
Lowry``); spans go on past particles (``Ursula von der Leyen``) and hyphens; a name
inside the name of a thing is dropped (``John F. Kennedy International Airport``,
``USS Gerald R. Ford``); the name after a speech verb (``says Jazexhi``) is a person.
Each rule is a ``Doc -> Doc`` function that only changes ``doc.ents``.

Does not: cut a person span to the name (``people``), or look beyond one paragraph.
"""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.util import filter_spans

from .. import lexicon
from .names import PARTICLES, is_name_word, looks_like_full_name

#: Model labels a full name is sometimes given instead of PERSON (``Olayemi Cardoso`` FAC,
#: ``Kylian Mbappe`` ORG). Places (GPE, LOC) are left alone: ``San Jose``, ``Abu Dhabi``.
RETYPED_LABELS = frozenset({"ORG", "FAC", "NORP", "PRODUCT"})
#: Labels whose spans a name run may cut through (the model makes one of a whole phrase).
WEAK_LABELS = lexicon.word_set("weak_entity_labels")
#: Nouns after a name that make it the name of a thing (``… International Airport``).
THING_WORDS = lexicon.word_set("thing_words")
#: Lower-case nouns right after a name that make it the name of a place (``Shato Linza complex``).
PLACE_NOUNS = lexicon.word_set("place_nouns")
#: Ship prefixes (``USS Gerald R. Ford``): what follows names a ship.
SHIP_PREFIXES = lexicon.word_set("ship_prefixes")
#: Capitalised words that may stand between "the" and a person's name ("the Reverend Jesse Jackson").
PERSON_EPITHETS = lexicon.word_set("person_epithets")
#: Verbs after which proper nouns are the speaker (narrower than resolve's ``speech_verbs``).
VERBS_BEFORE_SPEAKER = lexicon.word_set("verbs_before_speaker")


def apply_name_rules(doc: Doc) -> Doc:
    """The rules that correct the model's people, after the ruler: general, not corpus-specific."""
    doc = mark_named_organisations(doc)
    doc = mark_name_runs(doc)
    doc = join_particles(join_hyphenated(doc))
    return drop_named_things(mark_speakers(doc))


def mark_named_organisations(doc: Doc) -> Doc:
    """``Mehdi Abrishamchi`` tagged ORG: a short all-name span starting with a given name is a person.

    The small model often calls an unfamiliar full name an organisation or a
    building. A given name first, only capitalised name words, no organisation
    word (``Nejat Society``, ``Camp Ashraf``) and no article before it
    (``the Victoria Cross``) make it a person's name.
    """
    changed = False
    ents = []
    for ent in doc.ents:
        if ent.label_ in RETYPED_LABELS and span_looks_like_full_name(ent):
            ent = SpacySpan(doc, ent.start, ent.end, label="PERSON")
            changed = True
        ents.append(ent)
    if changed:
        doc.set_ents(ents)
    return doc


def span_looks_like_full_name(span: SpacySpan) -> bool:
    """``looks_like_full_name``, where a name may stand (``stands_like_a_name``)."""
    return stands_like_a_name(span) and looks_like_full_name(span.text)


def stands_like_a_name(span: SpacySpan) -> bool:
    """Not after "the" (``the Victoria Cross``) and not beside a number (``Arminia Bielefeld 0``, a results table)."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if before is not None and before.lower_ == "the":
        return False
    return not any(t is not None and t.like_num for t in (before, after))


def mark_name_runs(doc: Doc) -> Doc:
    """``Shane Lowry and Jon Rahm``: an untagged run of 2-3 name words starting with a given name is a person.

    The run may swallow entities the model put wholly inside it (``Novak`` ORG in
    ``Novak Djokovic``), cut only phrase-like ones (``WEAK_LABELS``), and never
    touch a person, place or outlet the model or the rules found.
    """
    taken = {
        i for ent in doc.ents if ent.label_ in ("PERSON", "OUTLET", "NOT_PERSON") for i in range(ent.start, ent.end)
    }
    found = []
    i = 0
    while i < len(doc):
        end = i
        while end < len(doc) and end not in taken and _run_word(doc[end], first=end == i):
            end += 1
        while end > i and doc[end - 1].lower_ in PARTICLES:
            end -= 1
        if end - i >= 2 and _run_is_a_name(span := SpacySpan(doc, i, end, label="PERSON")):
            found.append(span)
        i = max(end, i + 1)
    if found:
        kept = [e for e in doc.ents if not any(f.start < e.end and e.start < f.end for f in found)]
        doc.set_ents(filter_spans([*kept, *found]))
    return doc


def _run_word(token, *, first: bool) -> bool:
    """A proper noun shaped like a name word; past the first word of a run, a particle too (``Erik ten Hag``)."""
    if token.lower_ in PARTICLES and not first:
        return True
    return token.pos_ == "PROPN" and is_name_word(token.text)


def _run_is_a_name(span: SpacySpan) -> bool:
    """Only retyped or phrase-like entities inside, 2-3 name words, and shaped like a full name."""
    touched = [e for e in span.doc.ents if e.start < span.end and span.start < e.end]
    inside = all(
        (span.start <= e.start and e.end <= span.end and e.label_ in RETYPED_LABELS) or e.label_ in WEAK_LABELS
        for e in touched
    )
    return inside and 2 <= len([t for t in span if t.lower_ not in PARTICLES]) <= 3 and span_looks_like_full_name(span)


def join_particles(doc: Doc) -> Doc:
    """``Ursula von`` + ``der Leyen``, ``Mohammed bin Abdulrahman`` + ``Al Thani``: a name goes on past particles."""
    ents = list(doc.ents)
    changed = False
    for n, ent in enumerate(ents):
        if ent.label_ != "PERSON":
            continue
        end = _end_past_particles(ent)
        if end != ent.end and doc[end - 1].lower_ not in PARTICLES:
            ents[n] = SpacySpan(doc, ent.start, end, label="PERSON")
            changed = True
    if changed:
        doc.set_ents(filter_spans(ents))
    return doc


def _end_past_particles(ent: SpacySpan) -> int:
    """Where a person span ends when it goes on past particles and one name word; its own end otherwise."""
    doc = ent.doc
    end = ent.end
    particle_next = end < len(doc) and (doc[end].lower_ in PARTICLES and doc[end].is_lower)
    if doc[end - 1].lower_ in PARTICLES or particle_next or (end < len(doc) and doc[end].text in ("Al", "El")):
        while end < len(doc) and doc[end].lower_ in PARTICLES:
            end += 1
        past_particle = end > ent.end or doc[ent.end - 1].lower_ in PARTICLES  # "Ursula von der" + "Leyen" (GPE)
        if end < len(doc) and past_particle and is_name_word(doc[end].text) and doc[end].ent_type_ != "PERSON":
            end += 1
        elif doc[end - 1].lower_ in PARTICLES:
            end = ent.end
    return end


def drop_named_things(doc: Doc) -> Doc:
    """``USS Gerald R. Ford``, ``John F. Kennedy International Airport``: a name that names a thing is not a person."""
    ents = [e for e in doc.ents if e.label_ != "PERSON" or not _names_a_thing(e)]
    if len(ents) != len(doc.ents):
        doc.set_ents(ents)
    return doc


def _names_a_thing(ent: SpacySpan) -> bool:
    """A ship prefix, "the" and a capitalised non-epithet before it, a place noun or a thing word after it."""
    doc = ent.doc
    if ent[0].text in SHIP_PREFIXES or (ent.start > 0 and doc[ent.start - 1].text in SHIP_PREFIXES):
        return True
    if ent.start >= 2 and doc[ent.start - 2].lower_ == "the":  # "the Royal Albert Hall"
        before = doc[ent.start - 1]
        if before.is_title and before.is_alpha and before.lower_ not in PERSON_EPITHETS:
            return True
    if ent.end < len(doc) and doc[ent.end].lower_ in PLACE_NOUNS:  # "the Shato Linza complex"
        return True
    following = doc[ent.end : ent.end + 3]
    for token in following:
        if not token.is_title or token.ent_type_ == "PERSON":
            break
        if token.lower_ in THING_WORDS:
            return True
    return False


def join_hyphenated(doc: Doc) -> Doc:
    """``Ngozi Okonjo-Iweala``: a person span stopping at a hyphen inside a word takes in the rest of it."""
    ents = list(doc.ents)
    changed = False
    for i, ent in enumerate(ents):
        end = ent.end
        while (
            ent.label_ == "PERSON"
            and end + 1 < len(doc)
            and doc[end].text == "-"
            and not doc[end - 1].whitespace_
            and not doc[end].whitespace_
            and doc[end + 1].is_title
        ):
            end += 2
        if end != ent.end:
            ents[i] = SpacySpan(doc, ent.start, end, label=ent.label_)
            changed = True
    if changed:
        doc.set_ents(filter_spans(ents))
    return doc


def mark_speakers(doc: Doc) -> Doc:
    """``says Jazexhi``: a capitalised proper noun right after a speech verb is a person."""
    taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    found = []
    for token in doc[:-1]:
        if token.lower_ not in VERBS_BEFORE_SPEAKER:
            continue
        end = token.i + 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title and end not in taken:
            end += 1
        if end > token.i + 1 and end - token.i - 1 <= 3:
            found.append(SpacySpan(doc, token.i + 1, end, label="PERSON"))
    if found:
        doc.set_ents(filter_spans([*doc.ents, *found]))
    return doc
