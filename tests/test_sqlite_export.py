"""data/corpus.sqlite: related tables with foreign keys, full-text search over the quotes, the same bytes every time."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

from generator.model import Corpus
from generator.render.event_dates import dated_sentences
from generator.render.lookups import Lookups
from generator.render.sqlite_export import write_corpus_sqlite

from .dated_corpus import dated_corpus


def write(corpus: Corpus, path: Path) -> sqlite3.Connection:
    sentences = [s for a in corpus.articles for s in dated_sentences(a)]
    write_corpus_sqlite(corpus, Lookups(corpus, language="en"), path, sentences=sentences)
    return sqlite3.connect(path)


def test_tables_hold_the_corpus_with_foreign_keys_between_them(tmp_path: Path):
    db = write(dated_corpus(), tmp_path / "corpus.sqlite")
    tables = {row[0] for row in db.execute("select name from sqlite_master where type = 'table'")}
    assert {"documents", "articles", "occurrences", "people", "outlets", "mentions", "dated_sentences"} <= tables
    assert db.execute("pragma foreign_key_check").fetchall() == []
    references = {(row[3], row[2]) for row in db.execute("pragma foreign_key_list(mentions)")}
    assert {
        ("person", "people"),
        ("outlet", "outlets"),
        ("article", "articles"),
        ("document", "documents"),
    } <= references
    assert db.execute(
        "select date, date_line, date_source, source_url from articles where id = 'police-raid'"
    ).fetchone() == (
        "2018-01-06",
        2,
        "byline",
        "https://example.org/a?b=1&c=2",
    )
    row = db.execute(
        "select people.name, articles.title, mentions.line from mentions"
        " join people on people.id = mentions.person join articles on articles.id = mentions.article"
    ).fetchone()
    assert row == ("Jane Doe", "Police raid the camp", 4)


def test_quoted_sentences_are_searchable_by_full_text(tmp_path: Path):
    db = write(dated_corpus(), tmp_path / "corpus.sqlite")
    hits = db.execute("select rowid from mentions_fts where mentions_fts match 'dawn'").fetchall()
    assert hits == [(1,)]
    hits = db.execute(
        "select article, line from dated_sentences where id in"
        " (select rowid from dated_sentences_fts where dated_sentences_fts match 'policia')"
    ).fetchall()
    assert hits == [("a-letter", 6)]


def test_the_same_corpus_gives_the_same_bytes_whatever_its_lists_order(tmp_path: Path):
    corpus = dated_corpus()
    write(corpus, tmp_path / "one.sqlite").close()
    write(corpus, tmp_path / "two.sqlite").close()
    shuffled = replace(corpus, articles=corpus.articles[::-1], documents=corpus.documents[::-1])
    write(shuffled, tmp_path / "three.sqlite").close()
    one = (tmp_path / "one.sqlite").read_bytes()
    assert one == (tmp_path / "two.sqlite").read_bytes() == (tmp_path / "three.sqlite").read_bytes()
    changed = replace(corpus, articles=[replace(corpus.articles[0], source_url=None), *corpus.articles[1:]])
    write(changed, tmp_path / "four.sqlite").close()
    assert (tmp_path / "four.sqlite").read_bytes() != one


def test_a_rebuild_replaces_the_file_and_leaves_no_journal(tmp_path: Path):
    path = tmp_path / "corpus.sqlite"
    path.write_bytes(b"not a database")
    write(dated_corpus(), path).close()
    assert path.read_bytes().startswith(b"SQLite format 3\x00")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus.sqlite"]
