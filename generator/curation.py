"""Maintainer decisions, as data: the parsed and validated ``content/curation.yml``.

Every entry carries a ``reason``. The whole file is validated at once and every
problem is reported together, with its line, so a maintainer fixes them in one go.

Does not: apply the decisions. ``segment`` applies segment overrides and
``resolve`` applies judgements on people and outlets.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, fields
from enum import StrEnum
from pathlib import Path

import yaml

from .errors import InputError, Problem
from .model import Kind


class Verdict(StrEnum):
    """A judgement on a pair of names. ``different`` beats ``same``."""

    SAME = "same"
    DIFFERENT = "different"


@dataclass(frozen=True)
class SegmentOverride:
    """Overrides what ``segment`` decided for the segment starting at ``line``."""

    document: str
    """File name of the document, e.g. ``000_x.txt``."""
    line: int
    reason: str
    split: bool = False
    """Start a new segment at this line."""
    join: bool = False
    """Do not start a new segment at this line: continue the previous one."""
    title: str | None = None
    outlet: str | None = None
    language: str | None = None
    kind: Kind | None = None
    date: str | None = None
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``: the publication date of the article holding this line;
    ``""`` (``date: null`` in the file) clears it. ``None``: no date entry."""
    source_line: int = 0
    """Line of this entry in curation.yml, for messages."""


@dataclass(frozen=True)
class PairJudgement:
    """Two spellings are the same person, or two different people."""

    names: tuple[str, str]
    """Ordered, so (a, b) equals (b, a)."""
    verdict: Verdict
    reason: str
    source_line: int = 0


@dataclass(frozen=True)
class NotAPerson:
    """A name that NER took for a person but is not one (an organisation, a place, a work)."""

    name: str
    reason: str
    source_line: int = 0


@dataclass(frozen=True)
class CanonicalName:
    """The display spelling for the person known by ``name`` (any of their spellings)."""

    name: str
    display: str
    reason: str
    source_line: int = 0


@dataclass(frozen=True)
class SettledShortName:
    """A bare name (``Khodabandeh``) at one line of one document is this person: the text alone does not say."""

    name: str
    document: str
    """File name of the document, e.g. ``002_x.txt``."""
    line: int
    person: str
    """Any full spelling of the person the name stands for there."""
    reason: str
    source_line: int = 0


@dataclass(frozen=True)
class Curation:
    segments: tuple[SegmentOverride, ...] = ()
    pairs: tuple[PairJudgement, ...] = ()
    not_people: tuple[NotAPerson, ...] = ()
    canonical_names: tuple[CanonicalName, ...] = ()
    settled: tuple[SettledShortName, ...] = ()
    source: str = ""
    """Path of the curation file, for messages."""

    def person_names(self) -> list[tuple[str, int]]:
        """Every person name an entry gives, with the entry's line."""
        names = [(name, p.source_line) for p in self.pairs for name in p.names]
        names += [(n.name, n.source_line) for n in self.not_people]
        names += [(name, s.source_line) for s in self.settled for name in (s.name, s.person)]
        return names + [(c.name, c.source_line) for c in self.canonical_names]


def pair(a: str, b: str) -> tuple[str, str]:
    """Order a pair of names so that (a, b) equals (b, a); a self-pair is an error."""
    if a == b:
        raise ValueError(f"a pair needs two different names, got {a!r} twice")
    return (a, b) if a < b else (b, a)


class _LineLoader(yaml.SafeLoader):
    """A SafeLoader that records each mapping's line as ``__line__``."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)

_SECTIONS = {"segments", "people", "__line__"}
#: A segment entry's keys are ``SegmentOverride``'s fields, but for the line this code records itself.
_SEGMENT_KEYS = frozenset(f.name for f in fields(SegmentOverride)) - {"source_line"}
#: The verdicts on a pair of names: ``same`` and ``different``.
_PAIR_VERBS = tuple(verdict.value for verdict in Verdict)
#: A people entry takes exactly one of these.
_PEOPLE_VERBS = (*_PAIR_VERBS, "not_a_person", "canonical", "settle")
_PEOPLE_KEYS = frozenset({*_PEOPLE_VERBS, "display", "reason"}) - {"settle"}
#: A ``settle`` entry names a bare name, where it stands and who it is.
_SETTLE_KEYS = frozenset({"settle", "document", "line", "person", "reason"})


def parse_curation(text: str, *, path: Path | str, documents: Mapping[str, int] | None = None) -> Curation:
    """Parse and validate curation YAML; raise ``InputError`` listing every problem.

    ``documents`` maps each document's file name to its number of lines, so an
    entry naming a missing document or a line past its end is an error.
    """
    problems: list[Problem] = []
    try:
        data = yaml.load(text, Loader=_LineLoader) if text.strip() else {}
    except (yaml.YAMLError, ValueError) as exc:  # ValueError: a timestamp that is no date (``date: 2019-02-30``)
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        raise InputError([Problem(path, line, f"invalid YAML: {getattr(exc, 'problem', exc)}")]) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError([Problem(path, 1, "expected a mapping with the keys 'segments' and 'people'")])
    for key in sorted(set(data) - _SECTIONS):
        problems.append(Problem(path, None, f"unknown key {key!r}; expected one of: people, segments"))

    segments = [_parse_segment(e, path, problems, documents) for e in _entries(data, "segments", path, problems)]
    pairs: list[PairJudgement] = []
    not_people: list[NotAPerson] = []
    canonical: list[CanonicalName] = []
    settled: list[SettledShortName] = []
    for entry in _entries(data, "people", path, problems):
        if "settle" in entry:
            settled.extend(_parse_settle(entry, path, problems, documents))
        else:
            _parse_person(entry, path, problems, pairs, not_people, canonical)
    if problems:
        raise InputError(problems)
    return Curation(
        segments=tuple(s for s in segments if s),
        pairs=tuple(pairs),
        not_people=tuple(not_people),
        canonical_names=tuple(canonical),
        settled=tuple(settled),
        source=str(path),
    )


def _entries(data: dict, key: str, path, problems: list[Problem]) -> list[dict]:
    value = data.get(key) or []
    if not isinstance(value, list):
        problems.append(Problem(path, data.get("__line__"), f"{key!r} must be a list of entries"))
        return []
    good = []
    for entry in value:
        if not isinstance(entry, dict):
            problems.append(Problem(path, None, f"each entry of {key!r} must be a mapping, got {entry!r}"))
        else:
            good.append(entry)
    return good


def _unknown_keys(entry: dict, allowed: frozenset[str], path, problems: list[Problem]) -> None:
    for key in sorted(set(entry) - allowed - {"__line__"}):
        problems.append(
            Problem(path, entry["__line__"], f"unknown key {key!r}; expected one of: {', '.join(sorted(allowed))}")
        )


def _reason(entry: dict, path, problems: list[Problem]) -> str:
    reason = entry.get("reason")
    if not isinstance(reason, str) or not reason.strip():
        problems.append(Problem(path, entry["__line__"], "every entry needs a 'reason' saying why"))
        return ""
    return reason.strip()


def _parse_segment(
    entry: dict, path, problems: list[Problem], documents: Mapping[str, int] | None
) -> SegmentOverride | None:
    line_no = entry["__line__"]
    _unknown_keys(entry, _SEGMENT_KEYS, path, problems)
    reason = _reason(entry, path, problems)
    where = _document_line(entry, path, problems, documents)
    if where is None:
        return None
    document, line = where
    kind = entry.get("kind")
    if kind is not None:
        try:
            kind = Kind(kind)
        except ValueError:
            valid = ", ".join(k.value for k in Kind)
            problems.append(Problem(path, line_no, f"unknown kind {kind!r}; expected one of: {valid}"))
            kind = None
    return SegmentOverride(
        document=document,
        line=line,
        reason=reason,
        split=bool(entry.get("split", False)),
        join=bool(entry.get("join", False)),
        title=entry.get("title"),
        outlet=entry.get("outlet"),
        language=entry.get("language"),
        kind=kind,
        date=_curated_date(entry, path, problems),
        source_line=line_no,
    )


def _curated_date(entry: dict, path, problems: list[Problem]) -> str | None:
    """A segment entry's ``date``: a real date at day, month or year precision, or null to clear the date."""
    if "date" not in entry:
        return None
    value = entry["date"]
    if value is None:
        return ""
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    parts = text.split("-")
    try:
        if not (1 <= len(parts) <= 3 and len(parts[0]) == 4 and all(p.isdigit() for p in parts)):
            raise ValueError
        dt.date(*(int(p) for p in parts), *([1] * (3 - len(parts))))
    except (ValueError, TypeError):
        message = f"'date' must be YYYY-MM-DD, YYYY-MM or YYYY (or null to clear it), got {value!r}"
        problems.append(Problem(path, entry["__line__"], message))
        return None
    return text


def _document_line(
    entry: dict, path, problems: list[Problem], documents: Mapping[str, int] | None
) -> tuple[str, int] | None:
    """The entry's ``document`` and ``line``, checked against the documents; ``None`` when unusable."""
    line_no = entry["__line__"]
    document, line = entry.get("document"), entry.get("line")
    if not isinstance(document, str):
        problems.append(Problem(path, line_no, "'document' must be a document file name"))
        return None
    if documents is not None and document not in documents:
        problems.append(Problem(path, line_no, f"no document named {document!r} in content/documents/"))
    if not isinstance(line, int) or isinstance(line, bool) or line < 1:
        problems.append(Problem(path, line_no, f"'line' must be a positive line number, got {line!r}"))
        return None
    if documents is not None and document in documents and line > documents[document]:
        problems.append(Problem(path, line_no, f"{document} has only {documents[document]} lines, not {line}"))
    return document, line


def _parse_settle(entry: dict, path, problems, documents: Mapping[str, int] | None) -> list[SettledShortName]:
    """``{settle: Khodabandeh, document: …, line: …, person: Massoud Khodabandeh, reason: …}``."""
    line_no = entry["__line__"]
    _unknown_keys(entry, _SETTLE_KEYS, path, problems)
    reason = _reason(entry, path, problems)
    name, person = entry.get("settle"), entry.get("person")
    where = _document_line(entry, path, problems, documents)
    if not isinstance(name, str) or len(name.split()) != 1:
        problems.append(Problem(path, line_no, f"'settle' takes a bare name of one word, got {name!r}"))
    if not isinstance(person, str) or len(person.split()) < 2:
        problems.append(Problem(path, line_no, f"'person' takes the person's full name, got {person!r}"))
    if where is None or not isinstance(name, str) or not isinstance(person, str):
        return []
    return [SettledShortName(name, where[0], where[1], person, reason, line_no)]


def _parse_person(entry: dict, path, problems, pairs, not_people, canonical) -> None:
    line_no = entry["__line__"]
    _unknown_keys(entry, _PEOPLE_KEYS, path, problems)
    reason = _reason(entry, path, problems)
    verbs = [k for k in _PEOPLE_VERBS if k in entry]
    if len(verbs) != 1:
        problems.append(Problem(path, line_no, f"each entry takes exactly one of: {', '.join(_PEOPLE_VERBS)}"))
        return
    verb = verbs[0]
    value = entry[verb]
    if verb in _PAIR_VERBS:
        if not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value)):
            problems.append(Problem(path, line_no, f"'{verb}' takes a list of two names, got {value!r}"))
            return
        try:
            names = pair(value[0], value[1])
        except ValueError as exc:
            problems.append(Problem(path, line_no, str(exc)))
            return
        pairs.append(PairJudgement(names, Verdict(verb), reason, line_no))
    elif verb == "not_a_person":
        if not isinstance(value, str):
            problems.append(Problem(path, line_no, f"'not_a_person' takes a name, got {value!r}"))
            return
        not_people.append(NotAPerson(value, reason, line_no))
    else:
        display = entry.get("display")
        if not isinstance(value, str) or not isinstance(display, str):
            problems.append(Problem(path, line_no, "'canonical' takes a name and 'display' the spelling to show"))
            return
        canonical.append(CanonicalName(value, display, reason, line_no))
