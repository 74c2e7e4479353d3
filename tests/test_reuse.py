"""Render reuse: a unit of pages whose inputs are unchanged is kept; any change to what it read rebuilds it.

A hand-made corpus (two documents, three articles, two people, one outlet) is rendered with
records, then rendered again over the first tree after one edit, the way an incremental build
does. Each time the tree must equal a fresh render of the edited corpus, and the units rebuilt
must be those whose pages can show the edit.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from generator.model import (
    Article,
    Corpus,
    Document,
    Entity,
    EntityKind,
    Kind,
    Mention,
    Occurrence,
    Paragraph,
    Role,
    Span,
)
from generator.render import render
from generator.render.reads import Reads, ReadTable, entity_card
from generator.render.reuse import PageRecords, ReuseFiles
from generator.render.siteconfig import SiteConfig
from generator.render.writer import PageWriter
from generator.site.incremental import link_tree

SITE = SiteConfig(name="Test", description="A test site.")

FIRST = ("Harbour talks resume", "John Smith said the talks would resume.", "The port was quiet.")
SECOND = ("Council meets", "John Smith spoke to the council.", "Mary Jones said the budget was late.")


def corpus() -> Corpus:
    """Document ``one`` holds article ``talks`` (naming John Smith) and ``council`` (naming him and Mary Jones)."""
    one = Document("one", "content/documents/one.txt", "1" * 64, FIRST + SECOND, "One")
    two = Document("two", "content/documents/two.txt", "2" * 64, ("Weather", "Rain all day."), "Two")

    def article(id_: str, start: int, lines: tuple[str, ...], document: str = "one") -> Article:
        return Article(
            id=id_,
            title=lines[0],
            title_derived=False,
            kind=Kind.ARTICLE,
            language="en",
            occurrences=[Occurrence(document, start, start + len(lines) - 1)],
            paragraphs=[Paragraph(start + n, text, "en") for n, text in enumerate(lines)],
            headline_line=start,
            outlet="gazette" if id_ == "talks" else None,
        )

    def mention(article: str, line: int, text: str, quote: str) -> Mention:
        start = quote.index(text)
        return Mention(
            EntityKind.PERSON, Role.MENTION, article, Span("one", line, start, start + len(text), text), quote, 0
        )

    john = Entity(
        "john-smith",
        "John Smith",
        EntityKind.PERSON,
        ["John Smith"],
        [mention("talks", 2, "John Smith", FIRST[1]), mention("council", 5, "John Smith", SECOND[1])],
    )
    mary = Entity(
        "mary-jones", "Mary Jones", EntityKind.PERSON, ["Mary Jones"], [mention("council", 6, "Mary Jones", SECOND[2])]
    )
    gazette = Entity("gazette", "The Gazette", EntityKind.OUTLET, ["The Gazette"], [], outlet_kind="newspaper")
    articles = [
        article("talks", 1, FIRST),
        article("council", 4, SECOND),
        article("weather", 1, ("Weather", "Rain all day."), "two"),
    ]
    return Corpus([one, two], articles, [john, mary], [gazette])


def tree(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def rerender(tmp_path: Path, edit, *, key: str = "k") -> tuple[set[str], Path, Path]:
    """Render with records, edit the corpus, render again over the first tree: the units rebuilt and both trees.

    A unit was rebuilt when its fingerprint changed (a kept unit is recorded again as it was).
    """
    first_docs, first = tmp_path / "first", tmp_path / "first.sqlite"
    out = PageWriter(first_docs)
    render(corpus(), first_docs, site=SITE, out=out, reuse=ReuseFiles("k", first))
    edited = corpus()
    edit(edited)
    docs, second = tmp_path / "second", tmp_path / "second.sqlite"
    link_tree(first_docs, docs)
    result = render(
        edited, docs, site=SITE, out=PageWriter(docs, previous=dict(out.hashes)), reuse=ReuseFiles(key, second, first)
    )
    before, after = _fingerprints(first), _fingerprints(second)
    assert before.keys() == after.keys()
    rebuilt = {unit for unit in before if before[unit] != after[unit]}
    assert len(rebuilt) == result.units_built
    fresh = tmp_path / "fresh"
    render(edited, fresh, site=SITE)
    return rebuilt, docs, fresh


def _fingerprints(records: Path) -> dict[str, str]:
    db = PageRecords(records)
    try:
        return dict(db.db.execute("SELECT unit, fingerprint FROM units"))
    finally:
        db.close()


def test_nothing_changed_keeps_every_unit(tmp_path):
    built, docs, fresh = rerender(tmp_path, lambda c: None)
    assert built == set()
    assert tree(docs) == tree(fresh)


def test_a_changed_paragraph_rebuilds_its_article_its_document_and_the_people_it_names(tmp_path):
    def edit(c: Corpus) -> None:
        c.articles[0].paragraphs[2] = replace(c.articles[0].paragraphs[2], text="The port was busy.")

    built, docs, fresh = rerender(tmp_path, edit)
    # The weather article, its document and Mary Jones (not named in it) read nothing of it.
    assert built == {"articles/talks", "documents/one", "people/john-smith/", "outlets/gazette/"}
    assert tree(docs) == tree(fresh)


def test_a_renamed_person_rebuilds_every_page_that_shows_the_name(tmp_path):
    def edit(c: Corpus) -> None:
        c.people[0].name = "John A. Smith"

    built, docs, fresh = rerender(tmp_path, edit)
    assert {"articles/talks", "articles/council", "people/john-smith/", "people/mary-jones/"} <= built
    assert "articles/weather" not in built and "documents/two" not in built
    assert tree(docs) == tree(fresh)


def test_another_key_rebuilds_everything(tmp_path):
    built, docs, fresh = rerender(tmp_path, lambda c: None, key="another site")
    assert built == set(_fingerprints(tmp_path / "first.sqlite"))
    assert tree(docs) == tree(fresh)


def test_a_read_table_notes_each_key_an_absent_key_and_a_whole_table():
    reads = Reads()
    table = ReadTable("people", {"a": 1}, reads, missing=list)
    assert table["zzz"] == []  # an absent key reads as empty, as a defaultdict would
    with reads.recording() as noted:
        assert table["a"] == 1
        assert "b" not in table
        list(table)
    assert noted == {("people", "a"), ("people", "b"), ("people", "*")}
    table["c"]  # outside a recording: nothing noted, nothing kept
    assert "c" not in table.data


def test_an_entity_card_holds_the_number_of_mentions_not_their_text():
    entity = corpus().people[0]
    same_count = replace(entity, mentions=[replace(m, quote=m.quote + " More.") for m in entity.mentions])
    assert entity_card(entity) == entity_card(same_count)
    assert entity_card(entity) != entity_card(replace(entity, mentions=entity.mentions[:1]))


def test_unreadable_previous_records_mean_every_unit_is_built(tmp_path):
    first_docs = tmp_path / "first"
    out = PageWriter(first_docs)
    render(corpus(), first_docs, site=SITE, out=out, reuse=ReuseFiles("k", tmp_path / "first.sqlite"))
    (tmp_path / "first.sqlite").write_bytes(b"not a database")
    docs = tmp_path / "second"
    link_tree(first_docs, docs)
    files = ReuseFiles("k", tmp_path / "second.sqlite", tmp_path / "first.sqlite")
    result = render(corpus(), docs, site=SITE, out=PageWriter(docs, previous=dict(out.hashes)), reuse=files)
    assert result.units_kept == 0 and result.units_built > 0
    render(corpus(), tmp_path / "fresh", site=SITE)
    assert tree(docs) == tree(tmp_path / "fresh")


def test_a_unit_whose_file_the_previous_tree_lacks_is_built_again(tmp_path):
    first_docs = tmp_path / "first"
    out = PageWriter(first_docs)
    render(corpus(), first_docs, site=SITE, out=out, reuse=ReuseFiles("k", tmp_path / "first.sqlite"))
    docs = tmp_path / "second"
    link_tree(first_docs, docs)
    (docs / "articles" / "talks.md").unlink()
    previous = {path: digest for path, digest in out.hashes.items() if path != "articles/talks.md"}
    files = ReuseFiles("k", tmp_path / "second.sqlite", tmp_path / "first.sqlite")
    result = render(corpus(), docs, site=SITE, out=PageWriter(docs, previous=previous), reuse=files)
    assert result.units_built == 1
    assert (docs / "articles" / "talks.md").is_file()


def test_a_document_whose_text_changed_rebuilds_its_page_not_the_pages_that_only_name_it(tmp_path):
    def edit(c: Corpus) -> None:
        c.documents[0] = replace(c.documents[0], sha256="3" * 64)

    built, docs, fresh = rerender(tmp_path, edit)
    assert built == {"documents/one"}
    assert tree(docs) == tree(fresh)


def test_reading_lines_notes_that_stretch_only():
    from generator.render.lookups import Lookups
    from generator.render.reads import Fingerprints

    def fingerprint(c: Corpus) -> tuple[str, set]:
        lookups = Lookups(c, language="en")
        with lookups.reads.recording() as noted:
            lookups.document_lines("one", 2, 3)
        table, key = next(iter(noted))
        return Fingerprints(lookups.tables, lookups.full_documents).read(table, key), noted

    before, noted = fingerprint(corpus())
    assert Lookups(corpus(), language="en").document_lines("one", 2, 3) == FIRST[1:3]
    elsewhere, inside = corpus(), corpus()
    elsewhere.documents[0] = replace(elsewhere.documents[0], lines=(*FIRST, "Another headline", *SECOND[1:]))
    inside.documents[0] = replace(inside.documents[0], lines=(FIRST[0], "Changed.", *FIRST[2:], *SECOND))
    assert len(noted) == 1
    assert fingerprint(elsewhere)[0] == before != fingerprint(inside)[0]
