"""Files that hold student data or keys, created owner-only (0600) from the first byte.

One small place on purpose: issue 12 brings the project-wide helper for private files, and these two
functions then become calls to it. Creating with ``os.open(..., 0o600)`` (not chmod afterwards)
leaves no moment in which another local user could open the file.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700


def private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) owner-only if missing; return it."""
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    return path


def create_private(path: Path) -> BinaryIO:
    """A new file open for writing, mode 0600; refuses to overwrite an existing one."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    return os.fdopen(fd, "wb")


def replace_private(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (a 0600 temporary beside it, fsync, rename)."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.unlink(missing_ok=True)
    with create_private(temporary) as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


def is_private(path: Path) -> bool:
    """Nobody but the owner may read or write it (group and other bits clear)."""
    return path.stat().st_mode & 0o077 == 0
