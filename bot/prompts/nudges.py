"""Keeping in touch: a friendly nudge to a quiet match, then a flag for the coordinator, never nagging.

A match is quiet when nobody has written in it for ``nudge_after_days`` (default 21). Its quiet
period is keyed by the moment it went quiet (the last message, or the match's start), so it gets
one nudge per quiet period (UNIQUE (match, quiet_since)); if it is still quiet ``flag_after_days``
after the nudge, the coordinator gets an alert once, and the match is not nudged again until
someone writes and a new quiet period begins.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, time

from sqlalchemy import Engine, func, update
from sqlmodel import Session, col, select

from bot.prompts.compose import first_name, join_names
from bot.prompts.plan import MatchInfo, load_matches
from bot.prompts.schedule import Schedule, local_instant
from bot.prompts.weekly import _schedules, insert_deliveries, outbox_row
from bot.relay.pipeline import review_channel
from storage import outbox
from storage.bulk import append_log_rows, insert_ignore, lock_head
from storage.clock import as_utc
from storage.models import Alert, Match, MessageLog, Program, SupervisedChannel
from storage.models_prompts import Nudge

logger = logging.getLogger(__name__)

POLITE_HOURS = (time(9, 0), time(17, 0))  # nudges go out on school days in these local hours
NUDGE_TEXT = (
    "Hi {names}! This channel has been quiet for {days} days. A quick hello, a question about "
    "this week's prompt, or an update on school or work is plenty to keep in touch. 🙂"
)


@dataclass(slots=True)
class NudgeReport:
    nudged: list[str] = field(default_factory=list)  # match keys
    flagged: list[str] = field(default_factory=list)

    @property
    def deliveries(self) -> int:
        return len(self.nudged) + len(self.flagged)


def polite(schedule: Schedule, now: datetime) -> bool:
    local = schedule.local(now)
    return local.weekday() < 5 and POLITE_HOURS[0] <= local.time() < POLITE_HOURS[1]


def nudge_quiet_matches(engine: Engine, now: datetime, *, program_id: str | None = None) -> NudgeReport:
    """Nudge matches quiet for too long, flag those still quiet after their nudge. Idempotent."""
    now = as_utc(now)
    report = NudgeReport()
    for program, schedule in _schedules(engine, program_id):
        if (
            not schedule.enabled
            or not polite(schedule, now)
            or not schedule.in_term(schedule.local(now).date())
        ):
            continue
        _program_nudges(engine, program, schedule, now, report)
    return report


def quiet_periods(session: Session, schedule: Schedule, matches: list[MatchInfo]) -> dict[int, datetime]:
    """Each match's last contact: its newest human message, else when it started."""
    ids = [m.id for m in matches]
    last = dict(
        session.exec(
            select(MessageLog.match_id, func.max(MessageLog.sent_at))
            .where(
                MessageLog.program_id == schedule.program_id,
                col(MessageLog.kind).in_(["message", "edit"]),
                col(MessageLog.match_id).in_(ids),
            )
            .group_by(MessageLog.match_id)
        ).all()
    )
    started = dict(session.exec(select(Match.id, Match.started_on).where(col(Match.id).in_(ids))).all())
    linked = dict(
        session.exec(
            select(SupervisedChannel.match_id, func.min(SupervisedChannel.linked_at))
            .where(col(SupervisedChannel.match_id).in_(ids))
            .group_by(SupervisedChannel.match_id)
        ).all()
    )
    out: dict[int, datetime] = {}
    for match_id in ids:
        if last.get(match_id) is not None:
            out[match_id] = as_utc(last[match_id])
        elif started.get(match_id) is not None:
            out[match_id] = local_instant(started[match_id], time(0, 0), schedule.zone)
        elif linked.get(match_id) is not None:
            out[match_id] = as_utc(linked[match_id])
    return out


def _program_nudges(
    engine: Engine, program: Program, schedule: Schedule, now: datetime, report: NudgeReport
) -> None:
    with Session(engine) as session:
        head = lock_head(session, program.id)
        matches = [m for m in load_matches(session, program.id) if not m.prompts_paused and m.channels]
        quiet = quiet_periods(session, schedule, matches)
        nudges = {
            (n.match_id, as_utc(n.quiet_since)): n
            for n in session.exec(select(Nudge).where(Nudge.program_id == program.id))
        }
        to_nudge, to_flag = [], []
        for match in matches:
            since = quiet.get(match.id)
            if since is None or now - since < schedule.nudge_after:
                continue
            nudge = nudges.get((match.id, since))
            if nudge is None:
                to_nudge.append((match, since))
            elif nudge.state == "nudged" and now - as_utc(nudge.nudged_at) >= schedule.flag_after:
                to_flag.append((match, nudge))
        logs, sent = [], []
        for match, since in to_nudge:
            inserted = (
                session.execute(
                    insert_ignore(session, Nudge.__table__, index=["match_id", "quiet_since"]).returning(  # type: ignore[attr-defined]
                        Nudge.__table__.c.id
                    ),  # type: ignore[attr-defined]
                    [
                        {
                            "program_id": program.id,
                            "match_id": match.id,
                            "quiet_since": since,
                            "nudged_at": now,
                            "state": "nudged",
                            "flagged_at": None,
                            "alert_id": None,
                        }
                    ],
                )
                .scalars()
                .all()
            )
            if not inserted:
                continue
            days = (now - since).days
            text = NUDGE_TEXT.format(
                names=join_names([first_name(n) for n in match.mentors + match.students]), days=days
            )
            logs.append(
                {
                    "program_id": program.id,
                    "kind": "nudge",
                    "match_id": match.id,
                    "platform": "mentorbot",
                    "workspace": program.id,
                    "channel": match.key,
                    "platform_message_id": f"nudge:{inserted[0]}",
                    "dedupe_key": f"nudge:{inserted[0]}",
                    "sender_platform_id": "mentorbot",
                    "sender_name": "mentorbot",
                    "sender_role": "system",
                    "text": text,
                    "sent_at": now,
                    "received_at": now,
                    "decision": "allow",
                }
            )
            sent.append((match, inserted[0], text))
        ids = append_log_rows(session, head, logs)
        insert_deliveries(
            session,
            [
                outbox_row(
                    "nudge",
                    key=f"nudge:{nudge_id}:{ref}",
                    program_id=program.id,
                    message_id=message_id,
                    ref=ref,
                    text=text,
                    now=now,
                )
                for (match, nudge_id, text), message_id in zip(sent, ids, strict=True)
                for _id, ref in match.channels
            ],
        )
        report.nudged += [match.key for match, _, _ in sent]
        for match, nudge in to_flag:
            if _flag(session, program, match, nudge, now):
                report.flagged.append(match.key)
        session.commit()
    if report.nudged or report.flagged:
        logger.info("=> %s: nudged %s; flagged %s", schedule.program_id, report.nudged, report.flagged)


def _flag(session: Session, program: Program, match: MatchInfo, nudge: Nudge, now: datetime) -> bool:
    moved = session.execute(
        update(Nudge)
        .where(Nudge.id == nudge.id, Nudge.state == "nudged")  # type: ignore[arg-type]
        .values(state="flagged", flagged_at=now)
    ).rowcount
    if not moved:
        return False
    since = as_utc(nudge.quiet_since).date()
    summary = (
        f"Match {match.key} has been quiet since {since:%a %d %b}: nudged on "
        f"{as_utc(nudge.nudged_at):%a %d %b} and still no message. Check in with the pair?"
    )
    alert = Alert(
        program_id=program.id,
        kind="quiet_match",
        urgent=False,
        match_id=match.id,
        summary=summary,
        created_at=now,
    )
    session.add(alert)
    session.flush()
    session.execute(update(Nudge).where(Nudge.id == nudge.id).values(alert_id=alert.id))  # type: ignore[arg-type]
    channel = review_channel(program)
    if channel is not None:
        session.add(
            outbox.review_card(
                program_id=program.id,
                channel=channel,
                now=now,
                alert_id=alert.id,
                text=f"ALERT (quiet_match): {summary}",
            )
        )
    return True
