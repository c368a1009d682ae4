"""Direct messages to the bot (issue 12 item 2): policed like any message, never relayed.

A disclosure sent privately must reach the coordinator at once, and the student must not be
told to go and post it in the channel their mentor reads. These helpers build the log row's
hits, the alert and the kind reply; ``Relay._record_attempt`` sequences them.
"""

from __future__ import annotations

import json
from datetime import datetime

from sqlmodel import Session

from bot.alerts import raise_alert
from bot.messages import ChannelRef, Inbound
from bot.relay import final_decision
from policies.types import Decision
from storage import repo
from storage.models import MessageLog, Person, Program

DIRECT_HIT = {"rule": "channel.direct_message", "start": 0, "end": 0, "action": "block", "alert": False,
              "reason": "Direct message to the bot; not relayed."}
DEFAULT_EMERGENCY_LINE = "911"  # the programs are in New York; a program file sets its own
CONCERN_REPLY = ("Thank you for telling me. I've let your program coordinator know privately, and they "
                 "will reach out to you soon. If you are in danger right now, call {emergency_line} or "
                 "tell a trusted adult near you.")
STRANGER_CONCERN_REPLY = ("Thank you for telling me. I can't pass messages on for you, but I've let the "
                          "program's coordinator know privately so a trusted adult can reach out. If you "
                          "are in danger right now, call {emergency_line} or tell a trusted adult near you.")
STRANGER_REPLY = ("Hi! I'm the mentoring program's bot: I only pass messages along in supervised "
                  "mentoring channels, so please ask your program coordinator to get you set up.")
NO_PROGRAM_CONCERN_REPLY = ("Thank you for telling me. I can't pass messages on, so please tell a trusted "
                            "adult today: a teacher, a counselor or your program coordinator. If you are in "
                            "danger right now, call your local emergency number.")


def with_emergency_line(text: str, program: Program | None) -> str:
    """``text`` with ``{emergency_line}`` replaced by the program's emergency number (program file
    ``emergency_line``, default 911); policy notices may use the placeholder too."""
    line = (program.emergency_line if program is not None else "") or DEFAULT_EMERGENCY_LINE
    return text.replace("{emergency_line}", line)


def hits_json(verdict: Decision) -> str:
    """The log row's hits: "direct message, not relayed" plus whatever the policy found."""
    return json.dumps([DIRECT_HIT, *json.loads(final_decision.hits_json(verdict))], ensure_ascii=False)


def _reasons(verdict: Decision) -> str:
    return "; ".join(h.reason for h in verdict.hits if h.alert) or "the policy raised an alert"


def alert_member(session: Session, *, program: Program, sender: Person, row: MessageLog, verdict: Decision,
                 now: datetime) -> None:
    """An alert for a concern a roster member wrote privately to the bot (its card quotes the message)."""
    kind, urgent = final_decision.alert_kind(verdict)
    matches = repo.matches_of(session, sender.id)  # type: ignore[arg-type]
    raise_alert(session, program=program, kind=kind, urgent=urgent, now=now, message_id=row.id,
                match_id=matches[0].id if matches else None,
                summary=f"{sender.display_name} ({sender.role}) wrote privately to the bot: "
                        + _reasons(verdict))


def alert_stranger(session: Session, *, program: Program, event: Inbound, verdict: Decision,
                   now: datetime) -> None:
    """An alert for a concern from an account no roster lists, in the workspace of one program."""
    kind, urgent = final_decision.alert_kind(verdict)
    who = event.author_name or event.author_id
    raise_alert(session, program=program, kind=kind, urgent=urgent, now=now,
                summary=(f"{who} ({event.channel.platform} account {event.author_id}), who is not on the "
                         f"roster, wrote privately to the bot: {_reasons(verdict)}: "
                         f"\u201c{event.text[:500]}\u201d"))


def program_of_workspace(session: Session, channel: ChannelRef) -> Program | None:
    """The one program supervising channels in this workspace (None when none or several: a stranger's
    words are not shown to another school's coordinators)."""
    programs = repo.programs_in_workspace(session, channel.platform, channel.workspace)
    return programs[0] if len(programs) == 1 else None


def reply_to_stranger(verdict: Decision, program: Program | None) -> str:
    if not verdict.alert:
        return STRANGER_REPLY
    if program is None:  # no program: no emergency number known for where they are
        return NO_PROGRAM_CONCERN_REPLY
    return with_emergency_line(STRANGER_CONCERN_REPLY, program)


def concern_reply(program: Program | None) -> str:
    """The kind reply to a roster member's concern written privately to the bot."""
    return with_emergency_line(CONCERN_REPLY, program)
