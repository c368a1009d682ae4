"""Full-text search over a program's message log, shaped for speed on SQLite FTS5 and PostgreSQL.

The query shape matters more than the engine (issue 7, measured at 10M messages):

- SQLite: the FTS5 table ``message_fts`` (migration web_0001) indexes the text *and* a ``scope``
  column of tokens naming the program, match, sender, decision and kind. Every filter is one more
  token in the MATCH expression, so FTS5 answers "newest 50 in this match containing X" alone,
  newest first by rowid; the rows are fetched afterwards by primary key. Joining FTS5 to
  message_log in one statement lets the planner pick a slow plan (8–40 ms at 10M).
- PostgreSQL: a ``MATERIALIZED`` CTE takes the newest rows of the match / sender / program through
  a btree index first and only then tests ``search_doc @@ query`` on them, widening the window
  when too few hit; program-wide, a rare word falls back to the GIN index restricted to older ids.
  A plain ``WHERE search_doc @@ q ORDER BY id DESC LIMIT 50`` bitmap-scans every hit of a
  common word (1.35 s at 10M). Statements are never prepared (``prepare_threshold=None`` in
  storage/db.py) so no generic plan replaces these shapes.

Callers pass the program id from ``bot.web.scope.ProgramScope``; nothing here widens it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import text
from sqlmodel import Session, col, select

from storage.clock import as_utc
from storage.models import Match, MessageLog

PAGE = 50
WINDOWS = (400, 4000)  # PostgreSQL: newest rows tested before widening (then: all / GIN)
DECISIONS = ("allow", "hold", "block", "retract", "not_relayed")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_MAX_TERMS = 8


@dataclass(frozen=True, slots=True)
class SearchFilters:
    """What a coordinator asked for; ids are already checked to belong to the program."""

    text: str = ""
    match_id: int | None = None
    person_id: int | None = None  # messages sent by this person
    decision: str | None = None
    since: datetime | None = None
    until: datetime | None = None

    @property
    def terms(self) -> list[str]:
        return [t.lower() for t in _WORD.findall(self.text)][:_MAX_TERMS]


@dataclass(frozen=True, slots=True)
class SearchHit:
    id: int
    match_key: str | None
    kind: str
    sender: str
    role: str
    text: str
    decision: str
    alert: bool
    sent_at: datetime
    original_id: int | None


def search_messages(session: Session, program_id: str, filters: SearchFilters, *, limit: int = PAGE,
                    before_id: int | None = None) -> list[SearchHit]:
    """The newest ``limit`` messages of the program that match, newest first."""
    ids = search_ids(session, program_id, filters, limit=limit, before_id=before_id)
    return load_hits(session, program_id, ids)


def search_ids(session: Session, program_id: str, filters: SearchFilters, *, limit: int = PAGE,
               before_id: int | None = None) -> list[int]:
    if filters.decision is not None and filters.decision not in DECISIONS:
        return []
    if session.get_bind().dialect.name == "sqlite":
        return _sqlite_ids(session, program_id, filters, limit, before_id)
    return _postgres_ids(session, program_id, filters, limit, before_id)


def load_hits(session: Session, program_id: str, ids: list[int]) -> list[SearchHit]:
    if not ids:
        return []
    rows = session.exec(
        select(MessageLog, Match.key)
        .join(Match, col(Match.id) == col(MessageLog.match_id), isouter=True)
        .where(col(MessageLog.id).in_(ids), MessageLog.program_id == program_id)
    )
    found = {m.id: SearchHit(m.id, key, m.kind, m.sender_name, m.sender_role or "", m.text,  # type: ignore[arg-type]
                             m.decision, m.alert, as_utc(m.sent_at), m.original_id)
             for m, key in rows}
    return [found[i] for i in ids if i in found]


# -- SQLite: FTS5 with scope tokens -----------------------------------------------------------------


def scope_tokens(program_id: str, filters: SearchFilters) -> list[str]:
    """Tokens the migration's triggers put in the ``scope`` column (see web_0001).

    A match or person id already names one program (the scope checked it belongs to this one, and
    ``load_hits`` checks every row again), so the program's token — whose doclist holds every row
    of the program — is only used program-wide: ANDing it in made filtered queries 2-3x slower.
    """
    tokens = []
    if filters.match_id is not None:
        tokens.append(f"m{filters.match_id}")
    if filters.person_id is not None:
        tokens.append(f"u{filters.person_id}")
    if not tokens:
        tokens.append("g" + program_id.encode("utf-8").hex())
    if filters.decision:
        tokens.append("d" + filters.decision.replace("_", ""))
    return tokens


def fts5_query(program_id: str, filters: SearchFilters) -> str:
    """A MATCH expression: every word quoted (no operator injection), scope tokens by column."""
    parts = [f"scope:{token}" for token in scope_tokens(program_id, filters)]
    parts += ['body:"' + term.replace('"', '""') + '"' for term in filters.terms]
    return " AND ".join(parts)


def _sqlite_ids(session: Session, program_id: str, filters: SearchFilters, limit: int,
                before_id: int | None) -> list[int]:
    query = fts5_query(program_id, filters)
    dated = filters.since is not None or filters.until is not None
    batch = limit if not dated else max(limit * 4, 200)
    found: list[int] = []
    cursor = before_id
    while len(found) < limit:
        bound = "AND rowid < :before " if cursor is not None else ""
        ids = [r[0] for r in session.execute(
            text(f"SELECT rowid FROM message_fts WHERE message_fts MATCH :q {bound}"
                 "ORDER BY rowid DESC LIMIT :n"),
            {"q": query, "before": cursor, "n": batch})]
        if not ids:
            break
        found += _in_period(session, ids, filters) if dated else ids
        if len(ids) < batch:
            break
        cursor = ids[-1]
    return found[:limit]


def _in_period(session: Session, ids: list[int], filters: SearchFilters) -> list[int]:
    query = select(MessageLog.id).where(col(MessageLog.id).in_(ids))
    if filters.since is not None:
        query = query.where(MessageLog.sent_at >= as_utc(filters.since))
    if filters.until is not None:
        query = query.where(MessageLog.sent_at < as_utc(filters.until))
    keep = set(session.exec(query))
    return [i for i in ids if i in keep]


# -- PostgreSQL: btree first, then the tsvector test; GIN for rare words program-wide ------------


def _postgres_ids(session: Session, program_id: str, filters: SearchFilters, limit: int,
                  before_id: int | None) -> list[int]:
    where = ["program_id = :program"]
    params: dict[str, object] = {"program": program_id, "limit": limit}
    if filters.match_id is not None:
        where.append("match_id = :match")
        params["match"] = filters.match_id
    if filters.person_id is not None:
        where.append("sender_person_id = :person")
        params["person"] = filters.person_id
    if filters.decision:
        where.append("decision = :decision")
        params["decision"] = filters.decision
    if filters.since is not None:
        where.append("sent_at >= :since")
        params["since"] = as_utc(filters.since)
    if filters.until is not None:
        where.append("sent_at < :until")
        params["until"] = as_utc(filters.until)
    if before_id is not None:
        where.append("id < :before")
        params["before"] = before_id
    base = " AND ".join(where)
    terms = filters.terms
    if not terms:
        return [r[0] for r in session.execute(
            text(f"SELECT id FROM message_log WHERE {base} ORDER BY id DESC LIMIT :limit"), params)]
    params["tsq"] = " & ".join("'" + t.replace("'", "''") + "'" for t in terms)
    narrow = filters.match_id is not None or filters.person_id is not None
    floor: int | None = None
    for window in WINDOWS:
        found, seen, oldest = session.execute(text(
            f"WITH recent AS MATERIALIZED (SELECT id, search_doc FROM message_log WHERE {base} "
            "ORDER BY id DESC LIMIT :window) "
            "SELECT array(SELECT id FROM recent WHERE search_doc @@ CAST(:tsq AS tsquery) "
            "ORDER BY id DESC LIMIT :limit), count(*), min(id) FROM recent"),
            {**params, "window": window}).one()
        hits = list(found)
        if len(hits) >= limit or seen < window:
            return hits[:limit]
        floor = oldest
    if narrow:  # one match or one sender: test every remaining row of it, btree-first
        rest = session.execute(text(
            f"WITH mine AS MATERIALIZED (SELECT id, search_doc FROM message_log WHERE {base} "
            "AND id < :floor) "
            "SELECT id FROM mine WHERE search_doc @@ CAST(:tsq AS tsquery) "
            "ORDER BY id DESC LIMIT :limit"), {**params, "floor": floor})
    else:  # program-wide and rare: the GIN index finds the few older hits
        rest = session.execute(text(
            "WITH found AS MATERIALIZED (SELECT id FROM message_log "
            f"WHERE search_doc @@ CAST(:tsq AS tsquery) AND {base} AND id < :floor) "
            "SELECT id FROM found ORDER BY id DESC LIMIT :limit"), {**params, "floor": floor})
    return (hits + [r[0] for r in rest])[:limit]
