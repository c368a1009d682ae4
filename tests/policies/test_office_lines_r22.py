"""Round 22: a line given as a school's, program's or office's is checked, not trusted.

Before, a phone number the message called an institution's line was dropped from the rules' view
and delivered silently; an outside review got 171 of 347 personal numbers dressed as an office's
line through that way ("…but honestly it rings in my room"). Now such a line is delivered with the
coordinator alerted (only they can tell the school's real number), and anything in the message
tying it to somebody of the chat keeps the stop: the sender in the first person, the chat's own
people as who answers, the line as more private than this chat or to be hidden, a call when nobody
is around, a line reaching a home or a carried phone. Wordings written for these tests."""

from __future__ import annotations

import pytest

from policies import Action, PolicyContext
from policies.rules.concepts.context import line_tied_to_someone

MENTOR = PolicyContext(role="mentor")
STUDENT = PolicyContext(role="student")


@pytest.mark.parametrize(("role", "text"), [
    (MENTOR, "Families with questions about the trip can call the school's main office at 718-555-0126."),
    (MENTOR, "Si necesitan la oficina del programa, llamen al 929-555-0147 de 8 a 3."),
    (STUDENT, "the guidance office number is 347-555-0158 right? my mom wants to call about my schedule"),
])
def test_an_institutions_line_is_delivered_with_the_coordinator_alerted(rules_policy, role, text):
    d = rules_policy.evaluate(text, role)
    assert d.action is Action.ALLOW, (text, d)
    assert d.alert, "the coordinator checks it is the institution's real number"
    assert any("given as a school's" in h.reason for h in d.hits)


@pytest.mark.parametrize(("role", "text"), [
    (MENTOR, "The front desk is 646-555-0139 but after six it rings on the phone in my kitchen."),
    (MENTOR, "Reception line: 212-555-0164. I'm usually the one picking up, honestly."),
    (MENTOR, "Oficina del programa: 718-555-0182, pero contesto yo directamente."),
    (STUDENT, "the school office number is 917-555-0147, guess who answers it after 4 lol"),
    (MENTOR, "The help desk line is 929-555-0135, way more private than this chat."),
    (MENTOR, "Our hotline is 212-555-0171, call whenever you like, even on Sundays."),
    (STUDENT, "el número de la oficina es 347-555-0112, guárdalo con otro nombre"),
    (MENTOR, "The department line 646-555-0190 forwards to my cell after hours."),
    (MENTOR, "Save that under 'Library Desk': 646-555-0188, then nobody at home asks about it."),
    (MENTOR, "The union hall line is 718-555-0166 (it's personal too, honestly)."),
    (MENTOR, "The clinic line is 212-555-0145 and I'm the one on call most nights."),
])
def test_a_line_tied_to_somebody_of_the_chat_is_stopped(rules_policy, role, text):
    d = rules_policy.evaluate(text, role)
    assert d.action is not Action.ALLOW, (text, d)


def test_a_rule_against_personal_numbers_ties_nothing(rules_policy):
    text = "Reminder: please no personal numbers here. The school main office line is 718-555-0123."
    d = rules_policy.evaluate(text, MENTOR)
    assert d.action is Action.ALLOW and d.alert, (text, d)


@pytest.mark.parametrize("text", [
    "if you miss the bus call the front office at 718-555-0100 and they'll let me know",
    "mi mamá quiere llamar a la oficina del programa, es el 718-555-0144 verdad?",
    "Send it to the program inbox and Ms. Park will forward it to me.",
])
def test_first_person_words_about_something_else_tie_nothing(text):
    assert not line_tied_to_someone(text.lower())


def test_a_links_digits_are_still_no_phone_number(rules_policy):
    d = rules_policy.evaluate("Thursday's session: zoom.us/j/5550193847 (the school's account)", MENTOR)
    assert "contact.phone" not in d.rules


@pytest.mark.parametrize("text", [
    "the school office line is 212-555-0143, its m*y cell",
    "the school office line is 212-555-0143, its &#109;y cell",
    "call the program office at 212-555-0143, i a*nswer it",
])
def test_markup_that_hides_the_tie_does_not_turn_the_stop_into_an_alert(rules_policy, text):
    # the first reading (markup kept) sees an office's line; the reading without markup sees whose
    # it is, and its stop must win over the first reading's alert (an outside review, round 22)
    d = rules_policy.evaluate(text, MENTOR)
    assert d.action is not Action.ALLOW, (text, d)


def test_only_the_office_reading_carries_the_office_note(rules_policy):
    d = rules_policy.evaluate("is it jdoe at gmail dot com? jk nvm we cant share that", STUDENT)
    assert not any("given as a school's" in h.reason for h in d.hits), d
