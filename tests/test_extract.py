"""Extraction: rules and the model find people and outlets; debris, places and organisations are dropped."""

from __future__ import annotations

import pytest
import spacy

from generator.curation import CanonicalName, Curation, NotAPerson
from generator.extract import extract, load_nlp, make_ruler, name_patterns
from generator.extract.names import given_names, is_person_name
from generator.extract.numbered_lists import listed_names
from generator.extract.people import person_parts
from generator.extract.quotes import entity_mention
from generator.extract.rules import (
    apply_name_rules,
    drop_named_things,
    join_hyphenated,
    join_particles,
    mark_named_organisations,
)
from generator.model import Article, Credit, Document, Kind, Mention, Occurrence, OutletRecord, Paragraph, Role, Span

OUTLETS = [
    OutletRecord("abc-news-albania", "ABC News Albania", "tv", aliases=("ABC News",)),
    OutletRecord("balkans-post", "Balkans Post", "news-site"),
]


@pytest.fixture(scope="session")
def nlp():
    """The real pinned model, loaded once per test session."""
    return load_nlp()


@pytest.fixture
def blank():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def article_of(lines: list[tuple[str, str]], credits: list[Credit] = ()) -> tuple[Article, dict[str, Document]]:
    """One document whose lines are one article; each line is (text, language)."""
    texts = tuple(text for text, _ in lines)
    document = Document("doc", "content/documents/doc.txt", "0" * 64, texts, "Doc")
    paragraphs = [Paragraph(n, text, lang) for n, (text, lang) in enumerate(lines, 1)]
    article = Article(
        "art", "T", False, Kind.ARTICLE, "en", [Occurrence("doc", 1, len(lines))], paragraphs, list(credits)
    )
    return article, {"doc": document}


def found(mentions, kind: str) -> list[str]:
    """The names found, once each: a speaker mention repeats its name's mention (tests/test_speakers.py)."""
    return [m.span.text for m in mentions if m.entity_kind == kind and m.role is not Role.SPEAKER]


def test_ruler_marks_listed_outlets_with_their_list_id(blank):
    ruler = make_ruler(blank, name_patterns(OUTLETS, None))
    doc = ruler(blank("Former members told ABC News on Friday."))
    assert [(e.text, e.label_, e.ent_id_) for e in doc.ents] == [("ABC News", "OUTLET", "abc-news-albania")]


def test_ruler_labels_curated_non_people_so_they_never_become_people(blank):
    curation = Curation(not_people=(NotAPerson("Rajavi Cult", "an organisation"),))
    ruler = make_ruler(blank, name_patterns([], curation))
    doc = ruler(blank("The Rajavi Cult denied it."))
    assert [(e.text, e.label_) for e in doc.ents] == [("Rajavi Cult", "NOT_PERSON")]


def test_person_parts_cuts_image_file_name_fragments():
    line = "Farid_Totounchi_Mahoutchi_MEK_Iraq_AlbaniaFarid Totounchi (Real name: Mahoutchi) said"
    end = line.index(" (Real")
    assert [line[a:b] for a, b in person_parts(line, 0, end)] == ["Farid Totounchi"]


def test_person_parts_splits_coordinated_names_and_trims_possessives():
    line = "By Anne and Massoud Khodabandeh’s friends"
    start, end = line.index("Anne"), line.index(" friends")
    assert [line[a:b] for a, b in person_parts(line, start, end)] == ["Anne", "Massoud Khodabandeh"]


@pytest.mark.parametrize(
    "text", ["Rajavi Cult", "Camp Ashraf", "Manez", "Animal Farm", "MEK", "Mr President", "F. Col"]
)
def test_is_person_name_rejects_organisations_places_and_works(text):
    assert not is_person_name(text)


@pytest.mark.parametrize(
    "text",
    ["Olsi Jazexhi", "Capt. Matthew Woodside", "Mohammad bin Salman", "Teymur", "Erik ten Hag", "Paris Hilton"],
)
def test_is_person_name_accepts_names(text):
    assert is_person_name(text)


def test_extract_reads_only_known_names_in_albanian_paragraphs(blank):
    curation = Curation(canonical_names=(CanonicalName("Mahbubeh Mohammadi", "Mahbubeh Mohammadi", "r"),))
    article, documents = article_of(
        [
            ("Mahbubeh Mohammadi wrote to the minister.", "en"),
            ("Çfarë është vajza e Mostafa dhe Mahbubeh Mohammadit, dhe Ardian Krasniqi?", "sq"),
        ]
    )
    mentions = extract([article], documents, nlp=blank, outlets=[], curation=curation)
    albanian = [m for m in mentions if m.span.line == 2]
    assert [(m.span.text, m.entity_kind) for m in albanian] == [("Mahbubeh Mohammadi", "person")]
    assert albanian[0].span.start == article.paragraphs[1].text.index("Mahbubeh")


def test_extract_turns_an_author_credit_naming_an_outlet_into_an_outlet(blank):
    line = "BY Balkans Post,"
    credit = Credit(Role.AUTHOR, Span("doc", 2, 3, 15, "Balkans Post"))
    article, documents = article_of([("Some text here.", "en"), (line, "en")], [credit])
    mentions = extract([article], documents, nlp=blank, outlets=OUTLETS)
    assert [(m.entity_kind, m.role, m.span.text) for m in mentions] == [("outlet", Role.OUTLET, "Balkans Post")]


def test_extract_finds_speakers_titles_and_outlets_with_verbatim_quotes(nlp):
    lines = [
        ("“Albania is hosting them,” says Dr Olsi Jazexhi, an Albanian academic. Later it rained.", "en"),
        ("Former members told ABC News on Friday that they live in Tirana.", "en"),
        ("“It is a state within a state,” says Jazexhi.", "en"),
    ]
    article, documents = article_of(lines)
    mentions = extract([article], documents, nlp=nlp, outlets=OUTLETS)
    assert found(mentions, "person") == ["Dr Olsi Jazexhi", "Jazexhi"]
    assert found(mentions, "outlet") == ["ABC News"]
    for mention in mentions:
        line = lines[mention.span.line - 1][0]
        assert line[mention.span.start : mention.span.end] == mention.span.text
        assert line[mention.quote_start : mention.quote_start + len(mention.quote)] == mention.quote
    assert mentions[0].quote.endswith("academic.")


def test_extract_drops_organisations_places_and_glued_fragments(nlp):
    lines = [
        ("The Rajavi Cult keeps members at Camp Ashraf in Manez, near Durres.", "en"),
        ("Rudy_Giuliani_Maryam_Rajavi_Terrorists_MEK_Albanian_Mafia_The MEK’s leader spoke.", "en"),
    ]
    article, documents = article_of(lines)
    mentions = extract([article], documents, nlp=nlp, outlets=OUTLETS)
    assert found(mentions, "person") == []


def test_mention_quote_spans_every_sentence_the_name_touches():
    doc = spacy.blank("en").make_doc("He met Capt. Matthew Woodside there.")
    for token in doc:
        token.is_sent_start = token.i == 0 or token.text == "Matthew"
    title = doc[2:3]
    end = doc.text.index("Woodside") + len("Woodside")
    mention = entity_mention("person", "a", "d", 1, title, title.start_char, end)
    assert mention.span.text == "Capt. Matthew Woodside"
    assert mention.span.text in mention.quote
    assert doc.text[mention.quote_start :].startswith(mention.quote)


@pytest.mark.parametrize("text", ["Paris", "Washington", "Manchester United", "James Webb Space Telescope"])
def test_is_person_name_rejects_a_bare_city_and_names_with_an_organisation_word(text):
    assert not is_person_name(text)


def _tagged(blank, text: str, spans: list[tuple[str, str]]):
    """A blank doc with the given (text, label) entities, as if the model had found them."""
    doc = blank(text)
    ents = []
    for words, label in spans:
        start = text.index(words)
        ents.append(doc.char_span(start, start + len(words), label=label))
    doc.set_ents(ents)
    return doc


def test_an_organisation_starting_with_a_common_given_name_becomes_a_person(blank):
    doc = _tagged(blank, "Her husband Mehdi Abrishamchi sat behind her.", [("Mehdi Abrishamchi", "ORG")])
    assert [(e.text, e.label_) for e in mark_named_organisations(doc).ents] == [("Mehdi Abrishamchi", "PERSON")]


@pytest.mark.parametrize("name", ["Ali Foundation", "Abrishamchi Mehdi", "Rajavi Cult", "Mehdi"])
def test_an_organisation_without_a_given_name_first_or_with_an_organisation_word_stays_one(blank, name):
    doc = _tagged(blank, f"They met {name} today.", [(name, "ORG")])
    assert [e.label_ for e in mark_named_organisations(doc).ents] == ["ORG"]


def test_a_person_span_stopping_at_a_hyphen_takes_in_the_rest_of_the_word(blank):
    doc = _tagged(blank, "Ms. Ngozi Okonjo-Iweala spoke.", [("Ngozi Okonjo", "PERSON")])
    assert [e.text for e in join_hyphenated(doc).ents] == ["Ngozi Okonjo-Iweala"]


def test_a_person_span_before_a_spaced_dash_stays_as_it_is(blank):
    doc = _tagged(blank, "Ngozi Okonjo - Geneva, Monday.", [("Ngozi Okonjo", "PERSON")])
    assert [e.text for e in join_hyphenated(doc).ents] == ["Ngozi Okonjo"]


# -- issue 4: general full-name rules (given names, particles, runs, names of things) ----------


@pytest.mark.parametrize("name", ["Kylian Mbappe", "Alejo Vidal-Quadras", "Mohammed Shia al-Sudani"])
def test_an_organisation_or_building_starting_with_a_listed_given_name_becomes_a_person(blank, name):
    doc = _tagged(blank, f"Yesterday {name} arrived.", [(name, "FAC" if "Shia" in name else "ORG")])
    assert [(e.text, e.label_) for e in mark_named_organisations(doc).ents] == [(name, "PERSON")]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Analysts at Morgan Stanley cut their targets.", "Morgan Stanley"),  # two given names: a firm as often
        ("He won the Victoria Cross in 1944.", "Victoria Cross"),  # "the" before it
        ("Fighters of Badr Brigade crossed.", "Badr Brigade"),  # an organisation word
        ("They drove to San Jose on Monday.", "San Jose"),  # a place word first
        ("Hertha Berlin 2 Fortuna Duesseldorf 1", "Fortuna Duesseldorf"),  # a score: a results table
        ("The Christian Democrats won.", "Christian Democrats"),  # a party
    ],
)
def test_a_firm_a_thing_or_a_place_with_a_given_name_first_is_not_made_a_person(blank, text, name):
    doc = _tagged(blank, text, [(name, "ORG")])
    assert [e.label_ for e in mark_named_organisations(doc).ents] == ["ORG"]


def test_an_untagged_run_of_name_words_starting_with_a_given_name_is_a_person(nlp):
    doc = apply_name_rules(nlp("Novak Djokovic beat Carlos Alcaraz. Shane Lowry and Jon Rahm were tied for second."))
    people = [e.text for e in doc.ents if e.label_ == "PERSON"]
    assert "Novak Djokovic" in people and "Shane Lowry" in people


@pytest.mark.parametrize(
    "text, tagged, expected",
    [
        ("Ursula von der Leyen spoke.", [("Ursula von", "PERSON"), ("Leyen", "GPE")], "Ursula von der Leyen"),
        ('"We deserved it," said manager Erik ten Hag.', [("Erik", "PERSON")], "Erik ten Hag"),
        ("Sheikh Mohammed bin Abdulrahman Al Thani met them.", [("Mohammed bin Abdulrahman", "PERSON")], None),
    ],
)
def test_a_person_span_goes_on_past_name_particles(blank, text, tagged, expected):
    doc = join_particles(_tagged(blank, text, tagged))
    expected = expected or "Mohammed bin Abdulrahman Al Thani"
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == [expected]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Flights from John F. Kennedy International Airport were delayed.", "John F. Kennedy"),
        ("The carrier USS Gerald R. Ford sailed.", "Gerald R. Ford"),
        ("Tickets for the Royal Albert Hall sold out.", "Albert Hall"),
        ("The Nelson Mandela Foundation hosted a dinner.", "Nelson Mandela"),
    ],
)
def test_a_person_span_inside_the_name_of_a_thing_is_dropped(blank, text, name):
    assert drop_named_things(_tagged(blank, text, [(name, "PERSON")])).ents == ()


def test_a_person_after_a_title_or_a_capitalised_epithet_is_kept(blank):
    doc = _tagged(blank, "The Rev. Raphael Warnock asked for calm.", [("Raphael Warnock", "PERSON")])
    assert [e.text for e in drop_named_things(doc).ents] == ["Raphael Warnock"]


@pytest.mark.parametrize("text", ["Mohammed Shia al-Sudani", "Ursula von der Leyen", "Erik ten Hag"])
def test_is_person_name_accepts_particles_glued_or_apart(text):
    assert is_person_name(text)


@pytest.mark.parametrize("text", ["Jabhat al-Nusra", "Mustang Mach-E", "Badr Brigade", "Astellas Pharma"])
def test_is_person_name_rejects_organisations_with_particles_and_product_names(text):
    assert not is_person_name(text)


def test_a_glued_organisation_span_ending_in_a_full_name_yields_the_name(nlp):
    line = "Farid_Totounchi_Mahoutchi_MEK_Iraq_AlbaniaFarid Totounchi (Real name: Mahoutchi) Commander of the army"
    article, documents = article_of([(line, "en")])
    assert "Farid Totounchi" in found(extract([article], documents, nlp=nlp, outlets=[]), "person")


def test_given_names_come_from_the_pinned_dictionary_without_titles_or_places():
    assert {"kylian", "shane", "novak", "olaf"} <= given_names()
    assert not {"king", "president", "georgia", "iran", "paris", "camp"} & given_names()


def test_a_bare_surname_of_a_full_name_in_the_article_is_a_mention(nlp):
    article, documents = article_of(
        [
            ("Novak Djokovic beat Carlos Alcaraz in the final in Cincinnati.", "en"),
            ("Alcaraz had saved a match point, but Djokovic held his nerve.", "en"),
            ("Alcaraz Tennis Club and the Alcaraz camp said nothing. He flew home to Alcaraz.", "en"),
        ]
    )
    mentions = extract([article], documents, nlp=nlp, outlets=[])
    people = [(m.span.line, m.span.text) for m in mentions if m.entity_kind == "person"]
    assert (2, "Alcaraz") in people and (2, "Djokovic") in people
    assert [p for p in people if p[0] == 3] == []


def test_a_website_cited_with_a_date_is_an_outlet_but_not_any_cited_source(nlp):
    line = "Crews were attacked (Lapsi.al, August 19). A release followed (US State Department, September 28, 2012)."
    article, documents = article_of([(line, "en")])
    assert found(extract([article], documents, nlp=nlp, outlets=[]), "outlet") == ["Lapsi.al"]


def test_an_organisation_shaped_like_a_name_is_a_person_when_the_article_names_its_surname_as_one(nlp):
    article, documents = article_of(
        [
            ("The MEK had created a fake online persona called Heshmat Alavi to spread propaganda.", "en"),
            ("The so-called writer Alavi was managed in part from Albania.", "en"),
        ]
    )
    people = found(extract([article], documents, nlp=nlp, outlets=[]), "person")
    assert "Heshmat Alavi" in people and "Alavi" in people


def test_an_organisation_shaped_like_a_name_stays_out_without_a_person_context(nlp):
    article, documents = article_of([("The MEK had created a fake online persona called Heshmat Alavi.", "en")])
    assert "Heshmat Alavi" not in found(extract([article], documents, nlp=nlp, outlets=[]), "person")


def test_a_name_shaped_organisation_that_speaks_is_not_made_a_person(nlp):
    article, documents = article_of(
        [("Israel will go on, the minister said. The White House said it was studying it.", "en")]
    )
    assert found(extract([article], documents, nlp=nlp, outlets=[]), "person") == []


def test_a_name_in_a_numbered_list_of_people_is_a_person(nlp):
    names = ["Mohammad Azim Mishmast", "Hadi Sani Khani", "Hassan Heyrani", "Ehsan Bidi", "Gholam Mirzai"]
    lines = [("Our kind regards and best wishes for you,", "en")]
    lines += [(f"{n}- {name}", "en") for n, name in enumerate(names, 1)]
    article, documents = article_of(lines)
    assert set(names) <= set(found(extract([article], documents, nlp=nlp, outlets=[]), "person"))


def test_a_numbered_list_with_too_few_people_gives_no_more_people():
    lines = [("1- Ehsan Bidi", "en"), ("2- Gholam Mirzai", "en"), ("3- Kamza Kashar", "en"), ("4- Sani Khani", "en")]
    article, _ = article_of(lines)
    people = [
        Mention("person", Role.MENTION, "art", Span("doc", n, 3, len(text), text[3:]), text, 0)
        for n, (text, _) in enumerate(lines[:2], 1)
    ]
    assert listed_names(article, people) == []
    three = [*people, Mention("person", Role.MENTION, "art", Span("doc", 4, 3, 13, "Sani Khani"), "4- Sani Khani", 0)]
    assert [m.span.text for m in listed_names(article, three)] == ["Kamza Kashar"]


def test_a_person_span_before_a_place_noun_is_dropped(blank):
    doc = _tagged(blank, "They live in the Vores area and the Shato Linza complex.", [("Shato Linza", "PERSON")])
    assert drop_named_things(doc).ents == ()


def test_a_job_word_opening_a_sentence_is_not_part_of_the_name(nlp):
    article, documents = article_of([("Striker Andrei Tikhonov scored the winner for the home side.", "en")])
    people = [m.span.text for m in extract([article], documents, nlp=nlp, outlets=[]) if m.entity_kind == "person"]
    assert people == ["Andrei Tikhonov"]


def test_a_name_before_a_team_role_and_a_person_is_the_team_not_a_second_person(nlp):
    article, documents = article_of([("Werder Bremen coach Felix Magath praised the goalkeeper after the draw.", "en")])
    people = [m.span.text for m in extract([article], documents, nlp=nlp, outlets=[]) if m.entity_kind == "person"]
    assert "Felix Magath" in people and "Werder Bremen" not in people
