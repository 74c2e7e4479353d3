"""The built site's data: corpus.sqlite holds what corpus.json holds, and the chronology links to real paragraphs."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def test_corpus_sqlite_holds_what_corpus_json_holds(built_site: Path, corpus_data: dict) -> None:
    db = sqlite3.connect(built_site / "data" / "corpus.sqlite")
    assert db.execute("pragma foreign_key_check").fetchall() == []
    for table in ("documents", "articles", "people", "outlets"):
        assert [r[0] for r in db.execute(f"select id from {table} order by id")] == sorted(
            r["id"] for r in corpus_data[table]
        ), table
    once = sum(not m.get("repeat") for e in corpus_data["people"] + corpus_data["outlets"] for m in e["mentions"])
    assert db.execute("select count(*) from mentions").fetchone() == (once,)
    dates = {a["id"]: (a["date"], a["date_line"], a["date_source"], a["source_url"]) for a in corpus_data["articles"]}
    rows = db.execute("select id, date, date_line, date_source, source_url from articles")
    assert {r[0]: r[1:] for r in rows} == dates


def test_every_chronology_sentence_links_to_a_paragraph_that_holds_it(built_site: Path) -> None:
    page = (built_site / "chronology" / "index.html").read_text(encoding="utf-8")
    entries = re.findall(r'<blockquote[^>]*>(.*?)</blockquote> <a class="source" href="([^"#]+)#(p\d+)"', page)
    for quote, href, anchor in entries:
        article = (built_site / "chronology" / href / "index.html").resolve().read_text(encoding="utf-8")
        paragraph = re.search(rf'<p id="{anchor}"[^>]*>(.*?)</p>', article, re.S)
        text = re.sub(r"<[^>]+>", "", quote)
        assert paragraph and text in re.sub(r"<[^>]+>", "", paragraph.group(1)), (href, anchor)
