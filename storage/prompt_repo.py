"""The queries of weekly prompts, nudges and the digest: what is due, what was posted, who is quiet.

Plain column rows where a fan-out reads thousands of matches (no ORM entities to build); the
``prompt_post`` / ``nudge`` / ``digest_run`` unique keys make every write here insert-or-ignore,
so two processes or a restart never post twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import exists, func, update
from sqlmodel import Session, col, select

from storage.bulk import insert_ignore, insert_many
from storage.clock import as_utc
from storage.models import (
    Alert,
    Delivery,
    Match,
    MatchMember,
    MessageLog,
    Person,
    Program,
    ReviewItem,
    SupervisedChannel,
)
from storage.models_prompts import DigestRun, Nudge, PromptPost, Topic

HUMAN_KINDS = ["message", "edit"]


def programs(session: Session, program_id: str | None = None) -> list[Program]:
    """Every program (or the one asked for), in id order."""
    query = select(Program).order_by(Program.id)
    if program_id:
        query = query.where(Program.id == program_id)
    return list(session.exec(query))


def program_topics(session: Session, program_id: str) -> list[Topic]:
    return list(session.exec(select(Topic).where(Topic.program_id == program_id).order_by(Topic.start_on)))


# -- a program's matches, as plain rows -----------------------------------------------------------


def _scope(program_id: str, statuses: tuple[str, ...], keys: list[str] | None):  # type: ignore[no-untyped-def]
    """The match ids as a subquery (not 10,000 bound parameters)."""
    query = select(Match.id).where(Match.program_id == program_id, col(Match.status).in_(statuses))
    if keys:
        query = query.where(col(Match.key).in_(keys))
    return query.scalar_subquery()


def match_rows(session: Session, program_id: str, statuses: tuple[str, ...], keys: list[str] | None
               ) -> Sequence[Any]:
    """(id, key, status, prompts_paused, grade) of the program's matches, by key."""
    query = select(Match.id, Match.key, Match.status, Match.prompts_paused, Match.grade).where(
        Match.program_id == program_id, col(Match.status).in_(statuses)
    )
    if keys:
        query = query.where(col(Match.key).in_(keys))
    return session.connection().execute(query.order_by(Match.key)).all()


def member_rows(session: Session, program_id: str, statuses: tuple[str, ...], keys: list[str] | None
                ) -> Sequence[Any]:
    """(match id, role, display name, grade) of those matches' members, by match and name (names are
    sealed at rest, so sorted here)."""
    rows = session.connection().execute(
        select(MatchMember.match_id, MatchMember.role, Person.display_name, Person.grade)
        .join(Person, col(Person.id) == col(MatchMember.person_id))
        .where(col(MatchMember.match_id).in_(_scope(program_id, statuses, keys)))
    ).all()
    return sorted(rows, key=lambda row: (row[0], row[2]))


def channel_rows(session: Session, program_id: str, statuses: tuple[str, ...], keys: list[str] | None
                 ) -> Sequence[Any]:
    """(match id, channel id, platform, workspace, channel) of those matches' active channels."""
    return session.connection().execute(
        select(SupervisedChannel.match_id, SupervisedChannel.id, SupervisedChannel.platform,
               SupervisedChannel.workspace, SupervisedChannel.channel)
        .where(col(SupervisedChannel.match_id).in_(_scope(program_id, statuses, keys)),
               SupervisedChannel.active == True)  # noqa: E712
        .order_by(SupervisedChannel.id)
    ).all()


# -- weekly posts ----------------------------------------------------------------------------------


def undecided_count(session: Session, program_id: str, week: date) -> int:
    """Active, unpaused matches without a ``prompt_post`` row for the week."""
    decided = select(PromptPost.match_id).where(PromptPost.program_id == program_id,
                                                PromptPost.week_start == week)
    return session.exec(
        select(func.count()).select_from(Match).where(
            Match.program_id == program_id, Match.status == "active",
            Match.prompts_paused == False,  # noqa: E712
            col(Match.id).not_in(decided),
        )
    ).one()


def decided_weeks(session: Session, program_id: str, weeks: list[date]) -> set[date]:
    """Which of these weeks have any ``prompt_post`` row."""
    return set(session.exec(
        select(PromptPost.week_start)
        .where(PromptPost.program_id == program_id, col(PromptPost.week_start).in_(weeks)).distinct()
    ))


def active_match_count(session: Session, program_id: str) -> int:
    return session.exec(select(func.count()).select_from(Match)
                        .where(Match.program_id == program_id, Match.status == "active")).one()


def insert_posts(session: Session, rows: list[dict[str, Any]], common: dict[str, Any]) -> set[int]:
    """Insert-or-ignore the week's ``prompt_post`` rows; the match ids of the rows actually inserted."""
    inserted = insert_many(session, PromptPost.__table__, rows, common=common,  # type: ignore[attr-defined]
                           ignore_on=["program_id", "match_id", "week_start"], returning=("match_id",))
    return {match_id for (match_id,) in inserted}


def upgrade_missed(session: Session, program_id: str, week: date, now: datetime, match_ids: list[int]
                   ) -> set[int]:
    """Turn ``missed`` rows of these matches into late ``posted`` ones (send-now); their match ids."""
    if not match_ids:
        return set()
    table = PromptPost.__table__  # type: ignore[attr-defined]
    return set(session.execute(
        update(table).where(table.c.program_id == program_id, table.c.week_start == week,
                            table.c.status == "missed", table.c.match_id.in_(match_ids))
        .values(status="posted", via="send-now", decided_at=now, late=True)
        .returning(table.c.match_id)
    ).scalars().all())


# -- nudges ----------------------------------------------------------------------------------------


def last_delivered(session: Session, program_id: str, match_ids: list[int] | None = None,
                   before: datetime | None = None) -> dict[int, datetime]:
    """Per match, when its newest DELIVERED human message was sent: its "last contact".

    A held message never approved, a blocked one, or one still waiting in the outbox is not
    contact (issue 12 item 5): the other side never read it.
    """
    delivered = exists().where(Delivery.message_id == MessageLog.id, Delivery.state == "sent",
                               col(Delivery.kind).in_(["relay", "edit"]))
    query = (select(MessageLog.match_id, func.max(MessageLog.sent_at))
             .where(MessageLog.program_id == program_id, col(MessageLog.kind).in_(HUMAN_KINDS),
                    col(MessageLog.match_id).is_not(None), delivered)
             .group_by(MessageLog.match_id))
    if match_ids is not None:
        query = query.where(col(MessageLog.match_id).in_(match_ids))
    if before is not None:
        query = query.where(MessageLog.sent_at < before)
    return {match_id: as_utc(at) for match_id, at in session.exec(query).all() if at is not None}  # type: ignore[misc]


def last_contacts(session: Session, program_id: str, ids: list[int]
                  ) -> tuple[dict[int, datetime], dict[int, date], dict[int, datetime]]:
    """Per match: its last contact (newest delivered message), its start day, and when its first
    channel was linked."""
    last = last_delivered(session, program_id, ids)
    started = dict(session.exec(select(Match.id, Match.started_on).where(col(Match.id).in_(ids))).all())
    linked = dict(session.exec(
        select(SupervisedChannel.match_id, func.min(SupervisedChannel.linked_at))
        .where(col(SupervisedChannel.match_id).in_(ids)).group_by(SupervisedChannel.match_id)
    ).all())
    return last, started, linked  # type: ignore[return-value]


def nudges_of(session: Session, program_id: str) -> list[Nudge]:
    return list(session.exec(select(Nudge).where(Nudge.program_id == program_id).order_by(Nudge.id)))


def insert_nudge(session: Session, program_id: str, match_id: int, since: datetime, now: datetime
                 ) -> int | None:
    """The new nudge's id, or None when this quiet period already has one."""
    inserted = session.execute(
        insert_ignore(session, Nudge.__table__, index=["match_id", "quiet_since"])  # type: ignore[attr-defined]
        .returning(Nudge.__table__.c.id),  # type: ignore[attr-defined]
        [{"program_id": program_id, "match_id": match_id, "quiet_since": since, "nudged_at": now,
          "state": "nudged", "flagged_at": None, "alert_id": None}],
    ).scalars().all()
    return inserted[0] if inserted else None


def flag_nudge(session: Session, nudge_id: int, now: datetime) -> bool:
    """Move a nudge to ``flagged`` once; False if it was flagged already (another process)."""
    return bool(session.execute(
        update(Nudge).where(Nudge.id == nudge_id, Nudge.state == "nudged")  # type: ignore[arg-type]
        .values(state="flagged", flagged_at=now)
    ).rowcount)


def set_nudge_alert(session: Session, nudge_id: int, alert_id: int) -> None:
    session.execute(update(Nudge).where(Nudge.id == nudge_id).values(alert_id=alert_id))  # type: ignore[arg-type]


# -- the digest ------------------------------------------------------------------------------------


@dataclass(slots=True)
class DigestFacts:
    """What the weekly digest reads, per match id."""

    week_counts: dict[int, int]  # messages sent this week
    last: dict[int, datetime]  # newest delivered human message before the week's end
    posts: dict[int, PromptPost]  # this week's prompt row
    holds: dict[int, int]  # open review items
    alerts: list[Alert]  # raised this week
    nudges: dict[int, Nudge]  # the newest nudge
    answered: set[int]  # a message after this week's prompt
    missed: list[date]  # weeks whose prompt was missed, newest lookback


def digest_facts(session: Session, program_id: str, match_ids: list[int], week: date, begin: datetime,
                 end: datetime, lookback_weeks: int) -> DigestFacts:
    week_counts = dict(session.exec(
        select(MessageLog.match_id, func.count())
        .where(MessageLog.program_id == program_id, MessageLog.kind == "message",
               MessageLog.sent_at >= begin, MessageLog.sent_at < end)
        .group_by(MessageLog.match_id)
    ).all())
    last = last_delivered(session, program_id, before=end)
    posts = {p.match_id: p for p in session.exec(
        select(PromptPost).where(PromptPost.program_id == program_id, PromptPost.week_start == week))}
    holds = dict(session.exec(
        select(ReviewItem.match_id, func.count())
        .where(ReviewItem.program_id == program_id, ReviewItem.state == "open")
        .group_by(ReviewItem.match_id)
    ).all())
    alerts = list(session.exec(select(Alert).where(
        Alert.program_id == program_id, col(Alert.match_id).in_(match_ids),
        Alert.created_at >= begin, Alert.created_at < end)))
    nudges = {nudge.match_id: nudge for nudge in nudges_of(session, program_id)}
    missed = sorted(set(session.exec(select(PromptPost.week_start).where(
        PromptPost.program_id == program_id, PromptPost.status == "missed",
        PromptPost.week_start > week - timedelta(days=7 * lookback_weeks), PromptPost.week_start <= week))))
    return DigestFacts(week_counts, last, posts, holds, alerts, nudges,  # type: ignore[arg-type]
                       _answered(session, posts, end), missed)


def _answered(session: Session, posts: dict[int, PromptPost], end: datetime) -> set[int]:
    posted = {p.match_id: as_utc(p.decided_at) for p in posts.values() if p.status == "posted"}
    if not posted:
        return set()
    first_after = session.exec(
        select(MessageLog.match_id, func.max(MessageLog.sent_at))
        .where(col(MessageLog.match_id).in_(list(posted)), MessageLog.kind == "message",
               MessageLog.sent_at < end)
        .group_by(MessageLog.match_id)
    ).all()
    return {match_id for match_id, at in first_after if at is not None and as_utc(at) > posted[match_id]}


def digest_posted(session: Session, program_id: str, week: date) -> bool:
    return session.exec(select(DigestRun.id).where(DigestRun.program_id == program_id,
                                                   DigestRun.week_start == week)).first() is not None


def insert_digest_run(session: Session, program_id: str, week: date, now: datetime, text: str) -> bool:
    """Record the week's digest once; False if another process recorded it first."""
    table = DigestRun.__table__  # type: ignore[attr-defined]
    inserted = session.execute(
        insert_ignore(session, table, index=["program_id", "week_start"]).returning(table.c.id),
        [{"program_id": program_id, "week_start": week, "posted_at": now, "text": text}],
    ).scalars().all()
    return bool(inserted)
