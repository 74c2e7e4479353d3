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

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Token

from .. import lexicon
from ..model import Article, EntityKind, Kind, Mention, Paragraph, Role, Span
from ..names import person_key
from .names import is_name_word
from .speaker_names import (
    Before,
    Statement,
    antecedent,
    distinct_people,
    known_speaker,
    named_speaker,
    speaker_mention,
)
from .speech_marks import Quoted, inside, quotations
from .speech_verbs import (
    ATTRIBUTION_VERBS,
    PRONOUNS,
    is_speech_verb,
    pronoun_at,
    quote_verb,
    reported_words,
    speaker_ranges,
)

#: ``Hassan Hayrani: answer``: up to five words of a name, then a colon.
_NAME_ALONE = re.compile(r"^\s*([^\s:.!?][^:!?]{0,60}?)\s*:\s*$")
_NAME_COLON = re.compile(r"^\s*([^\s:.!?][^:.!?]{0,60}?)\s*:\s*(\S.*?)\s*$")
#: How an interview answer ends (a headline such as ``Olsi Jazexhi: MEK Helping Albania …`` does not).
ANSWER_ENDS = frozenset('.!?…”"»')
#: "titled", "called" right before a quotation mark: what it holds is a name or a title.
_NAMED_BEFORE = re.compile(r"\b(?:{})\s*$".format("|".join(map(re.escape, lexicon.entries("naming_words")))), re.I)
#: A quote before its verb is words said only from this many words: "Resistance Units" is a term, not a statement.
MIN_QUOTE_WORDS = 3
#: Labelled questions that make an article an interview, whatever segment called it.
MIN_QUESTIONS = 2
#: Sentences a pronoun's antecedent is looked for in, nearest first, while each goes on with the pronoun.
CHAIN = 3
#: A quoted paragraph no verb attributes is someone's words only when it is this long (not a label or a title).
MIN_UNSAID_WORDS = 4
#: "according to X": the one attribution that is not a verb.
ACCORDING = "according"
#: Words that make a paragraph worth parsing (with any quotation mark).
CUES = ATTRIBUTION_VERBS | {ACCORDING}
#: Words before the name of the person an interview's introduction says answers (``spoke to``, ``interview with``).
_INTERVIEWEE = re.compile(
    r"\b(?:{})(?:\s+\S+){{0,3}}\s*$".format("|".join(map(re.escape, lexicon.entries("interviewee_cues")))),
    re.IGNORECASE,
)
_SELF_INTRODUCTION = re.compile(
    r"\b(?:{})\s*$".format("|".join(map(re.escape, lexicon.entries("self_introductions")))), re.IGNORECASE
)
#: "Q: …", "Question: …" / "A: …", "Answer: …" (``lexicon/interview_markers.txt``), or a line opening with a dash.
_MARKERS = [entry.split() for entry in lexicon.entries("interview_markers")]
_QUESTION_WORDS = "|".join(re.escape(w) for w in _MARKERS[0])
_ANSWER_WORDS = "|".join(re.escape(w) for w in _MARKERS[1])
_QA = re.compile(
    rf"^\s*(?:(?i:(?P<q>{_QUESTION_WORDS})|(?P<a>{_ANSWER_WORDS}))\s*[:.]|(?P<dash>[—–-]))\s+(?P<said>\S.*?)\s*$"
)


def speech_parser(nlp: Language) -> Callable[[Doc], Doc] | None:
    """The model's parser when it is loaded but off (``load_nlp``); ``None`` when docs come parsed or never."""
    if "parser" in nlp.component_names and "parser" not in nlp.pipe_names:
        return nlp.get_pipe("parser")
    return None


#: A paragraph that may introduce the next: its line, the speaker's ranges, its text, whether it ends with a colon.
Intro = tuple[int, tuple[tuple[int, int], ...], str, bool]


@dataclass
class SpeechNotes:
    """What one article's paragraphs attribute, read paragraph by paragraph, matched to people at the end."""

    parser: Callable[[Doc], Doc] | None = None
    statements: list[Statement] = field(default_factory=list)
    earlier: list[tuple[int, int, int, str]] = field(default_factory=list)
    """The last sentences of the paragraphs read so far (line, start, end, text), for a pronoun's antecedent."""
    previous: tuple[int, int, bool] | None = None
    """The line of the last paragraph that made a statement, the index of its last statement, and whether
    that statement was an interview answer."""
    intro: Intro | None = None
    """A paragraph whose last speech verb (``Teymur says:``, ``Brisku recalled the storm.``) may introduce
    a quoted paragraph after it: its line, speaker ranges, text, and whether it ends with a colon."""
    first_question: int | None = None
    """The first line that asks a question (``Q: …``, ``ABC News: … ?``): the introduction ends there."""
    after_question: bool = False
    last_line: int = 0
    heading: tuple[int, tuple[int, int], str, str] | None = None
    """A line that is a name and a colon only: its line, the name's range, its text, the name."""
    questions: int = 0
    """Labelled questions (``Q: …``, ``ABC News: …?``): two or more make the article an interview, whatever
    segment called it. Bare questions do not: an opinion piece asks rhetorical ones, and the paragraphs after
    them are its authors' words, not answers of the person its headline names."""

    def read(self, doc: Doc, paragraph: Paragraph) -> None:
        """Note the statements of one paragraph (its ``Doc`` from the model and the name rules)."""
        line = paragraph.line
        quotes = quotations(doc.text)
        if self.parser is not None and (quotes or any(t.lower_ in CUES for t in doc)):
            doc = self.parser(doc)
        intro, self.intro = self.intro, None
        heading, self.heading = self.heading, None
        opens_quoted = bool(quotes) and not doc.text[: quotes[0].start - 1].strip()
        found = []
        if intro is not None and opens_quoted and intro[3]:
            # "… Teymur says:" and then the quoted line: the whole line is his.
            found = [_statement(doc.text, line, 0, len(doc.text), **_from(intro))]
        else:
            found = [*self._interview(doc.text, line, heading), *self._sentences(doc, line, quotes)]
        if not found and intro is not None and opens_quoted and intro[0] == self.last_line:
            # "Ardian Brisku recalled the storm of 2009." and then a quoted paragraph: the quote is his.
            found = [_statement(doc.text, line, quotes[0].start, quotes[-1].end, **_from(intro))]
        if not found:
            found = self._unlabelled(doc.text, line, quotes)
        self.statements.extend(found)
        answered = bool(found) and (found[-1].answer or bool(found[-1].colon) or found[-1].interview_only)
        self.previous = (line, len(self.statements) - 1, answered) if found else None
        self.last_line = line
        self.after_question = _is_question(doc.text)
        self.questions += _is_labelled_question(doc.text)
        if self.after_question and self.first_question is None:
            self.first_question = line
        sentences = list(doc.sents)
        if sentences:
            self.earlier = [*self.earlier, *((line, s.start_char, s.end_char, s.text) for s in sentences)][-CHAIN:]

    def _unlabelled(self, text: str, line: int, quotes: list[Quoted]) -> list[Statement]:
        """A paragraph with no attribution of its own: a quote going on, an answer going on, an answer to a question.

        A quoted paragraph right after an attributed one goes on with the same speaker. In an
        interview, a plain paragraph goes on with the answer before it, and one after a question
        is the answer of the person the introduction names.
        """
        previous = self.previous if self.previous is not None and self.previous[0] == self.last_line else None
        opens_quoted = bool(quotes) and not text[: quotes[0].start - 1].strip()
        if opens_quoted and (
            previous is not None or len(text[quotes[0].start : quotes[-1].end].split()) >= MIN_UNSAID_WORDS
        ):
            # It goes on with the speaker of the paragraph before; failing that (none, or "I asked him …"), it is
            # the one person the sentences before are about.
            follows = previous[1] if previous is not None else None
            before = self._before_any()
            return [_statement(text, line, q.start, q.end, follows=follows, before=before) for q in quotes]
        if _is_question(text) or text.rstrip()[-1:] not in ANSWER_ENDS:
            return []  # a question, or a heading ("Round table on the river crossing"): no answer goes on
        if self.after_question:
            return [_statement(text, line, 0, len(text), answer=True, interview_only=True)]
        if previous is not None and previous[2]:
            return [_statement(text, line, 0, len(text), follows=previous[1], interview_only=True)]
        return []

    def _interview(self, text: str, line: int, heading) -> list[Statement]:
        """``Name: answer`` and ``A: answer`` (a ``Q:`` line marks where the introduction ends)."""
        if qa := _QA.match(text):
            loose = qa["dash"] or (qa["a"] and text[qa.end("a") :].lstrip().startswith("."))
            if _is_question(text) or (loose and not self.after_question):
                return []  # "A. Smith said …" is no answer unless a question stands before it
            return [_statement(text, line, qa.start("said"), qa.end("said"), answer=True)]
        if (alone := _NAME_ALONE.match(text)) and len(alone.group(1).split()) <= 5:
            self.heading = (line, alone.span(1), text, alone.group(1))  # "Dr. Olsi Jazexhi:" over the next paragraph
            return []
        named = _NAME_COLON.match(text)
        if heading is not None and not named:
            who = {"who": (heading[1],), "who_line": heading[0], "who_line_text": heading[2], "colon": heading[3]}
            return [_statement(text, line, 0, len(text), **who)]
        if named and len(named.group(1).split()) <= 5 and named.group(2)[-1] in ANSWER_ENDS:
            return [_statement(text, line, named.start(2), named.end(2), who=(named.span(1),), colon=named.group(1))]
        return []

    def _sentences(self, doc: Doc, line: int, quotes: list[Quoted]) -> list[Statement]:
        """Quotes with their verbs, reported speech and ``according to``, in one parsed (or unparsed) paragraph."""
        found, used = [], set()
        for quote in quotes:
            if _NAMED_BEFORE.search(doc.text[: max(quote.start - 1, 0)]):
                continue  # "his book titled “The Prince”": a title, not words said
            verb = quote_verb(doc, quote, quotes)
            after = verb is not None and verb.idx > quote.end
            if verb is not None and (after or len(doc.text[quote.start : quote.end].split()) >= MIN_QUOTE_WORDS):
                # Before a quote, a one-word quote is a label (another “disassociate”), not words said.
                used.add(verb.i)
                # A name beside the verb counts after the quote only ("“…,” says X"), not in "X saying: “…”".
                found.extend(self._attributed(doc, line, verb, quote.start, quote.end, beside_quote=after))
        if doc.has_annotation("DEP"):
            for verb in doc:
                if verb.i not in used and is_speech_verb(verb) and not inside(quotes, verb.idx):
                    span = reported_words(verb)
                    if span is not None:
                        found.extend(self._attributed(doc, line, verb, *span))
            found.extend(self._according_to(doc, line, quotes))
        self.intro = _introduction(doc, quotes, line)
        return found

    def _attributed(
        self, doc: Doc, line: int, verb: Token, start: int, end: int, *, beside_quote: bool = False
    ) -> list[Statement]:
        """The statement ``doc.text[start:end]`` by the subject of ``verb`` (or by the name beside it)."""
        ranges = speaker_ranges(verb, beside_quote=beside_quote)
        if not ranges:
            return []
        pronoun = pronoun_at(doc, ranges)
        if pronoun is None:
            return [_statement(doc.text, line, start, end, who=ranges, who_line=line)]
        before = self._before(doc, min(verb.idx, start), line, pronoun)
        return [_statement(doc.text, line, start, end, pronoun=pronoun, before=before)]

    def _before(self, doc: Doc, position: int, line: int, pronoun: str) -> tuple[Before, ...]:
        """The sentences before the one holding ``position``, nearest first, each cut where the same pronoun
        stands in it (a name after "he" there is not who "he" is); past the first, only while each one before
        goes on with the pronoun ("he likens …", then the sentence that names him)."""
        here = [(line, s.start_char, s.end_char, s.text) for s in doc.sents if s.end_char <= position]
        same = "|".join(word for word, gender in PRONOUNS.items() if gender == PRONOUNS[pronoun])  # "he", "him"
        return _pronoun_chain([*self.earlier, *here][-CHAIN:], same)

    def _before_any(self) -> tuple[Before, ...]:
        """The sentences before a paragraph, nearest first, while each goes on with a pronoun ("he", "she" …)."""
        return _pronoun_chain(self.earlier, "|".join(PRONOUNS))

    def _according_to(self, doc: Doc, line: int, quotes: list[Quoted]) -> list[Statement]:
        """``According to X, …`` / ``…, according to X``: the rest of the sentence is X's."""
        found = []
        for token in doc[:-2]:
            if token.lower_ != ACCORDING or doc[token.i + 1].lower_ != "to" or inside(quotes, token.idx):
                continue
            objects = [c for c in doc[token.i + 1].children if c.dep_ == "pobj"]
            if not objects:
                continue
            head = objects[0]
            sentence = token.sent
            if _opens_the_sentence(doc, token, head):
                start, end = head.idx + len(head), sentence.end_char
            else:
                start, end = sentence.start_char, token.idx
            ranges = ((head.idx, head.idx + len(head)),)
            pronoun = pronoun_at(doc, ranges)
            found.append(
                _statement(
                    doc.text,
                    line,
                    start,
                    end,
                    who=() if pronoun else ranges,
                    who_line=line,
                    pronoun=pronoun,
                    before=self._before(doc, token.idx, line, pronoun) if pronoun else (),
                )
            )
        return found

    def mentions(self, article: Article, people: list[Mention]) -> list[Mention]:
        """A speaker mention for every statement whose speaker is one of the article's person mentions."""
        persons = [m for m in people if m.entity_kind == EntityKind.PERSON and m.role is Role.MENTION]
        answerer = self._answerer(persons, article)
        found: dict[tuple, Mention] = {}
        speakers: list[Mention | None] = []
        for statement in self.statements:
            if statement.follows is not None and speakers[statement.follows] is not None:
                who = speakers[statement.follows]
            elif statement.answer:
                # "My name is Abdurrahman Mohammadian …": from this answer on, the answers are his.
                who = answerer = _self_introduced(statement, persons) or answerer
            elif statement.pronoun or statement.before:
                who = antecedent(statement, persons, article)
            else:
                who = named_speaker(statement, persons) or known_speaker(statement, persons, article)
            if statement.interview_only and article.kind is not Kind.INTERVIEW and self.questions < MIN_QUESTIONS:
                who = None
            speakers.append(who)
            if who is None or statement.start >= statement.end:
                continue
            speech = Span(who.span.document, statement.line, statement.start, statement.end, statement.words)
            found.setdefault((who.span, speech), speaker_mention(who, speech))
        return list(found.values())

    def _answerer(self, persons: list[Mention], article: Article) -> Mention | None:
        """The one person the introduction (the lines before the first question) names, its authors aside."""
        if self.first_question is None:
            return None
        authors = {person_key(c.span.text) for c in article.credits if c.role is Role.AUTHOR}
        named = [m for m in persons if m.span.line < self.first_question and person_key(m.span.text) not in authors]
        if len(distinct_people(named)) > 1:  # "Anna Kola spoke to Nora Vogt": the one spoken to
            named = [m for m in named if _INTERVIEWEE.search(m.quote[: m.span.start - m.quote_start])]
        return named[-1] if len(distinct_people(named)) == 1 else None


def _introduction(doc: Doc, quotes: list[Quoted], line: int) -> Intro | None:
    """The subject of a paragraph's last speech verb outside quotes: a quoted paragraph after it may be theirs."""
    text = doc.text.rstrip()
    for verb in reversed(doc):
        if is_speech_verb(verb) and not inside(quotes, verb.idx):
            ranges = speaker_ranges(verb, beside_quote=False)
            if not any(is_name_word(doc.text[a:b]) for a, b in ranges):  # "I asked him …" introduces nobody
                return None
            return (line, ranges, doc.text, text.endswith(":") and not quotes)
    return None


def _self_introduced(statement: Statement, persons: list[Mention]) -> Mention | None:
    """The person an answer introduces as its speaker: ``My name is Abdurrahman Mohammadian and …``."""
    for mention in persons:
        if mention.span.line == statement.line and statement.start <= mention.span.start < statement.end:
            if _SELF_INTRODUCTION.search(statement.words[: mention.span.start - statement.start]):
                return mention
    return None


def _pronoun_chain(sentences: list[tuple[int, int, int, str]], pronouns: str) -> tuple[Before, ...]:
    """``sentences`` nearest first, each cut where one of ``pronouns`` stands in it; past the first, only while
    each one goes on with such a pronoun."""
    found = []
    for line, start, end, text in reversed(sentences):
        chain = re.search(rf"\b(?:{pronouns})\b", text, flags=re.IGNORECASE)
        end = start + chain.start() if chain else end
        found.append((line, start, end, text[: end - start], chain is not None))
        if chain is None:
            break
    return tuple(found)


def _from(intro: Intro) -> dict:
    """Where a statement introduced by the paragraph before finds its speaker."""
    return {"who": intro[1], "who_line": intro[0], "who_line_text": intro[2]}


def _is_labelled_question(text: str) -> bool:
    """A question that says who asks it or that it is one: ``Q: …?``, ``ABC News: How long …?``."""
    qa = _QA.match(text)
    if qa and qa["q"]:
        return True
    named = _NAME_COLON.match(text)
    return bool(named) and text.rstrip().endswith("?")


def _is_question(text: str) -> bool:
    """``Q: …``, or a line that ends with a question mark (``ABC News: Can you tell me your name?``)."""
    qa = _QA.match(text)
    return bool(qa and qa["q"]) or text.rstrip().endswith("?")


def _statement(text: str, line: int, start: int, end: int, **where) -> Statement:
    """A statement of ``text[start:end]`` with its edges trimmed (spaces, ``that``, a trailing comma)."""
    start, end = _trimmed(text, start, end)
    where.setdefault("who_line", line)
    where.setdefault("who_line_text", text if where["who_line"] == line else "")
    return Statement(line, start, end, text[start:end], **where)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    if text[start:end].lower().startswith("that "):
        start += 5
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    return start, end


def _opens_the_sentence(doc: Doc, according: Token, head: Token) -> bool:
    """Whether ``according to X`` introduces what follows it ("Interestingly according to X, …") rather
    than closing what stands before it ("…, according to X")."""
    if according.i == according.sent.start:
        return True
    comma_before = doc[according.i - 1].text == ","
    comma_after = head.i + 1 < len(doc) and doc[head.i + 1].text == ","
    return comma_after and not comma_before
