"""A tiny corpus built by hand, with the dates and original addresses set by the test (no pipeline run)."""

from __future__ import annotations

from generator.model import (
    Article,
    Corpus,
    DateSource,
    Document,
    Entity,
    EntityKind,
    Kind,
    Mention,
    Occurrence,
    Paragraph,
    PublicationDate,
    Role,
    Span,
)

LINES = (
    "Police raid the camp",  # 1: headline of the first article
    "Tirana, 6 January 2018",  # 2: its dateline
    "On 5 January 2018, the police entered the camp near Manëz.",  # 3
    "Jane Doe said the raid began on 5 January 2018 at dawn. Nothing else happened.",  # 4
    "A letter to the editor",  # 5: headline of the second article
    "Më 12 korrik 2019 policia hyri\u00a0në kampin e Manzës.",  # 6
    "An undated note",  # 7: headline of the third article
    "It speaks of no day at all.",  # 8
)


def dated_corpus(
    *, date: str | None = "2018-01-06", source_url: str | None = "https://example.org/a?b=1&c=2"
) -> Corpus:
    """Three articles in one document: one dated ``date`` by its dateline (line 2), one by a teaser, one undated."""
    document = Document("doc", "content/documents/doc.txt", "0" * 64, LINES, "Doc")
    first = Article(
        id="police-raid",
        title="Police raid the camp",
        title_derived=False,
        kind=Kind.ARTICLE,
        language="en",
        occurrences=[Occurrence("doc", 1, 4)],
        paragraphs=[Paragraph(n, LINES[n - 1], "en") for n in (1, 2, 3, 4)],
        headline_line=1,
        outlet="gazeta",
        authors=["jane-doe"],
        date=PublicationDate(date, "doc", 2, DateSource.BYLINE) if date else None,
        source_url=source_url,
    )
    second = Article(
        id="a-letter",
        title="A letter to the editor",
        title_derived=False,
        kind=Kind.LETTER,
        language="sq",
        occurrences=[Occurrence("doc", 5, 6)],
        paragraphs=[Paragraph(5, LINES[4], "en"), Paragraph(6, LINES[5], "sq")],
        headline_line=5,
        date=PublicationDate("2019-07", "doc", 5, DateSource.TEASER, note="another teaser says 2019-08"),
    )
    third = Article(
        id="an-undated-note",
        title="An undated note",
        title_derived=False,
        kind=Kind.OTHER,
        language="en",
        occurrences=[Occurrence("doc", 7, 8)],
        paragraphs=[Paragraph(7, LINES[6], "en"), Paragraph(8, LINES[7], "en")],
        headline_line=7,
    )
    span = Span("doc", 4, 0, 8, "Jane Doe")
    jane = Entity(
        "jane-doe",
        "Jane Doe",
        EntityKind.PERSON,
        ["Jane Doe"],
        [Mention(EntityKind.PERSON, Role.MENTION, "police-raid", span, LINES[3][:55], 0)],
    )
    gazeta = Entity("gazeta", "Gazeta", EntityKind.OUTLET, ["Gazeta"], [], outlet_kind="newspaper")
    return Corpus([document], [first, second, third], [jane], [gazeta])
