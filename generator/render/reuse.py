"""Reuse: a page whose inputs are unchanged since the previous build is kept, not built again.

Pages are built in units: an article's page, a document's page, a person's or outlet's page with
the further pages its long lists continue on. For each unit the build records a fingerprint over
the site's settings (``key``), the unit's subject and every value its views read (``reads``), the
reads themselves, the paths it wrote and what else it gave (an article's dated sentences, an
entity's part of the exports), in ``pages.sqlite`` beside the Markdown. The next build
recomputes that fingerprint from the recorded reads before building anything: when it is equal,
the unit's files (hard-linked from the previous build by ``site.incremental``) are kept as they
are, and what it gave is read back. Home, search, the A–Z indexes and the chronology read the
whole corpus and are always built; so are the exports, from the units' parts.

Does not: fingerprint values (``reads``) or write pages (``writer``).
"""

from __future__ import annotations

import pickle
import sqlite3
import tempfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model import Article, Document, Entity
from .lookups import Lookups
from .reads import Fingerprints, digest
from .writer import PageWriter

#: The file, beside the Markdown tree, holding each unit's fingerprint, reads, paths and data.
RECORDS_FILE = "pages.sqlite"


@dataclass(frozen=True)
class Record:
    """What a build recorded of one unit: its fingerprint, what it read, the pages it wrote and its data."""

    fingerprint: str
    reads: list[tuple[str, str]]
    paths: list[str]
    data: bytes
    """What the unit gave besides its pages (an export record, its dated sentences), pickled."""


_COLUMNS = "fingerprint TEXT, reads TEXT, paths TEXT, data BLOB"


def _pack(value: Any) -> bytes:
    return zlib.compress(pickle.dumps(value, pickle.HIGHEST_PROTOCOL), 1)


def _unpack(data: bytes) -> Any:
    return pickle.loads(zlib.decompress(data))


class PageRecords:
    """Each unit's ``Record``, in SQLite (one row per unit, read on demand)."""

    def __init__(self, path: Path, *, create: bool = False):
        if not create and not path.is_file():
            raise FileNotFoundError(path)
        self.db = sqlite3.connect(path)
        if create:
            self.db.execute(
                "CREATE TABLE units (unit TEXT PRIMARY KEY, fingerprint TEXT, reads TEXT, paths TEXT, data BLOB)"
            )
        else:
            self.db.execute("SELECT unit, fingerprint, reads, paths, data FROM units LIMIT 1").fetchall()

    def get(self, unit: str) -> Record | None:
        row = self.db.execute("SELECT fingerprint, reads, paths, data FROM units WHERE unit = ?", (unit,)).fetchone()
        if row is None:
            return None
        reads = [tuple(read.split("\t", 1)) for read in row[1].split("\n")] if row[1] else []
        return Record(row[0], reads, row[2].split("\n"), row[3])

    def put(self, unit: str, record: Record) -> None:
        # One read a line, "table<TAB>key": keys are ids, which hold neither.
        reads = "\n".join(f"{table}\t{key}" for table, key in record.reads)
        row = (unit, record.fingerprint, reads, "\n".join(record.paths), record.data)
        self.db.execute("INSERT OR REPLACE INTO units VALUES (?, ?, ?, ?, ?)", row)

    def data(self, unit: str) -> Any:
        """The data the unit gave, in this build."""
        row = self.db.execute("SELECT data FROM units WHERE unit = ?", (unit,)).fetchone()
        return _unpack(row[0])

    def close(self) -> None:
        self.db.commit()
        self.db.close()


class Reuse:
    """Builds each unit of pages, or keeps the previous build's files when its fingerprint is unchanged.

    ``previous`` is the last build's records (``None``: build every unit), ``records`` this build's;
    ``key`` hashes the site's settings and the code that makes pages. Not ``fingerprinted``, a unit's
    reads are not recorded (no later build will look at them): every unit is built, its data kept.
    """

    def __init__(
        self,
        *,
        key: str,
        lookups: Lookups,
        out: PageWriter,
        previous: PageRecords | None,
        records: PageRecords,
        fingerprinted: bool = True,
    ):
        self.key = key
        self.fingerprinted = fingerprinted
        self.reads = lookups.reads
        self.fingerprints = Fingerprints(lookups.tables, lookups.full_documents)
        self.out = out
        self.previous = previous
        self.records = records
        self.kept = 0
        self.built = 0

    def unit(self, unit: str, subject: Document | Article | Entity, build: Callable[[], Any]) -> Any:
        """Keep the unit's files, or run ``build`` (which writes them through ``out``) and record what it read.

        Returns what ``build`` returned, in this build or (the unit kept) in the previous one.
        """
        if not self.fingerprinted:
            paths, data = self.out.collect(build)
            self.records.put(unit, Record("", [], paths, _pack(data)))
            return data
        subject_print = self.fingerprints.subject(subject)
        kept = self._keep(unit, subject_print)
        if kept is not None:
            self.kept += 1
            return _unpack(kept.data)
        with self.reads.recording() as noted:
            paths, data = self.out.collect(build)
        reads = sorted(noted)
        fingerprint = self._fingerprint(subject_print, reads)
        self.records.put(unit, Record(fingerprint, reads, paths, _pack(data)))
        self.built += 1
        return data

    def data(self, unit: str) -> Any:
        """What the unit's ``build`` returned (in this build, or in the previous one when the unit was kept)."""
        return self.records.data(unit)

    def _keep(self, unit: str, subject_print: str) -> Record | None:
        """The previous build's record of the unit, recorded again, when its files can be kept as they are."""
        recorded = self.previous.get(unit) if self.previous else None
        if recorded is None:
            return None
        fingerprint = self._fingerprint(subject_print, recorded.reads)
        if fingerprint != recorded.fingerprint or not self.out.keep(recorded.paths):
            return None
        self.records.put(unit, recorded)
        return recorded

    def _fingerprint(self, subject_print: str, reads: list[tuple[str, str]]) -> str:
        read = self.fingerprints.read
        return digest((self.key, subject_print, [(table, key, read(table, key)) for table, key in reads]))


@dataclass(frozen=True)
class ReuseFiles:
    """Where this build records its units (``records``), the previous build's records, and the settings' key."""

    key: str
    records: Path
    previous: Path | None = None


@contextmanager
def open_reuse(files: ReuseFiles | None, settings: object, lookups: Lookups, out: PageWriter) -> Iterator[Reuse]:
    """A ``Reuse`` over ``files``; ``settings`` join its key.

    Without ``files`` every unit is built and its data kept in a temporary file only (not in memory:
    at 10,000 documents the people's export records alone are hundreds of megabytes). Previous
    records that cannot be read mean a whole build, as if there were none.
    """
    with tempfile.TemporaryDirectory(prefix="render-") as scratch:
        fingerprinted = files is not None
        files = files or ReuseFiles("", Path(scratch) / RECORDS_FILE)
        records = PageRecords(files.records, create=True)
        try:
            previous = PageRecords(files.previous) if files.previous else None
        except (OSError, sqlite3.Error):
            previous = None
        key = digest((files.key, settings, _templates(out)))
        try:
            yield Reuse(
                key=key, lookups=lookups, out=out, previous=previous, records=records, fingerprinted=fingerprinted
            )
        finally:
            records.close()
            if previous:
                previous.close()


def _templates(out: PageWriter) -> list[tuple[str, str]]:
    """Every template's name and source: a page's text depends on them, and the code version does not cover them."""
    loader = out.env.loader
    return [(name, loader.get_source(out.env, name)[0]) for name in sorted(out.env.list_templates())]
