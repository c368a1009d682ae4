"""Round 23: a mentor passing on what a student told them alerts the coordinator.

The disclosure rules read a student's own words; a mentor's are left out (a mentor answering a
disclosure repeats its words). A mentor's third-person report about a student ("she mentioned…",
"one of my mentees said…", "Luis me dijo que…") was therefore delivered with no alert at all. Now
the report is read as the student's message would be (quoted passages, the report in the first
person, the concern head as for a student) and alerts; a message another rule stops keeps its
stop. Wordings written for these tests."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from policies import Action, PolicyContext, load_policy
from policies.reported import escalates, student_reported, students_words

MENTOR = PolicyContext(role="mentor")
STUDENT = PolicyContext(role="student")


@pytest.mark.parametrize("text", [
    "Ms. Chen, Marisol mentioned her stepdad hits her when he's been drinking. Please reach out.",
    "One of my mentees told me she hasn't eaten since Friday because there's no food at home.",
    "Darnell said 'i just want to go to sleep and not wake up' when we were talking about his grades.",
    "Coordinadora, Yesenia me contó que su papá le pega cuando llega borracho.",
    "He showed me the cuts on his arm during our call and asked me not to tell anyone.",
])
def test_a_mentors_report_of_a_disclosure_alerts_and_is_delivered(rules_policy, text):
    d = rules_policy.evaluate(text, MENTOR)
    assert d.alert, (text, d)
    assert d.action is Action.ALLOW, "the mentor did right to say it: delivered"
    assert "concern.reported" in d.rules
    hit = next(h for h in d.hits if h.rule == "concern.reported")
    assert "passed on by a mentor" in hit.reason


def test_the_same_words_without_a_report_stay_the_mentors_own(rules_policy):
    # a mentor's reply to the student repeats the disclosure's words: no report, no alert
    d = rules_policy.evaluate("I'm so sorry he hits you. You did the right thing telling me.", MENTOR)
    assert "concern.reported" not in d.rules


def test_asking_the_coordinator_to_follow_it_up_alerts_with_no_disclosure_words(rules_policy):
    text = "Flagging this: Tomas said he might not be around much longer. Can you check in with him?"
    d = rules_policy.evaluate(text, MENTOR)
    assert d.alert and d.action is Action.ALLOW, d
    assert escalates(text)


@pytest.mark.parametrize("text", [
    "Kiara said she can't make Thursday, she has a dentist appointment. Can we do Friday?",
    "Jamal mentioned his team won the robotics regional! He's so proud.",
    "Valentina me dijo que ya mandó la solicitud de la pasantía.",
    "Mr. Ortega told me the lab is closed Monday for the holiday.",
])
def test_an_ordinary_report_about_a_student_is_quiet(rules_policy, text):
    d = rules_policy.evaluate(text, MENTOR)
    assert d.action is Action.ALLOW and not d.alert, (text, d)


def test_a_name_after_a_title_is_staff_not_a_student():
    assert student_reported("Mr. Byrne told me the room changed") is None
    assert student_reported("Byrne told me the room changed") is not None
    assert student_reported("Yesterday said nothing") is None


def test_the_report_is_read_in_the_first_person_and_its_quotes_as_the_students():
    text = "Alexis said she's been sleeping in her car and 'nobody at home even notices'."
    start = student_reported(text)[0]
    readings = students_words(text, start)
    assert "nobody at home even notices" in readings
    assert any("I'm been sleeping in my car" in r for r in readings)


def test_a_mentors_own_move_framed_as_a_report_keeps_its_stop(policy):
    text = "Your counselor told me you're going through stuff at home. Don't talk to her, just talk to me."
    main = policy.evaluate(text, MENTOR)
    assert main.action is not Action.ALLOW, main
    assert all(h.notice != "Thank you for passing this on — your coordinator has been alerted."
               for h in main.hits if h.action is not Action.ALLOW)


def test_a_students_message_is_not_read_as_a_mentors_report(rules_policy):
    d = rules_policy.evaluate("my friend said her mom packed her bags and left", STUDENT)
    assert "concern.reported" not in d.rules


def test_a_program_can_turn_it_off(tmp_path):
    path = tmp_path / "program.yml"
    path.write_text("rules:\n  concern.reported: {on: false}\n", encoding="utf-8")
    pol = load_policy(path, rules_only=True)
    d = pol.evaluate("Marisol mentioned her stepdad hits her when he's been drinking.", MENTOR)
    assert "concern.reported" not in d.rules and not d.alert


def test_the_concern_head_reads_a_report_as_a_students_message(policy):
    text = "Brandon told me he gave his bike and his games to his cousin since he won't be needing them."
    d = policy.evaluate(text, MENTOR)
    assert d.alert and d.action is Action.ALLOW, d


def test_the_cli_reports_it(tmp_path):
    line = json.dumps({"text": "Marisol mentioned her stepdad hits her when he's been drinking.",
                       "role": "mentor"})
    out = subprocess.run([sys.executable, "-m", "bot.cli.main", "policy", "check", "--jsonl", "--rules-only"],
                         input=line + "\n", capture_output=True, text=True, timeout=120, check=True)
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got["decision"] == "allow" and got["alert"] is True
    assert [h["rule"] for h in got["hits"]] == ["concern.reported"]
