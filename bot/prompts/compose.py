"""Turn a week's topic (or library prompt) and a match into the text the pair receives. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class WeekPrompt:
    """What a grade gets in one week: from the teacher's calendar or the starter library."""

    source: str  # calendar | library
    prompt: str
    skill: str = ""
    course: str = ""
    topic: str = ""
    follow_up: str | None = None
    topic_id: int | None = None


def join_names(names: list[str]) -> str:
    names = [n for n in names if n]
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def first_name(display_name: str) -> str:
    return display_name.split()[0] if display_name.strip() else display_name


def fill(text: str, *, mentors: list[str], students: list[str]) -> str:
    """Replace {mentor}, {students} and {everyone} with the match's first names."""
    out = text
    for placeholder, value in placeholder_values(mentors, students, join_names(mentors + students)).items():
        out = out.replace(placeholder, value)
    return out


def placeholder_values(mentors: list[str], students: list[str], everyone: str) -> dict[str, str]:
    """What each ``{placeholder}`` of a prompt becomes for one match."""
    mentor = join_names(mentors) or "Mentor"
    student = join_names(students) or "Students"
    return {
        "{mentor}": mentor,
        "{mentors}": mentor,
        "{student}": student,
        "{students}": student,
        "{everyone}": everyone or "everyone",
    }


def compose(week: WeekPrompt, *, mentors: list[str], students: list[str]) -> str:
    """The weekly post, addressed to the match by first name (mentors first)."""
    return Composer(week)(mentors=mentors, students=students)


_PLACEHOLDER = re.compile(r"(\{(?:mentors?|students?|everyone)\})")


class Composer:
    """``compose`` for one week's prompt and many matches: the fixed text is prepared once.

    The prompt and follow-up are split at their placeholders once, so a match costs one join;
    names containing braces take ``fill``'s sequential replacing, so the text is always the same.
    """

    def __init__(self, week: WeekPrompt) -> None:
        self.week = week
        if week.source == "calendar":
            course = f" ({week.course})" if week.course else ""
            self._head = f" This week in class{course}: {week.topic}."
        else:
            self._head = " Here's this week's conversation starter."
        self._prompt = _PLACEHOLDER.split(week.prompt)
        self._follow_up = _PLACEHOLDER.split(week.follow_up) if week.follow_up else None
        self._skill = f"Professional skill to practise: {week.skill}." if week.skill else None

    def __call__(self, *, mentors: list[str], students: list[str]) -> str:
        mentors = [n.split()[0] if n.strip() else n for n in mentors]  # first_name, inlined
        students = [n.split()[0] if n.strip() else n for n in students]
        everyone = join_names(mentors + students)
        hello = f"Hi {everyone}!" if mentors or students else "Hi!"
        if "{" in everyone or "}" in everyone:  # an odd name (every name is in everyone): the reference path
            return self._slow(hello, mentors, students)
        get = placeholder_values(mentors, students, everyone).get
        lines = [hello + self._head, "".join([get(part, part) for part in self._prompt])]
        if self._follow_up is not None:
            lines.append("Follow-up: " + "".join([get(part, part) for part in self._follow_up]))
        if self._skill is not None:
            lines.append(self._skill)
        return "\n".join(lines)

    def _slow(self, hello: str, mentors: list[str], students: list[str]) -> str:
        week = self.week
        lines = [hello + self._head, fill(week.prompt, mentors=mentors, students=students)]
        if week.follow_up:
            lines.append("Follow-up: " + fill(week.follow_up, mentors=mentors, students=students))
        if self._skill is not None:
            lines.append(self._skill)
        return "\n".join(lines)
