"""Outlet lookup: every spelling of an outlet lands on one canonical record."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.load import parse_outlet_list
from generator.model import OutletRecord
from generator.outlets import URL, OutletIndex, outlet_key

RECORDS = [
    OutletRecord("trt-world", "TRT World", "tv", aliases=("TRT",), domains=("trtworld.com",)),
    OutletRecord(
        "iran-interlink", "Iran Interlink", "news-site", aliases=("iran-interlink",), domains=("iran-interlink.org",)
    ),
    OutletRecord("gazeta-impakt", "Gazeta Impakt", "newspaper", aliases=("GazetaInpact", "Impact Gazette")),
    OutletRecord("exit-news", "Exit News", "news-site", aliases=("Exit",), domains=("exit.al",)),
    OutletRecord("balkans-post", "Balkans Post", "news-site"),
]


@pytest.fixture
def index() -> OutletIndex:
    return OutletIndex(RECORDS)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("TRT world", "trt-world"),
        ("iran-interlink", "iran-interlink"),
        ("Iran interlink", "iran-interlink"),
        ("GazetaInpact", "gazeta-impakt"),
        ("IMPACT GAZETTE", "gazeta-impakt"),
        ("https://exit.al", "exit-news"),
        ("/exit.al", "exit-news"),
        ("https://www.exit.al/en/2019/some-story/", "exit-news"),
        ("Balkanspost", "balkans-post"),
        ("The Balkans Post", "balkans-post"),
    ],
)
def test_lookup_lands_every_spelling_on_one_outlet(index, name, expected):
    assert index.lookup(name).id == expected


def test_lookup_fuzzy_matches_a_near_spelling(index):
    assert index.lookup("Gazeta Impakte").id == "gazeta-impakt"


def test_lookup_returns_none_for_unknown_and_short_names(index):
    assert index.lookup("Daily Planet") is None
    assert index.lookup("Exi") is None
    assert index.lookup("") is None


def test_outlet_key_ignores_case_punctuation_scheme_and_leading_the():
    assert outlet_key("The Iran-Interlink") == outlet_key("iran interlink") == "iraninterlink"


@pytest.mark.parametrize(
    ("text", "host"),
    [("https://www.exit.al/en/2019/x/", "exit.al"), ("/exit.al", "exit.al"), ("Lapsi.al", "Lapsi.al")],
)
def test_url_takes_the_host_of_a_web_address_or_a_bare_domain(text, host):
    assert URL.match(text).group("host") == host


@pytest.mark.parametrize("text", ["Exit News", "exit.al said", "v1.2"])
def test_url_does_not_take_a_name_or_a_sentence(text):
    assert URL.match(text) is None


def test_maintained_list_puts_the_issue_spellings_on_one_outlet_each():
    path = Path(__file__).resolve().parent.parent / "content" / "outlets.yml"
    index = OutletIndex(parse_outlet_list(path.read_text(encoding="utf-8"), path=path))
    assert index.lookup("TRT world").id == "trt-world"
    assert index.lookup("iran-interlink").id == index.lookup("Iran interlink").id == "iran-interlink"
    assert index.lookup("GazetaInpact").id == index.lookup("Gazeta Impakt").id


def test_the_shipped_well_known_outlets_have_names_kinds_and_unique_ids():
    from generator.outlets import well_known_outlets

    records = well_known_outlets()
    assert len(records) >= 100
    assert len({r.id for r in records}) == len(records)
    assert {r.kind for r in records} <= {"tv", "radio", "newspaper", "news-site", "magazine", "agency"}
    assert any(r.name == "The Wall Street Journal" and "WSJ" in r.aliases for r in records)


def test_the_maintained_list_stays_on_top_of_the_well_known_one():
    from generator.outlets import with_well_known

    maintained = [OutletRecord("wsj-local", "Wall St Journal", "newspaper", aliases=("WSJ",))]
    merged = with_well_known(maintained)
    assert merged[0] is maintained[0]
    assert not any("Wall Street Journal" in (r.name, *r.aliases) for r in merged[1:])
    assert any(r.name == "Le Monde" for r in merged)
