"""Person candidates: cutting a span to the name (``people``), name shapes (``names``), speakers (``rules``)."""

from __future__ import annotations

import pytest
import spacy

from generator.extract.names import is_name_word, looks_like_full_name
from generator.extract.people import cut_glue, trim
from generator.extract.rules import mark_speakers
from generator.extract.surnames import full_name_surnames
from generator.model import Mention, Role, Span


def trimmed(text: str) -> str:
    start, end = trim(text, 0, len(text))
    return text[start:end]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Dear Mr. Ilir Meta,", "Ilir Meta"),
        ("To Prime Minister Edi Rama", "Edi Rama"),
        ("Striker Andrei Tikhonov", "Andrei Tikhonov"),
        ("“Khodabandeh’s", "Khodabandeh"),
        ("John F.", "John F."),
    ],
)
def test_trim_cuts_greetings_leading_job_words_possessives_and_punctuation(text, name):
    assert trimmed(text) == name


@pytest.mark.parametrize("text", ["Champion Novak Djokovic", "Son Heung-min", "Striker Tikhonov"])
def test_trim_keeps_a_leading_word_that_may_be_a_name_or_leaves_one_word(text):
    assert trimmed(text) == text


def test_cut_glue_keeps_what_follows_the_last_glue_point():
    line = "Iraq_Albania_2Borzou Dargahi"
    start, end = cut_glue(line, 0, len(line))
    assert line[start:end] == "Borzou Dargahi"


@pytest.mark.parametrize("word", ["Mbappe", "Vidal-Quadras", "al-Sudani", "d’Estaing", "R."])
def test_is_name_word_accepts_capitalised_hyphenated_and_particle_glued_words(word):
    assert is_name_word(word)


@pytest.mark.parametrize("word", ["mbappe", "MEK", "F-150", "AlbaniaFarid", "al-"])
def test_is_name_word_rejects_lower_case_acronyms_models_and_glue(word):
    assert not is_name_word(word)


def test_a_dictionary_given_name_before_another_given_name_is_not_trusted_as_a_full_name():
    assert looks_like_full_name("Kylian Mbappe")
    assert not looks_like_full_name("Morgan Stanley")


def _speaker_doc(text: str, proper: set[str]):
    doc = spacy.blank("en")(text)
    for token in doc:
        token.pos_ = "PROPN" if token.text in proper else "X"
    return doc


def test_the_proper_nouns_after_says_are_a_speaker():
    doc = mark_speakers(_speaker_doc("It is a state , says Olsi Jazexhi .", {"Olsi", "Jazexhi"}))
    assert [(e.text, e.label_) for e in doc.ents] == [("Olsi Jazexhi", "PERSON")]


@pytest.mark.parametrize("text", ["Members told ABC News so .", "It rose , according Reuters ."])
def test_the_name_after_told_or_according_is_not_made_a_speaker(text):
    assert mark_speakers(_speaker_doc(text, {"ABC", "News", "Reuters"})).ents == ()


def test_the_surnames_of_full_names_leave_out_titles_given_names_and_short_words():
    def person(text: str) -> Mention:
        return Mention("person", Role.MENTION, "a", Span("d", 1, 0, len(text), text), text, 0)

    mentions = [person("Dr Olsi Jazexhi"), person("Carlos Alcaraz’s"), person("Lee Ng"), person("Dr Olsi")]
    assert full_name_surnames(mentions) == {"Jazexhi", "Alcaraz"}
