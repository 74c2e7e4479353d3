"""The ``EntityRuler`` that runs after the model: its patterns are data, with an ``id`` per entity.

Listed outlets (id = outlet list id), the shipped well-known outlets the list does
not hold (as written only, and ``the X`` for ``The X``), curated people and curated non-people, and a
title before capitalised words (``Dr.``, ``Capt.``, ``Monsignor`` …). The ruler
overwrites the model where they overlap.

Does not: correct the model's people by general rules (``rules``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.language import Language
from spacy.pipeline import EntityRuler

from ..curation import Curation
from ..model import OutletRecord
from ..outlets import with_well_known
from .names import TITLES
from .outlet_cues import WELL_KNOWN_ID


def name_patterns(outlets: Iterable[OutletRecord], curation: Curation | None) -> list[dict]:
    """EntityRuler patterns: listed outlets, shipped well-known outlets, curated people and non-people, titles."""
    outlets = list(outlets)
    patterns = outlet_patterns(outlets)
    patterns.extend(well_known_patterns(with_well_known(outlets)[len(outlets) :]))
    if curation is not None:
        patterns.extend(curated_patterns(curation))
    patterns.append(title_pattern())
    return patterns


def outlet_patterns(outlets: Iterable[OutletRecord]) -> list[dict]:
    """Each listed name and alias as written; a multi-word one in any case too (``Iran interlink``)."""
    patterns: list[dict] = []
    for record in outlets:
        for name in sorted({record.name, *record.aliases}):
            patterns.append({"label": "OUTLET", "pattern": name, "id": record.id})
            if " " in name:  # multi-word names are safe to match in any case ("Iran interlink")
                tokens = [{"LOWER": word.lower()} for word in name.split()]
                patterns.append({"label": "OUTLET", "pattern": tokens, "id": record.id})
    return patterns


def well_known_patterns(records: Iterable[OutletRecord]) -> list[dict]:
    """Each shipped name and alias exactly as written (no case variants: ``the times`` is no newspaper).

    A name written ``The X`` also matches ``the X`` in running text (``told the Financial Times``).
    """
    patterns: list[dict] = []
    for record in records:
        for name in sorted({record.name, *record.aliases}):
            patterns.append({"label": "OUTLET", "pattern": name, "id": WELL_KNOWN_ID + record.id})
            if name.startswith("The "):
                patterns.append({"label": "OUTLET", "pattern": "the" + name[3:], "id": WELL_KNOWN_ID + record.id})
    return patterns


def curated_patterns(curation: Curation) -> list[dict]:
    """The names curation speaks of: people of judged pairs, canonical names, and curated non-people."""
    patterns: list[dict] = []
    for judgement in curation.pairs:
        for name in judgement.names:
            patterns.append({"label": "PERSON", "pattern": name, "id": _pattern_id(name)})
    for canonical in curation.canonical_names:
        for name in (canonical.name, canonical.display):
            patterns.append({"label": "PERSON", "pattern": name, "id": _pattern_id(canonical.name)})
    for rejected in curation.not_people:
        patterns.append({"label": "NOT_PERSON", "pattern": rejected.name, "id": _pattern_id(rejected.name)})
    return patterns


def title_pattern() -> dict:
    """A title (with or without its full stop) and the capitalised words after it: a person."""
    title = {"ORTH": {"IN": [*TITLES, *(t + "." for t in TITLES)]}}
    # No POS here: the patterns must also work on an untagged (blank) pipeline.
    name = {"IS_TITLE": True, "IS_STOP": False, "OP": "+"}
    return {"label": "PERSON", "pattern": [title, {"ORTH": ".", "OP": "?"}, name], "id": "title"}


def _pattern_id(name: str) -> str:
    """One id per spelling's words, so case and punctuation variants of a curated name share it."""
    return "-".join(re.findall(r"\w+", name.lower()))


def make_ruler(nlp: Language, patterns: list[dict]) -> EntityRuler:
    """A standalone ruler, run after the model so that rules overwrite it (``nlp`` is not changed)."""
    ruler = EntityRuler(nlp, name="name_rules", overwrite_ents=True)
    ruler.add_patterns(patterns)
    return ruler
