"""Alerts: raise one and route it to the coordinators' review channel, the delivery-failure hook,
and the unsafe set-up check (adults in a student-side channel, students on the mentor side,
unknown accounts, supervised channels the coordinator cannot see).

An alert is a row plus, when the program has a review channel, a review card in the outbox,
written in the caller's transaction.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime

from sqlmodel import Session

from bot.messages import ChannelRef
from storage import audit, outbox, repo
from storage.models import Alert, Delivery, Match, Program, SupervisedChannel

logger = logging.getLogger(__name__)

ADULT_ROLES = {"mentor", "teacher"}


def review_channel(program: Program) -> ChannelRef | None:
    """The program's coordinator review channel, if one is configured."""
    if program.review_platform and program.review_workspace and program.review_channel:
        return ChannelRef(program.review_platform, program.review_workspace, program.review_channel)
    return None


def raise_alert(session: Session, *, program: Program, kind: str, urgent: bool, summary: str, now: datetime,
                match_id: int | None = None, message_id: int | None = None) -> Alert:
    """Record an alert and queue its card for the review channel (in the caller's transaction)."""
    alert = Alert(program_id=program.id, kind=kind, urgent=urgent, match_id=match_id,
                  message_id=message_id, summary=summary, created_at=now)
    _anchor_new(session, alert, now)
    review_ref = review_channel(program)
    if review_ref:
        session.add(outbox.review_card(program_id=program.id, channel=review_ref, now=now,
                                       text=f"ALERT ({kind}): {summary}", alert_id=alert.id,
                                       message_id=message_id))
    logger.warning("alert %s for program %s: %s", kind, program.id, summary)
    return alert


def _anchor_new(session: Session, alert: Alert, now: datetime) -> None:
    """Add the alert and anchor it in the audit chain, so a later change outside mentorbot shows."""
    session.add(alert)
    session.flush()
    audit.record(session, program_id=alert.program_id, actor="mentorbot", action="alert.raised",
                 target=f"alert:{alert.id}", at=now, subject=alert, detail={"kind": alert.kind})


def delivery_failed(session: Session, delivery: Delivery, error: str, now: datetime) -> None:
    """The delivery worker gave up on a row: tell the coordinator what to check.

    A failed review card or card update raises an alert without a card of its own (the review
    channel itself is what failed).
    """
    program = session.get(Program, delivery.program_id) if delivery.program_id else None
    if program is None:
        return
    summary = (f"Could not deliver a {delivery.kind} to {delivery.platform} channel {delivery.channel}: "
               f"{error}. Check that the bot is still in the channel and its token is valid.")
    if delivery.kind in ("review_card", "review_update"):
        _anchor_new(session, Alert(program_id=program.id, kind="delivery_failure", urgent=True,
                                   summary=summary, created_at=now), now)
    else:
        raise_alert(session, program=program, kind="delivery_failure", urgent=True, now=now,
                    summary=summary, message_id=delivery.message_id)


# -- the unsafe set-up check ---------------------------------------------------------------------


def report_unsafe_setup(session: Session, channel: ChannelRef, user_ids: Iterable[str], *,
                        coordinator_can_see: bool, now: datetime) -> int:
    """Alert once per new finding about who can read a supervised channel; returns how many alerts."""
    user_ids = list(user_ids)
    row = repo.supervised_channel(session, channel)
    if row is None:
        return 0
    match = session.get(Match, row.match_id)
    program = session.get(Program, match.program_id) if match else None
    assert match is not None and program is not None
    visible = coordinator_can_see or repo.coordinator_among(session, channel, user_ids)
    raised = 0
    for finding in unsafe_findings(session, row, user_ids, coordinator_can_see=visible):
        summary = f"Unsafe set-up: {finding}"
        if not repo.open_alert_exists(session, program.id, "unsafe_setup", summary):
            raise_alert(session, program=program, kind="unsafe_setup", urgent=True, now=now,
                        match_id=match.id, summary=summary)
            raised += 1
    return raised


def unsafe_findings(session: Session, channel: SupervisedChannel, user_ids: list[str], *,
                    coordinator_can_see: bool) -> list[str]:
    """Plain sentences describing what is wrong with who can read this channel (empty = fine)."""
    findings: list[str] = []
    match = session.get(Match, channel.match_id)
    assert match is not None
    members = {person.id: role for person, role in repo.members(session, match.id)}  # type: ignore[arg-type]
    for user_id in user_ids:
        person = repo.person_by_account(session, channel.platform, channel.workspace, user_id)
        if person is None or person.program_id != match.program_id:
            findings.append(f"account {user_id} is in {channel.side}-side channel {channel.channel} of "
                            f"match {match.key} but is not on the program's roster")
            continue
        if person.role == "coordinator":
            continue
        role = members.get(person.id, person.role)
        if channel.side == "student" and role in ADULT_ROLES:
            findings.append(f"{person.display_name} ({role}) can read the student-side channel "
                            f"{channel.channel} of match {match.key}")
        elif channel.side == "mentor" and role == "student":
            findings.append(f"student {person.display_name} can read the mentor-side channel "
                            f"{channel.channel} of match {match.key}")
        elif person.id not in members:
            findings.append(f"{person.display_name} ({person.role}) is in channel {channel.channel} but "
                            f"is not a member of match {match.key}")
    if not coordinator_can_see:
        findings.append(f"the coordinator cannot see supervised channel {channel.channel} of match "
                        f"{match.key}; add them to the channel")
    return findings
