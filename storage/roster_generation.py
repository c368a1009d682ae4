"""The roster's generation: one number that every change to the facts the relay caches moves.

The relay keeps the roster facts it reads for every message (which match a channel belongs to,
the match's status, the program's settings, who a platform account is, their role, records and
consent) in memory between messages (``bot.relay.roster_facts``). A stale fact there is a safety
bug: a paused match or a withdrawn permission form must take effect with the next message, in
every process sharing the database. So the database itself counts changes: a trigger on each
table those facts come from adds one to ``roster_generation.value`` in the same transaction as
the change (whoever writes it: an import, the desk, the CLI, a migration, an operator in psql),
and the relay reads the value in the statement it runs anyway for every message (``probe``). Facts
cached under another value are thrown away and read again.

Triggers rather than application code: no write path can forget them. One counter for the whole
database rather than one per program: a change anywhere makes every process re-read the roster of
the programs it serves on their next message (a handful of statements, rarely: roster changes are
rare next to messages), and the triggers need no program lookup. ``installed`` tells the relay
whether every trigger is there (a table rebuilt by a later migration would lose its triggers): if
not, it reads the roster for every message as before. ``storage.db.upgrade`` puts missing triggers
back after every upgrade; a restored backup moves the number by a random leap (``leap``), so a
process still holding facts from before the restore never finds its number again.
"""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import Connection, bindparam, exists, func, literal, select, text

from storage import driver_statements
from storage.models import MessageLog, UnroutedEvent
from storage.models_conversation import ConversationScore
from storage.models_ops import RosterGeneration

# Every table a cached roster fact is read from (bot.relay.roster_facts)
ROSTER_TABLES = ("program", "person", "identity", "match", "matchmember", "supervisedchannel",
                 "training_module", "training_record", "consent_form")
_OPERATIONS = ("insert", "update", "delete")
_BUMP = "UPDATE roster_generation SET value = value + 1 WHERE id = 1"
_FUNCTION = "roster_generation_bump"


def trigger_names(dialect: str) -> list[str]:
    if dialect == "postgresql":
        return [f"roster_gen_{table}" for table in ROSTER_TABLES]
    return [f"roster_gen_{table}_{op}" for table in ROSTER_TABLES for op in _OPERATIONS]


def _create_statements(dialect: str) -> dict[str, str]:
    """Trigger name → its CREATE statement (PostgreSQL: once per statement, TRUNCATE included)."""
    if dialect == "postgresql":
        return {f"roster_gen_{table}": (
            f"CREATE TRIGGER roster_gen_{table} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {_FUNCTION}()") for table in ROSTER_TABLES}
    return {f"roster_gen_{table}_{op}": (
        f'CREATE TRIGGER IF NOT EXISTS roster_gen_{table}_{op} AFTER {op.upper()} ON "{table}" '
        f"BEGIN {_BUMP}; END") for table in ROSTER_TABLES for op in _OPERATIONS}


def _existing(connection: Connection) -> set[str]:
    if connection.dialect.name == "postgresql":
        query = "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgname LIKE 'roster_gen_%'"
    else:
        query = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'roster_gen_%'"
    return {name for (name,) in connection.execute(text(query))}


def ensure_triggers(connection: Connection) -> list[str]:
    """Create the counter's row and every missing trigger (idempotent); the names created."""
    dialect = connection.dialect.name
    if dialect == "postgresql":
        connection.execute(text(
            f"CREATE OR REPLACE FUNCTION {_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN {_BUMP}; RETURN NULL; END $$"))
    have = connection.execute(select(RosterGeneration.id).where(RosterGeneration.id == 1)).first()
    if have is None:
        connection.execute(RosterGeneration.__table__.insert().values(id=1, value=0))  # type: ignore[attr-defined]
    missing = {name: ddl for name, ddl in _create_statements(dialect).items()
               if name not in _existing(connection)}
    for ddl in missing.values():
        connection.execute(text(ddl))
    return sorted(missing)


def drop_triggers(connection: Connection) -> None:
    """Undo ``ensure_triggers`` (the migration's downgrade)."""
    for name in trigger_names(connection.dialect.name):
        if connection.dialect.name == "postgresql":
            connection.execute(text(f"DROP TRIGGER IF EXISTS {name} ON {name.removeprefix('roster_gen_')}"))
        else:
            connection.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
    if connection.dialect.name == "postgresql":
        connection.execute(text(f"DROP FUNCTION IF EXISTS {_FUNCTION}()"))


def leap(connection: Connection) -> None:
    """Move the counter far, at random (a restored backup): its old value may equal one a running
    process cached facts under, with other facts behind it; no process can hold the new one."""
    jump = 1 + secrets.randbelow(2**40)
    connection.execute(text("UPDATE roster_generation SET value = value + :jump WHERE id = 1"),
                       {"jump": jump})


def installed(connection: Connection) -> bool:
    """Every trigger is in place (else cached roster facts could go stale unnoticed)."""
    return set(trigger_names(connection.dialect.name)) <= _existing(connection)


class Probe(NamedTuple):
    """What the relay reads first for every message, in one statement."""

    generation: int  # roster_generation.value now
    seen: bool  # the event was recorded before (relay_repo.seen_event)
    recent: int  # the sender's messages since ``since`` (the policy's flood count; 0 without a sender)
    scored: bool  # the sender has a conversation_score row in the match
    bumped: tuple[int, str, int] | None = None  # the message chain's head, taken: seq, previous hash, id


_GENERATION = select(RosterGeneration.value).where(RosterGeneration.id == 1).scalar_subquery()
_SEEN = (exists().where(MessageLog.dedupe_key == bindparam("key"))
         | exists().where(UnroutedEvent.dedupe_key == bindparam("key")))
_RECENT = (select(func.count()).select_from(MessageLog)
           .where(MessageLog.sender_person_id == bindparam("person"),
                  MessageLog.received_at >= bindparam("since"), MessageLog.kind == "message")
           .scalar_subquery())
_SCORED = exists().where(ConversationScore.match_id == bindparam("match"),
                         ConversationScore.person_id == bindparam("person"))
_PROBE = select(func.coalesce(_GENERATION, literal(-1)), _SEEN, _RECENT, _SCORED)
_PROBE_BUMPING: list = []


def _probe_bumping():  # type: ignore[no-untyped-def]
    """``_PROBE`` that also takes the program's message-chain head (PostgreSQL: the bump as a
    data-modifying CTE, run once whether or not the head exists; SQLite has no DML in WITH)."""
    if not _PROBE_BUMPING:
        from storage.chain import bump_statement

        bumped = bump_statement("postgresql", "message").cte("bumped")
        _PROBE_BUMPING.append(select(
            func.coalesce(_GENERATION, literal(-1)), _SEEN, _RECENT, _SCORED,
            select(bumped.c.last_seq).scalar_subquery(), select(bumped.c.last_hash).scalar_subquery(),
            select(bumped.c.next_id).scalar_subquery()))
    return _PROBE_BUMPING[0]


def probe(connection: Connection, *, dedupe_key: str, person_id: int | None, match_id: int | None,
          since: datetime, bump_program: str | None = None) -> Probe:
    """The generation, the dedupe check, the flood count and whether a conversation state exists:
    one statement built once (Core: no ORM objects), indexed look-ups only.

    ``bump_program`` (PostgreSQL only): also take the next place in that program's message chain
    (``storage.chain.bump_statement``), one round trip less for a caller sure to append one row
    there in this transaction — or to roll it back (a duplicate, facts that changed), since the
    head stays locked and bumped until the transaction ends.
    """
    params = {"key": dedupe_key, "person": person_id, "since": since, "match": match_id}
    bumping = bump_program is not None and connection.dialect.name == "postgresql"
    statement = _probe_bumping() if bumping else _PROBE
    if bumping:
        params.update(p=bump_program, s="message")
    if driver_statements.usable(connection):  # on the DBAPI cursor, compiled once
        found, = driver_statements.execute(connection, statement, params)
    else:
        found = connection.execute(statement, params).one()
    if not bumping:
        generation, seen, recent, scored = found
        return Probe(int(generation), bool(seen), int(recent), bool(scored))
    bumped = (int(found[4]), found[5], int(found[6])) if found[4] is not None else None
    return Probe(int(found[0]), bool(found[1]), int(found[2]), bool(found[3]), bumped)
