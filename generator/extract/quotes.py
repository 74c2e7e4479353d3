"""A mention with the sentence it stands in, verbatim: the two ways of making one.

With a parsed ``Doc``, the quote is every sentence the model's sentence splitter
says the name touches; on plain text (paragraphs the model does not read, lines
searched by a regular expression) it is the sentence by full stops.

Does not: decide what is a mention.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan

from ..model import Article, Mention, Paragraph, Role, Span


def text_mention(kind: str, article: Article, paragraph: Paragraph, start: int, end: int) -> Mention:
    """A mention of ``paragraph.text[start:end]``, quoted with its sentence by full stops."""
    quote_start, quote = sentence_around(paragraph.text, start, end)
    span = Span(article.primary.document, paragraph.line, start, end, paragraph.text[start:end])
    return Mention(kind, Role.MENTION, article.id, span, quote, quote_start)


def sentence_around(text: str, start: int, end: int) -> tuple[int, str]:
    """The sentence holding [start, end), by full stops; without a model, a plain rule."""
    left = max(text.rfind(". ", 0, start), text.rfind("? ", 0, start), text.rfind("! ", 0, start))
    left = 0 if left < 0 else left + 2
    stops = [i for i in (text.find(". ", end), text.find("? ", end), text.find("! ", end)) if i >= 0]
    right = min(stops) + 1 if stops else len(text)
    quote = text[left:right].strip()
    return text.index(quote, left), quote


def entity_mention(kind: str, article: str, document: str, line: int, ent: SpacySpan, start: int, end: int) -> Mention:
    """A mention quoted with every sentence it touches: a split after "Capt." must not cut the name."""
    text = ent.doc.text
    touched = [s for s in ent.doc.sents if s.start_char < end and start < s.end_char] or [ent.sent]
    quote_start, quote_end = touched[0].start_char, touched[-1].end_char
    return Mention(
        entity_kind=kind,
        role=Role.MENTION,
        article=article,
        span=Span(document, line, start, end, text[start:end]),
        quote=text[quote_start:quote_end],
        quote_start=quote_start,
    )
