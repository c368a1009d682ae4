"""Database engines and schema upgrades for SQLite (embedded default) and PostgreSQL."""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from storage.encryption import attach_keyring
from storage.keyring import KeyRing

logger = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def sqlite_url(path: str | Path) -> str:
    return f"sqlite:///{Path(path).expanduser().resolve()}"


def make_engine(url: str, *, echo: bool = False, keyring: KeyRing | None = None) -> Engine:
    """Build an engine with the settings each backend needs for the relay's guarantees.

    SQLite: WAL, foreign keys on, a 30 s busy timeout, and ``BEGIN IMMEDIATE`` so every
    transaction takes the write lock up front (the chain of the message log must be appended
    by one writer at a time; deferred transactions that read then write can fail with
    SQLITE_BUSY instead of waiting). PostgreSQL: psycopg 3, ``prepare_threshold=None`` so no
    statement silently switches to a generic plan (see issue 7's search figures).
    """
    engine = _make_engine(url, echo=echo)
    if keyring is not None:
        attach_keyring(engine, keyring)
    return engine


def _make_engine(url: str, *, echo: bool) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url, echo=echo, connect_args={"check_same_thread": False, "timeout": 30},
            poolclass=NullPool if database in ("", ":memory:") else None,
        )
        _configure_sqlite(engine)
        return engine
    if parsed.drivername in ("postgresql", "postgres"):
        url = parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    return create_engine(
        url, echo=echo, pool_pre_ping=True, connect_args={"prepare_threshold": None}
    )


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        # freed space is zeroed: content replaced by the encrypting migration or destroyed under
        # retention does not linger in free pages of the file
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def upgrade(engine: Engine, revision: str = "heads") -> bool:
    """Bring the schema to the newest revision (all branch heads) with Alembic; True if it changed.

    On SQLite a change is followed by a WAL checkpoint that empties the WAL file, so rows a migration
    rewrote (plaintext sealed by enc_0001) are not left behind in it.
    """
    from alembic import command
    from alembic.config import Config
    from alembic.migration import MigrationContext

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        before = set(MigrationContext.configure(connection).get_current_heads())
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
        changed = set(MigrationContext.configure(connection).get_current_heads()) != before
    if changed and engine.dialect.name == "sqlite":
        raw = engine.raw_connection()  # autocommit: a checkpoint inside a transaction cannot finish
        try:
            raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            raw.close()
    return changed


def open_database(url: str, *, migrate: bool = True, keyring: KeyRing | None = None) -> Engine:
    """An engine on ``url`` with the schema up to date, refusing a key ring that cannot open it.

    ``keyring``: this engine's ring (else the process-wide one, ``storage.encryption.install_keyring``).
    """
    engine = make_engine(url, keyring=keyring)
    if migrate:
        upgrade(engine)
    from storage.key_check import check_keys

    check_keys(engine)
    return engine
