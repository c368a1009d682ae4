"""The week's reflection question, tied to the topic calendar, posted with the weekly prompt.

A calendar row's ``reflection`` column asks the students to reflect on that week's topic (the
fact sheet's "reflection upon the experience verbally and in writing"). It goes out in the same
transaction as the weekly prompt, so the prompt's exactly-once key covers it too. In a program
whose reflections are private it goes to the student-side channels only and is answered with
``/mentorbot reflect``; in a program that shares them it goes to every channel of the match and is
answered in the channel, starting with "Reflection:".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session

from bot.prompts.compose import fill, first_name
from bot.prompts.plan import PlannedPost
from bot.year.settings import load_year
from storage import outbox, prompt_repo, year_repo
from storage.models import Program
from storage.models_year import ReflectionPrompt

PRIVATE = (
    "Reflection for this week, for your coordinator only (your mentor does not see it): "
    "{question}\nAnswer with `/mentorbot reflect` and your answer."
)
SHARED = (
    "Reflection for this week: {question}\n{students}, answer here in the channel, starting "
    'with "Reflection:" — {mentor} will read it too.'
)


@dataclass(frozen=True, slots=True)
class ReflectionPost:
    post: PlannedPost
    question: str
    mode: str
    text: str
    channels: tuple[int, ...]  # supervised channel ids that get it


def plan_reflections(session: Session, program_id: str, posts: list[PlannedPost]) -> list[ReflectionPost]:
    """The reflection post of each match whose week's calendar row asks for one."""
    topics = {
        t.id: t
        for t in prompt_repo.program_topics(session, program_id)
        if t.reflection and t.reflection.strip()
    }
    wanted = [p for p in posts if p.topic_id in topics]
    if not wanted:
        return []
    program = session.get(Program, program_id)
    assert program is not None
    mode = load_year(session, program).reflection_mode
    sides = year_repo.channel_sides(session, [cid for p in wanted for cid, _ in p.match.channels])
    found = []
    for p in wanted:
        mentors = [first_name(n) for n in p.match.mentors]
        students = [first_name(n) for n in p.match.students]
        question = fill(topics[p.topic_id].reflection.strip(), mentors=mentors, students=students)  # type: ignore[index, union-attr]
        channels = tuple(
            cid for cid, _ in p.match.channels if mode == "channel" or sides.get(cid) == "student"
        )
        if not channels:
            continue
        template = SHARED if mode == "channel" else PRIVATE
        text = fill(template.replace("{question}", question), mentors=mentors, students=students)
        found.append(ReflectionPost(p, question, mode, text, channels))
    return found


def log_row(r: ReflectionPost, program_id: str, week: date) -> dict[str, object]:
    key = f"reflection:{program_id}:{r.post.match.id}:{week}"
    return {
        "match_id": r.post.match.id,
        "channel": r.post.match.key,
        "dedupe_key": key,
        "text": r.text,
        "platform_message_id": f"reflection:{week}",
    }


def delivery_rows(
    reflections: list[ReflectionPost], message_ids: list[int], program_id: str, week: date
) -> list[dict]:  # type: ignore[type-arg]
    rows = []
    for r, message_id in zip(reflections, message_ids, strict=True):
        refs = dict(r.post.match.channels)
        for cid in r.channels:
            ref = refs[cid]
            rows.append(
                outbox.own_columns(
                    key=f"reflection:{program_id}:{r.post.match.id}:{week}:{ref}",
                    channel=ref,
                    text=r.text,
                    message_id=message_id,
                )
            )
    return rows


def record(
    session: Session,
    reflections: list[ReflectionPost],
    message_ids: list[int],
    program_id: str,
    week: date,
    now: datetime,
) -> None:
    """Keep each question as it was asked (answers and the credit report refer to it)."""
    for r, message_id in zip(reflections, message_ids, strict=True):
        session.add(
            ReflectionPrompt(
                program_id=program_id,
                match_id=r.post.match.id,
                week_start=week,
                question_text=r.question,
                mode=r.mode,
                message_id=message_id,
                posted_at=now,
            )
        )
