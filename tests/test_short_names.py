"""Short names (issue 14): a bare name two people carry goes to one only when its text settles it."""

from __future__ import annotations

import pytest

from generator.curation import Curation, SettledShortName
from generator.model import Mention, Role, Span
from generator.names import index_name, index_sort_key
from generator.resolve import credit_articles
from generator.resolve.people import resolve_people


def at(text: str, sentence: str, *, line: int, article: str = "a1", document: str = "002-x") -> Mention:
    start = sentence.index(text)
    return Mention("person", Role.MENTION, article, Span(document, line, start, start + len(text), text), sentence, 0)


def owner(people, mention: Mention) -> str:
    """The name of the entity holding the mention; a disambiguation entry as ``?Name``."""
    [entity] = [p for p in people if mention in p.mentions]
    return ("?" if entity.is_disambiguation else "") + entity.name


KHODABANDEHS = [
    at("Massoud Khodabandeh", "Massoud Khodabandeh wrote.", line=1, article="k1"),
    at("Anne Khodabandeh", "Anne Khodabandeh wrote.", line=1, article="k2"),
]


def test_a_shared_surname_goes_to_the_one_bearer_named_earlier_in_its_article():
    bare = at("Khodabandeh", "Khodabandeh said so.", line=2, article="k1")
    people = resolve_people([*KHODABANDEHS, bare], Curation())
    assert owner(people, bare) == "Massoud Khodabandeh"


def test_a_shared_surname_named_before_its_full_name_is_not_settled():
    bare = at("Khodabandeh", "Khodabandeh said so.", line=1, article="k3")
    later = at("Anne Khodabandeh", "Anne Khodabandeh wrote.", line=5, article="k3")
    people = resolve_people([*KHODABANDEHS, bare, later], Curation())
    assert owner(people, bare) == "?Khodabandeh"


def test_a_shared_surname_with_both_bearers_in_its_article_goes_to_the_disambiguation_entry():
    both = at("Anne Khodabandeh", "Anne Khodabandeh wrote.", line=1, article="k1")
    bare = at("Khodabandeh", "Khodabandeh said so.", line=3, article="k1")
    people = resolve_people([*KHODABANDEHS, both, bare], Curation())
    assert owner(people, bare) == "?Khodabandeh"
    massoud = next(p for p in people if p.name == "Massoud Khodabandeh")
    assert "Khodabandeh" not in massoud.aliases


def test_the_sentence_naming_the_wife_settles_her_husbands_first_name():
    sentence = "Over the years, Maryam Rajavi (and her missing husband Massoud) have used them."
    wife = at("Maryam Rajavi", sentence, line=4, article="k1")
    husband = at("Massoud", sentence, line=4, article="k1")
    rajavi = at("Massoud Rajavi", "Massoud Rajavi led it.", line=1, article="r1")
    people = resolve_people([*KHODABANDEHS, wife, husband, rajavi], Curation())
    assert owner(people, husband) == "Massoud Rajavi"  # not the Massoud Khodabandeh named earlier in k1


def test_a_kin_word_with_no_bearer_of_that_surname_settles_nothing():
    sentence = "Anne Singleton and her husband Massoud left."
    husband = at("Massoud", sentence, line=2, article="k1")
    rajavi = at("Massoud Rajavi", "Massoud Rajavi led it.", line=1, article="r1")
    anne = at("Anne Singleton", sentence, line=2, article="k1")
    people = resolve_people([*KHODABANDEHS, anne, husband, rajavi], Curation())
    assert owner(people, husband) == "?Massoud"


def test_a_curated_settle_gives_the_mention_to_its_person():
    bare = at("Khodabandeh", "Khodabandeh said so.", line=9, article="k4")
    settle = SettledShortName("Khodabandeh", "002_x.txt", 9, "Anne Khodabandeh", "she signs the letter")
    people = resolve_people([*KHODABANDEHS, bare], Curation(settled=(settle,)))
    assert owner(people, bare) == "Anne Khodabandeh"


def test_a_disambiguation_entry_credits_nobody():
    byline = Mention("person", Role.AUTHOR, "k5", Span("002-x", 1, 3, 14, "Khodabandeh"), "By Khodabandeh", 0)
    people = resolve_people([*KHODABANDEHS, byline], Curation())
    assert [p.name for p in people if p.is_disambiguation] == ["Khodabandeh"]
    assert credit_articles([], people, []) == []


@pytest.mark.parametrize(
    ("name", "entry"),
    [
        ("Massoud Khodabandeh", "Khodabandeh, Massoud"),
        ("Trump", "Trump"),
        ("Bashar al-Assad", "Assad, Bashar al-"),
        ("Jan van der Berg", "Berg, Jan van der"),
        ("Osama bin Laden", "Laden, Osama bin"),
        ("Martin Luther King Jr.", "King, Martin Luther, Jr."),
        ("Van Morrison", "Morrison, Van"),
        ("Robert R. Krongard", "Krongard, Robert R."),
    ],
)
def test_index_name_files_a_name_under_its_surname(name, entry):
    assert index_name(name) == entry


def test_index_sort_key_ignores_accents_and_case():
    names = ["Recep Tayyip Erdoğan", "Bashar al-Assad", "Ehsan Bidi", "émile zola"]
    assert sorted(names, key=index_sort_key) == ["Bashar al-Assad", "Ehsan Bidi", "Recep Tayyip Erdoğan", "émile zola"]


@pytest.mark.parametrize(
    ("sentence", "name", "kin"),
    [
        ("Maryam Rajavi (and her missing husband Massoud) left.", "Massoud", True),
        ("Massoud Khodabandeh and his wife, Anne, wrote.", "Anne", True),
        ("He met her brother-in-law Ali.", "Ali", True),
        ("The husband of Maryam spoke.", "Maryam", False),
        ("Massoud spoke.", "Massoud", False),
    ],
)
def test_after_relation_word_reads_the_kin_word_right_before_the_name(sentence, name, kin):
    from generator.resolve.person_context import after_relation_word

    assert after_relation_word(at(name, sentence, line=1)) is kin
