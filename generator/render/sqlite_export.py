"""The SQLite export: ``data/corpus.sqlite``, the corpus as related tables a researcher opens in Datasette
or any SQLite client (made with sqlite-utils).

Tables (the README describes each column): ``documents``, ``articles``, ``occurrences``,
``article_authors``, ``article_via``, ``people``, ``outlets``, ``mentions`` and ``dated_sentences``, with
foreign keys between them, and full-text search (FTS5) over the quoted sentences (``mentions_fts``
on ``mentions.quote``, ``dated_sentences_fts`` on ``dated_sentences.sentence``).

The same corpus gives the same bytes: the file is written afresh, every table is filled in a fixed
(sorted) order in one transaction, and it is vacuumed; nothing in it is time-based.

Does not: write the JSON or CSV exports (``exports``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import sqlite_utils

from ..model import Corpus, Entity, Mention
from .event_dates import DatedSentence
from .lookups import Lookups

#: Each table's columns (name: type) and its foreign keys (column, table, column), in creation order.
TABLES: dict[str, tuple[dict[str, type], list[tuple[str, str, str]], str | tuple[str, ...]]] = {
    "documents": ({"id": str, "source": str, "sha256": str, "title": str, "line_count": int, "url": str}, [], "id"),
    "outlets": (
        {"id": str, "name": str, "kind": str, "parent": str, "aliases": str, "url": str},
        [("parent", "outlets", "id")],
        "id",
    ),
    "people": ({"id": str, "name": str, "kind": str, "aliases": str, "refers_to": str, "url": str}, [], "id"),
    "articles": (
        {
            "id": str,
            "title": str,
            "title_derived": int,
            "kind": str,
            "language": str,
            "outlet": str,
            "date": str,
            "date_document": str,
            "date_line": int,
            "date_source": str,
            "source_url": str,
            "document": str,
            "line_start": int,
            "line_end": int,
            "url": str,
        },
        [("outlet", "outlets", "id"), ("date_document", "documents", "id"), ("document", "documents", "id")],
        "id",
    ),
    "occurrences": (
        {"article": str, "position": int, "document": str, "line_start": int, "line_end": int},
        [("article", "articles", "id"), ("document", "documents", "id")],
        ("article", "position"),
    ),
    "article_authors": (
        {"article": str, "position": int, "person": str},
        [("article", "articles", "id"), ("person", "people", "id")],
        ("article", "position"),
    ),
    "article_via": (
        {"article": str, "position": int, "outlet": str},
        [("article", "articles", "id"), ("outlet", "outlets", "id")],
        ("article", "position"),
    ),
    "mentions": (
        {
            "id": int,
            "entity_kind": str,
            "person": str,
            "outlet": str,
            "role": str,
            "article": str,
            "document": str,
            "line": int,
            "start": int,
            "end": int,
            "text": str,
            "quote": str,
            "speech_line": int,
            "speech_start": int,
            "speech_end": int,
        },
        [
            ("person", "people", "id"),
            ("outlet", "outlets", "id"),
            ("article", "articles", "id"),
            ("document", "documents", "id"),
        ],
        "id",
    ),
    "dated_sentences": (
        {"id": int, "article": str, "document": str, "line": int, "start": int, "date": str, "sentence": str},
        [("article", "articles", "id"), ("document", "documents", "id")],
        "id",
    ),
}

#: Full-text search: table -> the columns indexed.
FULL_TEXT = {"mentions": ["quote"], "dated_sentences": ["sentence"]}


def write_corpus_sqlite(corpus: Corpus, lookups: Lookups, path: Path, *, sentences: list[DatedSentence]) -> None:
    """Write ``path`` afresh: every table, its rows in a fixed order, its full-text index; then vacuum."""
    path.unlink(missing_ok=True)
    db = sqlite_utils.Database(path)
    # A file written afresh each build: no journal on disk and no waiting for the disk between steps.
    db.execute("PRAGMA journal_mode = MEMORY")
    db.execute("PRAGMA synchronous = OFF")
    try:
        with db.conn:
            for name, (columns, foreign_keys, pk) in TABLES.items():
                db[name].create(columns, pk=pk, foreign_keys=foreign_keys)
            for name, rows in _rows(corpus, lookups, sentences).items():
                _insert(db, name, list(TABLES[name][0]), rows)
        for name, columns in FULL_TEXT.items():
            db[name].enable_fts(columns, fts_version="FTS5", create_triggers=False)
        db.vacuum()
    finally:
        db.close()


def _insert(db: sqlite_utils.Database, table: str, columns: list[str], rows: Iterable[dict]) -> None:
    """Insert ``rows`` (scalar values only) in one statement run many times.

    sqlite-utils' ``insert_all`` inspects and converts every value of every row, which at a
    thousand documents took seconds of each rebuild; the rows here hold only text, numbers and NULL.
    """
    placeholders = ", ".join("?" * len(columns))
    names = ", ".join(f"[{c}]" for c in columns)
    db.conn.executemany(
        f"INSERT INTO [{table}] ({names}) VALUES ({placeholders})", (tuple(r.get(c) for c in columns) for r in rows)
    )


def _rows(corpus: Corpus, lookups: Lookups, sentences: list[DatedSentence]) -> dict[str, Iterable[dict]]:
    """Each table's rows, in insertion order (corpus order, which is sorted and stable)."""
    articles = sorted(corpus.articles, key=lambda a: a.id)
    return {
        "documents": (
            {"id": d.id, "source": d.source, "sha256": d.sha256, "title": d.title, "line_count": d.line_count}
            | {"url": lookups.url("documents", d.id)}
            for d in sorted(corpus.documents, key=lambda d: d.id)
        ),
        "outlets": (
            _entity_row(lookups, o) | {"kind": o.outlet_kind, "parent": o.parent}
            for o in sorted(corpus.outlets, key=lambda o: o.id)
        ),
        "people": (
            _entity_row(lookups, p)
            | {"kind": "disambiguation" if p.is_disambiguation else "person", "refers_to": _list(p.refers_to)}
            for p in sorted(corpus.people, key=lambda p: p.id)
        ),
        "articles": (
            {
                "id": a.id,
                "title": a.title,
                "title_derived": int(a.title_derived),
                "kind": a.kind.value,
                "language": a.language,
                "outlet": a.outlet,
                "date": a.date.value if a.date else None,
                "date_document": a.date.document if a.date else None,
                "date_line": a.date.line if a.date else None,
                "date_source": a.date.source.value if a.date else None,
                "source_url": a.source_url,
                "document": a.primary.document,
                "line_start": a.primary.line_start,
                "line_end": a.primary.line_end,
                "url": lookups.article_url(a),
            }
            for a in articles
        ),
        "occurrences": (
            {"article": a.id, "position": n, "document": o.document, "line_start": o.line_start, "line_end": o.line_end}
            for a in articles
            for n, o in enumerate(a.occurrences)
        ),
        "article_authors": (
            {"article": a.id, "position": n, "person": p} for a in articles for n, p in enumerate(a.authors)
        ),
        "article_via": ({"article": a.id, "position": n, "outlet": o} for a in articles for n, o in enumerate(a.via)),
        "mentions": (
            {"id": n} | _mention_row(entity, mention) for n, (entity, mention) in enumerate(_mentions(corpus), start=1)
        ),
        "dated_sentences": (
            {"id": n, "article": s.article, "document": s.document, "line": s.line, "start": s.start}
            | {"date": s.date, "sentence": s.sentence}
            for n, s in enumerate(sorted(sentences, key=lambda s: (s.date, s.article, s.line, s.start)), start=1)
        ),
    }


def _list(values: list[str]) -> str | None:
    """A list as a JSON array (Datasette shows it as one), or NULL when empty."""
    return json.dumps(values, ensure_ascii=False) if values else None


def _entity_row(lookups: Lookups, entity: Entity) -> dict:
    return {"id": entity.id, "name": entity.name, "aliases": _list(entity.aliases), "url": lookups.entity_url(entity)}


def _mentions(corpus: Corpus) -> list[tuple[Entity, Mention]]:
    """Every mention once, people's then outlets', each in source order."""
    key = lambda m: (m.span.document, m.span.line, m.span.start, m.article, m.role.value)  # noqa: E731
    return [
        (e, m)
        for entities in (corpus.people, corpus.outlets)
        for e in sorted(entities, key=lambda e: e.id)
        for m in sorted(e.mentions, key=key)
    ]


def _mention_row(entity: Entity, mention: Mention) -> dict:
    span, speech = mention.span, mention.speech
    is_person = entity.entity_kind == "person"
    return {
        "entity_kind": str(entity.entity_kind),
        "person": entity.id if is_person else None,
        "outlet": None if is_person else entity.id,
        "role": mention.role.value,
        "article": mention.article,
        "document": span.document,
        "line": span.line,
        "start": span.start,
        "end": span.end,
        "text": span.text,
        "quote": mention.quote,
        "speech_line": speech.line if speech else None,
        "speech_start": speech.start if speech else None,
        "speech_end": speech.end if speech else None,
    }
