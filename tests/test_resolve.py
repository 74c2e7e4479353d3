"""Resolution: spellings of one person merge on strong evidence only; families stay apart."""

from __future__ import annotations

import copy

from generator.curation import CanonicalName, Curation, NotAPerson, PairJudgement, Verdict, pair
from generator.model import Article, EntityKind, Kind, Mention, Occurrence, OutletRecord, Paragraph, Role, Span
from generator.names import fold_word
from generator.resolve import resolve
from generator.resolve.candidates import candidate_pairs
from generator.resolve.outlet_entities import resolve_outlets
from generator.resolve.people import resolve_people


def mention(text: str, *, article: str = "a1", line: int = 1, sentence: str | None = None, role=Role.MENTION):
    """A person mention standing in ``sentence`` (default: the name alone)."""
    sentence = sentence or f"{text} spoke."
    start = sentence.index(text)
    span = Span("doc", line, start, start + len(text), text)
    return Mention("person", role, article, span, sentence, 0)


def names(people) -> list[tuple[str, list[str]]]:
    return sorted((p.name, p.aliases) for p in people)


def test_resolve_merges_transliteration_variants_of_one_name():
    people = resolve_people(
        [mention("Hassan Heyrani"), mention("Hassan Hayrani"), mention("Hassan Heyrany"), mention("Hassan Hajrani")],
        Curation(),
    )
    assert len(people) == 1
    assert people[0].aliases == ["Hassan Hajrani", "Hassan Hayrani", "Hassan Heyrani", "Hassan Heyrany"]


def test_resolve_merges_joined_and_split_given_names():
    people = resolve_people([mention("Gholam Reza Shekari"), mention("Gholamreza Shekari")], Curation())
    assert len(people) == 1


def test_resolve_drops_titles_and_possessives_from_the_canonical_name():
    people = resolve_people(
        [mention("Dr. Olsi Jazexhi"), mention("Olsi Jazexhi’s"), mention("Olsi Jazexhi")], Curation()
    )
    assert [(p.name, p.id) for p in people] == [("Olsi Jazexhi", "olsi-jazexhi")]


def test_resolve_keeps_family_members_with_shared_surname_apart():
    people = resolve_people(
        [
            mention("Maryam Rajavi"),
            mention("Massoud Rajavi"),
            mention("Mostafa Mohammadi"),
            mention("Mahbubeh Mohammadi"),
            mention("Somayeh Mohammadi"),
        ],
        Curation(),
    )
    assert len(people) == 5


def test_resolve_attaches_surname_to_the_full_name_in_the_same_article():
    people = resolve_people([mention("Olsi Jazexhi", article="a1"), mention("Jazexhi", article="a1")], Curation())
    assert names(people) == [("Olsi Jazexhi", ["Jazexhi", "Olsi Jazexhi"])]


def test_resolve_does_not_guess_an_ambiguous_surname():
    people = resolve_people(
        [mention("Massoud Khodabandeh"), mention("Anne Khodabandeh"), mention("Khodabandeh"), mention("Khodabandeh")],
        Curation(),
    )
    assert names(p for p in people if not p.is_disambiguation) == [
        ("Anne Khodabandeh", ["Anne Khodabandeh"]),
        ("Massoud Khodabandeh", ["Massoud Khodabandeh"]),
    ]
    [entry] = [p for p in people if p.is_disambiguation]
    assert (entry.id, entry.refers_to, len(entry.mentions)) == (
        "khodabandeh",
        ["anne-khodabandeh", "massoud-khodabandeh"],
        2,
    )


def test_resolve_takes_an_elided_surname_from_a_coordination():
    sentence = "A letter from Anne and Massoud Khodabandeh."
    people = resolve_people(
        [
            mention("Anne", sentence=sentence, article="a2"),
            mention("Massoud Khodabandeh", sentence=sentence, article="a2"),
            mention("Anne Khodabandeh", article="a1"),
            mention("Anne Singleton", article="a2"),
        ],
        Curation(),
    )
    anne = next(p for p in people if p.name == "Anne Khodabandeh")
    assert sorted(m.span.text for m in anne.mentions) == ["Anne", "Anne Khodabandeh"]
    assert anne.aliases == ["Anne Khodabandeh"]  # two Annes: the bare name is nobody's alias


def test_resolve_queues_similar_first_names_with_one_surname_instead_of_merging():
    people = resolve_people([mention("Ehsan Bidi"), mention("Hassan Bidi")], Curation())
    assert len(people) == 2
    [candidate] = candidate_pairs(people, Curation())
    assert {candidate.a.name, candidate.b.name} == {"Ehsan Bidi", "Hassan Bidi"}


def test_resolve_different_beats_same_and_transliteration():
    curation = Curation(
        pairs=(
            PairJudgement(pair("Hassan Heyrani", "Hassan Hayrani"), Verdict.SAME, "r"),
            PairJudgement(pair("Hassan Heyrani", "Hassan Hayrani"), Verdict.DIFFERENT, "r"),
        )
    )
    people = resolve_people([mention("Hassan Heyrani"), mention("Hassan Hayrani")], curation)
    assert len(people) == 2


def test_resolve_applies_curated_same_not_a_person_and_display():
    curation = Curation(
        pairs=(PairJudgement(pair("Malik Sharai", "Malek Shara’i"), Verdict.SAME, "r"),),
        not_people=(NotAPerson("Rajavi Cult", "r"),),
        canonical_names=(CanonicalName("Malik Sharai", "Malek Sharai", "r"),),
    )
    people = resolve_people([mention("Malik Sharai"), mention("Malek Shara’i"), mention("Rajavi Cult")], curation)
    assert [(p.name, p.id) for p in people] == [("Malek Sharai", "malek-sharai")]
    assert candidate_pairs(people, curation) == []


def test_resolve_records_old_slugs_of_merged_spellings_as_redirects():
    people = resolve_people([mention("Rudy Giuliani"), mention("Rudy Giuliani"), mention("Rudi Giuliani")], Curation())
    assert people[0].id == "rudy-giuliani"
    assert people[0].redirects_from == ["rudi-giuliani"]


def test_resolve_keeps_a_repeated_one_word_name_but_not_a_place():
    people = resolve_people(
        [
            mention("Teymur"),
            mention("Teymur", line=2),
            mention("Fresco", sentence="They live in Fresco now."),
            mention("Fresco", line=3),
        ],
        Curation(),
    )
    assert [p.name for p in people] == ["Teymur"]


def test_fold_word_ignores_transliteration_differences_but_keeps_initials():
    assert fold_word("Heyrany") == fold_word("Hajrani") == fold_word("Hayrani")
    assert fold_word("Mahboubeh") == fold_word("Mahbubeh")
    assert fold_word("Jan") != fold_word("Ian")


def test_resolve_outlets_uses_outlet_list_ids_and_programme_parents():
    records = [
        OutletRecord("report-tv", "Report TV", "tv"),
        OutletRecord("without-a-trace", "Without a Trace", "programme", parent="report-tv"),
        OutletRecord("channel-4-news", "Channel 4 News", "tv"),
    ]

    def outlet(text: str, line: int) -> Mention:
        return Mention("outlet", Role.MENTION, "a1", Span("doc", line, 0, len(text), text), text, 0)

    found = resolve_outlets(
        [
            outlet("Report TV", 1),
            outlet("Without a Trace", 2),
            outlet("Channel Four News", 3),
            outlet("Gazeta Tema", 4),
        ],
        records,
    )
    assert [(o.id, o.parent) for o in found] == [
        ("channel-4-news", None),
        ("gazeta-tema", None),
        ("report-tv", None),
        ("without-a-trace", "report-tv"),
    ]


def test_resolve_keeps_the_title_of_a_one_word_name_in_its_display_name():
    people = resolve_people([mention("Baroness Nicholson"), mention("Baroness Nicholson", line=2)], Curation())
    assert [(p.name, p.id) for p in people] == [("Baroness Nicholson", "baroness-nicholson")]


def test_resolve_keeps_a_one_word_name_written_with_a_personal_title_even_once():
    people = resolve_people([mention("Mr. Lighthizer")], Curation())
    assert names(people) == [("Mr. Lighthizer", ["Mr. Lighthizer"])]


def test_resolve_leaves_out_a_bare_one_word_name_seen_once():
    assert resolve_people([mention("Pogradec")], Curation()) == []


def test_resolve_keeps_a_one_word_name_seen_once_where_only_a_person_stands():
    people = resolve_people(
        [
            mention("Erdogan", sentence="Turkey will not back the bid, Erdogan said on Tuesday."),
            mention("Gallant", article="a2", sentence="Peace is near, said Gallant."),
            mention("Tajani", article="a3", sentence="I demand from President Tajani the expulsion."),
            mention("Hoxha", article="a4", sentence="The bunkers were built by Hoxha in the 1970s."),
            mention("Klinsmann", article="a5", sentence="German striker Klinsmann scored twice."),
        ],
        Curation(),
    )
    assert [p.name for p in people] == ["Erdogan", "Gallant", "Hoxha", "Klinsmann", "Tajani"]


def test_resolve_leaves_out_a_one_word_name_seen_once_as_a_thing_or_a_place():
    people = resolve_people(
        [
            mention("Louvre", sentence="The Louvre said the painting would move."),
            mention("Kapshtica", article="a2", sentence="He was taken to the border at Kapshtica, said Bidi."),
            mention("Pogradec", article="a3", sentence="Pogradec is a town on the lake."),
        ],
        Curation(),
    )
    assert people == []


def test_resolve_never_gives_a_family_surname_in_a_speaker_context_to_one_of_them():
    sentence = "Mostafa Mohammadi and Mahboubeh Mohammadi came to Tirana."
    people = resolve_people(
        [
            mention("Mostafa Mohammadi", sentence=sentence),
            mention("Mahboubeh Mohammadi", sentence=sentence),
            mention("Mohammadi", sentence="Mohammadi said they were attacked."),
        ],
        Curation(),
    )
    assert [(p.name, len(p.mentions)) for p in people if p.is_disambiguation] == [("Mohammadi", 1)]
    assert names(p for p in people if not p.is_disambiguation) == [
        ("Mahboubeh Mohammadi", ["Mahboubeh Mohammadi"]),
        ("Mostafa Mohammadi", ["Mostafa Mohammadi"]),
    ]


def test_resolve_credits_new_articles_and_leaves_the_given_ones_unchanged():
    paragraph = Paragraph(2, "Daily Bugle, by Olsi Jazexhi", "en")
    given = [Article("a1", "Title", False, Kind.ARTICLE, "en", [Occurrence("doc", 1, 2)], [paragraph])]
    before = copy.deepcopy(given)
    bugle = Mention("outlet", Role.OUTLET, "a1", Span("doc", 2, 0, 11, "Daily Bugle"), paragraph.text, 0)
    author = mention("Olsi Jazexhi", sentence=paragraph.text, line=2, role=Role.AUTHOR)
    articles, people, outlets = resolve(given, [bugle, author], curation=Curation(), outlets=[])
    assert given == before
    assert (articles[0].outlet, articles[0].authors) == ("daily-bugle", ["olsi-jazexhi"])
    assert [p.entity_kind for p in people] == [EntityKind.PERSON] and people[0].entity_kind == "person"
    assert [o.entity_kind for o in outlets] == [EntityKind.OUTLET]


def test_resolve_keeps_a_one_word_name_seen_once_doing_a_deed_only_a_person_does():
    people = resolve_people(
        [
            mention("Gingrich", sentence="Gingrich attacked the plan as wasteful."),
            mention("Mandela", article="a2", sentence="Mandela, 78, thanked the crowd in Soweto."),
            mention("Chernomyrdin", article="a3", sentence="Yeltsin met Chernomyrdin at the Kremlin."),
        ],
        Curation(),
    )
    assert [p.name for p in people] == ["Chernomyrdin", "Gingrich", "Mandela"]


def test_resolve_leaves_out_a_one_word_name_seen_once_doing_what_a_team_or_firm_does():
    people = resolve_people(
        [
            mention("Ford", sentence="Ford opened a plant in Detroit."),
            mention("Lens", article="a2", sentence="Lens won 2-0 at home."),
            mention("Cybertruck", article="a3", sentence="Musk visited Cybertruck owners."),
        ],
        Curation(),
    )
    assert people == []


def test_resolve_keeps_two_one_word_names_joined_by_and_but_not_a_name_beside_a_full_name():
    sentence = "Dole and Kemp campaigned across Ohio."
    both = [mention("Dole", sentence=sentence), mention("Kemp", sentence=sentence)]
    assert [p.name for p in resolve_people(both, Curation())] == ["Dole", "Kemp"]
    family = "The brothers Blloshmi and Genc Leke were shot."
    beside = [mention("Blloshmi", article="a2", sentence=family), mention("Genc Leke", article="a2", sentence=family)]
    assert [p.name for p in resolve_people(beside, Curation())] == ["Genc Leke"]


def test_resolve_does_not_join_a_one_word_name_to_a_place_by_and():
    sentence = "Floods hit Tirana and Durres overnight."
    places = [mention("Tirana", sentence=sentence), mention("Durres", sentence=sentence)]
    assert resolve_people(places, Curation()) == []
