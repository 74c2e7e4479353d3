"""Load: read the documents, their sidecar metadata, the outlet list and the curation file.

The only stage that reads input. Each document is decoded strictly as UTF-8 and
split into lines exactly as an editor numbers them (``\\r\\n``, ``\\r`` or ``\\n``),
so every line number the site shows matches the file as stored.

Does not: interpret the text. Broken files are reported, never repaired.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from pathlib import Path

import frontmatter
import yaml

from .curation import Curation, parse_curation
from .errors import InputError, Problem
from .model import Document, OutletRecord
from .slugs import make_slug

log = logging.getLogger(__name__)

DOCUMENT_SUFFIXES = (".txt", ".md")
SIDECAR_SUFFIX = ".meta.yml"
SIDECAR_KEYS = {"title", "source_url", "retrieved", "published", "notes"}
LINE_BREAK = re.compile(r"\r\n|\r|\n")
MAX_TITLE = 90
#: Larger documents are refused rather than half-processed: the language and name
#: models work on whole articles, and the biggest real document is well under 1 MB.
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class Inputs:
    documents: list[Document]
    curation: Curation
    outlets: list[OutletRecord]
    warnings: list[Problem]


def load_inputs(content_dir: Path) -> Inputs:
    """Read everything under ``content_dir``; raise ``InputError`` listing every problem."""
    documents, warnings = load_documents(content_dir / "documents", display_root=content_dir.parent)
    curation_path = content_dir / "curation.yml"
    curation = (
        parse_curation(
            _read_text(curation_path, display=_display_path(curation_path, content_dir.parent)),
            path=_display_path(curation_path, content_dir.parent),
            documents={Path(d.source).name: d.line_count for d in documents},
        )
        if curation_path.exists()
        else Curation()
    )
    outlets_path = content_dir / "outlets.yml"
    outlets_display = _display_path(outlets_path, content_dir.parent)
    outlets = (
        parse_outlet_list(_read_text(outlets_path, display=outlets_display), path=outlets_display)
        if outlets_path.exists()
        else []
    )
    return Inputs(documents, curation, outlets, warnings)


def load_documents(directory: Path, *, display_root: Path | None = None) -> tuple[list[Document], list[Problem]]:
    """Read every document in ``directory`` (sorted by name).

    Returns the documents and the warnings for files that were skipped: empty or
    blank documents, hidden files, files that are not documents, and metadata
    without a document. Nothing is lost by skipping those. Raises ``InputError``,
    listing every file, for documents that cannot be used as they are: invalid
    UTF-8, binary, too large, broken metadata, or two files with one page slug.
    """
    if not directory.is_dir():
        raise InputError([Problem(directory, None, "no such directory: expected a folder of .txt or .md documents")])
    problems: list[Problem] = []
    warnings: list[Problem] = []
    documents: list[Document] = []
    seen_ids: dict[str, Path] = {}
    names = {p.name for p in directory.iterdir()}
    for path in sorted(directory.iterdir(), key=lambda p: p.name):
        display = _display_path(path, display_root)
        if path.name.endswith(SIDECAR_SUFFIX):
            if path.name.removesuffix(SIDECAR_SUFFIX) not in names:
                warnings.append(Problem(display, None, "skipped: metadata for a document that does not exist"))
            continue
        if path.name.startswith("."):
            if path.suffix.lower() in DOCUMENT_SUFFIXES:
                warnings.append(Problem(display, None, "skipped: hidden file (its name starts with a dot)"))
            continue  # editor and OS files (.DS_Store, .swp) are not worth a warning
        if path.is_symlink() or not path.is_file():
            warnings.append(Problem(display, None, "skipped: not a regular file"))
            continue
        if path.suffix.lower() not in DOCUMENT_SUFFIXES:
            expected = ", ".join(DOCUMENT_SUFFIXES)
            warnings.append(Problem(display, None, f"skipped: not a document (expected {expected})"))
            continue
        try:
            document = read_document(path, display=display)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        if document is None:
            warnings.append(Problem(display, None, "skipped: the file is empty or has only blank lines"))
            continue
        if document.id in seen_ids:
            problems.append(
                Problem(
                    display,
                    None,
                    f"its page slug {document.id!r} is the same as that of {seen_ids[document.id].name}; rename one",
                )
            )
            continue
        seen_ids[document.id] = path
        documents.append(document)
    if problems:
        raise InputError(problems)
    return documents, warnings


def read_document(path: Path, *, display: str) -> Document | None:
    """Read one document; ``None`` when it holds no text at all."""
    size = path.stat().st_size
    if size > MAX_DOCUMENT_BYTES:
        raise InputError(
            [
                Problem(
                    display,
                    None,
                    f"too large ({size / 2**20:.1f} MB; the limit is {MAX_DOCUMENT_BYTES // 2**20} MB): "
                    "split it into several documents",
                )
            ]
        )
    data = path.read_bytes()
    text = decode_document(data, display=display)
    lines = tuple(LINE_BREAK.split(text))
    if text.endswith(("\n", "\r")):
        lines = lines[:-1]  # a final line end does not start another line
    if not any(line.strip() for line in lines):
        return None
    metadata = _front_matter(text, display) if path.suffix.lower() == ".md" else {}
    metadata.update(_read_sidecar(path, display))
    title = str(metadata.get("title") or _derive_title(lines))
    stem = path.name[: -len(path.suffix)]
    return Document(
        id=make_slug(stem, fallback="document"),
        source=display,
        sha256=hashlib.sha256(data).hexdigest(),
        lines=lines,
        title=title,
        metadata=metadata,
    )


def decode_document(data: bytes, *, display: str) -> str:
    """Strict UTF-8 (a BOM is dropped); a NUL byte or invalid bytes are errors with their line."""
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise InputError([Problem(display, line, "binary data (a NUL byte): expected a plain-text document")])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            [
                Problem(
                    display,
                    line,
                    f"invalid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}): "
                    "save the file as UTF-8 and build again",
                )
            ]
        ) from None
    return text.removeprefix("\ufeff")


def body_start(document: Document) -> int:
    """First line after a Markdown front-matter block (1 when there is none)."""
    lines = document.lines
    if document.source.lower().endswith(".md") and lines and lines[0].strip() == "---":
        for number, line in enumerate(lines[1:], start=2):
            if line.strip() == "---":
                return number + 1
    return 1


def parse_outlet_list(text: str, *, path: Path | str) -> list[OutletRecord]:
    """Parse ``outlets.yml``: a list of {id, name, kind, aliases, parent, domains}."""
    try:
        data = yaml.safe_load(text) or []
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError([Problem(path, mark.line + 1 if mark else None, f"invalid YAML: {exc}")]) from None
    if not isinstance(data, list):
        raise InputError([Problem(path, 1, "expected a list of outlets")])
    problems: list[Problem] = []
    records: list[OutletRecord] = []
    allowed = {"id", "name", "kind", "aliases", "parent", "domains"}
    for index, entry in enumerate(data, start=1):
        if not isinstance(entry, dict) or not {"id", "name", "kind"} <= set(entry):
            problems.append(Problem(path, None, f"outlet #{index} needs at least 'id', 'name' and 'kind'"))
            continue
        unknown = set(entry) - allowed
        if unknown:
            problems.append(Problem(path, None, f"outlet {entry['id']!r}: unknown keys {sorted(unknown)}"))
        records.append(
            OutletRecord(
                id=str(entry["id"]),
                name=str(entry["name"]),
                kind=str(entry["kind"]),
                aliases=tuple(str(a) for a in entry.get("aliases") or ()),
                parent=entry.get("parent"),
                domains=tuple(str(d) for d in entry.get("domains") or ()),
            )
        )
    ids = {r.id for r in records}
    for record in records:
        if record.parent and record.parent not in ids:
            problems.append(Problem(path, None, f"outlet {record.id!r}: parent {record.parent!r} is not in the list"))
    if problems:
        raise InputError(problems)
    return records


def _read_text(path: Path, *, display: str) -> str:
    return decode_document(path.read_bytes(), display=display)


def _display_path(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def _front_matter(text: str, display: str) -> dict:
    try:
        metadata = dict(frontmatter.loads(text).metadata)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError([Problem(display, mark.line + 1 if mark else 1, f"invalid front matter: {exc}")]) from None
    return {k: v for k, v in metadata.items() if k in SIDECAR_KEYS}


def _read_sidecar(path: Path, display: str) -> dict:
    sidecar = path.with_name(path.name + SIDECAR_SUFFIX)
    if not sidecar.exists():
        return {}
    shown = display + SIDECAR_SUFFIX
    try:
        data = yaml.safe_load(_read_text(sidecar, display=shown)) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError([Problem(shown, mark.line + 1 if mark else None, f"invalid YAML: {exc}")]) from None
    if not isinstance(data, dict):
        raise InputError([Problem(shown, 1, f"expected a mapping with keys {sorted(SIDECAR_KEYS)}")])
    unknown = sorted(set(data) - SIDECAR_KEYS)
    if unknown:
        raise InputError([Problem(shown, None, f"unknown keys {unknown}; expected some of {sorted(SIDECAR_KEYS)}")])
    return {k: str(v) for k, v in data.items()}


def _derive_title(lines: tuple[str, ...]) -> str:
    first = next(line.strip() for line in lines if line.strip())
    return first if len(first) <= MAX_TITLE else first[: MAX_TITLE - 1].rsplit(" ", 1)[0] + "…"
