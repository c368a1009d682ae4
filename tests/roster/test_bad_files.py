"""Bad roster files: each gets its clear problem on the right line, and nothing is written."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from bot.roster.importer import RosterError
from support.roster_helpers import BASE, import_roster, load_roster, snapshot, variant, write

P = "  - "  # a person or match item
CH = "      - "  # a channel item
CONSENTLESS_SOL = "  - {id: sol, name: Sol Student, role: student, grade: 10}"
ACC = "accounts: [{platform: console, workspace: demo, user: shared}]"

# (case, file text, expected line, words the message must contain)
BAD_FILES = [
    ("unknown model", variant({16: "    model: mentoring-circle"}),
     16, "'mentoring-circle', which mentorbot"),
    ("e-mentoring alone", variant({16: "    model: e-mentoring"}), 16, "combine with another model"),
    ("small group of 5",
     variant({16: "    model: small-group", 19: "    students: [sol, tia, uma, vic, wes]"}),
     15, "small-group but has 1 mentor and 5 students; small groups have at most 4"),
    ("one-to-one with 2", variant({19: "    students: [sol, tia]"}), 15, "exactly 1 mentor and 1 student"),
    ("team of one mentor", variant({16: "    model: team"}), 15, "a team has at least 2 mentors"),
    ("large group too small", variant({16: "    model: large-group"}), 15, "7 to 10 students"),
    ("peer mentor younger", variant({16: "    model: peer", 18: "    mentors: [tia]"}),
     18, "not in a higher grade"),
    ("peer mentor an adult", variant({16: "    model: peer"}), 18, "peer mentors are older students"),
    ("unknown person", variant({19: "    students: [sal]"}), 19, "nobody has that id; did you mean 'sol'?"),
    ("student listed as mentor", variant({18: "    mentors: [sol]", 19: "    students: [tia]"}),
     18, "'sol' is a student but is listed under mentors"),
    ("duplicate person id", variant({10: P + "{id: sol, name: Tia S, role: student, consent: 2026-09-01}"}),
     10, "person id 'sol' is used twice (first on line 9)"),
    ("duplicate match id",
     variant(append=P + "{id: mia-sol, model: one-to-one, mentors: [max], students: [tia]}"),
     23, "match id 'mia-sol' is used twice (first on line 15)"),
    ("missing consent, active", variant({9: CONSENTLESS_SOL}), 19, "student 'sol' has no consent date"),
    ("missing clearance, active", variant({7: P + "{id: mia, name: Mia Mentor, role: mentor}"}),
     18, "mentor 'mia' has no clearance date"),
    ("emergency line not a number", variant({4: "  timezone: America/New_York\n  emergency_line: call 911"}),
     5, "emergency_line 'call 911' should be a phone number"),
    ("bad YAML", variant({17: "    status: active: yes"}), 17, "not valid YAML"),
    ("tab indentation", variant({18: "\tmentors: [mia]"}), 18, "not valid YAML"),
    ("unclosed bracket", variant({19: "    students: [sol"}), 20, "not valid YAML"),
    ("typo'd key", variant({19: "    stduents: [sol]"}),
     19, "unknown key 'stduents' in match 'mia-sol'; did you mean"),
    ("unknown role", variant({8: P + "{id: max, name: Max Mentor, role: mentr}"}),
     8, "did you mean 'mentor'?"),
    ("date not ISO", variant({9: P + "{id: sol, name: Sol S, role: student, consent: 9/1/2026}"}),
     9, "YYYY-MM-DD"),
    ("impossible date", variant({7: P + "{id: mia, name: Mia M, role: mentor, cleared: 2026-02-30}"}),
     7, "YYYY-MM-DD"),
    ("bad timezone", variant({4: "  timezone: America/New_Yrok"}), 4, "did you mean 'America/New_York'?"),
    ("missing policy file", variant({4: "  policy: no-such-policy.yml"}),
     4, "policy file 'no-such-policy.yml'"),
    ("duplicate channel",
     variant({22: CH + "{side: student, platform: console, workspace: demo, channel: mia-sol-m}"}),
     22, "already a mentor channel of match 'mia-sol' (line 21)"),
    ("active without student side", variant({22: "      # (no student channel yet)"}),
     15, "no student-side channel"),
    ("unknown platform", variant({21: CH + "{side: mentor, platform: slak, workspace: T1, channel: C1}"}),
     21, "did you mean 'slack'?"),
    ("unknown side", variant({21: CH + "{side: mentors, platform: console, workspace: demo, channel: m}"}),
     21, "did you mean 'mentor'?"),
    ("same account on two people", variant({
        6: P + "{id: coord, name: Casey Coord, role: coordinator, " + ACC + "}",
        8: P + "{id: max, name: Max Mentor, role: mentor, " + ACC + "}"}), 8, "already coord's (line 6)"),
    ("coordinator not a coordinator", variant(append="    coordinator: mia\n"),
     15, "coordinator 'mia', who is not a coordinator"),
    ("no coordinator", variant({6: P + "{id: coord, name: Casey Coord, role: teacher}"}),
     2, "no coordinator"),
    ("key twice in a block", variant({17: "    model: team"}), 17, "'model' appears twice"),
    ("consent on a mentor", variant({8: P + "{id: max, name: Max M, role: mentor, consent: 2026-09-01}"}),
     8, "'consent' is only for a student"),
    ("bad program id", variant({2: "  id: Test Program"}), 2, "e.g. 'test-program'"),
    ("inactive student in active match",
     variant({9: P + "{id: sol, name: Sol S, role: student, consent: 2026-09-01, active: false}"}),
     19, "'active: false'"),
    ("empty file", "# nothing yet\n", 1, "the file is empty"),
    ("not a mapping", "- just\n- a list\n", 1, "should be a block of 'key: value' lines"),
]


@pytest.mark.parametrize(("text", "line", "words"), [c[1:] for c in BAD_FILES], ids=[c[0] for c in BAD_FILES])
def test_bad_file_reports_line_and_writes_nothing(
    engine, tmp_path: Path, text: str, line: int, words: str
) -> None:
    import_roster(engine, write(tmp_path, BASE, "good.yml"))  # what the database held before
    before = snapshot(engine)
    with pytest.raises(RosterError) as caught:
        import_roster(engine, write(tmp_path, text))
    found = [str(p) for p in caught.value.problems]
    assert any(p.startswith(f"line {line}: ") and words in p for p in found), found
    assert f"line {line}: " in str(caught.value) and "nothing was written" in str(caught.value)
    assert snapshot(engine) == before


def test_a_bad_policy_file_refuses_the_roster_and_writes_nothing(engine, tmp_path: Path) -> None:
    import_roster(engine, write(tmp_path, BASE, "good.yml"))
    before = snapshot(engine)
    bad = "encoder:\n  thresholds:\n    grooming: {hold: 1.5}\n"
    (tmp_path / "bad.yml").write_text(bad, encoding="utf-8")
    with pytest.raises(RosterError) as caught:
        import_roster(engine, write(tmp_path, variant({4: "  policy: bad.yml"})))
    assert [p.line for p in caught.value.problems] == [4]
    assert f"policy file 'bad.yml' is refused: {tmp_path / 'bad.yml'}, line 3: 'hold' must be a number" \
        in str(caught.value)
    assert snapshot(engine) == before


def test_all_problems_are_reported_not_just_the_first(tmp_path: Path) -> None:
    text = variant({4: "  timezone: Mars/Olympus", 16: "    model: circle", 19: "    students: [sal]"})
    with pytest.raises(RosterError) as caught:
        load_roster(write(tmp_path, text))
    lines = [p.line for p in caught.value.problems]
    assert lines == sorted(lines)
    assert {4, 16, 19} <= set(lines)


def test_valid_variants_pass(tmp_path: Path) -> None:
    """The rules are not over-eager: a proposed match may wait for its forms; ratios at their limits pass."""
    ok = [
        variant({9: CONSENTLESS_SOL, 17: "    status: proposed"}),
        variant({16: "    model: small-group", 19: "    students: [sol, tia, uma, vic]"}),
        variant(
            {
                16: "    model: team",
                18: "    mentors: [mia, max]",
                19: "    students: [sol, tia, uma, vic, wes]",
            }
        ),
        variant({16: "    model: peer", 18: "    mentors: [wes]", 19: "    students: [sol, tia]"}),
        variant(
            {
                16: "    model: small-group",
                19: "    students: [sol, tia]",
                22: "      # none yet",
                17: "    status: paused",
            }
        ),
    ]
    for text in ok:
        load_roster(write(tmp_path, text))


def _generated(tmp_path: Path, model: str, mentors: int, students: int) -> Path:
    people = [{"id": "coord", "name": "C", "role": "coordinator"}]
    people += [
        {"id": f"m{i}", "name": f"M{i}", "role": "mentor", "cleared": date(2026, 8, 1)}
        for i in range(mentors)
    ]
    people += [{"id": f"s{i}", "name": f"S{i}", "role": "student", "grade": 9} for i in range(students)]
    match = {
        "id": "grp",
        "model": model,
        "status": "proposed",
        "mentors": [f"m{i}" for i in range(mentors)],
        "students": [f"s{i}" for i in range(students)],
    }
    data = {"program": {"id": "gen", "name": "Generated"}, "people": people, "matches": [match]}
    return write(tmp_path, yaml.safe_dump(data, sort_keys=False), "gen.yml")


@pytest.mark.parametrize(
    ("model", "mentors", "students", "ok"),
    [
        ("one-to-one", 1, 1, True),
        ("one-to-one", 2, 1, False),
        ("one-to-one", 1, 0, False),
        ("small-group", 1, 4, True),
        ("small-group", 1, 5, False),
        ("small-group", 2, 3, False),
        ("team", 2, 8, True),
        ("team", 2, 9, False),
        ("team", 3, 12, True),
        ("team", 1, 3, False),
        ("large-group", 1, 7, True),
        ("large-group", 2, 10, True),
        ("large-group", 2, 11, False),
        ("large-group", 3, 9, False),
        ("large-group", 1, 6, False),
    ],
)
def test_model_ratios_from_the_program_guides(
    tmp_path: Path, model: str, mentors: int, students: int, ok: bool
) -> None:
    path = _generated(tmp_path, model, mentors, students)
    match_line = path.read_text().splitlines().index("- id: grp") + 1
    if ok:
        load_roster(path)
        return
    with pytest.raises(RosterError) as caught:
        load_roster(path)
    assert [(p.line, model in p.message) for p in caught.value.problems] == [(match_line, True)]
