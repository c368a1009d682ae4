"""Files and folders that hold student data, owner-only from the moment they exist (issue 12 item 8).

Every file mentorbot writes with personal data in it — the SQLite database and its WAL/SHM files,
exports, backups, the desk's secret key — is created here: folders 0700, files 0600, set by
``os.open``/``os.mkdir`` with that mode at creation (never a chmod after the fact, which leaves a
moment where another local user can open the file). The process umask can only take bits away,
so these modes hold under any umask.

SQLite creates ``-wal`` and ``-shm`` with the mode of the database file itself (its unix VFS
copies the main file's permissions), so ``prepare_sqlite_file`` creating an empty 0600 database
first is what keeps those private too.
"""

from __future__ import annotations

import contextlib
import logging
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

logger = logging.getLogger(__name__)

DIR_MODE = 0o700
FILE_MODE = 0o600


def private_dir(path: str | Path, *, tighten: bool = True) -> Path:
    """Create ``path`` (and missing parents) as 0700 folders; an existing folder is tightened to
    0700 when ``tighten`` (DATA_DIR), or left as it is (a folder the user chose to share)."""
    path = Path(path)
    missing = []
    probe = path
    while not probe.exists():
        missing.append(probe)
        probe = probe.parent
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):
            os.mkdir(folder, DIR_MODE)
    if tighten and path.is_dir() and stat.S_IMODE(path.stat().st_mode) & 0o077:
        logger.warning("%s was readable by other users; making it owner-only (0700)", path)
        os.chmod(path, DIR_MODE)
    return path


def _tighten(fd: int, path: Path) -> None:
    """An existing file opened for rewriting: take away group/other bits before writing to it."""
    if stat.S_IMODE(os.fstat(fd).st_mode) & 0o077:
        logger.warning("%s was readable by other users; making it owner-only (0600)", path)
        os.fchmod(fd, FILE_MODE)


@contextlib.contextmanager
def open_private(path: str | Path, mode: str = "w", *, encoding: str | None = "utf-8") -> Iterator[IO]:  # type: ignore[type-arg]
    """Open ``path`` for writing (``"w"``/``"wb"``/``"a"``/``"ab"``), creating it 0600.

    Its folder is created 0700 if missing (an existing folder is left as it is).
    """
    if mode not in ("w", "wb", "a", "ab"):
        raise ValueError(f"open_private writes files; mode {mode!r} is not one of w, wb, a, ab")
    path = Path(path)
    private_dir(path.parent, tighten=False)
    flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if mode.startswith("a") else os.O_TRUNC)
    fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0), FILE_MODE)
    _tighten(fd, path)
    binary = mode.endswith("b")
    with os.fdopen(fd, mode, encoding=None if binary else encoding) as handle:
        yield handle


def write_private(path: str | Path, data: str | bytes, *, encoding: str = "utf-8") -> Path:
    """Write ``data`` to ``path`` atomically (a 0600 temporary file in the same folder, fsync, rename),
    so a reader never sees half a file and the file is never readable by others."""
    path = Path(path)
    private_dir(path.parent, tighten=False)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")  # mkstemp: 0600
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data.encode(encoding) if isinstance(data, str) else data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
    return path


def prepare_sqlite_file(path: str | Path) -> Path:
    """Make sure the SQLite database at ``path`` exists as a 0600 file before SQLite opens it
    (an empty file is a valid empty database), and tighten an older, readable one and its WAL/SHM."""
    path = Path(path)
    private_dir(path.parent, tighten=False)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
    for suffix in ("", "-wal", "-shm", "-journal"):
        companion = Path(f"{path}{suffix}")
        if companion.exists() and stat.S_IMODE(companion.stat().st_mode) & 0o077:
            logger.warning("%s was readable by other users; making it owner-only (0600)", companion)
            os.chmod(companion, FILE_MODE)
    return path


# Issue 15 (i15a): an export or certificate that must never overwrite an earlier one, and the
# append-only head log. Same modes as above, set at creation.

PRIVATE_FILE = FILE_MODE
PRIVATE_DIR = DIR_MODE


def create_private(path: str | Path) -> IO[bytes]:
    """A new file open for binary writing, mode 0600; refuses (FileExistsError) to overwrite one."""
    fd = os.open(Path(path), os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), FILE_MODE)
    return os.fdopen(fd, "wb")


def replace_private(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (the i15a name for :func:`write_private`)."""
    write_private(path, data)


def is_private(path: str | Path) -> bool:
    """Nobody but the owner may read or write it (group and other bits clear)."""
    return Path(path).stat().st_mode & 0o077 == 0


def append_private(path: str | Path, line: str) -> None:
    """Append one line to an append-only private file (created 0600 if missing), flushed to disk."""
    fd = os.open(Path(path), os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_CLOEXEC", 0), FILE_MODE)
    with os.fdopen(fd, "a", encoding="utf-8") as handle:
        handle.write(line.rstrip("\n") + "\n")
        handle.flush()
        os.fsync(handle.fileno())
