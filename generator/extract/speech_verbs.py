"""Speech verbs in a parsed paragraph: which verb introduces a quote, who its subject is, what it reports.

The rules of ``speakers`` that read the dependency parse (and, without one, the words
beside the verb). Verbs are data (``lexicon/attribution_verbs.txt``).

Does not: decide which person speaks (``speaker_names``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .. import lexicon
from .speech_marks import Quoted, inside

ATTRIBUTION_VERBS = lexicon.word_set("attribution_verbs", lower=True)
LISTENER_VERBS = lexicon.word_set("listener_verbs", lower=True)
#: Pronoun -> the gender its antecedent's given name must not contradict.
PRONOUNS = dict(entry.split() for entry in lexicon.entries("speaker_pronouns"))
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
#: A participle or a second verb without its own subject takes the subject of the verb it hangs on.
SHARED_SUBJECT = frozenset({"advcl", "conj", "xcomp"})
VERB_TAGS = frozenset({"VERB", "AUX"})
#: Tokens after a closing mark searched for the speech verb (``“…,” said Seyed Mohammad Marandi``).
AFTER_QUOTE = 6
#: Tokens before an opening mark searched for the verb that introduces it (``he said: “…``, ``says, “…``).
BEFORE_QUOTE = 4
#: A second quote this close after the first, with the verb between them, has the same verb
#: (``“…,” says Olsi Jazexhi, “…”``).
BETWEEN_QUOTES = 8
MIN_REPORTED_WORDS = 3


def is_speech_verb(token: Token) -> bool:
    """A verb of the list, used as a verb and not in its base form ("if he wants to say that …" is no statement)."""
    return token.lower_ in ATTRIBUTION_VERBS and token.pos_ in VERB_TAGS and token.tag_ not in ("NN", "NNS", "VB")


def quote_verb(doc: Doc, quote: Quoted, quotes: list[Quoted]) -> Token | None:
    """The speech verb that introduces a quote: the one the quoted words hang on in the parse, else one right
    after it (``“…,” says X``), else one just before it in its sentence (``X said: “…”``)."""
    if doc.has_annotation("DEP") and (verb := _governing_verb(doc, quote)) is not None:
        return verb
    after = [t for t in doc if t.idx > quote.end]
    ends_sentence = doc.text[quote.start : quote.end].rstrip()[-1:] in (".", "!", "?", "…")
    for n, token in enumerate(after[: AFTER_QUOTE + 1]):
        if inside(quotes, token.idx) or token.text in (".", "!", "?"):
            break
        if ends_sentence and (n >= 2 or token.is_title and is_speech_verb(token)):
            break  # “… that.” Asked to translate, Teymur explained …: a new sentence
        if is_speech_verb(token):
            return token
    opening = [t for t in doc if t.idx < quote.start - 1]
    if not opening:
        return None
    sentence = opening[-1].sent
    window = [t for t in opening if t.i >= sentence.start]
    gap = [t for t in window if not inside(quotes, t.idx)]
    reach = len(gap) if len(gap) < len(window) and len(gap) <= BETWEEN_QUOTES else BEFORE_QUOTE
    for token in reversed(window[-reach:]):
        if inside(quotes, token.idx):
            break
        if is_speech_verb(token):
            return token
    return None


def _governing_verb(doc: Doc, quote: Quoted) -> Token | None:
    """``“…,” Dr. Nora Vogt, director of the museum, told Radio X``: the speech verb the quote is a clause of."""
    for token in doc:
        if quote.start <= token.idx < quote.end and not token.is_punct:
            head = token.head
            if not quote.start - 1 <= head.idx <= quote.end and head.dep_ != "punct" and is_speech_verb(head):
                return head
    return None


def speaker_ranges(verb: Token, *, beside_quote: bool) -> tuple[tuple[int, int], ...]:
    """Where the speaker's name may stand, best first: the verb's parsed subject (and its appositions), then,
    at a quote or without a parse, the name right beside the verb (``“…,” says X``, ``“…” X recalls``)."""
    ranges = []
    subject = _subject(verb) if verb.doc.has_annotation("DEP") else None
    if subject is not None:
        ranges.append(subject)
        ranges.extend(c for c in subject.children if c.dep_ == "appos")
    if beside_quote or not verb.doc.has_annotation("DEP"):  # after the parse's subject, the name beside the verb
        doc = verb.doc
        if verb.i + 1 < len(doc) and verb.lower_ not in LISTENER_VERBS and doc[verb.i + 1].pos_ in ("PROPN", "PRON"):
            ranges.append(doc[verb.i + 1])
        if verb.i > 0 and doc[verb.i - 1].pos_ in ("PROPN", "PRON"):
            ranges.append(doc[verb.i - 1])
    return tuple((t.idx, t.idx + len(t)) for t in ranges)


def _subject(verb: Token) -> Token | None:
    """The verb's subject; for ``adding`` or a second verb without one, the subject of the verb it hangs on."""
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
        if subjects:
            return subjects[0]
        if verb.dep_ not in SHARED_SUBJECT or verb.head.pos_ not in VERB_TAGS or verb.head is verb:
            return None
        verb = verb.head
    return None


def reported_words(verb: Token) -> tuple[int, int] | None:
    """The words a speech verb reports: its clausal complement (``said that …``), when it has a few words."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if not clauses:
        return _after_comma(verb)
    clause = clauses[0]
    words = [t for t in clause.subtree if not t.is_punct]
    if len(words) < MIN_REPORTED_WORDS:
        return None
    left, right = clause.left_edge, clause.right_edge
    return left.idx, right.idx + len(right)


def _after_comma(verb: Token) -> tuple[int, int] | None:
    """``Maryam Rajavi said, we are going …``: the rest of the sentence after the comma or colon."""
    doc = verb.doc
    # "said, we are …", "told reporters: …"
    marks = [t for t in doc[verb.i + 1 : min(verb.i + 4, verb.sent.end)] if t.text in (",", ":")]
    if not marks or (marks[0].text == "," and marks[0].i != verb.i + 1):
        return None
    rest = doc[marks[0].i + 1 : verb.sent.end]
    if len([t for t in rest if not t.is_punct]) < MIN_REPORTED_WORDS:
        return None
    return rest.start_char, rest.end_char


def pronoun_at(doc: Doc, ranges: tuple[tuple[int, int], ...]) -> str | None:
    """``he`` / ``she`` when the speaker stands as a pronoun."""
    word = doc.text[ranges[0][0] : ranges[0][1]].lower()
    return word if word in PRONOUNS else None
