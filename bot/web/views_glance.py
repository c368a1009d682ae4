"""The program at a glance: one row per match, the worrying and the quiet ones on top."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session

from bot.web.scope import ProgramScope
from bot.web.views_conversation import Risk, risks
from bot.year.settings import local_today
from bot.year.standing import program_holds
from storage import conversation_repo, desk_repo
from storage.clock import as_utc
from storage.models import Person

QUIET_DAYS = 14
SORTS = ("attention", "match", "model", "status", "last", "month", "holds", "alerts", "risk")


@dataclass
class GlanceRow:
    key: str
    model: str
    status: str
    mentors: list[Person] = field(default_factory=list)
    students: list[Person] = field(default_factory=list)
    last_contact: datetime | None = None
    this_month: int = 0
    open_holds: int = 0
    open_alerts: int = 0
    urgent_alerts: int = 0  # unacknowledged urgent ones: a disclosure ranks above routine holds
    quiet: bool = False
    risk: Risk = field(default_factory=Risk)  # the conversation score now, per direction
    # person id -> the records that are not in order (issue 14); None: judge by the roster's dates
    records: dict[int, str] | None = None

    def _missing(self, role: str) -> list[Person]:
        people = [p for p in self.students + self.mentors if p.role == role]
        if self.records is None:
            return [p for p in people if not (p.consent_received if role == "student" else p.cleared_on)]
        return [p for p in people if p.id in self.records]

    @property
    def consent_missing(self) -> list[Person]:
        """Students (peer mentors included) with no permission form in force for their platform."""
        return self._missing("student")

    @property
    def clearance_missing(self) -> list[Person]:
        """Adult mentors not cleared, or whose clearance or required training is not in order."""
        return self._missing("mentor")

    @property
    def consent_ok(self) -> bool:
        return not self.consent_missing

    @property
    def clearance_ok(self) -> bool:
        return not self.clearance_missing

    @property
    def worrying(self) -> bool:
        return bool(self.open_alerts or self.open_holds or self.status == "paused" or self.risk.level)


@dataclass(frozen=True, slots=True)
class NavCounts:
    holds: int
    alerts: int
    flagged: int = 0  # a mentor's weak signals nobody has looked at yet


def nav_counts(session: Session, scope: ProgramScope) -> NavCounts:
    return NavCounts(desk_repo.open_hold_count(session, scope.program_id),
                     desk_repo.open_alert_count(session, scope.program_id),
                     conversation_repo.unseen_flag_count(session, scope.program_id))


def month_start(now: datetime, timezone: str) -> datetime:
    local = now.astimezone(ZoneInfo(timezone))
    return as_utc(local.replace(day=1, hour=0, minute=0, second=0, microsecond=0))


def glance(scope: ProgramScope, *, sort: str = "attention", descending: bool = False,
           ) -> tuple[list[GlanceRow], NavCounts]:
    """Every match of the program with its state; the view is audited before it is returned."""
    now = scope.now()
    with scope.session() as session:
        program = scope.program(session)
        matches = desk_repo.matches(session, scope.program_id)
        rows = {m.id: GlanceRow(m.key, m.model, m.status) for m in matches}
        for member, person in desk_repo.members_by_name(session, scope.program_id):
            (rows[member.match_id].mentors if member.role == "mentor"
             else rows[member.match_id].students).append(person)
        for match_id, sent_at in desk_repo.last_contact(session, scope.program_id).items():
            rows[match_id].last_contact = as_utc(sent_at)
        since = month_start(now, program.timezone)
        for match_id, count in desk_repo.messages_since(session, scope.program_id, since).items():
            rows[match_id].this_month = count
        for match_id, count in desk_repo.open_holds_by_match(session, scope.program_id).items():
            rows[match_id].open_holds = count
        for match_id, count in desk_repo.open_alerts_by_match(session, scope.program_id).items():
            rows[match_id].open_alerts = count
        for match_id, count in desk_repo.open_urgent_alerts_by_match(session, scope.program_id).items():
            rows[match_id].urgent_alerts = count
        for match_id, risk in risks(session, scope.program_id, now).items():
            rows[match_id].risk = risk
        records = program_holds(session, scope.program_id, local_today(program, now))
        for row in rows.values():
            row.records = {pid: ", ".join(s.rule for s in states) for pid, states in records.items()
                           if any(p.id == pid for p in row.students + row.mentors)}
            row.quiet = row.status == "active" and (
                row.last_contact is None or now - row.last_contact > timedelta(days=QUIET_DAYS))
        counts = nav_counts(session, scope)
        scope.audit(session, action="glance.view", target=f"program:{scope.program_id}", rows=len(rows))
        session.commit()
    return sort_rows(list(rows.values()), sort, descending), counts


def sort_rows(rows: list[GlanceRow], sort: str, descending: bool) -> list[GlanceRow]:
    """``attention``: urgent alerts, other alerts, a risky conversation score (a pattern hold, then
    rising), holds, paused, then quiet matches (longest silence first), then the rest."""
    never = as_utc(datetime(1970, 1, 1))
    if sort == "attention" or sort not in SORTS:
        rows.sort(key=lambda r: (-r.urgent_alerts, -r.open_alerts, -r.risk.level, -r.open_holds,
                                 r.status != "paused", not r.quiet, -r.risk.top, r.last_contact or never,
                                 r.key))
        return rows
    keys = {
        "match": lambda r: r.key, "model": lambda r: (r.model, r.key), "status": lambda r: (r.status, r.key),
        "last": lambda r: r.last_contact or never, "month": lambda r: r.this_month,
        "holds": lambda r: r.open_holds, "alerts": lambda r: r.open_alerts,
        "risk": lambda r: (r.risk.level, r.risk.top),
    }
    rows.sort(key=keys[sort], reverse=descending)
    return rows

