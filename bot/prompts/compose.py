"""Turn a week's topic (or library prompt) and a match into the text the pair receives. Pure."""

from __future__ import annotations

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
    mentor = join_names(mentors) or "Mentor"
    student = join_names(students) or "Students"
    values = {
        "mentor": mentor,
        "mentors": mentor,
        "student": student,
        "students": student,
        "everyone": join_names(mentors + students) or "everyone",
    }
    out = text
    for key, value in values.items():
        out = out.replace("{" + key + "}", value)
    return out


def compose(week: WeekPrompt, *, mentors: list[str], students: list[str]) -> str:
    """The weekly post, addressed to the match by first name (mentors first)."""
    mentors = [first_name(m) for m in mentors]
    students = [first_name(s) for s in students]
    hello = f"Hi {join_names(mentors + students)}!" if mentors or students else "Hi!"
    if week.source == "calendar":
        course = f" ({week.course})" if week.course else ""
        head = f"{hello} This week in class{course}: {week.topic}."
    else:
        head = f"{hello} Here's this week's conversation starter."
    lines = [head, fill(week.prompt, mentors=mentors, students=students)]
    if week.follow_up:
        lines.append("Follow-up: " + fill(week.follow_up, mentors=mentors, students=students))
    if week.skill:
        lines.append(f"Professional skill to practise: {week.skill}.")
    return "\n".join(lines)
