"""Speakers (issue 14): words a paragraph attributes to a named person become ``speaker`` mentions.

Each test is a few invented words of text through the real pinned model, so the
dependency parse the rules read is the one the build uses.
"""

from __future__ import annotations

import pytest

from generator.extract import extract, load_nlp
from generator.extract.speech_marks import quotations
from generator.model import Article, Document, Kind, Mention, Occurrence, Paragraph, Role, Span
from generator.render.exports import _mention_json


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def _article(lines: list[str], kind: Kind = Kind.ARTICLE) -> tuple[Article, dict[str, Document]]:
    document = Document("doc", "content/documents/doc.txt", "0" * 64, tuple(lines), "Doc")
    paragraphs = [Paragraph(n, text, "en") for n, text in enumerate(lines, 1)]
    article = Article("art", "T", False, kind, "en", [Occurrence("doc", 1, len(lines))], paragraphs)
    return article, {"doc": document}


def speakers(nlp, lines: list[str], kind: Kind = Kind.ARTICLE) -> list[tuple[int, str, str]]:
    """(line of the words, the speaker's name as written, the words) for every speaker mention."""
    article, documents = _article(lines, kind)
    found = extract([article], documents, nlp=nlp, outlets=[])
    return [(m.speech.line, m.span.text, m.speech.text) for m in found if m.role is Role.SPEAKER]


def quoted(line: str) -> list[str]:
    return [line[q.start : q.end] for q in quotations(line)]


def test_quotation_marks_of_every_style_and_their_mixes():
    assert quoted("He said “yes, now,” and left.") == ["yes, now,"]
    assert quoted('He said "no" twice.') == ["no"]
    assert quoted('Ai tha «jo» dhe „ja“ and “mixed" ones.') == ["jo", "ja", "mixed"]
    assert quoted("‘We won’t go,’ she said.") == ["We won’t go,"]


def test_an_apostrophe_closes_nothing_and_an_open_quote_runs_to_the_end_only_at_a_line_start():
    assert quoted("The Smiths’ house is Rama’s.") == []
    assert quoted("“While the war goes on, nothing changes.") == ["While the war goes on, nothing changes."]
    assert quoted("He wrote “half a sentence") == []


def test_a_quote_with_the_verb_and_name_after_it_is_the_named_persons(nlp):
    lines = ["“Albania is hosting a dangerous group,” says Olsi Jazexhi, an academic."]
    assert speakers(nlp, lines) == [(1, "Olsi Jazexhi", "Albania is hosting a dangerous group")]


def test_the_speaker_mention_stands_beside_the_plain_mention_of_the_same_name(nlp):
    article, documents = _article(["“We waited twenty years,” says Ardian Brisku, who runs a cooperative."])
    found = extract([article], documents, nlp=nlp, outlets=[])
    assert sorted((m.role.value, m.span.text) for m in found) == [
        ("mention", "Ardian Brisku"),
        ("speaker", "Ardian Brisku"),
    ]


def test_reported_speech_is_the_clause_the_verb_reports(nlp):
    lines = ["Local teacher Elena Marku told Radio Velmor that the noise would close the school for months."]
    assert speakers(nlp, lines) == [(1, "Elena Marku", "the noise would close the school for months")]


def test_according_to_a_person_gives_them_the_rest_of_the_sentence(nlp):
    lines = [
        "Elena Marku teaches at the school.",
        "According to Marku, nobody from the council has visited the school.",
    ]
    assert speakers(nlp, lines) == [(2, "Marku", "nobody from the council has visited the school.")]


def test_according_to_after_an_adverb_still_gives_the_words_after_it(nlp):
    lines = [
        "Elena Marku teaches at the school.",
        "Interestingly according to Marku, nobody from the council has visited the school.",
    ]
    assert speakers(nlp, lines) == [(2, "Marku", "nobody from the council has visited the school.")]


def test_according_to_at_the_end_gives_the_words_before_it(nlp):
    lines = [
        "Elena Marku teaches at the school.",
        "Nobody from the council has visited the school, according to Marku.",
    ]
    assert speakers(nlp, lines) == [(2, "Marku", "Nobody from the council has visited the school")]


def test_organisations_places_and_reports_are_not_speakers(nlp):
    lines = [
        "The ministry said the budget was approved last year.",
        "Tirana said the project was a national priority.",
        "A report by the agency suggested that the group is financed from abroad.",
    ]
    assert speakers(nlp, lines) == []


def test_he_is_the_one_person_the_sentence_before_names(nlp):
    lines = [
        "Tomas Reiner, a former engineer, argued that the channel is dangerous.",
        "“I have seen two boats run aground this winter,” he said.",
    ]
    assert (2, "Tomas Reiner", "I have seen two boats run aground this winter") in speakers(nlp, lines)


def test_he_is_nobody_when_the_sentence_before_names_two_people_or_a_woman(nlp):
    two = ["Tomas Reiner met Karl Dobrev at the port.", "“It is too shallow,” he said."]
    woman = ["Maria Kolar spoke first at the meeting.", "“It is too shallow,” he said."]
    assert [s for s in speakers(nlp, two) if s[0] == 2] == []
    assert [s for s in speakers(nlp, woman) if s[0] == 2] == []


def test_a_quoted_paragraph_goes_on_with_the_speaker_of_the_paragraph_before(nlp):
    lines = [
        "“In extreme situations, you make extreme choices,” says Diana Culi, a writer.",
        "“They have vowed to fight all their lives for their country.”",
    ]
    assert [(line, who) for line, who, _ in speakers(nlp, lines)] == [(1, "Diana Culi"), (2, "Diana Culi")]


def test_an_interview_line_opening_with_a_persons_name_and_a_colon_is_theirs(nlp):
    lines = [
        "Participants were the engineer Karl Dobrev and an official.",
        "Karl Dobrev: The bridge is sixty years old and the steel is tired.",
        "ABC News: Can you tell me your name?",
    ]
    assert speakers(nlp, lines) == [(2, "Karl Dobrev", "The bridge is sixty years old and the steel is tired.")]


def test_answers_go_to_the_one_person_the_introduction_says_was_interviewed(nlp):
    lines = [
        "Our reporter Anna Kola spoke to Ilse Varga, who has bound books for forty years.",
        "Q: How did you start?",
        "A: My father was a printer.",
    ]
    assert speakers(nlp, lines, Kind.INTERVIEW) == [(3, "Ilse Varga", "My father was a printer.")]


def test_the_export_writes_where_a_speakers_words_stand():
    span = Span("doc", 4, 10, 15, "Basha")
    speech = Span("doc", 4, 20, 60, "words")
    mention = Mention("person", Role.SPEAKER, "art", span, "quote", 0, speech=speech)
    assert _mention_json(mention)["speech"] == {"line": 4, "start": 20, "end": 60}
    assert "speech" not in _mention_json(Mention("person", Role.MENTION, "art", span, "quote", 0))


def test_a_line_that_is_only_a_name_and_a_colon_gives_that_person_the_paragraph_after_it(nlp):
    lines = ["Petra Lind studies birds.", "Petra Lind:", "The birds came back this spring, all of them."]
    assert speakers(nlp, lines) == [(3, "Petra Lind", "The birds came back this spring, all of them.")]


def test_an_answerer_who_says_my_name_is_answers_the_questions_after(nlp):
    lines = [
        "ABC News: What is your name?",
        "My name is Jonas Weber and I repair nets.",
        "ABC News: How long have you done this?",
        "Thirty years, since my father died.",
    ]
    assert [(line, who) for line, who, _ in speakers(nlp, lines)] == [(2, "Jonas Weber"), (4, "Jonas Weber")]


def test_a_two_word_term_in_quotes_before_its_verb_is_not_words_said(nlp):
    lines = ["Dana Pell spoke in Tirana.", "She said “Resistance Units” twice in her speech."]
    assert [s for s in speakers(nlp, lines) if s[2] == "Resistance Units"] == []


def test_a_title_in_quotes_is_not_words_said(nlp):
    lines = ["In his book titled “The Long Winter,” Karl Dobrev says the camp was cold."]
    assert [s for s in speakers(nlp, lines) if s[2].startswith("The Long Winter")] == []


def test_rhetorical_questions_do_not_make_an_opinion_piece_an_interview(nlp):
    lines = [
        "Dana Pell stands for office again",
        "Well, we all know what that means. Don't we?",
        "Voters have heard the same promises for ten years.",
        "Who pays for the new road?",
        "The budget office has not said, and the council has not asked.",
    ]
    assert speakers(nlp, lines) == []


def test_he_goes_back_through_sentences_that_go_on_with_he_but_no_further(nlp):
    chained = [
        "“That is very hard for a person,” Karl Dobrev says.",
        "Now he compares the camp to Animal Farm, George Orwell’s novel.",
        "“It is a cult,” he says.",
    ]
    broken = ["Karl Dobrev left early.", "The meeting went on without a break.", "“It is a cult,” he says."]
    assert (3, "Karl Dobrev", "It is a cult") in speakers(nlp, chained)
    assert [s for s in speakers(nlp, broken) if s[0] == 3] == []


def test_a_quoted_paragraph_no_verb_attributes_is_the_words_of_the_one_person_the_text_is_about(nlp):
    about_one = [
        "Teymur Rezai, a thin man in his fifties, spoke slowly.",
        "I asked him why the hall mattered so much to him.",
        "“We worked there every night for a year, and now it is gone.”",
    ]
    about_two = [
        "Teymur Rezai met Karl Dobrev in the hall.",
        "“We worked there every night for a year, and now it is gone.”",
    ]
    assert [(line, who) for line, who, _ in speakers(nlp, about_one) if line == 3] == [(3, "Teymur Rezai")]
    assert [s for s in speakers(nlp, about_two) if s[0] == 2] == []


def test_he_is_the_one_man_when_the_sentence_before_names_a_man_and_a_woman(nlp):
    lines = ["Tomas Reiner met the teacher Maria Kolar on Tuesday.", "He said the first class would start in April."]
    assert speakers(nlp, lines) == [(2, "Tomas Reiner", "the first class would start in April")]
