"""What needs an e-mail, computed from the database each time (so a restart loses nothing):

- every urgent alert raised in the last day that has not been e-mailed: to the match's
  coordinator (or every coordinator with an address);
- every urgent alert nobody acknowledged within the program's ``escalate_after_minutes``: to the
  program's second contact (roster ``program: escalate_to:``), once;
- every weekly digest recorded in the last two days that has not been e-mailed: to every
  coordinator with an address.

Rows are keyed (purpose, alert or week, recipient), so running the plan twice, or in two
processes, queues each e-mail once. The key names the recipient by their person id, never by
address: it is a plain unique column, and the addresses are sealed at rest (issue 15b).
``mail_failure`` alerts are never e-mailed (no loop).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import Session

from storage import mail_repo
from storage.clock import as_utc
from storage.models import Alert, Match, Person, Program

ALERT_LOOKBACK = timedelta(days=1)  # an alert older than this when e-mail is switched on is not e-mailed
DIGEST_LOOKBACK = timedelta(days=2)
NOT_MAILED = ("mail_failure",)


def plan_due_mail(session: Session, now: datetime, *, desk_url: str) -> int:
    """Queue every e-mail now due (in the caller's transaction); returns how many rows were offered."""
    rows: list[dict[str, Any]] = []
    for alert in mail_repo.alerts_without_mail(session, "alert", now - ALERT_LOOKBACK, skip_kinds=NOT_MAILED):
        program = session.get(Program, alert.program_id)
        assert program is not None
        for person in mail_repo.alert_recipients(session, alert):
            rows.append(_row("alert", program, person, now, alert=alert,
                             subject=_subject("URGENT", alert, session, program),
                             body=_alert_body(session, program, alert, desk_url)))
    for alert in mail_repo.alerts_without_mail(session, "escalation", now - ALERT_LOOKBACK,
                                               unacknowledged=True, skip_kinds=NOT_MAILED):
        program = session.get(Program, alert.program_id)
        assert program is not None
        contact = mail_repo.second_contact(session, program)
        waited = timedelta(minutes=program.escalate_after_minutes)
        if contact is None or as_utc(alert.created_at) + waited > now:
            continue
        late = f"ESCALATED (not acknowledged in {program.escalate_after_minutes} min)"
        rows.append(_row("escalation", program, contact, now, alert=alert,
                         subject=_subject(late, alert, session, program),
                         body=_escalation_body(session, program, alert, desk_url)))
    for run in mail_repo.digests_without_mail(session, now - DIGEST_LOOKBACK):
        program = session.get(Program, run.program_id)
        assert program is not None
        for person in mail_repo.coordinators_with_email(session, program.id):
            rows.append(_row("digest", program, person, now, week=run.week_start,
                             subject=f"[mentorbot] Weekly digest: {program.name}, "
                                     f"week of {run.week_start:%d %b %Y}",
                             body=run.text + f"\n\nThe desk: {desk_url}/\n"))
    mail_repo.add_mail(session, rows)
    return len(rows)


def _row(purpose: str, program: Program, person: Person, now: datetime, *, subject: str, body: str,
         alert: Alert | None = None, week: Any = None) -> dict[str, Any]:
    assert person.id is not None
    return {"key": mail_key(purpose, person.id, alert_id=alert.id if alert else None, program_id=program.id,
                            week=week), "program_id": program.id, "purpose": purpose,
            "alert_id": alert.id if alert else None, "digest_week": week, "to_address": person.email,
            "to_name": person.display_name, "subject": subject[:250], "body": body, "state": "pending",
            "attempts": 0, "next_attempt_at": now, "last_error": None, "created_at": now, "sent_at": None}


def mail_key(purpose: str, person_id: int, *, alert_id: int | None, program_id: str, week: Any) -> str:
    """The exactly-once key of one e-mail: ``alert:alert:12:person-3``,
    ``digest:digest:riverside-ptech:2026-10-12:person-3``.

    No personal data: the recipient is their person id (migration i12r_0001 rewrote the older keys,
    which ended in the address).
    """
    subject_of = f"alert:{alert_id}" if alert_id is not None else f"digest:{program_id}:{week}"
    return f"{purpose}:{subject_of}:person-{person_id}"


def _subject(prefix: str, alert: Alert, session: Session, program: Program) -> str:
    match = session.get(Match, alert.match_id) if alert.match_id else None
    where = f", match {match.key}" if match else ""
    return f"[mentorbot] {prefix} {alert.kind} alert — {program.name}{where}"


def _when(program: Program, at: datetime) -> str:
    return as_utc(at).astimezone(ZoneInfo(program.timezone)).strftime(f"%a %d %b %H:%M ({program.timezone})")


def _alert_body(session: Session, program: Program, alert: Alert, desk_url: str) -> str:
    match = session.get(Match, alert.match_id) if alert.match_id else None
    contact = mail_repo.second_contact(session, program)
    escalation = (f"\nIf nobody acknowledges it within {program.escalate_after_minutes} minutes, it goes to "
                  f"{contact.display_name}.\n" if contact else "")
    return (f"An urgent alert was raised in {program.name} at {_when(program, alert.created_at)}.\n\n"
            f"Kind: {alert.kind}\nMatch: {match.key if match else '-'}\nWhat happened: {alert.summary}\n\n"
            "Open the coordinator desk to read it in context and record what you did "
            "(that acknowledges it):\n"
            f"  {desk_url}/alerts\n{escalation}\n"
            "This e-mail was sent by mentorbot. Please do not forward it: it is about a student.\n")


def _escalation_body(session: Session, program: Program, alert: Alert, desk_url: str) -> str:
    told = ", ".join(p.display_name for p in mail_repo.alert_recipients(session, alert))
    told = told or "nobody (no e-mail address)"
    return (f"Nobody has acknowledged an urgent alert in {program.name} for "
            f"{program.escalate_after_minutes} minutes. You are the program's second contact.\n\n"
            f"Raised: {_when(program, alert.created_at)}\nAlready told: {told}\n"
            f"Kind: {alert.kind}\nWhat happened: {alert.summary}\n\n"
            f"Please make sure someone acts on it and records it at the desk:\n  {desk_url}/alerts\n\n"
            "This e-mail was sent by mentorbot. Please do not forward it: it is about a student.\n")
