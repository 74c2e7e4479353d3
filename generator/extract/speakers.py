"""Speakers: words a paragraph attributes to a named person, kept as ``speaker`` mentions (issue 14).

Four shapes of attribution, each found by a small rule:

- a quote with a speech verb beside it: ``“…,” says Jazexhi``, ``“…” Heyrani recalls``,
  ``Jazexhi said: “…”``; the speech is the quoted words;
- reported speech: ``X told TRT World that …``, ``X said …``; the speech is the verb's
  clausal complement (``ccomp``) in the dependency parse;
- ``according to X, …``: the rest of the sentence;
- an interview line opening with the answerer's name and a colon (``Hassan Hayrani: …``),
  an ``A:`` line when the introduction names exactly one person, and a line that
  ends ``Teymur says:`` before a quoted line.

The speaker is the *subject* of the speech verb in the model's parse (followed past a
participle: ``says Marandi, adding: “…”``), or a name written right beside the verb
at the quote. It counts only when a person mention of the article stands there: an
organisation, a place or a report is never a speaker (``the ministry said``). ``he``
or ``she`` is attributed only when the sentence before names exactly one person whose
given name does not say otherwise. Verbs are data (``lexicon/attribution_verbs.txt``).

The parse is run only on paragraphs with a speech verb or a quotation mark (``load_nlp``
keeps the parser loaded but off, so the sentence recogniser still splits sentences).

Does not: find names (the speaker is a person mention found by the other rules), or
decide who the name is (``resolve``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import gender_guesser.detector
from spacy.language import Language
from spacy.tokens import Doc, Token

from .. import lexicon
from ..model import Article, EntityKind, Mention, Paragraph, Role, Span
from ..names import TITLE_WORDS, fold_word, name_words, person_key
from .names import is_name_word
from .quotes import sentence_around
from .speech_marks import Quoted, inside, quotations

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
BEFORE_QUOTE = 3
MIN_REPORTED_WORDS = 3
#: ``Hassan Hayrani: answer``: up to five words of a name, then a colon.
_NAME_COLON = re.compile(r"^\s*([^\s:.!?][^:.!?]{0,60}?)\s*:\s*(\S.*?)\s*$")
#: How an interview answer ends (a headline such as ``Olsi Jazexhi: MEK Helping Albania …`` does not).
ANSWER_ENDS = frozenset(".!?…”\"»")
_QA = re.compile(r"^\s*([QA])\s*:\s*(\S.*?)\s*$")


@dataclass(frozen=True)
class Statement:
    """Words of one line attributed to whoever stands at ``who`` (or to a pronoun's antecedent)."""

    line: int
    start: int
    end: int
    words: str
    who: tuple[tuple[int, int], ...] = ()
    """Character ranges on ``who_line`` where the speaker's name may stand, best first."""
    who_line: int = 0
    pronoun: str | None = None
    before: tuple[int, int, int, str] | None = None
    """For a pronoun: (line, start, end) of the sentence before, up to the same pronoun if it stands there."""
    follows: int | None = None
    """A quoted paragraph with no attribution of its own: the index of the statement it goes on from."""
    who_line_text: str = ""
    """The text of ``who_line`` when it is this statement's own line (to name a speaker known in the article)."""
    colon: str = ""
    """An interview line: what stands before the colon, which must be the name (and titles) only."""
    answer: bool = False
    """An ``A:`` line: the answerer is the one person the introduction names."""


def speech_parser(nlp: Language) -> Callable[[Doc], Doc] | None:
    """The model's parser when it is loaded but off (``load_nlp``); ``None`` when docs come parsed or never."""
    if "parser" in nlp.component_names and "parser" not in nlp.pipe_names:
        return nlp.get_pipe("parser")
    return None


@dataclass
class SpeechNotes:
    """What one article's paragraphs attribute, read paragraph by paragraph, matched to people at the end."""

    parser: Callable[[Doc], Doc] | None = None
    statements: list[Statement] = field(default_factory=list)
    last_sentence: tuple[int, int, int, str] | None = None
    previous: tuple[int, int] | None = None
    """The line of the last paragraph that made a statement, and the index of its last statement."""
    intro: tuple[int, tuple[tuple[int, int], ...]] | None = None
    """A line ending ``Teymur says:``: its line and speaker ranges, waiting for the quoted line after it."""
    first_question: int | None = None

    def read(self, doc: Doc, paragraph: Paragraph) -> None:
        """Note the statements of one paragraph (its ``Doc`` from the model and the name rules)."""
        line = paragraph.line
        quotes = quotations(doc.text)
        if self.parser is not None and (quotes or any(t.lower_ in ATTRIBUTION_VERBS for t in doc)):
            doc = self.parser(doc)
        intro, self.intro = self.intro, None
        opens_quoted = bool(quotes) and not doc.text[: quotes[0].start - 1].strip()
        if intro is not None and opens_quoted:
            # "… Teymur says:" and then the quoted line: the whole line is his.
            found = [_statement(doc.text, line, 0, len(doc.text), who=intro[1], who_line=intro[0])]
        else:
            found = [*self._interview(doc.text, line), *self._sentences(doc, line, quotes)]
        if not found and opens_quoted and self.previous is not None and self.previous[0] == line - 1:
            # A quoted paragraph right after an attributed one goes on with the same speaker.
            found = [_statement(doc.text, line, quotes[0].start, quotes[-1].end, follows=self.previous[1])]
        self.statements.extend(found)
        self.previous = (line, len(self.statements) - 1) if found else None
        sentences = list(doc.sents)
        if sentences:
            self.last_sentence = (line, sentences[-1].start_char, sentences[-1].end_char, sentences[-1].text)

    def _interview(self, text: str, line: int) -> list[Statement]:
        """``Name: answer`` and ``A: answer`` (a ``Q:`` line marks where the introduction ends)."""
        if qa := _QA.match(text):
            if qa.group(1) == "Q":
                self.first_question = self.first_question or line
                return []
            return [_statement(text, line, qa.start(2), qa.end(2), answer=True)]
        named = _NAME_COLON.match(text)
        if named and len(named.group(1).split()) <= 5 and named.group(2)[-1] in ANSWER_ENDS:
            return [_statement(text, line, named.start(2), named.end(2), who=(named.span(1),), colon=named.group(1))]
        return []

    def _sentences(self, doc: Doc, line: int, quotes: list[Quoted]) -> list[Statement]:
        """Quotes with their verbs, reported speech and ``according to``, in one parsed (or unparsed) paragraph."""
        found, used = [], set()
        for quote in quotes:
            verb = _quote_verb(doc, quote, quotes)
            if verb is not None:
                used.add(verb.i)
                # A name beside the verb counts after the quote only ("“…,” says X"), not in "X saying: “…”".
                after = verb.idx > quote.end
                found.extend(self._attributed(doc, line, verb, quote.start, quote.end, beside_quote=after))
        if doc.has_annotation("DEP"):
            for verb in doc:
                if verb.i not in used and _is_speech_verb(verb) and not inside(quotes, verb.idx):
                    span = _reported(verb)
                    if span is not None:
                        found.extend(self._attributed(doc, line, verb, *span))
            found.extend(self._according_to(doc, line, quotes))
        text = doc.text.rstrip()
        if text.endswith(":") and not quotes:
            for verb in reversed(doc):
                if _is_speech_verb(verb):
                    ranges = _who(verb, beside_quote=False)
                    self.intro = (line, ranges) if ranges and not _pronoun(doc, ranges) else None
                    break
        return found

    def _attributed(
        self, doc: Doc, line: int, verb: Token, start: int, end: int, *, beside_quote: bool = False
    ) -> list[Statement]:
        """The statement ``doc.text[start:end]`` by the subject of ``verb`` (or by the name beside it)."""
        ranges = _who(verb, beside_quote=beside_quote)
        if not ranges:
            return []
        pronoun = _pronoun(doc, ranges)
        if pronoun is None:
            return [_statement(doc.text, line, start, end, who=ranges, who_line=line)]
        before = self._before(doc, min(verb.idx, start), line, pronoun)
        return [_statement(doc.text, line, start, end, pronoun=pronoun, before=before)]

    def _before(self, doc: Doc, position: int, line: int, pronoun: str) -> tuple[int, int, int, str] | None:
        """The sentence before the one holding ``position`` (in this paragraph, or the last of the one before),
        cut where the same pronoun stands in it: a name after "he" in that sentence is not who "he" is."""
        sentences = [s for s in doc.sents if s.end_char <= position or s.start_char <= position < s.end_char]
        if len(sentences) > 1:
            sentence = sentences[-2]
            found = (line, sentence.start_char, sentence.end_char, sentence.text)
        elif self.last_sentence is not None:
            found = self.last_sentence
        else:
            return None
        line, start, end, text = found
        chain = re.search(rf"\b{pronoun}\b", text, flags=re.IGNORECASE)
        end = start + chain.start() if chain else end
        return (line, start, end, text[: end - start])

    def _according_to(self, doc: Doc, line: int, quotes: list[Quoted]) -> list[Statement]:
        """``According to X, …`` / ``…, according to X``: the rest of the sentence is X's."""
        found = []
        for token in doc[:-2]:
            if token.lower_ != "according" or doc[token.i + 1].lower_ != "to" or inside(quotes, token.idx):
                continue
            objects = [c for c in doc[token.i + 1].children if c.dep_ == "pobj"]
            if not objects:
                continue
            head = objects[0]
            sentence = token.sent
            if token.i == sentence.start:
                start, end = head.idx + len(head), sentence.end_char
            else:
                start, end = sentence.start_char, token.idx
            ranges = ((head.idx, head.idx + len(head)),)
            pronoun = _pronoun(doc, ranges)
            found.append(
                _statement(
                    doc.text,
                    line,
                    start,
                    end,
                    who=() if pronoun else ranges,
                    who_line=line,
                    pronoun=pronoun,
                    before=self._before(doc, token.idx, line, pronoun) if pronoun else None,
                )
            )
        return found

    def mentions(self, article: Article, people: list[Mention]) -> list[Mention]:
        """A speaker mention for every statement whose speaker is one of the article's person mentions."""
        persons = [m for m in people if m.entity_kind == EntityKind.PERSON and m.role is Role.MENTION]
        answerer = self._answerer(persons)
        found: dict[tuple, Mention] = {}
        speakers: list[Mention | None] = []
        for statement in self.statements:
            if statement.follows is not None:
                who = speakers[statement.follows]
            elif statement.answer:
                who = answerer
            elif statement.pronoun:
                who = _antecedent(statement, persons, article)
            else:
                who = _named_speaker(statement, persons) or _known_speaker(statement, persons, article)
            speakers.append(who)
            if who is None or statement.start >= statement.end:
                continue
            speech = Span(who.span.document, statement.line, statement.start, statement.end, statement.words)
            found.setdefault((who.span, speech), _speaker_mention(who, speech))
        return list(found.values())

    def _answerer(self, persons: list[Mention]) -> Mention | None:
        """The one person named before the first ``Q:`` line, if exactly one is."""
        if self.first_question is None:
            return None
        named = [m for m in persons if m.span.line < self.first_question]
        return named[-1] if len({_person_word(m) for m in named}) == 1 else None


def _statement(text: str, line: int, start: int, end: int, **where) -> Statement:
    """A statement of ``text[start:end]`` with its edges trimmed (spaces, ``that``, a trailing comma)."""
    start, end = _trimmed(text, start, end)
    where.setdefault("who_line", line)
    if where["who_line"] == line:
        where["who_line_text"] = text
    return Statement(line, start, end, text[start:end], **where)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    if text[start:end].lower().startswith("that "):
        start += 5
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    return start, end


def _is_speech_verb(token: Token) -> bool:
    """A verb of the list, used as a verb and not in its base form ("if he wants to say that …" is no statement)."""
    return token.lower_ in ATTRIBUTION_VERBS and token.pos_ in VERB_TAGS and token.tag_ not in ("NN", "NNS", "VB")


def _quote_verb(doc: Doc, quote: Quoted, quotes: list[Quoted]) -> Token | None:
    """The speech verb that introduces a quote: right after it (``“…,” says X``), else before it in its sentence."""
    after = [t for t in doc if t.idx > quote.end]
    ends_sentence = doc.text[quote.start : quote.end].rstrip()[-1:] in (".", "!", "?", "…")
    for n, token in enumerate(after[: AFTER_QUOTE + 1]):
        if inside(quotes, token.idx) or token.text in (".", "!", "?"):
            break
        if ends_sentence and (n >= 2 or token.is_title and _is_speech_verb(token)):
            break  # “… that.” Asked to translate, Teymur explained …: a new sentence
        if _is_speech_verb(token):
            return token
    opening = [t for t in doc if t.idx < quote.start - 1]
    if not opening:
        return None
    sentence = opening[-1].sent
    for token in reversed([t for t in opening if t.i >= sentence.start][-BEFORE_QUOTE:]):
        if inside(quotes, token.idx):
            break
        if _is_speech_verb(token):
            return token
    return None


def _who(verb: Token, *, beside_quote: bool) -> tuple[tuple[int, int], ...]:
    """Where the speaker's name stands: the verb's parsed subject (and its appositions), else beside the verb."""
    ranges = []
    subject = _subject(verb) if verb.doc.has_annotation("DEP") else None
    if subject is not None:
        ranges.append(subject)
        ranges.extend(c for c in subject.children if c.dep_ == "appos")
    elif beside_quote or not verb.doc.has_annotation("DEP"):
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


def _reported(verb: Token) -> tuple[int, int] | None:
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
    if verb.i + 1 >= len(doc) or doc[verb.i + 1].text not in (",", ":"):
        return None
    rest = doc[verb.i + 2 : verb.sent.end]
    if len([t for t in rest if not t.is_punct]) < MIN_REPORTED_WORDS:
        return None
    return rest.start_char, rest.end_char


def _pronoun(doc: Doc, ranges: tuple[tuple[int, int], ...]) -> str | None:
    """``he`` / ``she`` when the speaker stands as a pronoun."""
    word = doc.text[ranges[0][0] : ranges[0][1]].lower()
    return word if word in PRONOUNS else None


def _named_speaker(statement: Statement, persons: list[Mention]) -> Mention | None:
    """The person mention standing at the first of the statement's ranges that holds one."""
    on_line = [m for m in persons if m.span.line == statement.who_line]
    for start, end in statement.who:
        for mention in on_line:
            if mention.span.start < end and start < mention.span.end:
                return mention if not statement.colon or _names_the_line(mention, statement, start, end) else None
    return None


def _known_speaker(statement: Statement, persons: list[Mention], article: Article) -> Mention | None:
    """``Teymur claimed``, ``Heyrany says``: a name word no rule took on this line, naming one person of the article.

    The word must be the whole name or the surname (or given name) of exactly one full name in the article.
    """
    if not statement.who_line_text or not statement.who or statement.colon:
        return None
    start, end = statement.who[0]
    return _known_name(persons, article, statement.who_line, statement.who_line_text, 0, start, end)


def _known_name(
    persons: list[Mention], article: Article, line: int, text: str, offset: int, start: int, end: int
) -> Mention | None:
    """A mention of ``text[start:end]`` (``text`` stands at ``offset`` in ``line``) when that word is the
    whole name, the surname or the given name of exactly one person of the article."""
    word = text[start:end]
    if not is_name_word(word) or word.lower() in PRONOUNS:
        return None
    key = fold_word(word)
    full = {person_key(m.span.text) for m in persons if len(name_words(m.span.text)) >= 2 and key in _end_words(m)}
    alone = any(person_key(m.span.text) == person_key(word) for m in persons)
    if len(full) > 1 or not (full or alone):
        return None
    quote_start, quote = sentence_around(text, start, end)
    span = Span(article.primary.document, line, offset + start, offset + end, word)
    return Mention(EntityKind.PERSON, Role.MENTION, article.id, span, quote, offset + quote_start)


def _end_words(mention: Mention) -> set[str]:
    words = name_words(mention.span.text)
    return {fold_word(words[0]), fold_word(words[-1])}


def _names_the_line(mention: Mention, statement: Statement, start: int, end: int) -> bool:
    """``Dr. Olsi Jazexhi: …``: the name (after titles only) is all that stands before the colon."""
    titles = [w.strip(".").lower() for w in statement.colon[: max(0, mention.span.start - start)].split()]
    return mention.span.end == end and all(t in TITLE_WORDS for t in titles)


def _antecedent(statement: Statement, persons: list[Mention], article: Article) -> Mention | None:
    """The one person the sentence before names, when the pronoun fits them."""
    if statement.before is None:
        return None
    line, start, end, text = statement.before
    named = [m for m in persons if m.span.line == line and start <= m.span.start and m.span.end <= end]
    if not named:  # "Heyrany and his colleagues …": a name word no rule took, naming one person of the article
        words = (w for w in re.finditer(r"[^\W\d_][\w’'-]*", text) if is_name_word(w.group()))
        named = [m for w in words if (m := _known_name(persons, article, line, text, start, w.start(), w.end()))]
    if len(_distinct_people(named)) != 1 or not _fits(statement.pronoun or "", named[-1]):
        return None
    return named[-1]


def _distinct_people(named: list[Mention]) -> set[str]:
    """The people among mentions: full names by key; a single word only when no full name there ends with it."""
    full = [m for m in named if len(name_words(m.span.text)) >= 2]
    ends = {w for m in full for w in _end_words(m)}
    single = {fold_word(m.span.text) for m in named if m not in full and fold_word(m.span.text) not in ends}
    return {person_key(m.span.text) for m in full} | single


def _person_word(mention: Mention) -> str:
    words = name_words(mention.span.text)
    return fold_word(words[-1]) if words else mention.span.text


def _fits(pronoun: str, mention: Mention) -> bool:
    """Whether the first word of the name, as a given name, does not contradict the pronoun's gender."""
    words = name_words(mention.span.text)
    if len(words) < 2:
        return True
    gender = _gender(words[0]).removeprefix("mostly_")
    return gender not in ("male", "female") or gender == PRONOUNS.get(pronoun)


@functools.cache
def _detector() -> gender_guesser.detector.Detector:
    return gender_guesser.detector.Detector()


def _gender(given: str) -> str:
    return _detector().get_gender(given)


def _speaker_mention(who: Mention, speech: Span) -> Mention:
    """A speaker mention: the name as written (and its sentence) where the mention stands, the words at ``speech``."""
    return Mention(
        entity_kind=EntityKind.PERSON,
        role=Role.SPEAKER,
        article=who.article,
        span=who.span,
        quote=who.quote,
        quote_start=who.quote_start,
        speech=speech,
    )
