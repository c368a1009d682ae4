"""The weekly coordinator digest: the state of the program in one glance, printed or posted.

Per match: messages this week, last contact, this week's prompt (answered or not), open holds,
alerts, a mentor's flagged weak signals (the conversation score), nudges and flags; then what
needs attention, including prompt weeks that were missed because mentorbot was not running.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import Engine
from sqlmodel import Session

from bot.alerts import review_channel
from bot.prompts.plan import MatchInfo, load_matches
from bot.prompts.schedule import Schedule, load_schedule, local_instant, schedules
from bot.prompts.weekly import LOOKBACK_WEEKS
from storage import conversation_repo, mail_repo, outbox, prompt_repo
from storage.clock import as_utc
from storage.models import Program
from storage.models_prompts import PromptPost
from storage.prompt_repo import DigestFacts

logger = logging.getLogger(__name__)

QUIET_AFTER = timedelta(days=14)  # as the desk's glance page marks a match "quiet"


@dataclass(slots=True)
class MatchLine:
    key: str
    status: str
    grade: int | None
    messages: int = 0
    last_contact: datetime | None = None
    prompt: str = "-"
    holds: int = 0
    alerts: int = 0
    flagged: int = 0  # a mentor's delivered weak signals this week (the desk's flagged list)
    nudge: str = ""


@dataclass(slots=True)
class Digest:
    program_id: str
    program_name: str
    timezone: str
    week_start: date
    prompt_summary: str
    matches: list[MatchLine] = field(default_factory=list)
    attention: list[str] = field(default_factory=list)


def build_digest(engine: Engine, program_id: str, now: datetime, *, week: date | None = None) -> Digest:
    """The digest of the local week containing ``now`` (or of ``week``)."""
    now = as_utc(now)
    with Session(engine) as session:
        program = session.get(Program, program_id)
        if program is None:
            raise LookupError(f"no program '{program_id}'")
        schedule = load_schedule(session, program)
        week = week or schedule.week_of(now)
        begin = local_instant(week, time(0, 0), schedule.zone)
        end = local_instant(week + timedelta(days=7), time(0, 0), schedule.zone)
        infos = load_matches(session, program_id, statuses=("active", "paused"))
        facts = prompt_repo.digest_facts(session, program_id, [m.id for m in infos], week, begin, end,
                                         LOOKBACK_WEEKS)
        flagged = conversation_repo.flagged_counts(session, program_id, begin, end)
    digest = Digest(program_id=program.id, program_name=program.name, timezone=program.timezone,
                    week_start=week, prompt_summary=_prompt_summary(schedule, week, facts.posts, now))
    alert_counts = Counter(a.match_id for a in facts.alerts)
    for info in infos:
        line = _match_line(info, facts, alert_counts, schedule, digest.attention)
        line.flagged = flagged.get(info.id, 0)
        if line.flagged:
            digest.attention.append(f"{info.key}: {line.flagged} message(s) from a mentor flagged this week "
                                    "(weak signals, delivered) — see Flagged on the desk")
        digest.matches.append(line)
        _silence(info, line, now, schedule, digest.attention)
    for alert in facts.alerts:
        if alert.urgent and alert.acknowledged_at is None:
            digest.attention.append(f"urgent alert not yet acknowledged: {alert.summary}")
    for week_missed in facts.missed:
        digest.attention.append(
            f"the prompt for the week of {week_missed:%d %b} was NOT sent: mentorbot was not running from "
            f"{schedule.local(schedule.post_at(week_missed)):%a %H:%M} until its grace window closed"
            + (" (send it now with `mentorbot prompts send-now`)" if week_missed == week else "")
        )
    return digest


def _match_line(info: MatchInfo, facts: DigestFacts, alert_counts: Counter[int | None], schedule: Schedule,
                attention: list[str]) -> MatchLine:
    """One match's row of the digest; what needs the coordinator's attention goes to ``attention``."""
    line = MatchLine(
        key=info.key,
        status=info.status,
        grade=info.grade,
        messages=facts.week_counts.get(info.id, 0),
        last_contact=as_utc(facts.last[info.id]) if facts.last.get(info.id) else None,
        holds=facts.holds.get(info.id, 0),
        alerts=alert_counts.get(info.id, 0),
    )
    line.prompt = _prompt_state(info.prompts_paused, info.status, facts.posts.get(info.id), facts.answered)
    nudge = facts.nudges.get(info.id)
    if nudge is not None and (line.last_contact is None or line.last_contact <= as_utc(nudge.nudged_at)):
        when = schedule.local(nudge.nudged_at)
        line.nudge = (
            f"FLAGGED (quiet since {schedule.local(nudge.quiet_since):%d %b}, nudged {when:%d %b})"
            if nudge.state == "flagged"
            else f"nudged {when:%a %d %b}"
        )
        if nudge.state == "flagged":
            attention.append(
                f"{info.key}: still quiet after a nudge on {when:%a %d %b} "
                "— worth a check-in with the pair"
            )
    if line.holds:
        attention.append(f"{info.key}: {line.holds} held message(s) waiting for review")
    if not info.channels and info.status == "active":
        attention.append(f"{info.key}: no supervised channel linked, so no prompts reach it")
    return line


def _silence(info: MatchInfo, line: MatchLine, now: datetime, schedule: Schedule,
             attention: list[str]) -> None:
    """An active match that never talked, or has been quiet for a while, needs attention whether or
    not the nudges ran (they only run inside `mentorbot run`)."""
    if info.status != "active" or line.nudge.startswith("FLAGGED"):
        return
    if line.last_contact is None:
        attention.append(f"{info.key}: no message delivered yet — check the pair can reach their "
                         "channels")
    elif now - line.last_contact >= QUIET_AFTER:
        days = (now - line.last_contact).days
        attention.append(f"{info.key}: quiet for {days} days (last delivered message "
                         f"{schedule.local(line.last_contact):%a %d %b}) — worth a check-in")


def _prompt_state(paused: bool, status: str, post: PromptPost | None, answered: set[int]) -> str:
    if post is None:
        if status != "active":
            return f"match {status}"
        return "prompts paused" if paused else "not posted yet"
    if post.status == "posted":
        late = " (late)" if post.late else ""
        return ("answered" if post.match_id in answered else "not answered") + late
    if post.status == "missed":
        return "MISSED (bot down)"
    return f"skipped: {post.reason or 'holiday'}"


def _prompt_summary(schedule: Schedule, week: date, posts: dict[int, PromptPost], now: datetime) -> str:
    when = schedule.local(schedule.post_at(week))
    if not schedule.enabled:
        return "Prompts are switched off for this program."
    if not schedule.in_term(when.date()):
        return "No prompt this week (outside the term)."
    counts = Counter(p.status for p in posts.values())
    if not posts:
        return (
            f"This week's prompt goes out {when:%a %d %b at %H:%M}."
            if schedule.post_at(week) > now
            else "No prompt was posted this week."
        )
    parts = []
    if counts["posted"]:
        late = sum(1 for p in posts.values() if p.status == "posted" and p.late)
        parts.append(
            f"posted to {counts['posted']} match(es) {when:%a %d %b %H:%M}"
            + (f", {late} late" if late else "")
        )
    if counts["skipped"]:
        reasons = sorted({p.reason or "skipped" for p in posts.values() if p.status == "skipped"})
        parts.append(f"skipped for {counts['skipped']} ({'; '.join(reasons)})")
    if counts["missed"]:
        parts.append(f"MISSED for {counts['missed']} (mentorbot was not running)")
    return "This week's prompt: " + ", ".join(parts) + "."


def render(digest: Digest, schedule_zone: str | None = None) -> str:
    """The digest as plain text (fixed-width table, fine in a terminal and a chat code block)."""
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(schedule_zone or digest.timezone)
    lines = [
        f"Weekly digest: {digest.program_name}, week of {digest.week_start:%a %d %b %Y}",
        digest.prompt_summary,
        "",
    ]
    header = (
        f"{'match':<18} {'msgs':>4}  {'last contact':<14} {'prompt':<22} {'holds':>5} {'alerts':>6} "
        f"{'flagged':>7}  nudges"
    )
    lines.append(header)
    for m in digest.matches:
        contact = m.last_contact.astimezone(zone).strftime("%a %d %b") if m.last_contact else "never"
        lines.append(
            f"{m.key[:18]:<18} {m.messages:>4}  {contact:<14} {m.prompt[:22]:<22} {m.holds:>5} "
            f"{m.alerts:>6} {m.flagged:>7}  {m.nudge}".rstrip()
        )
    if not digest.matches:
        lines.append("(no active matches)")
    lines.append("")
    if digest.attention:
        lines.append("Needs attention:")
        lines += [f"- {item}" for item in digest.attention]
    else:
        lines.append("Nothing needs attention this week.")
    return "\n".join(lines)


def post_due_digests(engine: Engine, now: datetime) -> list[str]:
    """Post each program's digest once, on its digest day after its time (same local day)."""
    now = as_utc(now)
    posted = []
    for program, schedule in schedules(engine, None):
        week = schedule.week_of(now)
        due = schedule.digest_at(week)
        channel = review_channel(program)
        if not (due <= now) or schedule.local(now).date() != schedule.local(due).date():
            continue
        with Session(engine) as session:  # no review channel: the digest still goes out by e-mail
            if channel is None and not mail_repo.coordinators_with_email(session, program.id):
                continue
        with Session(engine) as session:
            if prompt_repo.digest_posted(session, program.id, week):
                continue
        text = render(build_digest(engine, program.id, now, week=week))
        with Session(engine) as session:
            if prompt_repo.insert_digest_run(session, program.id, week, now, text):  # e-mailed by bot.mail
                if channel is not None:
                    session.add(outbox.system_post(program_id=program.id, channel=channel, now=now, text=text,
                                                   key=f"digest:{program.id}:{week}"))
                posted.append(program.id)
            session.commit()
    return posted
