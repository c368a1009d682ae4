"""A student's ranked choices, turned into hosts they can be proposed to, with a note per dropped one.

The ranks stay the student's own numbering: if the 1st choice is a mentor who is not cleared, the
2nd choice is still called the 2nd choice in every reason. Two choices in the same team count as
one choice of the team, at the better rank. A choice that can never be honoured keeps a note
saying why, for the reasons the coordinator reads.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from bot.choosing.eligibility import grade_block
from bot.choosing.hosts import HostTable
from bot.choosing.profiles import MentorProfile, StudentProfile


@dataclass(slots=True)
class ResolvedChoices:
    """The hosts a student can be proposed to by choice, best first, and what became of each choice."""

    hosts: list[str] = field(default_factory=list)  # host keys in the student's order
    rank_of: dict[str, int] = field(default_factory=dict)  # host key -> the student's rank for it
    chosen: dict[int, str] = field(default_factory=dict)  # rank -> mentor id as the student chose
    dropped: dict[int, str] = field(default_factory=dict)  # rank -> why that choice cannot be honoured


def resolve_choices(student: StudentProfile, table: HostTable,
                    mentors: Mapping[str, MentorProfile]) -> ResolvedChoices:
    out = ResolvedChoices()
    seen_mentors: set[str] = set()
    for rank, mentor_id in enumerate(student.choices, start=1):
        if mentor_id in seen_mentors:
            continue  # the same mentor twice: the first rank counts
        seen_mentors.add(mentor_id)
        out.chosen[rank] = mentor_id
        mentor = mentors.get(mentor_id)
        if mentor is None:
            out.dropped[rank] = f"'{mentor_id}' is not a mentor in this round"
            continue
        if mentor_id in table.left_out:
            out.dropped[rank] = table.left_out[mentor_id].text
            continue
        key = table.host_of[mentor_id]
        if key in out.rank_of:
            continue  # a second member of a team already chosen
        host = table.hosts[key]
        why = grade_block(student, host.mentors)
        if why is not None:
            out.dropped[rank] = why
            continue
        out.hosts.append(key)
        out.rank_of[key] = rank
    return out


def choice_name(mentor_id: str, mentors: Mapping[str, MentorProfile]) -> str:
    """How a chosen mentor is named in a reason: "Dana Ortiz (Acme)"."""
    mentor = mentors.get(mentor_id)
    if mentor is None:
        return f"'{mentor_id}'"
    return f"{mentor.display} ({mentor.employer})" if mentor.employer else mentor.display
