"""What the students and the new mentor are told when a mentor leaves, in the guide's spirit:
say why the mentor needs to stop, and that "the reason ... has nothing to do with" the student.

A coordinator may rewrite the message on the desk; whatever is posted goes through the program's
policy first and is refused if it carries contact details (``check_message``).
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.profiles.bio_check import check_bio
from bot.profiles.model import ProfileView
from bot.relay.policy_cache import PolicyLike
from storage.models import Person


class MessageRefused(ValueError):
    """The hand-over message broke the policy; nothing was posted."""


def _names(people: Sequence[Person]) -> str:
    names = [p.display_name.split(" ")[0] for p in people]
    return (
        names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1] if names else "everyone"
    )


def _why(reason: str) -> str:
    reason = reason.strip().rstrip(".")
    return f" ({reason})" if reason else ""


def kind_message(
    students: Sequence[Person],
    departing: Person,
    new: Person,
    new_profile: ProfileView,
    reason: str,
    coordinator: Person | None,
) -> str:
    first = departing.display_name.split(" ")[0]
    about = f", {new_profile.headline}" if new_profile.headline else ""
    who = coordinator.display_name if coordinator else "your coordinator"
    return (
        f"Hi {_names(students)}, some news about your mentoring. {first} can no longer be a mentor in the "
        f"program{_why(reason)}. This has nothing to do with you: {first} enjoyed working with you and "
        f"wishes you the very best. {new.display_name}{about} will be your mentor from now on, right here "
        f"in this channel. If you have any questions or worries, {who} is here for you."
    )


def new_mentor_welcome(
    new: Person, departing: Person, students: Sequence[Person], coordinator: Person | None
) -> str:
    who = coordinator.display_name if coordinator else "the coordinator"
    return (
        f"Welcome, {new.display_name}! You are taking over as mentor of {_names(students)} from "
        f"{departing.display_name}. The conversation so far stays on record with {who}, who can help "
        "you pick up where it left off."
    )


def ending_message(students: Sequence[Person], departing: Person, reason: str) -> str:
    first = departing.display_name.split(" ")[0]
    return (
        f"Hi {_names(students)}, {first} can no longer be a mentor in the program{_why(reason)}, so this "
        f"mentoring conversation is ending. This has nothing to do with you: {first} enjoyed working with "
        "you. Your coordinator will talk with you about what comes next."
    )


def check_message(policy: PolicyLike, text: str, *, timezone: str) -> None:
    """Refuse a message with contact details or anything the policy would hold (it is posted as is)."""
    if len(text) > 2000:
        raise MessageRefused("the message is over 2,000 characters; shorten it")
    verdict = check_bio(policy, text, role="coordinator", timezone=timezone)
    if verdict.state != "ok":
        raise MessageRefused("the message was not posted: " + "; ".join(r for _, r in verdict.reasons))
