"""``review``: list pairs of people who may be one person, with their contexts.

Each pair comes from ``candidates.candidate_pairs`` (similar spellings within a
phonetic block, not yet judged in ``content/curation.yml``). The maintainer
records a verdict there: ``same``, ``different`` or ``not_a_person``, with a reason.
One-word names that stand as people of their own are listed too: they are the
likeliest to be something else. Last come the bare names two people carry that
their text does not settle (``short_names``), each at its document and line with
its candidates, for a ``settle`` entry.

Does not: change any judgement or write any file.
"""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape

from .curation import Curation
from .model import Corpus, Entity, Mention
from .names import name_words, person_key
from .resolve.candidates import Candidate, candidate_pairs
from .wording import plural

CONTEXTS = 2
QUOTE_WIDTH = 160


def review_lines(corpus: Corpus, curation: Curation) -> list[str]:
    """The review queue as plain lines (tested; ``print_review`` adds colour)."""
    people = [p for p in corpus.people if not p.is_disambiguation]
    pairs = candidate_pairs(people, curation)
    lines = [f"{len(pairs)} candidate pairs to judge in content/curation.yml (people:)", ""]
    for number, pair in enumerate(pairs, 1):
        lines.extend(_pair_lines(number, pair))
    singles = [p for p in people if len(p.name.split()) == 1]
    if singles:
        lines.append(f"{len(singles)} one-word names kept as people (check they are people):")
        for person in singles:
            lines.extend(_person_lines(person, indent="  "))
        lines.append("")
    return lines + _unsettled_lines(corpus) + _unused_settle_lines(corpus, curation)


def _unsettled_lines(corpus: Corpus) -> list[str]:
    """Each unsettled bare name at its document:line, with its quote, its candidates and the entry to write."""
    entries = [p for p in corpus.people if p.is_disambiguation]
    if not entries:
        return []
    files = {d.id: d.source.rsplit("/", 1)[-1] for d in corpus.documents}
    names = {p.id: p.name for p in corpus.people}
    count = plural(sum(len(e.mentions) for e in entries), "bare name", "bare names")
    lines = [f"{count} that two people carry, not settled by their text (record a settle in content/curation.yml):"]
    for entry in entries:
        candidates = ", ".join(f"{names.get(i, i)} [{i}]" for i in entry.refers_to)
        lines.append(f"  {entry.name} [{entry.id}] may refer to: {candidates}")
        for number, mention in enumerate(entry.mentions):
            where = files.get(mention.span.document, mention.span.document)
            lines.append(f"    {where}:{mention.span.line}: {mention.span.text}: {_excerpt(mention)}")
            following = entry.mentions[number + 1 : number + 2]
            if following and (following[0].span.document, following[0].span.line) == (
                mention.span.document,
                mention.span.line,
            ):
                continue  # one settle covers every mention of the name on its line
            lines.append(
                f"      record: - {{settle: {entry.name}, document: {where}, line: {mention.span.line},"
                f' person: …, reason: "…"}}'
            )
    return [*lines, ""]


def _pair_lines(number: int, pair: Candidate) -> list[str]:
    lines = [f"{number}. {pair.a.name}  <->  {pair.b.name}   ({pair.why}; similarity {pair.score:.2f})"]
    for person in (pair.a, pair.b):
        lines.extend(_person_lines(person, indent="   "))
    lines.append(f'   record: - {{same: [{pair.a.name}, {pair.b.name}], reason: "…"}}')
    lines.append(f'       or: - {{different: [{pair.a.name}, {pair.b.name}], reason: "…"}}')
    lines.append("")
    return lines


def _person_lines(person: Entity, *, indent: str) -> list[str]:
    spellings = ", ".join(person.aliases)
    count = plural(len(person.mentions), "mention", "mentions")
    lines = [f"{indent}{person.name} [{person.id}], {count}; written as: {spellings}"]
    for mention in person.mentions[:CONTEXTS]:
        lines.append(f"{indent}  {mention.article} (line {mention.span.line}): {_excerpt(mention)}")
    return lines


def _excerpt(mention: Mention) -> str:
    """The quote around the name, cut to ``QUOTE_WIDTH`` characters."""
    quote = mention.quote
    at = max(0, mention.span.start - mention.quote_start)
    start = max(0, at - QUOTE_WIDTH // 2)
    text = quote[start : start + QUOTE_WIDTH]
    return ("…" if start else "") + text + ("…" if start + QUOTE_WIDTH < len(quote) else "")


def print_review(corpus: Corpus, console: Console, curation: Curation | None = None) -> None:
    """Print the review queue."""
    for line in review_lines(corpus, curation or Curation()):
        console.print(escape(line), soft_wrap=True)


def _unused_settle_lines(corpus: Corpus, curation: Curation) -> list[str]:
    """``settle`` entries that meet no bare name at their line: a wrong line, or a name since spelled otherwise."""
    files = {d.id: d.source.rsplit("/", 1)[-1] for d in corpus.documents}
    standing = {
        (files.get(m.span.document, m.span.document), m.span.line, person_key(m.span.text))
        for person in corpus.people
        for m in person.mentions
        if len(name_words(m.span.text)) == 1
    }
    unused = [s for s in curation.settled if (s.document, s.line, person_key(s.name)) not in standing]
    lines = [
        f"{curation.source or 'curation.yml'}:{s.source_line}: settle {s.name!r} meets no bare name at "
        f"{s.document}:{s.line}"
        for s in unused
    ]
    return [f"{len(unused)} settle entries match nothing (check document and line):", *lines, ""] if unused else []
