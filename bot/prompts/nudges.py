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

from sqlalchemy import Engine
from sqlmodel import Session

from bot.alerts import raise_alert
from bot.prompts.compose import first_name, join_names
from bot.prompts.plan import MatchInfo, load_matches
from bot.prompts.schedule import Schedule, local_instant, schedules
from storage import outbox, prompt_repo
from storage.chain_bulk import append_log_rows, lock_head
from storage.clock import as_utc
from storage.models import Program
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
    for program, schedule in schedules(engine, program_id):
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
    last, started, linked = prompt_repo.last_contacts(session, schedule.program_id, ids)
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
        to_nudge, to_flag = _due(session, program, schedule, now)
        sent = _nudge(session, program, head, to_nudge, now)
        report.nudged += [match.key for match, _, _ in sent]
        for match, nudge in to_flag:
            if _flag(session, program, match, nudge, now):
                report.flagged.append(match.key)
        session.commit()
    if report.nudged or report.flagged:
        logger.info("=> %s: nudged %s; flagged %s", schedule.program_id, report.nudged, report.flagged)


def _due(session: Session, program: Program, schedule: Schedule, now: datetime
         ) -> tuple[list[tuple[MatchInfo, datetime]], list[tuple[MatchInfo, Nudge]]]:
    """Matches quiet long enough for a nudge, and nudged matches still quiet long enough for a flag."""
    matches = [m for m in load_matches(session, program.id) if not m.prompts_paused and m.channels]
    quiet = quiet_periods(session, schedule, matches)
    nudges = {(n.match_id, as_utc(n.quiet_since)): n for n in prompt_repo.nudges_of(session, program.id)}
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
    return to_nudge, to_flag


def _nudge(session: Session, program: Program, head, to_nudge: list[tuple[MatchInfo, datetime]],  # type: ignore[no-untyped-def]
           now: datetime) -> list[tuple[MatchInfo, int, str]]:
    """One nudge per quiet period: its row, its log row (chained) and one outbox row per channel."""
    logs, sent = [], []
    for match, since in to_nudge:
        nudge_id = prompt_repo.insert_nudge(session, program.id, match.id, since, now)
        if nudge_id is None:
            continue
        names = join_names([first_name(n) for n in match.mentors + match.students])
        text = NUDGE_TEXT.format(names=names, days=(now - since).days)
        logs.append({
            "program_id": program.id, "kind": "nudge", "match_id": match.id, "platform": "mentorbot",
            "workspace": program.id, "channel": match.key, "platform_message_id": f"nudge:{nudge_id}",
            "dedupe_key": f"nudge:{nudge_id}", "sender_platform_id": "mentorbot", "sender_name": "mentorbot",
            "sender_role": "system", "text": text, "sent_at": now, "received_at": now, "decision": "allow",
        })
        sent.append((match, nudge_id, text))
    ids = append_log_rows(session, head, logs)
    rows = [outbox.own_columns(key=f"nudge:{nudge_id}:{ref}", channel=ref, text=text, message_id=message_id)
            for (match, nudge_id, text), message_id in zip(sent, ids, strict=True)
            for _id, ref in match.channels]
    outbox.insert_batch(session, rows, shared=outbox.shared_columns("nudge", program_id=program.id, now=now,
                                                                    sender_name="mentorbot"))
    return sent


def _flag(session: Session, program: Program, match: MatchInfo, nudge: Nudge, now: datetime) -> bool:
    if not prompt_repo.flag_nudge(session, nudge.id, now):  # type: ignore[arg-type]
        return False
    since = as_utc(nudge.quiet_since).date()
    summary = (
        f"Match {match.key} has been quiet since {since:%a %d %b}: nudged on "
        f"{as_utc(nudge.nudged_at):%a %d %b} and still no message. Check in with the pair?"
    )
    alert = raise_alert(session, program=program, kind="quiet_match", urgent=False, now=now,
                        match_id=match.id, summary=summary)
    prompt_repo.set_nudge_alert(session, nudge.id, alert.id)  # type: ignore[arg-type]
    return True
