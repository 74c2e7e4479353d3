"""Staging and the atomic swap: a build happens beside the output and replaces it in one rename.

Everything is built inside a fresh staging directory beside the output; only a
finished, indexed site replaces the previous one, in one atomic rename, so a
failed or killed build leaves the old site exactly as it was. Staging
directories left behind by killed builds are removed by the next build.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import OutputError

#: A directory holding this file was built by us, so it may be replaced wholesale.
SITE_MARKER = Path("pagefind") / "pagefind-entry.json"


@contextmanager
def staging_area(out_dir: Path) -> Iterator[Path]:
    """A fresh directory beside ``out_dir`` (same filesystem, so renames are atomic); removed afterwards.

    The build holds an exclusive lock on it while it runs. The kernel drops the
    lock when the process dies, however it dies, so a staging directory whose
    lock can be taken belongs to a killed build and is removed here.
    """
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_staging(out_dir)
    staging = Path(tempfile.mkdtemp(prefix=_staging_prefix(out_dir), dir=out_dir.parent))
    lock = os.open(staging, os.O_RDONLY)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        os.close(lock)


def remove_stale_staging(out_dir: Path) -> list[Path]:
    """Remove staging directories of earlier builds that were killed; return them."""
    removed = []
    for candidate in sorted(out_dir.parent.glob(_staging_prefix(out_dir) + "*")):
        if candidate.is_symlink() or not candidate.is_dir():
            continue
        fd = os.open(candidate, os.O_RDONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            continue  # a build that is still running holds it
        finally:
            os.close(fd)
        shutil.rmtree(candidate, ignore_errors=True)
        removed.append(candidate)
    return removed


def _staging_prefix(out_dir: Path) -> str:
    return f".{out_dir.name}-build-"


def check_replaceable(out_dir: Path) -> None:
    """Refuse to replace a directory that holds something other than a site we built.

    ``--out`` is replaced wholesale, so a mistyped ``--out .`` or ``--out content``
    must stop here rather than delete someone's files.
    """
    if out_dir.is_symlink() or (out_dir.exists() and not out_dir.is_dir()):
        raise OutputError(f"{out_dir}: not a directory; give --out a directory path")
    if out_dir.is_dir() and any(out_dir.iterdir()) and not (out_dir / SITE_MARKER).is_file():
        raise OutputError(
            f"{out_dir}: not empty and not a site built by this generator (no {SITE_MARKER}); "
            "refusing to replace it: choose another --out or remove the directory yourself"
        )


def swap_in(new_site: Path, out_dir: Path) -> None:
    """Put ``new_site`` at ``out_dir`` in one atomic step; the previous tree ends up at ``new_site``.

    On Linux, ``renameat2(RENAME_EXCHANGE)`` swaps the two in one system call, so
    there is no moment without a complete ``out_dir``. Elsewhere (or on a
    filesystem without it) two renames leave a window of microseconds.
    The caller removes ``new_site`` (now the old tree) with the staging area.
    """
    check_replaceable(out_dir)
    if not out_dir.exists():
        os.rename(new_site, out_dir)
        return
    if _exchange(new_site, out_dir):
        return
    old = new_site.with_name(new_site.name + "-old")
    os.rename(out_dir, old)
    os.rename(new_site, out_dir)
    os.rename(old, new_site)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically with Linux ``renameat2``; ``False`` where that is unavailable."""
    if not sys.platform.startswith("linux"):
        return False
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)  # glibc >= 2.28
    if renameat2 is None:
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(a), None, str(b))
