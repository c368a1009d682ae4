"""Round 21: a student who only tells of an app, a platform or a place is not held.

A student's message stopped by one rule that names an app or a place, addressed to nobody and
naming nothing of the student's own, which the contact, off-platform and grooming heads do not
read as a move, is delivered with the coordinator alerted. Anything that asks, offers, meets or
gives a detail keeps its stop (a review's first cut released "are you on reddit?" and "te veo en
la biblio mañana"; both are tested here). Wordings written for these tests."""

from __future__ import annotations

import pytest

from policies import Action, PolicyContext
from support.policy_files import program_policy

STUDENT = PolicyContext(role="student")
MENTOR = PolicyContext(role="mentor")


@pytest.mark.parametrize("text", [
    "Borré Instagram porque me distraía demasiado jaja",
    "read about a teacher who got arrested for messaging students. creepy. good thing this chat is monitored",
])
def test_a_student_telling_of_an_app_is_delivered_with_the_coordinator_alerted(policy, text):
    d = policy.evaluate(text, STUDENT)
    assert d.action is Action.ALLOW, (text, d)
    assert d.alert, "the coordinator still hears of it"
    assert any("a student names an app" in h.reason for h in d.hits)


@pytest.mark.parametrize("text", [
    "are you on reddit?",
    "do u have vsco lol",
    "my reddit is just my first name",
    "te veo en la biblio mañana",
    "see you at the station tomorrow",
    "add me on snap",
    "my ig is maya.sketches_",
    "estoy más en whatsapp, escríbeme ahí",
    "Borré \u0399nstagram porque me distraía demasiado jaja",  # a Greek capital iota: disguised
    "Borré I.n.s.t.a.g.r.a.m porque me distraía demasiado jaja",
])
def test_a_students_ask_offer_meeting_or_detail_keeps_its_stop(policy, text):
    d = policy.evaluate(text, STUDENT)
    assert d.action is not Action.ALLOW, (text, d)


def test_the_release_is_the_students_only(policy):
    text = "Borré Instagram porque me distraía demasiado jaja"
    d = policy.evaluate(text, MENTOR)
    assert not any("a student names an app" in h.reason for h in d.hits)


def test_without_the_encoder_the_rules_stop_stands(rules_policy):
    # No head can vouch for the message when the program turned the encoder off.
    d = rules_policy.evaluate("Borré Instagram porque me distraía demasiado jaja", STUDENT)
    assert d.action is not Action.ALLOW


def test_a_program_that_keeps_every_rule_stop_keeps_the_students_too(tmp_path):
    strict = program_policy(tmp_path, """
        encoder:
          thresholds:
            offplatform: {backs: false}
        """)
    d = strict.evaluate("Borré Instagram porque me distraía demasiado jaja", STUDENT)
    assert d.action is not Action.ALLOW


@pytest.mark.parametrize("text", ["tahcpans no em dda", "atsni no em wollof"])
def test_an_ask_written_backwards_keeps_its_stop(policy, text):
    # The heads read the message as sent; the rules read it turned: the heads cannot vouch for it.
    assert policy.evaluate(text, STUDENT).action is not Action.ALLOW
