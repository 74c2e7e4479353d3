"""Dedupe: near-identical segments across documents become one article with several occurrences."""

from __future__ import annotations

import copy

from generator.dedupe import dedupe, jaccard, shingles
from generator.model import Article, Credit, Kind, Occurrence, Paragraph, Role, Span

TEXT = [
    "The committee met on Tuesday to discuss the new rules for the harbour, and several members asked "
    "for more time to read the proposal before any vote is taken on the matter.",
    "Residents said the changes would affect fishing boats first, and that nobody had asked them what they "
    "thought about the plan, which was drawn up without any public hearing at all.",
    "The mayor promised a second meeting next month where everyone could speak, and said the final decision "
    "would not be taken before the end of the summer season in any case.",
]
OTHER = [
    "A new library opened in the old railway station on Saturday, with thousands of books donated by "
    "families from the town and a reading room for children on the upper floor.",
    "Volunteers painted the walls and built the shelves themselves over six months, working in the evenings.",
]


def article(document: str, start: int, lines: list[str], *, kind: Kind = Kind.ARTICLE, credits=()) -> Article:
    return Article(
        id=f"{document}-{start}",
        title=lines[0][:30],
        title_derived=False,
        kind=kind,
        language="en",
        occurrences=[Occurrence(document, start, start + len(lines) - 1)],
        paragraphs=[Paragraph(start + i, text, "en") for i, text in enumerate(lines)],
        credits=list(credits),
    )


def outlet_credit(document: str, line: int, name: str) -> Credit:
    return Credit(Role.OUTLET, Span(document, line, 0, len(name), name))


def test_dedupe_merges_identical_articles_with_primary_first():
    merged = dedupe([article("a", 10, TEXT), article("b", 3, TEXT)])
    assert len(merged) == 1
    assert merged[0].occurrences == [Occurrence("a", 10, 12), Occurrence("b", 3, 5)]


def test_dedupe_merges_copies_with_small_differences():
    changed = [TEXT[0].replace("Tuesday", "Wednesday"), "Members of the board", TEXT[1], TEXT[2]]
    merged = dedupe([article("a", 1, ["Harbour tag line", *TEXT]), article("b", 1, changed)])
    assert [len(a.occurrences) for a in merged] == [2]


def test_dedupe_keeps_different_articles_apart():
    merged = dedupe([article("a", 1, TEXT), article("b", 1, OTHER)])
    assert len(merged) == 2


def test_dedupe_never_merges_navigation_with_an_article():
    merged = dedupe([article("a", 1, TEXT), article("b", 1, TEXT, kind=Kind.NAVIGATION)])
    assert len(merged) == 2


def test_dedupe_matches_one_line_segments_only_exactly():
    merged = dedupe([article("a", 1, ["Harbour rules delayed"]), article("b", 1, ["Harbour rules delayed again"])])
    assert len(merged) == 2


def test_primary_without_outlet_borrows_the_copys_credits():
    copy = article("b", 1, TEXT, credits=[outlet_credit("b", 4, "Daily Bugle")])
    merged = dedupe([article("a", 1, TEXT), copy])
    assert [c.span.text for c in merged[0].credits] == ["Daily Bugle"]


def test_dedupe_assigns_unique_slugs_in_input_order():
    first, second = article("a", 1, TEXT), article("b", 1, OTHER)
    first.title = second.title = "Harbour rules"
    merged = dedupe([first, second])
    assert [a.id for a in merged] == ["harbour-rules", "harbour-rules-2"]


def test_dedupe_is_deterministic():
    first = dedupe([article("a", 1, TEXT), article("b", 1, OTHER), article("c", 1, TEXT)])
    second = dedupe([article("a", 1, TEXT), article("b", 1, OTHER), article("c", 1, TEXT)])
    assert first == second


def test_shingle_jaccard_is_one_for_same_text_and_low_for_different():
    assert jaccard(shingles(TEXT[0]), shingles(TEXT[0])) == 1.0
    assert jaccard(shingles(TEXT[0]), shingles(OTHER[0])) < 0.1


def test_dedupe_returns_new_articles_and_leaves_the_given_ones_unchanged():
    given = [
        article("a", 1, TEXT),
        article("b", 1, TEXT, credits=[outlet_credit("b", 4, "Daily Bugle")]),
        article("c", 1, OTHER),
    ]
    before = copy.deepcopy(given)
    merged = dedupe(given)
    assert given == before
    assert [a.id for a in merged] != [a.id for a in given]
    assert merged[0].occurrences == [Occurrence("a", 1, 3), Occurrence("b", 1, 3)]
    assert all(m is not g for m in merged for g in given)
