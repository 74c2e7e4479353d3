"""The word lists in generator/lexicon/: each is a documented data file, read the same way everywhere."""

from __future__ import annotations

import pytest

from generator import lexicon


@pytest.mark.parametrize("name", lexicon.available())
def test_every_list_says_what_it_is_for_and_has_no_repeated_entry(name):
    entries = lexicon.entries(name)
    assert entries, f"{name}.txt is empty"
    repeated = sorted({e for e in entries if entries.count(e) > 1})
    assert not repeated, f"{name}.txt repeats {repeated}"


def test_an_unknown_list_is_a_clear_error():
    with pytest.raises(lexicon.UnknownListError, match="no-such-list"):
        lexicon.entries("no-such-list")
