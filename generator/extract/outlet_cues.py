"""Outlets found by the words around them, not by a list: ``the daily La Tercera``, ``Kommersant reported``.

A capitalised name is an outlet when a medium's noun stands next to it (``newspaper
Kayhan``, ``the Shargh daily``) or ends an aside after it (``Haaretz, the Israeli
daily,``), when its staff are named after it (``the BBC's correspondent``, ``a
reporter for Kayhan``), or, for a name the model calls an organisation, when it
reports (``Kommersant reported that``) or is told something (``told Haaretz on
Monday``). Names holding an organisation word (``Ministry``, ``Party``) and social
platforms are not outlets. Also: a shipped well-known outlet name that runs on into a
longer capitalised name (``The Observer Research Foundation``) is not that outlet.

Each rule is a ``Doc -> Doc`` function that only changes ``doc.ents``; the words are
data in ``generator/lexicon/``.

Does not: say which outlet a name stands for (``resolve``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan
from spacy.util import filter_spans

from .. import lexicon
from .names import looks_like_full_name
from .outlet_mentions import MEDIA_WORDS

CUE_NOUNS = lexicon.word_set("outlet_cue_nouns")
STAFF_NOUNS = lexicon.word_set("outlet_staff_nouns")
REPORT_VERBS = lexicon.word_set("outlet_report_verbs")
AFTER_REPORT = lexicon.word_set("words_after_report")
NOT_OUTLET_WORDS = lexicon.word_set("not_outlet_words")
PLATFORMS = lexicon.word_set("media_platforms")
JOINERS = lexicon.word_set("outlet_name_joiners")
NATIONALITIES = lexicon.word_set("nationality_words")
#: Labels of words a name does not run through: dates and numbers (``On Monday Kommersant``).
STOP_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"})
#: Labels of a place or a people: a name wholly of them is not an outlet (``the Iranian newspaper``);
#: a people's word in front is cut off (``the Iranian Kayhan newspaper``).
PLACE_LABELS = frozenset({"GPE", "LOC", "NORP", "LANGUAGE"})
#: Prefix of the ruler ids of the shipped well-known outlets (``ruler.well_known_patterns``).
WELL_KNOWN_ID = "well-known:"
MAX_NAME = 5


def mark_cued_outlets(doc: Doc) -> Doc:
    """Every outlet the words around a name point to, as OUTLET entities (a listed outlet stays as it is)."""
    doc = drop_overrunning_outlets(doc)
    found = []
    for token in doc:
        found.extend(span for span in _cued_spans(token) if span is not None and _may_be_outlet(span))
    if not found:
        return doc
    kept = [e for e in doc.ents if not any(f.start < e.end and e.start < f.end for f in found)]
    doc.set_ents(filter_spans([*kept, *found]))
    return doc


def _cued_spans(token: Token) -> list[SpacySpan | None]:
    """The names this token points to as a cue word, if it is one."""
    doc = token.doc
    word = token.lower_
    two = f"{doc[token.i - 1].lower_} {word}" if token.i > 0 else word
    spans: list[SpacySpan | None] = []
    if not token.is_lower:  # "Channel 4", "Weekly Digest": a capitalised noun belongs to a name
        return spans
    if word in CUE_NOUNS or (two in CUE_NOUNS and doc[token.i - 1].is_lower):
        spans.append(name_after(doc, token.i + 1))
        start = token.i - (two in CUE_NOUNS and word not in CUE_NOUNS)
        spans.append(name_before(doc, start))
        spans.append(_apposed_name(doc, start))
    if word in STAFF_NOUNS:
        if token.i >= 2 and doc[token.i - 1].text in ("’s", "'s", "’", "'"):
            spans.append(_not_a_person(name_before(doc, token.i - 1)))
        if token.i + 1 < len(doc) and doc[token.i + 1].lower_ in ("for", "at", "with"):
            spans.append(name_after(doc, token.i + 2 + (token.i + 2 < len(doc) and doc[token.i + 2].lower_ == "the")))
    if word in REPORT_VERBS and _followed_by_report_word(doc, token.i + 1):
        spans.append(_organisation(name_before(doc, token.i)))
    if word == "told" and (span := name_after(doc, token.i + 1)) is not None:
        spans.append(_organisation(span) if _followed_by_report_word(doc, span.end) else None)
    return spans


def _apposed_name(doc: Doc, noun: int) -> SpacySpan | None:
    """``Haaretz, the Israeli daily,``: the name before an aside ``, a/the … <medium noun>`` (up to 3 words between)."""
    for j in range(noun - 1, max(noun - 5, 1), -1):
        if doc[j].lower_ in ("a", "an", "the") and doc[j - 1].text == ",":
            return name_before(doc, j - 1)
        if not (doc[j].is_lower or doc[j].ent_type_ in PLACE_LABELS) or doc[j].is_punct:
            return None
    return None


def name_after(doc: Doc, start: int) -> SpacySpan | None:
    """The capitalised name that starts at token ``start`` (up to five words, joiners inside)."""
    end = start
    while end < len(doc) and end - start < MAX_NAME and _name_token(doc[end], first=end == start):
        end += 1
    while end > start and doc[end - 1].lower_ in JOINERS:
        end -= 1
    return SpacySpan(doc, start, end, label="OUTLET") if end > start else None


def name_before(doc: Doc, end: int) -> SpacySpan | None:
    """The capitalised name that ends before token ``end``, not starting a sentence with "The"."""
    start = end
    while start > 0 and end - start < MAX_NAME and _name_token(doc[start - 1], first=False):
        start -= 1
    while start < end and _not_in_name(doc[start]):
        start += 1
    return SpacySpan(doc, start, end, label="OUTLET") if start < end else None


def _not_in_name(token: Token) -> bool:
    """A word before an outlet's name that is not part of it: "the", a joiner, a people the model names."""
    return token.lower_ in JOINERS or token.lower_ == "the" or token.ent_type_ == "NORP"


def _name_token(token: Token, *, first: bool) -> bool:
    """A capitalised word, an acronym, a web name (``Lapsi.al``), or inside a name a joiner or a number."""
    text = token.text
    if token.ent_type_ in STOP_LABELS and not first:
        return False
    if not first and (token.lower_ in JOINERS or (token.like_num and token.i > 0 and token.nbor(-1).is_title)):
        return True
    return text[:1].isupper() and any(ch.isalpha() for ch in text)


def _not_a_person(span: SpacySpan | None) -> SpacySpan | None:
    """The span, unless the model calls any of it a person (``Trump's editor``)."""
    return None if span is None or any(t.ent_type_ == "PERSON" for t in span) else span


def _organisation(span: SpacySpan | None) -> SpacySpan | None:
    """The span, when the model called it an organisation and it is not an acronym (``IAEA reported``)."""
    if span is None or span.text.isupper():
        return None
    labels = {t.ent_type_ for t in span}
    return span if labels == {"ORG"} else None


def _followed_by_report_word(doc: Doc, i: int) -> bool:
    """``reported that``, ``told Haaretz on Monday``, ``reported.``: not ``Tesla reported a loss``."""
    return i >= len(doc) or doc[i].is_punct or doc[i].lower_ in AFTER_REPORT


def _may_be_outlet(span: SpacySpan) -> bool:
    """Not a place, a people or a date; not a platform, a person's full name or another organisation."""
    labels = [t.ent_type_ for t in span]
    if all(t.text in NATIONALITIES for t in span):  # "the Slovak daily": a people's word the model missed
        return False
    if "OUTLET" in labels or all(label in PLACE_LABELS for label in labels):
        return False
    words = [t.lower_ for t in span]
    if span.text in PLATFORMS or looks_like_full_name(span.text):
        return False
    return not (set(words) & NOT_OUTLET_WORDS) or bool(set(words) & MEDIA_WORDS)


def drop_overrunning_outlets(doc: Doc) -> Doc:
    """A shipped outlet name followed by another capitalised word names something longer (``The Observer Research``)."""
    ents = [e for e in doc.ents if not _overruns(e)]
    if len(ents) != len(doc.ents):
        doc.set_ents(ents)
    return doc


def _overruns(ent: SpacySpan) -> bool:
    if ent.label_ != "OUTLET" or not ent.ent_id_.startswith(WELL_KNOWN_ID) or ent.end >= len(ent.doc):
        return False
    after = ent.doc[ent.end]
    return after.is_title and after.is_alpha and not after.is_sent_start
