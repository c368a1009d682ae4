"""Round 23: a mentor passing on what a student told them alerts the coordinator.

The disclosure rules read a student's own words; a mentor's are left out (a mentor answering a
disclosure repeats its words). A mentor's third-person report about a student ("she mentioned…",
"one of my mentees said…", "Luis me dijo que…") was therefore delivered with no alert at all. Now
the report is read as the student's message would be (quoted passages, the report in the first
person, the concern head as for a student), alerts and is held for the coordinator (one student's
disclosure is not relayed into a student's channel); a block stays a block. Wordings written for
these tests."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from policies import Action, PolicyContext, load_policy
from policies.reported import REPORT_READ_CHARS, escalates, student_reported, students_words

MENTOR = PolicyContext(role="mentor")
STUDENT = PolicyContext(role="student")


@pytest.mark.parametrize("text", [
    "Ms. Chen, Marisol mentioned her stepdad hits her when he's been drinking. Please reach out.",
    "One of my mentees told me she hasn't eaten since Friday because there's no food at home.",
    "Darnell said 'i just want to go to sleep and not wake up' when we were talking about his grades.",
    "Coordinadora, Yesenia me contó que su papá le pega cuando llega borracho.",
    "He showed me the cuts on his arm during our call and asked me not to tell anyone.",
])
def test_a_mentors_report_of_a_disclosure_alerts_and_waits_for_the_coordinator(rules_policy, text):
    d = rules_policy.evaluate(text, MENTOR)
    assert d.alert, (text, d)
    assert d.action is Action.HOLD, "a student's disclosure is not relayed into a student's channel"
    assert "passing this on" in d.notice, "the mentor is thanked, never blamed"
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
    assert d.alert and d.action is Action.HOLD, d
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


def test_a_mentors_own_move_framed_as_a_report_keeps_its_stop_and_notice(policy):
    text = "Kayla said you're having trouble at home. Don't tell your parents, just talk to me."
    d = policy.evaluate(text, MENTOR)
    assert "concern.reported" in d.rules, "the report is read and alerts"
    assert d.action is not Action.ALLOW and d.alert, d
    assert d.notice and "passing this on" not in d.notice, "the stopping rule's notice, not the report's"


def test_a_report_waits_for_the_coordinator_not_the_morning(rules_policy):
    tz = "America/New_York"
    sent = datetime(2026, 3, 10, 23, 30, tzinfo=ZoneInfo(tz))
    late = PolicyContext(role="mentor", sent_at=sent, timezone=tz)
    d = rules_policy.evaluate("Marisol mentioned her stepdad hits her when he's been drinking.", late)
    assert d.alert and "concern.reported" in d.rules
    assert d.action is Action.HOLD and d.hold_until is None, "released by the coordinator, not at 07:00"
    assert "passing this on" in d.notice


@pytest.mark.parametrize("text", [
    "Also Kayla told me her dad hits her when he drinks.",
    "Ayer Yesenia me contó que su papá le pega cuando llega borracho.",
    "Honestly Tomas said he doesn't want to wake up tomorrow.",
])
def test_an_opening_word_does_not_hide_the_name(rules_policy, text):
    d = rules_policy.evaluate(text, MENTOR)
    assert "concern.reported" in d.rules and d.alert, (text, d)


@pytest.mark.parametrize("text", [
    "Kayla said she loved the workshop, talk to you tomorrow!",
    "She said the bus was late again. I'm worried we'll miss the start of the tour.",
    "Jordan mentioned he wants to study nursing. Can we talk about internship options on Thursday?",
    "Principal Davis told me the gym is closed Friday, so the session moves to room 210.",
    "La Sra. Pérez me dijo que la biblioteca está cerrada, te aviso si cambia.",
    "I'm really glad you told me. You're not in trouble, and we'll figure out the next step together.",
    "She said the trip moved to Friday, I'm worried about traffic.",
    "Luis dijo que el examen es el lunes, me preocupa el horario.",
])
def test_logistics_and_staff_news_raise_no_alert(rules_policy, text):
    d = rules_policy.evaluate(text, MENTOR)
    assert "concern.reported" not in d.rules and not d.alert, (text, d)


def test_only_a_messages_start_is_read_again():
    filler = "We went over the resume and the cover letter again today. " * 30
    assert len(filler) > REPORT_READ_CHARS
    late = filler + "Kayla told me her dad hits her when he drinks."
    assert student_reported(late) is None, "a report past the first 1,500 characters is not read again"
    text = "She said " + "'sn4p m3 at h0m3 d0nt t3ll' " * 3_500
    readings = students_words(text, 0)
    assert len(readings) <= 4 and all(len(r) <= REPORT_READ_CHARS for r in readings)


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
    assert d.alert and d.action is Action.HOLD, d


def test_the_cli_reports_it(tmp_path):
    line = json.dumps({"text": "Marisol mentioned her stepdad hits her when he's been drinking.",
                       "role": "mentor"})
    out = subprocess.run([sys.executable, "-m", "bot.cli.main", "policy", "check", "--jsonl", "--rules-only"],
                         input=line + "\n", capture_output=True, text=True, timeout=120, check=True)
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got["decision"] == "hold" and got["alert"] is True
    assert [h["rule"] for h in got["hits"]] == ["concern.reported"]
