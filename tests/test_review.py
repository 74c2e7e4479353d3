"""The review queue lists similar, unjudged pairs with their contexts."""

from __future__ import annotations

from generator.curation import Curation, PairJudgement, Verdict, pair
from generator.model import Corpus, Mention, Role, Span
from generator.resolve.people import resolve_people
from generator.review import review_lines


def mention(text: str, sentence: str, article: str) -> Mention:
    start = sentence.index(text)
    return Mention("person", Role.MENTION, article, Span("doc", 1, start, start + len(text), text), sentence, 0)


def corpus_of(mentions: list[Mention], curation: Curation) -> Corpus:
    return Corpus([], [], resolve_people(mentions, curation), [])


MENTIONS = [
    mention("Lindsey Hilsum", "Lindsey Hilsum filmed the camp.", "a1"),
    mention("Lindesy Hilsum", "Gazetarja Lindesy Hilsum ka shkuar.", "a2"),
    mention("Maryam Rajavi", "Maryam Rajavi spoke in Paris.", "a3"),
]


def test_review_lists_similar_pair_with_contexts_and_how_to_record_it():
    text = "\n".join(review_lines(corpus_of(MENTIONS, Curation()), Curation()))
    assert text.startswith("1 candidate pairs")
    assert "Lindesy Hilsum  <->  Lindsey Hilsum" in text
    assert "a2 (line 1): Gazetarja Lindesy Hilsum ka shkuar." in text
    assert "{same: [Lindesy Hilsum, Lindsey Hilsum]" in text
    assert "Maryam" not in text


def test_review_leaves_out_pairs_already_judged():
    curation = Curation(pairs=(PairJudgement(pair("Lindsey Hilsum", "Lindesy Hilsum"), Verdict.SAME, "a typo"),))
    lines = review_lines(corpus_of(MENTIONS, curation), curation)
    assert lines[0].startswith("0 candidate pairs")


def test_review_lists_one_word_people_for_checking():
    mentions = [mention("Teymur", "Teymur says it shook.", "a1"), mention("Teymur", "Teymur wept.", "a1")]
    text = "\n".join(review_lines(corpus_of(mentions, Curation()), Curation()))
    assert "1 one-word names kept as people" in text
    assert "Teymur [teymur], 2 mentions" in text


def test_review_lists_unsettled_bare_names_with_candidates_and_the_settle_entry_to_write():
    from generator.model import Document

    mentions = [
        mention("Massoud Khodabandeh", "Massoud Khodabandeh wrote.", "a1"),
        mention("Anne Khodabandeh", "Anne Khodabandeh wrote.", "a2"),
        mention("Khodabandeh", "Khodabandeh said so.", "a3"),
    ]
    documents = [Document("doc", "content/documents/002_x.txt", "0" * 64, ("x",), "x")]
    corpus = Corpus(documents, [], resolve_people(mentions, Curation()), [])
    text = "\n".join(review_lines(corpus, Curation()))
    assert "1 bare name that two people carry, not settled by their text" in text
    assert "Khodabandeh [khodabandeh] may refer to: Anne Khodabandeh [anne-khodabandeh], Massoud Khodabandeh" in text
    assert "002_x.txt:1: Khodabandeh: Khodabandeh said so." in text
    assert "record: - {settle: Khodabandeh, document: 002_x.txt, line: 1, person: …" in text
    assert "one-word names kept as people" not in text


def test_review_lists_a_settle_entry_that_meets_no_bare_name_at_its_line():
    from generator.curation import SettledShortName
    from generator.model import Document

    settle = SettledShortName("Rubin", "002_x.txt", 7, "Elizabeth Rubin", "r", source_line=40)
    curation = Curation(settled=(settle,), source="content/curation.yml")
    documents = [Document("doc", "content/documents/002_x.txt", "0" * 64, ("x",), "x")]
    corpus = Corpus(documents, [], resolve_people(MENTIONS, curation), [])
    text = "\n".join(review_lines(corpus, curation))
    assert "content/curation.yml:40: settle 'Rubin' meets no bare name at 002_x.txt:7" in text
