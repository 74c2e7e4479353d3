"""Segmentation: every boundary, credit and kind form, on small synthetic documents."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest

from generator.curation import Curation, SegmentOverride
from generator.language import LanguageDetector
from generator.model import Document, Kind, OutletRecord, Role
from generator.segment import segment
from generator.segment.line_patterns import clean_headline, is_caption, strip_file_prefix

OUTLETS = [
    OutletRecord("trt-world", "TRT World", "tv", aliases=("TRT",)),
    OutletRecord("iran-interlink", "Iran Interlink", "news-site", domains=("iran-interlink.org",)),
    OutletRecord("daily-bugle", "Daily Bugle", "newspaper", domains=("bugle.example",)),
    OutletRecord("north-post", "North Post", "news-site", aliases=("Northpost",)),
]
LANGUAGES = LanguageDetector()

BODY = [
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
    "Volunteers painted the walls and built the shelves themselves over six months, working in the evenings "
    "after their jobs and on every weekend since the beginning of the year.",
    "The librarian said she hoped the building would become a meeting place for the whole district, not "
    "only for readers, and that concerts would be held there in the autumn.",
]
ALBANIAN = [
    "Komiteti u mblodh të martën për të diskutuar rregullat e reja për portin, dhe disa anëtarë kërkuan më "
    "shumë kohë për të lexuar propozimin para se të votohet për këtë çështje.",
    "Banorët thanë se ndryshimet do të prekin fillimisht varkat e peshkimit, dhe se askush nuk i kishte "
    "pyetur se çfarë mendonin ata për planin, i cili u hartua pa asnjë dëgjesë publike.",
    "Kryetari i bashkisë premtoi një takim të dytë muajin e ardhshëm ku të gjithë mund të flasin, dhe tha se "
    "vendimi përfundimtar nuk do të merret para fundit të sezonit të verës.",
]


def make_document(lines: list[str], name: str = "doc.txt") -> Document:
    text = "\n".join(lines)
    return Document(
        id=name.removesuffix(".txt"),
        source=f"content/documents/{name}",
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        lines=tuple(lines),
        title="test",
    )


def run(lines: list[str], *, curation: Curation | None = None, outlets=OUTLETS):
    document = make_document(lines)
    return segment([document], curation=curation or Curation(), languages=LANGUAGES, outlets=outlets)


def ranges(articles) -> list[tuple[int, int]]:
    return [(a.primary.line_start, a.primary.line_end) for a in articles]


def credits(article) -> list[tuple[str, str]]:
    return [(c.role.value, c.span.text) for c in article.credits]


def test_segment_ends_article_at_by_name_comma_and_credits_the_author():
    articles = run(["Harbour rules delayed", *BODY, "BY Jane Miller,", "Library opens in old station", *OTHER])
    assert ranges(articles) == [(1, 5), (6, 9)]
    assert credits(articles[0]) == [("author", "Jane Miller")]


def test_segment_reads_name_comma_outlet_as_author_and_outlet():
    articles = run(["Harbour rules delayed", *BODY, "Elis Gjevori ,TRT world", "Library opens", *OTHER])
    assert ranges(articles) == [(1, 5), (6, 9)]
    assert credits(articles[0]) == [("author", "Elis Gjevori"), ("outlet", "TRT world")]


def test_segment_splits_two_authors_and_outlet():
    articles = run([*BODY, "Linda Smith and Alba Kasa, Daily Bugle", *OTHER])
    assert ranges(articles) == [(1, 4), (5, 7)]
    assert credits(articles[0]) == [("author", "Linda Smith"), ("author", "Alba Kasa"), ("outlet", "Daily Bugle")]


def test_segment_reads_outlet_translated_by_outlet_as_outlet_and_via():
    articles = run([*BODY, "Daily Bugle, Translated by Iran Interlink", *OTHER])
    assert credits(articles[0]) == [("outlet", "Daily Bugle"), ("via", "Iran Interlink")]


def test_segment_drops_city_and_country_in_outlet_translated_by_slug():
    articles = run([*BODY, "Daily Bugle, Tirana, Albania, Translated By iran-interlink", *OTHER])
    assert ranges(articles) == [(1, 4), (5, 7)]
    assert credits(articles[0]) == [("outlet", "Daily Bugle"), ("via", "iran-interlink")]


def test_segment_reads_by_outlet_comma_as_outlet_not_person():
    articles = run([*BODY, "BY North Post,", *OTHER])
    assert credits(articles[0]) == [("outlet", "North Post")]


def test_segment_strips_titles_from_by_lawyer_translated_by():
    articles = run([*BODY, "BY Lawyer Ms. Jane Doe, Translated by Iran Interlink", *OTHER])
    assert credits(articles[0]) == [("author", "Jane Doe"), ("via", "Iran Interlink")]


@pytest.mark.parametrize("line", ["https://bugle.example", "/bugle.example", "www.bugle.example/news/1"])
def test_segment_ends_article_at_bare_domain_or_url(line):
    articles = run([*BODY, line, *OTHER])
    assert ranges(articles) == [(1, 4), (5, 7)]
    assert credits(articles[0])[0][0] == "outlet"


def test_segment_ends_article_at_burimi_source_line():
    articles = run([*ALBANIAN, "Burimi: Northpost", *OTHER])
    assert ranges(articles) == [(1, 4), (5, 7)]
    assert credits(articles[0]) == [("outlet", "Northpost")]


def test_segment_joins_consecutive_attribution_lines():
    articles = run([*BODY, "/bugle.example", "Daily Bugle, Translated by Iran Interlink", *OTHER])
    assert ranges(articles) == [(1, 5), (6, 8)]


def test_segment_ends_article_at_presenter_and_producer_credits():
    articles = run([*BODY, "Presenter: Jane Miller", "Producer: Tom Baker", "Library opens", *OTHER])
    assert ranges(articles) == [(1, 5), (6, 9)]
    assert [c for c in credits(articles[0]) if c[0] == "author"] == [("author", "Jane Miller"), ("author", "Tom Baker")]


def test_segment_keeps_top_byline_with_its_headline():
    articles = run([*OTHER, "Harbour rules delayed again", "By Ty Joplin", *BODY])
    assert ranges(articles) == [(1, 3), (4, 8)]
    assert articles[1].title == "Harbour rules delayed again"
    assert credits(articles[1]) == [("author", "Ty Joplin")]


def test_segment_reads_publication_and_by_colon_byline():
    articles = run(["Harbour rules delayed", "Publication: Daily Bugle Volume: 16 Issue: 19", "By: Jane Miller", *BODY])
    assert credits(articles[0]) == [("outlet", "Daily Bugle"), ("author", "Jane Miller")]


def test_segment_starts_article_at_headline_over_dated_source_line():
    lines = [*OTHER, "Harbour rules delayed", "Daily Bugle, February 25 2019", "Link to the source", *BODY]
    articles = run(lines)
    assert ranges(articles) == [(1, 3), (4, 9)]
    assert credits(articles[1]) == [("outlet", "Daily Bugle")]
    assert articles[1].title == "Harbour rules delayed"


def test_segment_starts_article_at_headline_when_link_line_stands_before_the_source_line():
    lines = [*OTHER, "Harbour rules delayed", "Link to the source", "Daily Bugle, February 25 2019", *BODY]
    articles = run(lines)
    assert ranges(articles) == [(1, 3), (4, 9)]
    assert articles[1].title == "Harbour rules delayed"


def test_segment_starts_article_at_headline_over_dateline():
    articles = run([*OTHER, "Harbour rules delayed", "7 September 2018", *BODY])
    assert ranges(articles) == [(1, 3), (4, 8)]


def test_segment_splits_at_also_read_block_and_marks_it_navigation():
    lines = [
        *OTHER,
        "Also read:",
        "Harbour rules delayed",
        "Jane Miller, Daily Bugle, March 29 2019:… The committee met on Tuesday to discuss the rules.",
        "Link to the source",
        "Harbour rules delayed",
        *BODY,
    ]
    articles = run(lines)
    assert ranges(articles) == [(1, 3), (4, 7), (8, 11)]
    assert [a.kind for a in articles] == [Kind.ARTICLE, Kind.NAVIGATION, Kind.ARTICLE]
    assert not articles[1].has_page


def test_article_after_teaser_inherits_teaser_credits():
    lines = [
        *OTHER,
        "Also read:",
        "Harbour rules delayed",
        "Some_Image_File_2019Jane Miller, Daily Bugle, March 29 2019:… The committee met on Tuesday.",
        "Link to the source",
        "Harbour rules delayed",
        *BODY,
    ]
    article = run(lines)[2]
    assert credits(article) == [("author", "Jane Miller"), ("outlet", "Daily Bugle")]
    assert all(c.span.text == lines[c.span.line - 1][c.span.start : c.span.end] for c in article.credits)


def test_navigation_block_ends_before_repeated_headline_without_link_line():
    lines = [*OTHER, "Also read:", "Harbour rules delayed", "Daily Bugle, March 29 2019:… The committee met.",
             "Harbour rules delayed", *BODY]  # fmt: skip
    assert ranges(run(lines)) == [(1, 3), (4, 6), (7, 10)]


def test_segment_keeps_inline_also_read_line_inside_article():
    lines = [*BODY[:2], "also read: Library opens in old station", BODY[2], "BY Jane Miller,"]
    assert ranges(run(lines)) == [(1, 5)]


def test_related_posts_and_copyright_footer_are_navigation():
    lines = [*BODY, "BY Jane Miller,", "Related posts", "Library opens", "Harbour news", "Copyright © 2022 Bugle"]
    articles = run(lines)
    assert ranges(articles) == [(1, 4), (5, 8)]
    assert articles[1].kind is Kind.NAVIGATION


def test_segment_takes_headline_glued_to_image_file_name():
    articles = run([*OTHER, "BY Jane Miller,", "Harbour_Rules_Photo_2018Harbour rules delayed", *BODY])
    assert articles[1].title == "Harbour rules delayed"
    assert articles[1].title_derived is False


def test_strip_file_prefix_keeps_text_after_the_file_name():
    assert strip_file_prefix("Spiegel_MKO_Cult_in_Albania_horrific_trainingPrisoners of Their Own") == (
        "Prisoners of Their Own"
    )
    assert strip_file_prefix("News_Photo_Sep_2018\xa0Aljazeera, September 16") == "Aljazeera, September 16"
    assert strip_file_prefix("A plain headline") == "A plain headline"


def test_doubled_caption_is_a_caption_and_cleans_to_one_title():
    assert is_caption("Harbour Rules Are DelayedHarbour Rules Are Delayed?")
    assert clean_headline("Harbour Rules Are DelayedHarbour Rules Are Delayed?") == "Harbour Rules Are Delayed?"
    assert not is_caption("Harbour rules delayed")


def test_duplicated_consecutive_headline_does_not_split_article():
    lines = ["Harbour rules delayed", *BODY[:2], "Mayor Jane Miller", "Mayor Jane Miller", BODY[2], "BY Tom Baker,"]
    assert ranges(run(lines)) == [(1, 7)]


def test_lone_signature_name_between_paragraphs_ends_article():
    articles = run([*BODY, "Mazda Parsi", *OTHER])
    assert ranges(articles) == [(1, 4), (5, 7)]
    assert credits(articles[0]) == [("author", "Mazda Parsi")]


def test_title_case_sub_heading_whose_words_the_text_uses_in_lower_case_does_not_end_article():
    # ``Harbour Meeting`` has a name's shape, but ``harbour`` and ``meeting`` stand in lower case in the text
    lines = ["Harbour rules delayed", BODY[0], "Harbour Meeting", BODY[2], "BY Tom Baker,"]
    assert ranges(run(lines)) == [(1, 5)]


def test_title_case_sub_heading_early_in_a_headlined_article_does_not_end_it():
    # ``Quiet Waters`` has a name's shape and words the text never uses; only its place tells:
    # a headline and one paragraph above, two paragraphs below, then the attribution.
    lines = ["Harbour rules delayed", BODY[0], "Quiet Waters", BODY[1], BODY[2], "BY Tom Baker,"]
    assert ranges(run(lines)) == [(1, 6)]


def test_title_case_sub_heading_before_the_last_paragraph_does_not_end_article():
    lines = ["Harbour rules delayed", *BODY, "Quiet Waters", OTHER[0], "BY Tom Baker,"]
    assert ranges(run(lines)) == [(1, 7)]


def test_lone_name_under_a_headlined_article_with_a_full_article_below_ends_it():
    lines = ["Harbour rules delayed", *BODY, "Mazda Parsi", *OTHER, "BY Tom Baker,"]
    assert ranges(run(lines)) == [(1, 5), (6, 9)]


def test_title_length_headline_after_a_whole_headlined_article_starts_the_next_one_without_attribution():
    title = "Volunteers open a library in the old railway station of the town"
    lines = ["Harbour rules delayed", *BODY, title, *OTHER, "BY Tom Baker,"]
    assert ranges(run(lines)) == [(1, 4), (5, 9)]


def test_short_sub_heading_or_question_after_a_whole_article_does_not_split_it():
    question = "Why did the town council wait so long before asking anyone?"  # title-length, but a question
    for heading in ("Fishermen worried about the plan", question):
        lines = ["Harbour rules delayed", *BODY, heading, OTHER[0], "BY Tom Baker,"]
        assert ranges(run(lines)) == [(1, 7)], heading


def test_sub_headings_inside_article_do_not_split_it():
    lines = [
        "Harbour rules delayed",
        BODY[0],
        "Fishermen worried",
        BODY[1],
        "What comes next?",
        BODY[2],
        "BY Tom Baker,",
    ]
    assert ranges(run(lines)) == [(1, 7)]


def test_caption_with_name_and_description_does_not_end_article():
    lines = ["Harbour rules delayed", *BODY[:2], "Jane Miller, local fisherwoman", BODY[2], "BY Tom Baker,"]
    assert ranges(run(lines)) == [(1, 6)]


def test_letter_keeps_signature_and_is_kind_letter():
    lines = ["Open letter to the mayor", "Dear Mayor,", *BODY, "Yours sincerely,", "Jane Miller", "Tom Baker",
             "bugle.example", *OTHER]  # fmt: skip
    articles = run(lines)
    assert ranges(articles) == [(1, 9), (10, 12)]
    assert articles[0].kind is Kind.LETTER


def test_interview_questions_make_kind_interview():
    lines = ["Fishermen speak", "When did the rules change?", BODY[0], "Who decided?", BODY[1],
             "What will you do now?", BODY[2], "Daily Bugle, Translated by Iran Interlink"]  # fmt: skip
    articles = run(lines)
    assert articles[0].kind is Kind.INTERVIEW
    assert credits(articles[0]) == [("outlet", "Daily Bugle"), ("via", "Iran Interlink")]


def test_one_letter_q_and_a_labels_make_kind_interview():
    # one question mark only: the repeated ``Q:``/``A:`` labels alone must tell the kind
    lines = ["Fishermen speak", "Q: Tell us when the rules changed.", "A: " + BODY[0], "Q: Who decided?",
             "A: " + BODY[1], "Q: And the future.", "A: " + BODY[2], "BY Daily Bugle,"]  # fmt: skip
    assert run(lines)[0].kind is Kind.INTERVIEW


def test_segment_splits_where_language_switches_for_good():
    articles = run(
        ["Harbour rules delayed", *BODY, "Albanian Translation (North Post)", "Rregullat e portit", *ALBANIAN]
    )
    assert ranges(articles) == [(1, 4), (5, 9)]
    assert [a.language for a in articles] == ["en", "sq"]
    assert credits(articles[1]) == [("via", "North Post")]


def test_credits_are_exact_spans_of_their_line():
    lines = [
        *BODY,
        "Linda Smith and Alba Kasa, Daily Bugle",
        *OTHER,
        "BY Lawyer Ms. Jane Doe, Translated by Iran Interlink",
    ]
    for article in run(lines):
        for credit in article.credits:
            assert credit.span.text == lines[credit.span.line - 1][credit.span.start : credit.span.end]


def test_curation_split_join_and_overrides_apply():
    lines = [*BODY, *OTHER, "BY Jane Miller,", "Library opens", *OTHER]
    curation = Curation(
        segments=(
            SegmentOverride("doc.txt", 4, "library piece starts here", split=True, title="Library", kind=Kind.OTHER),
            SegmentOverride("doc.txt", 8, "one article across the byline", join=True),
            SegmentOverride("doc.txt", 1, "the outlet is named in the text", outlet="harbour"),
        )
    )
    articles = run(lines, curation=curation)
    assert ranges(articles) == [(1, 3), (4, 11)]
    assert articles[1].title == "Library" and articles[1].kind is Kind.OTHER
    assert credits(articles[0]) == [("outlet", "harbour")]


def test_segment_is_deterministic():
    lines = [*BODY, "BY Jane Miller,", "Also read:", "Harbour rules", "Daily Bugle, March 1 2019:… x.", *OTHER]
    assert run(lines) == run(lines)


def test_segment_without_outlet_list_tells_outlets_by_shape():
    articles = run([*BODY, "BY Balkans Post,", *OTHER], outlets=None)
    assert credits(articles[0]) == [("outlet", "Balkans Post")]
    assert run([*BODY, "BY Jane Miller,", *OTHER], outlets=None)[0].credits[0].role is Role.AUTHOR
    city_country = run([*BODY, "Harbour Voice, Tirana, Albania, Translated by Jane Miller", *OTHER], outlets=None)
    assert credits(city_country[0])[0] == ("outlet", "Harbour Voice")


def test_corpus_segmentation_meets_the_quality_bar():
    sys.path.insert(0, str(Path(__file__).parent / "fixtures"))
    from segmentation_report import expected_segments, score, segmented

    content = Path(__file__).resolve().parent.parent / "content"
    result = score(expected_segments(), segmented(content))
    assert result.f1 >= 0.95, (result.missing, result.extra)
    assert result.outlet_accuracy >= 0.95, result.wrong_outlets
    uncurated = score(expected_segments(), segmented(content, curation=False))
    assert uncurated.f1 >= 0.85, (uncurated.missing, uncurated.extra)


def test_invented_unseen_documents_keep_their_uncurated_scores():
    # A floor just under the measured 1.000 on seven invented documents: guards the rules that generalise.
    sys.path.insert(0, str(Path(__file__).parent / "fixtures"))
    from segmentation_report import UNSEEN, expected_segments, score, segmented_unseen

    content = Path(__file__).resolve().parent.parent / "content"
    result = score(expected_segments(UNSEEN / "expected.yml"), segmented_unseen(content))
    assert result.f1 >= 0.95, (result.missing, result.extra)
    assert result.outlet_accuracy >= 0.95, result.wrong_outlets
