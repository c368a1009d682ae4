"""The key ring from the settings, checked the way an operator needs: where the key lives matters.

A key file must be owner-only and outside DATA_DIR (a copy or backup of DATA_DIR must not carry the
key that opens it). Every problem is a ``KeyRingError`` whose message names the setting to change.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import Engine

from bot.settings import Settings
from storage.encryption import NoKeyRing
from storage.keyring import KeyRing, KeyRingError, RingKey, decode_secret, format_ring, new_secret, parse_ring
from storage.private_files import open_private, write_private


def keyring_from_settings(settings: Settings) -> KeyRing:
    """The configured ring: ENCRYPTION_KEY_FILE, else ENCRYPTION_KEY (+ ENCRYPTION_OLD_KEYS)."""
    if settings.encryption_key_file is not None:
        return KeyRing.from_file(checked_key_file(settings.encryption_key_file, settings.data_dir))
    if settings.encryption_key is not None:
        current = decode_secret(settings.encryption_key.get_secret_value(), where="ENCRYPTION_KEY")
        old = settings.encryption_old_keys.get_secret_value() if settings.encryption_old_keys else ""
        previous = tuple(decode_secret(part, where="ENCRYPTION_OLD_KEYS")
                         for part in old.split(",") if part.strip())
        return KeyRing.single(current, previous=previous)
    raise NoKeyRing("no encryption key is configured: set ENCRYPTION_KEY_FILE to a key file outside DATA_DIR "
                    "(create one with: mentorbot keys init /etc/mentorbot/keys), or ENCRYPTION_KEY "
                    "(see .env.example and docs/data-protection.md)")


def checked_key_file(path: Path, data_dir: Path) -> Path:
    """The key file, if it exists, is owner-only and lies outside DATA_DIR."""
    path = path.expanduser().resolve()
    if not path.is_file():
        raise KeyRingError(f"ENCRYPTION_KEY_FILE={path} does not exist: create it with "
                           f"'mentorbot keys init {path}', or restore it from where you keep the key backup")
    if path.is_relative_to(data_dir.expanduser().resolve()):
        raise KeyRingError(f"ENCRYPTION_KEY_FILE={path} is inside DATA_DIR ({data_dir}): a copy or backup of "
                           "DATA_DIR would carry the key that opens it. Move the file elsewhere (e.g. "
                           "/etc/mentorbot/keys) and point ENCRYPTION_KEY_FILE at it")
    if path.stat().st_mode & 0o077:
        raise KeyRingError(f"ENCRYPTION_KEY_FILE={path} can be read by other users: run 'chmod 600 {path}'")
    return path


def init_key_file(path: Path, data_dir: Path) -> str:
    """Create a new key file with one current key (refuses to overwrite); returns the key id."""
    path = path.expanduser().resolve()
    if path.is_relative_to(data_dir.expanduser().resolve()):
        raise KeyRingError(f"{path} is inside DATA_DIR ({data_dir}): keep the key apart from the data")
    if path.exists():
        raise KeyRingError(f"{path} already exists: it may hold the only key to a database; not overwritten")
    key = RingKey(new_secret(), "current", date.today())
    with open_private(path, "w") as handle:
        handle.write(format_ring([key]))
    return key.id


def write_ring(path: Path, keys: list[RingKey]) -> None:
    """Replace the key file atomically, owner-only (``keys rotate``)."""
    parse_ring(format_ring(keys), origin=str(path))  # never write a ring that would not load
    write_private(path, format_ring(keys))


def open_configured_database(settings: Settings, *, migrate: bool | None = None) -> Engine:
    """The settings' database, opened with the settings' key ring (refused if it cannot open it).

    ``migrate`` None follows the settings (MIGRATE_ON_START, else SQLite upgrades, PostgreSQL checks).
    """
    from storage.db import open_database

    if migrate is None:
        migrate = settings.migrate_on_start
    return open_database(settings.resolved_database_url, migrate=migrate,
                         keyring=keyring_from_settings(settings))


def rotation_under_way(ring: KeyRing) -> bool:
    """The ring still has a 'previous' key: an earlier ``keys rotate`` has not finished."""
    return any(k.state == "previous" for k in ring.keys)


def begin_rotation(ring: KeyRing) -> str | None:
    """Add a new current key to the key file (the old current becomes 'previous'); returns its id.

    Nothing is added while a rotation is unfinished (the same run carries on) or when the keys come
    from the environment (the operator sets the new key there).
    """
    if ring.source is None or rotation_under_way(ring):
        return None
    fresh = RingKey(new_secret(), "current", date.today())
    older = [RingKey(k.secret, "previous" if k.state == "current" else k.state, k.created) for k in ring.keys]
    write_ring(ring.source, [fresh, *older])
    ring.reload(force=True)
    return fresh.id


def retire_previous(ring: KeyRing) -> list[str]:
    """After every row moved: the key file's 'previous' keys become 'retired' (kept for old backups)."""
    if ring.source is None:
        return []
    retired = [k.id for k in ring.keys if k.state == "previous"]
    if retired:
        write_ring(ring.source, [RingKey(k.secret, "retired" if k.state == "previous" else k.state, k.created)
                                 for k in ring.keys])
        ring.reload(force=True)
    return retired
