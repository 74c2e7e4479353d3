"""Exports: the corpus as data (``data/corpus.json``, and CSV tables for spreadsheets).

The JSON follows ``corpus-schema.md``; every list is in corpus order or sorted, so the same
corpus gives byte-identical files.

Does not: write the pages (``render``).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import NamedTuple

from .. import __version__
from ..model import Corpus, Entity, Mention
from .lookups import Lookups


def write_corpus_json(
    corpus: Corpus, lookups: Lookups, path: Path, *, entity_records: Callable[[Entity], str] | None = None
) -> None:
    """Write the data export, exactly as ``corpus-schema.md`` specifies.

    One record per line, each encoded on its own and streamed to the file: as one
    string the export would be the largest object of the build, and ``json.dump``
    with an indent runs the pure-Python encoder instead of the C one. ``entity_records``
    gives each person's and outlet's record, encoded (default: ``entity_record``).
    """
    if entity_records is None:
        repeats = RepeatedLines(lookups)
        entity_records = lambda entity: entity_record(lookups, entity, repeats)  # noqa: E731
    sections: dict[str, Iterable[dict]] = {
        "documents": (
            {
                "id": d.id,
                "source": d.source,
                "sha256": d.sha256,
                "title": d.title,
                "line_count": d.line_count,
                "url": lookups.url("documents", d.id),
            }
            for d in corpus.documents
        ),
        "articles": (
            {
                "id": a.id,
                "title": a.title,
                "url": lookups.article_url(a),
                "occurrences": [
                    {"document": o.document, "line_start": o.line_start, "line_end": o.line_end} for o in a.occurrences
                ],
                "outlet": a.outlet,
                "via": a.via,
                "authors": a.authors,
                "language": a.language,
                "kind": a.kind.value,
                "title_derived": a.title_derived,
                "date": a.date.value if a.date else None,
                "date_line": a.date.line if a.date else None,
                "date_source": a.date.source.value if a.date else None,
                "source_url": a.source_url,
            }
            for a in corpus.articles
        ),
    }
    encoded: dict[str, Iterable[str]] = {name: map(_json, records) for name, records in sections.items()}
    encoded |= {"people": map(entity_records, corpus.people), "outlets": map(entity_records, corpus.outlets)}
    with open(path, "w", encoding="utf-8", buffering=2**20) as out:
        out.write('{\n "generator": ' + _json({"name": "generator", "version": __version__}))
        for name, records in encoded.items():
            out.write(f',\n "{name}": [')
            empty = True
            for record in records:
                out.write(("\n  " if empty else ",\n  ") + record)
                empty = False
            out.write("]" if empty else "\n ]")
        out.write("\n}\n")


class EntityExport(NamedTuple):
    """A person's or outlet's part of the exports: its record in corpus.json, encoded, and its lines of mentions.csv."""

    record: str
    mention_rows: str


def entity_export(lookups: Lookups, entity: Entity, repeats: RepeatedLines) -> EntityExport:
    return EntityExport(entity_record(lookups, entity, repeats), mention_rows(entity))


def entity_record(lookups: Lookups, entity: Entity, repeats: RepeatedLines) -> str:
    """A person's or outlet's record in the export, encoded."""
    if entity.entity_kind == "person":
        return _json(_person_json(lookups, entity, repeats))
    return _json({**_entity_json(lookups, entity, repeats), "kind": entity.outlet_kind, "parent": entity.parent})


def _json(value: object) -> str:
    """One record on one line, non-ASCII kept as written (the export is UTF-8)."""
    return json.dumps(value, ensure_ascii=False)


def _entity_json(lookups: Lookups, entity: Entity, repeats: RepeatedLines) -> dict:
    """A person's or outlet's record, with every mention, repeats included, in source order."""
    mentions = [_mention_json(m) for m in entity.mentions]
    mentions += [_repeated(_mention_json(m), d, n) for m in entity.mentions for d, n in repeats(m)]
    mentions.sort(key=lambda m: (m["document"], m["line"], m["start"], m["article"], m["role"]))
    return {
        "id": entity.id,
        "name": entity.name,
        "aliases": entity.aliases,
        "url": lookups.entity_url(entity),
        "mentions": mentions,
    }


def _repeated(found: dict, document: str, line: int) -> dict:
    """A mention's record at another occurrence of its line; a speech on the same line moves with it."""
    repeat = {**found, "document": document, "line": line, "repeat": True}
    if "speech" in found:
        repeat["speech"] = {**found["speech"], "line": found["speech"]["line"] - found["line"] + line}
    return repeat


def _person_json(lookups: Lookups, person: Entity, repeats: RepeatedLines) -> dict:
    """A person's record; a disambiguation entry also says so and lists the ids of the people who carry its name."""
    record = _entity_json(lookups, person, repeats)
    if person.is_disambiguation:
        record.update({"kind": "disambiguation", "refers_to": list(person.refers_to)})
    return record


class RepeatedLines:
    """Where a mention's line stands again, verbatim, in its article's other occurrences.

    A mention is recorded where its article first occurs. In the export it is listed at
    every occurrence too (``"repeat": true``), so a reader of one document finds every name
    that document holds. Only an identical line counts: a deduplicated copy may differ.
    """

    def __init__(self, lookups: Lookups):
        self.lookups = lookups
        self._lines: dict[tuple[str, int, int], dict[str, int]] = {}

    def __call__(self, mention: Mention) -> list[tuple[str, int]]:
        article = self.lookups.articles[mention.article]
        if len(article.occurrences) < 2:
            return []
        span = mention.span
        (text,) = self.lookups.document_lines(span.document, span.line, span.line)
        found = []
        for o in article.occurrences:
            if o.document == span.document and o.line_start <= span.line <= o.line_end:
                continue
            number = self._numbers(o.document, o.line_start, o.line_end).get(text)
            if number is not None:
                found.append((o.document, number))
        return found

    def _numbers(self, document: str, start: int, end: int) -> dict[str, int]:
        """Each line text of ``document`` lines ``start``–``end``, with the number of its first line."""
        key = (document, start, end)
        lines = self.lookups.document_lines(document, start, end)  # read each time: every page's reads include it
        if key not in self._lines:
            numbers: dict[str, int] = {}
            for number, line in enumerate(lines, start):
                numbers.setdefault(line, number)
            self._lines[key] = numbers
        return self._lines[key]


def _sorted_mentions(mentions: list[Mention]) -> list[Mention]:
    """Mentions in source order (document, line, offset), so the CSV diffs cleanly between builds."""
    return sorted(mentions, key=lambda m: (m.span.document, m.span.line, m.span.start, m.article, m.role.value))


def _mention_json(mention: Mention) -> dict:
    """A mention where it was found (``repeat`` false); ``RepeatedLines`` adds its other places."""
    found = {
        "article": mention.article,
        "document": mention.span.document,
        "line": mention.span.line,
        "start": mention.span.start,
        "end": mention.span.end,
        "text": mention.span.text,
        "quote": mention.quote,
        "role": mention.role.value,
        "repeat": False,
    }
    if mention.speech is not None:  # a speaker's words: a span of one line of the same document
        found["speech"] = {"line": mention.speech.line, "start": mention.speech.start, "end": mention.speech.end}
    return found


class PersonRow(NamedTuple):
    """A line of people.csv; the field names are its header."""

    id: str
    name: str
    aliases: str
    mentions: int
    url: str


class OutletRow(NamedTuple):
    """A line of outlets.csv."""

    id: str
    name: str
    kind: str
    aliases: str
    mentions: int
    url: str


class MentionRow(NamedTuple):
    """A line of mentions.csv: one mention, where it stands and the quote around it."""

    entity_kind: str
    entity: str
    role: str
    article: str
    document: str
    line: int
    start: int
    end: int
    text: str
    quote: str


def _table(row_type: type[tuple], rows: Iterable[tuple]) -> str:
    """CSV text: a header from ``row_type``'s fields, then one line per row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(row_type._fields)
    writer.writerows(rows)
    return buffer.getvalue()


def csv_exports(corpus: Corpus, lookups: Lookups) -> dict[str, str]:
    """people.csv and outlets.csv, for spreadsheets (mentions.csv: ``write_mentions_csv``)."""
    people = (
        PersonRow(p.id, p.name, "; ".join(p.aliases), len(p.mentions), lookups.entity_url(p)) for p in corpus.people
    )
    outlets = (
        OutletRow(o.id, o.name, o.outlet_kind or "", "; ".join(o.aliases), len(o.mentions), lookups.entity_url(o))
        for o in corpus.outlets
    )
    return {"people.csv": _table(PersonRow, people), "outlets.csv": _table(OutletRow, outlets)}


def write_mentions_csv(corpus: Corpus, path: Path, *, entity_rows: Callable[[Entity], str] | None = None) -> None:
    """mentions.csv: every person's, then every outlet's mentions, in source order, streamed to ``path``.

    ``entity_rows`` gives each entity's lines (default: ``mention_rows``).
    """
    with open(path, "w", encoding="utf-8", newline="", buffering=2**20) as out:
        out.write(_table(MentionRow, []))
        for entity in (*corpus.people, *corpus.outlets):
            out.write((entity_rows or mention_rows)(entity))


def mention_rows(entity: Entity) -> str:
    """The entity's lines of mentions.csv, without the header."""
    rows = (
        MentionRow(
            entity.entity_kind,
            entity.id,
            m.role.value,
            m.article,
            m.span.document,
            m.span.line,
            m.span.start,
            m.span.end,
            m.span.text,
            m.quote,
        )
        for m in _sorted_mentions(entity.mentions)
    )
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()
