"""Round 21: a student's possible ask that the contact or off-platform head reads just under its
hold is delivered with the coordinator alerted, not delivered unseen.

The heads hold a student's message only near certainty (0.93 / 0.97), so short asks ("join my
discord", "¿le puedo mandar un audio a su celular?") went through silently. The students-only
alert band (0.92 / 0.93 by default) tells the coordinator at once; mentors keep their holds, and a
program moves or switches the band off like any other. Wordings written for these tests."""

from __future__ import annotations

import pytest

from policies import Action, PolicyContext
from policies.encoder.spec import STUDENT_ALERT_DEFAULTS
from support.policy_files import program_policy

STUDENT = PolicyContext(role="student")
MENTOR = PolicyContext(role="mentor")
ASKS = ["profe le puedo mandar un audio a su celular?", "join my discord"]


@pytest.mark.parametrize("text", ASKS)
def test_a_students_ask_under_the_hold_alerts_the_coordinator(policy, text):
    scores = policy.encoder.scores(text, "student")
    assert max(scores["contact"] - STUDENT_ALERT_DEFAULTS["contact"],
               scores["offplatform"] - STUDENT_ALERT_DEFAULTS["offplatform"]) >= 0, scores
    d = policy.evaluate(text, STUDENT)
    assert d.action is Action.ALLOW and d.alert, (text, d)
    assert any(h.band == "alert" and h.rule in ("encoder.contact", "encoder.offplatform") for h in d.hits)


@pytest.mark.parametrize("text", ASKS)
def test_a_mentor_saying_it_is_still_held(policy, text):
    assert policy.evaluate(text, MENTOR).action is not Action.ALLOW


def test_a_retracted_ask_is_flagged_not_alerted(policy):
    d = policy.evaluate("do u have snap? jk i know we cant", STUDENT)
    assert d.action is Action.ALLOW and not d.alert and d.flag, d


def test_ordinary_talk_of_home_rules_is_not_alerted(policy):
    d = policy.evaluate("my mom wants me home by 9 on school nights", STUDENT)
    assert d.action is Action.ALLOW and not d.alert, d


def test_a_program_can_switch_the_band_off(tmp_path):
    quiet = program_policy(tmp_path, """
        encoder:
          thresholds:
            contact: {alert: false}
            offplatform: {alert: false}
        """)
    for text in ASKS:
        d = quiet.evaluate(text, STUDENT)
        assert not d.alert, (text, d)


def test_policy_show_names_the_band_and_whose_messages_it_reads(policy):
    shown = policy.describe()
    assert "alert band from 0.92" in shown and "alert band from 0.93" in shown
    assert "students' messages only" in shown


def test_a_program_that_lowers_a_hold_below_the_band_is_not_refused(tmp_path):
    # The band's start is a default, not a trained threshold: the hold simply comes first.
    lowered = program_policy(tmp_path, "encoder:\n  thresholds:\n    offplatform: {hold: 0.9}\n")
    assert lowered.evaluate("join my discord", STUDENT).action is Action.HOLD


def test_a_band_above_the_hold_is_refused(tmp_path):
    from policies import PolicyFileError

    with pytest.raises(PolicyFileError, match="alert"):
        program_policy(tmp_path, "encoder:\n  thresholds:\n    offplatform: {alert: 0.99}\n")


def test_a_message_the_rules_already_stop_keeps_its_own_handling(policy):
    # "from a student: blocked" raised no alert before the band existed, and raises none now.
    d = policy.evaluate("text me at 2087408339", STUDENT)
    assert d.action is Action.BLOCK and not d.alert, d
