"""Who may be proposed at all, and which student-mentor pairs the rules rule out.

These are the program's gates, not preferences: a student without a valid permission form, a
mentor without clearance or orientation training, or a student outside the grades a mentor takes
is never proposed, whatever anyone chose. Each answer is a ``Block`` with a stable code for the
desk to filter on and a sentence for the coordinator.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from bot.choosing.profiles import MentorProfile, ProgramRules, StudentProfile

NO_CONSENT = "no-consent"
CONSENT_EXPIRED = "consent-expired"
GRADE_OUTSIDE_PROGRAM = "grade-outside-program"
NOT_CLEARED = "not-cleared"
CLEARANCE_EXPIRED = "clearance-expired"
NOT_TRAINED = "not-trained"
NO_PLACES = "no-places"
NO_ALLOWED_MODEL = "no-allowed-model"
TEAM_INCOMPLETE = "team-incomplete"
UNKNOWN_MENTOR = "unknown-mentor"


@dataclass(frozen=True, slots=True)
class Block:
    """Why someone cannot be proposed: a stable code and a sentence for the coordinator."""

    code: str
    text: str


def student_block(student: StudentProfile, rules: ProgramRules) -> Block | None:
    """Why ``student`` cannot be proposed to anyone this round, or None."""
    who = student.display
    if student.consent_signed is None:
        return Block(NO_CONSENT, f"no permission form is on file for {who}; students are proposed only "
                                 "with a valid form")
    if student.consent_expires is not None and student.consent_expires < rules.as_of:
        return Block(CONSENT_EXPIRED, f"{who}'s permission form expired on {student.consent_expires}")
    if student.grade not in rules.grades:
        return Block(GRADE_OUTSIDE_PROGRAM, f"{who} is in grade {student.grade}; this program takes "
                                            f"grades {grade_span(rules.grades)}")
    return None


def mentor_block(mentor: MentorProfile, rules: ProgramRules) -> Block | None:
    """Why ``mentor`` cannot be proposed this round (gates and places; models are checked by hosts)."""
    who = mentor.display
    if mentor.cleared_on is None:
        return Block(NOT_CLEARED, f"{who} is not cleared yet")
    if mentor.clearance_expires is not None and mentor.clearance_expires < rules.as_of:
        return Block(CLEARANCE_EXPIRED, f"{who}'s clearance expired on {mentor.clearance_expires}")
    if mentor.trained_on is None:
        return Block(NOT_TRAINED, f"{who} has not completed mentor orientation training yet")
    if mentor.open_matches <= 0:
        return Block(NO_PLACES, f"{who} has no places open ({mentor.current_matches} of "
                                f"{mentor.capacity} taken)")
    return None


def grade_block(student: StudentProfile, mentors: Iterable[MentorProfile]) -> str | None:
    """Why the mentors will not take this student's grade (a mentor's grade list is a rule)."""
    for mentor in mentors:
        if mentor.grades and student.grade not in mentor.grades:
            return f"{mentor.display} takes grades {grade_span(mentor.grades)} only"
    return None


def wants_gender(student: StudentProfile, rules: ProgramRules) -> str | None:
    """The gender the student asked for, when the program reads that preference; else None."""
    pref = student.gender_preference
    if not rules.use_gender_preference or pref is None:
        return None
    return student.gender if pref == "same" else pref


def languages_apart(student: StudentProfile, languages: frozenset[str]) -> bool:
    """True when both sides list languages and share none: they may not be able to talk."""
    return bool(student.languages) and bool(languages) and not student.languages & languages


def consent_warning(student: StudentProfile, rules: ProgramRules) -> str | None:
    """A reminder when the permission form runs out soon after the matches would start."""
    expires = student.consent_expires
    if expires is None or expires > rules.as_of + timedelta(days=rules.expiry_warning_days):
        return None
    days = (expires - rules.as_of).days
    return (f"{student.display}'s permission form expires on {expires} (in {days} days): renew it, or "
            "the match will be held when it runs out")


def why_not_eligible(student: StudentProfile, mentor: MentorProfile, rules: ProgramRules) -> str | None:
    """Why this pair can never be proposed, or None (for the desk: "can Maya choose Dana?")."""
    for block in (student_block(student, rules), mentor_block(mentor, rules)):
        if block is not None:
            return block.text
    if not any(m in rules.models for m in mentor.models):
        return f"{mentor.display} offers no mentoring model this program uses"
    return grade_block(student, [mentor])


def grade_span(grades: Iterable[int]) -> str:
    """9, 10, 11 -> "9–11"; 9, 11 -> "9, 11"."""
    ordered = sorted(set(grades))
    if not ordered:
        return "none"
    if ordered == list(range(ordered[0], ordered[-1] + 1)) and len(ordered) > 1:
        return f"{ordered[0]}–{ordered[-1]}"
    return ", ".join(str(g) for g in ordered)
