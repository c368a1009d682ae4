"""One private zip archive per export: created owner-only, every member listed in MANIFEST.json
with its SHA-256, so a copy can be checked for completeness later.

Used by the program export (end of contract) and access requests; a feature's own export of
personal data should use it too (or ``storage.private_files.create_private`` for a single file).
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import Any

from storage.private_files import create_private
from storage.safe_text import without_lone_surrogates


class ExportExists(Exception):
    """The output file exists already (an export is never overwritten)."""


class PrivateArchive:
    """``with PrivateArchive(path) as archive: archive.add_json(...)``; the manifest is written last."""

    def __init__(self, path: Path, *, about: dict[str, Any]) -> None:
        self.path = path
        self.about = about
        self.members: dict[str, dict[str, Any]] = {}
        try:
            self._file = create_private(path)
        except FileExistsError:
            raise ExportExists(
                f"{path} exists already; choose another file name (exports are never overwritten)"
            ) from None
        self._zip = zipfile.ZipFile(self._file, "w", compression=zipfile.ZIP_DEFLATED)

    def add_text(self, name: str, text: str) -> None:
        """Printable text; a lone surrogate a platform once sent prints as U+FFFD."""
        self.add_bytes(name, without_lone_surrogates(text).encode("utf-8"))

    def add_bytes(self, name: str, data: bytes) -> None:
        self._zip.writestr(name, data)
        self.members[name] = {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}

    def add_json(self, name: str, value: Any) -> None:
        self.add_bytes(name, _json_bytes(value, indent=2) + b"\n")

    def add_lines(self, name: str, rows: Iterable[dict[str, Any]]) -> int:
        """A JSON Lines member, streamed (a table of a million rows never sits in memory)."""
        digest, size, count = hashlib.sha256(), 0, 0
        with self._zip.open(name, "w", force_zip64=True) as member:
            for row in rows:
                line = _json_bytes(row) + b"\n"
                member.write(line)
                digest.update(line)
                size += len(line)
                count += 1
        self.members[name] = {"bytes": size, "sha256": digest.hexdigest(), "rows": count}
        return count

    def close(self) -> str:
        """Write the manifest, close the file; the SHA-256 of the whole archive."""
        manifest = {"about": self.about, "members": self.members}
        self._zip.writestr(
            "MANIFEST.json", json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True)
        )
        self._zip.close()
        self._file.close()
        return file_sha256(self.path)

    def __enter__(self) -> PrivateArchive:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if kind is not None:  # a failed export leaves no half-written file behind
            self._zip.close()
            self._file.close()
            self.path.unlink(missing_ok=True)


def _json_bytes(value: Any, indent: int | None = None) -> bytes:
    """UTF-8 JSON; a value holding a lone surrogate (not encodable) is written with \\u escapes,
    which ``json.loads`` turns back into exactly the same string."""
    text = json.dumps(value, ensure_ascii=False, indent=indent, sort_keys=True)
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(value, ensure_ascii=True, indent=indent, sort_keys=True).encode("ascii")


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
