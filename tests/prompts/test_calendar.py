"""Topic files a teacher writes: good ones load, bad ones list every problem with its line number."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.prompts.calendar import CalendarError, load_calendar
from bot.prompts.compose import WeekPrompt, compose
from bot.prompts.plan import Skip, choose
from storage.models_prompts import Topic
from support.prompt_helpers import TOPICS

HEADER = "week,course,topic,skill,prompt,follow_up,grades,skip\n"


def problems(tmp_path: Path, body: str, name: str = "t.csv") -> list[str]:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    with pytest.raises(CalendarError) as caught:
        load_calendar(path)
    return [str(p) for p in caught.value.problems]


def test_the_sample_calendar_loads() -> None:
    calendar = load_calendar(TOPICS)
    assert len(calendar.rows) == 28 and calendar.name == "topics-sample"
    skips = {r.start: r.skip for r in calendar.rows if r.skip}
    assert skips[date(2026, 11, 23)] == "Thanksgiving break"
    assert skips[date(2027, 1, 25)] == "Regents exam week"
    assert {g for r in calendar.rows for g in r.grades} == {9, 10}


@pytest.mark.parametrize(("row", "expected"), [
    ("2026-13-01,Bio,Cells,communication,Ask,,,", "line 2: 'week' is '2026-13-01', which is not a date"),
    (",Bio,Cells,communication,Ask,,,", "line 2: this row has no date"),
    ("2026-10-05,Bio,Cells,teamwrok,Ask,,,", "line 2: 'teamwrok' is not one of the professional skills; "
                                             "did you mean 'teamwork'?"),
    ("2026-10-05,Bio,Cells,teamwork,,,,", "line 2: this week has no prompt"),
    ("2026-10-05,Bio,Cells,teamwork,Ask,,9;x,", "line 2: grade 'x' is not a number"),
    ("2026-10-05,Bio,Cells,teamwork,Ask,,16,", "line 2: grade 16 is outside 6-14"),
    ("2026-10-05,Bio,Cells,teamwork,\"{mentr}, ask\",,,", "line 2: '{mentr}' in the prompt is not a name"),
])
def test_one_bad_row(tmp_path: Path, row: str, expected: str) -> None:
    found = problems(tmp_path, HEADER + row + "\n")
    assert any(p.startswith(expected) for p in found), found


def test_every_problem_is_listed_with_its_line(tmp_path: Path) -> None:
    body = ("week,course,topic,skill,prompt,grads\n"
            "2026-10-05,Bio,Cells,communication,Ask\n"
            "\n"
            "2026-10-12,Bio,,communication,Ask\n"
            "2026-10-06,Bio,Genes,communication,\"A prompt\nthat spans two lines\"\n"
            "2026-10-19,Bio,Genes,leadership,\n")
    found = problems(tmp_path, body)
    assert found[0] == "line 1: unknown column 'grads'; did you mean 'grades'?"
    assert "line 4: this week has no topic: what is the class studying?" in found
    assert not any(p.startswith("line 6:") for p in found)  # the two-line prompt is fine
    assert any(p.startswith("line 5: the week of 2026-10-05 already has a topic for every grade (line 2)")
               for p in found)
    assert any(p.startswith("line 7: this week has no prompt") for p in found)


def test_yaml_problems_carry_lines_too(tmp_path: Path) -> None:
    body = ("weeks:\n"
            "  - week: 2026-10-05\n"
            "    course: Bio\n"
            "    topic: Cells\n"
            "    skil: teamwork\n"
            "    prompt: Ask\n"
            "  - start: 2026-10-16\n"
            "    end: 2026-10-12\n"
            "    skip: Field trip\n")
    found = problems(tmp_path, body, "t.yml")
    assert "line 5: unknown key 'skil'; did you mean 'skill'?" in found
    assert "line 7: 'end' (2026-10-12) is before 'start' (2026-10-16)" in found


def _topic(start: date, end: date, *, grades: str = "", skip: bool = False, topic: str = "T") -> Topic:
    return Topic(id=1, program_id="p", calendar="c", line=1, start_on=start, end_on=end, course="C",
                 topic=topic, skill="teamwork", prompt="P", grades=grades, skip=skip,
                 skip_reason="Holiday" if skip else None, imported_at=None)  # type: ignore[arg-type]


def test_choosing_the_week_prompt() -> None:
    monday = date(2026, 11, 23)
    general = _topic(monday, date(2026, 11, 29), topic="General")
    grade9 = _topic(monday, date(2026, 11, 29), grades="9", topic="Nine")
    holiday = _topic(date(2026, 11, 26), date(2026, 11, 27), skip=True)
    assert choose([general, grade9], monday, 9).topic == "Nine"  # type: ignore[union-attr]
    assert choose([general, grade9], monday, 10).topic == "General"  # type: ignore[union-attr]
    assert isinstance(choose([general, holiday], monday, 10), Skip)  # a skip touching the week wins
    assert choose([], monday, 9).source == "library"  # type: ignore[union-attr]
    ends_wednesday = _topic(date(2026, 11, 16), date(2026, 11, 25), topic="Old")
    starts_thursday = _topic(date(2026, 11, 26), date(2026, 12, 4), topic="New")
    assert choose([ends_wednesday, starts_thursday], monday, 9).topic == "Old"  # type: ignore[union-attr]


def test_compose_addresses_the_match_by_first_name() -> None:
    week = WeekPrompt(source="calendar", course="Biology", topic="Cells", skill="communication",
                      prompt="{mentor}, ask about cells; {students}, share a drawing.", follow_up="Why?")
    text = compose(week, mentors=["Raj Patel"], students=["Ben T.", "Cai L.", "Dev K."])
    assert text.splitlines() == ["Hi Raj, Ben, Cai and Dev! This week in class (Biology): Cells.",
                                 "Raj, ask about cells; Ben, Cai and Dev, share a drawing.",
                                 "Follow-up: Why?", "Professional skill to practise: communication."]
