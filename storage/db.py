"""Database engines and schema upgrades for SQLite (embedded default) and PostgreSQL."""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from storage.encryption import attach_keyring
from storage.keyring import KeyRing
from storage.private_files import prepare_sqlite_file

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
    SQLITE_BUSY instead of waiting). PostgreSQL: psycopg 3, no statement is prepared because it
    ran often (``PREPARE_ONLY_WHEN_ASKED``), so none silently switches to a generic plan (see
    issue 7's search figures); the relay's few hot statements ask (``storage.driver_statements``).
    """
    engine = _make_engine(url, echo=echo)
    if keyring is not None:
        attach_keyring(engine, keyring)
    return engine


def _make_engine(url: str, *, echo: bool) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:" and not database.startswith("file:"):
            prepare_sqlite_file(database)  # 0600 from creation; SQLite gives WAL/SHM the same mode
        engine = create_engine(
            url, echo=echo, connect_args={"check_same_thread": False, "timeout": 30},
            poolclass=NullPool if database in ("", ":memory:") else None,
        )
        _configure_sqlite(engine)
        return engine
    if parsed.drivername in ("postgresql", "postgres"):
        url = parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    _psycopg_keeps_long_queries()
    return create_engine(  # connect_timeout: a database that went away fails probes in seconds, not minutes
        url, echo=echo, pool_pre_ping=True,
        connect_args={"prepare_threshold": PREPARE_ONLY_WHEN_ASKED, "connect_timeout": 10},
    )


# psycopg prepares a statement once it ran this many times on a connection (never, here), or at
# once when the execute asks (``prepare=True``: the relay's hot statements, storage.driver_statements);
# ``None`` would refuse even those
PREPARE_ONLY_WHEN_ASKED = 2**62


def _psycopg_keeps_long_queries() -> None:
    """Let psycopg remember how it rewrote the relay's one long statement (issue 16).

    psycopg turns ``%(name)s`` placeholders into ``$n`` and caches the result only for queries of
    at most 4,096 characters and 50 parameters; the relay's log row + chain head + outbox rows
    statement has ≈ 80, so it was re-parsed for every message (≈ 15 % of the client's CPU per
    message on PostgreSQL). The limits are module constants read at each call; an older or newer
    psycopg without them is left alone.
    """
    try:
        from psycopg import _queries
    except ImportError:
        return
    if hasattr(_queries, "MAX_CACHED_STATEMENT_PARAMS") and hasattr(_queries, "MAX_CACHED_STATEMENT_LENGTH"):
        _queries.MAX_CACHED_STATEMENT_PARAMS = max(_queries.MAX_CACHED_STATEMENT_PARAMS, 400)
        _queries.MAX_CACHED_STATEMENT_LENGTH = max(_queries.MAX_CACHED_STATEMENT_LENGTH, 32_768)


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


MIGRATION_LOCK = 0x6D656E746F72  # "mentor": the PostgreSQL advisory lock `mentorbot migrate` holds


class SchemaNotCurrent(RuntimeError):
    """The database's schema is not the one this mentorbot needs (and it was told not to migrate)."""


def _alembic_config():  # type: ignore[no-untyped-def]
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def upgrade(engine: Engine, revision: str = "heads") -> bool:
    """Bring the schema to ``revision`` (default: all branch heads) with Alembic; True if it changed.

    On PostgreSQL the upgrade holds an advisory lock, so two ``mentorbot migrate`` started at once
    (two deploy jobs, say) run one after the other instead of racing over the same tables. On SQLite
    foreign keys are off while batch migrations rebuild tables, and checked before the commit; a
    change is followed by a WAL checkpoint that empties the WAL file, so rows a migration rewrote
    (plaintext sealed by enc_0001) are not left behind in it.
    """
    from alembic import command
    from alembic.migration import MigrationContext

    config = _alembic_config()
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:  # before the transaction: the pragma is a no-op inside one
            _sqlite_foreign_keys(connection, on=False)
        try:
            with connection.begin():
                if connection.dialect.name == "postgresql":
                    connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
                before = set(MigrationContext.configure(connection).get_current_heads())
                config.attributes["connection"] = connection
                command.upgrade(config, revision)
                changed = set(MigrationContext.configure(connection).get_current_heads()) != before
                _roster_triggers(connection)
                if sqlite and changed:  # only a migration's own work: rows removed by hand are audit's
                    _check_foreign_keys(connection)
        finally:
            if sqlite:
                _sqlite_foreign_keys(connection, on=True)
    if changed and sqlite:
        _checkpoint_wal(engine)
    return changed


def _roster_triggers(connection: Connection) -> None:
    """Put back any roster-generation trigger a migration's table rebuild dropped (SQLite batch
    migrations recreate tables without their triggers; ``storage.roster_generation``)."""
    from sqlalchemy import inspect

    from storage.roster_generation import ensure_triggers

    if inspect(connection).has_table("roster_generation"):
        ensure_triggers(connection)


def _checkpoint_wal(engine: Engine) -> None:
    raw = engine.raw_connection()  # autocommit: a checkpoint inside a transaction cannot finish
    try:
        raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        raw.close()


def _sqlite_foreign_keys(connection: Connection, *, on: bool) -> None:
    """SQLite's documented way to change a table's schema (https://sqlite.org/lang_altertable.html):
    foreign keys off while a batch migration copies, drops and renames a table that other tables
    point at (``program`` in ``i12_0002``), then checked before the commit and switched back on."""
    driver = connection.connection.driver_connection
    assert driver is not None
    driver.execute(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")


def _check_foreign_keys(connection: Connection) -> None:
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise RuntimeError(f"the migration left rows pointing at nothing: {broken[:5]}")


def revisions(engine: Engine) -> tuple[set[str], set[str]]:
    """(the revisions the database is at, the revisions this mentorbot's code needs)."""
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    heads = set(ScriptDirectory.from_config(_alembic_config()).get_heads())
    with engine.connect() as connection:
        current = set(MigrationContext.configure(connection).get_current_heads())
    return current, heads


def check_current(engine: Engine) -> None:
    """Raise ``SchemaNotCurrent`` unless the schema is exactly what the code needs."""
    current, heads = revisions(engine)
    if current == heads:
        return
    at = ", ".join(sorted(current)) or "nothing (an empty database)"
    if current - heads and not heads - current:
        raise SchemaNotCurrent(f"the database schema ({at}) is newer than this mentorbot "
                               f"({', '.join(sorted(heads))}): upgrade mentorbot on this machine")
    needs = ", ".join(sorted(heads))
    raise SchemaNotCurrent(f"the database schema is at {at}; this mentorbot needs {needs}. "
                           "Run `mentorbot migrate` once (one process, before starting the others), "
                           "or set MIGRATE_ON_START=true for a single process.")


def open_database(url: str, *, migrate: bool | None = None, keyring: KeyRing | None = None) -> Engine:
    """An engine on ``url`` whose schema is what this code needs, refusing a key ring that cannot open it.

    ``migrate``: True upgrades it; False only checks (``SchemaNotCurrent`` if it is behind or
    ahead); None decides by database — SQLite (one process) upgrades, PostgreSQL (possibly several
    replicas, which must never race to migrate) only checks: ``mentorbot migrate`` upgrades it.
    ``keyring``: this engine's ring (else the process-wide one, ``storage.encryption.install_keyring``).
    """
    engine = make_engine(url, keyring=keyring)
    if migrate is None:
        migrate = is_sqlite(url)
    if migrate:
        upgrade(engine)
    else:
        check_current(engine)
    from storage.key_check import check_keys

    check_keys(engine)
    return engine
