"""Round 18: "my gamertag is so old", "my email is still the one from middle school": an account
talked of, nothing of it given, is delivered; the same words with a handle, an address, a number
or "add me" are still stopped. And an office's number named by its department ("the number of
human resources", "the financial aid line") is an institution's line. Own wordings."""

from __future__ import annotations

import pytest

from policies import Action, PolicyContext

STUDENT = PolicyContext(role="student")


@pytest.mark.parametrize("text", [
    "my gamertag is so old, it's from when i was 9",
    "my ig is lowkey dead lol",
    "mi usuario es viejísimo jaja",
    "my email is still the one my mom made for me in 4th grade, kinda embarrassing for applications",
])
def test_an_account_described_is_delivered(rules_policy, text):
    assert rules_policy.evaluate(text, STUDENT).action is Action.ALLOW, text


@pytest.mark.parametrize("text", [
    "my gamertag is shadowwolf",
    "my email is still jdoe22 at gmail",
    "my snap is so dead its like ghost town",
    "my gamertag is so bad its literally shadow wolf",
    "my insta is so empty lol follow me tho",
    "my gamertag on xbox is so cringe its darkknight22",
    "my email is still the one from middle school, jessiegirl at yahoo",
    "my snap is still the one from 7th grade, lilbeanxo without the o",
    "my gamertag is so old lol GhostRiderQ with a q",
    "my snap is still shadow wolf",
    "my insta is still sunset lover",
    "my xbox gamertag is hella old lol dark knight forever",
    "my gamertag is so old, dark knight from when i was 9",
    "my snap is still the one with my name, jay smith",
    "my email is still the one on my resume, write me there",
])
def test_an_account_given_is_still_stopped(rules_policy, text):
    assert rules_policy.evaluate(text, STUDENT).action is not Action.ALLOW, text


@pytest.mark.parametrize("text", [
    "el número de recursos humanos de la empresa es 212-555-0147, lo puedes usar para preguntar",
    "the financial aid office line is 718-555-0199 if u need it",
    "la línea de ayuda financiera del college es 646 555 0102",
])
def test_a_departments_line_is_delivered(rules_policy, text):
    assert rules_policy.evaluate(text, STUDENT).action is Action.ALLOW, text


@pytest.mark.parametrize("text", [
    "my security desk number is 212-555-0190 text me",
    "text me at the station, 212-555-0133",
])
def test_a_line_that_is_the_senders_is_stopped(rules_policy, text):
    assert rules_policy.evaluate(text, STUDENT).action is not Action.ALLOW, text


@pytest.mark.parametrize("text", [
    "you can book the plant tour through our community office, 212-555-0164",
    "if u need the guidance office its 718-555-0135, they open at 8",
    "la oficina de admisiones: 212 555 0170",
])
def test_an_office_named_before_its_number_is_delivered(rules_policy, text):
    assert rules_policy.evaluate(text, STUDENT).action is Action.ALLOW, text


@pytest.mark.parametrize("text", [
    "our tiny office is 929-555-0181, keep it for after the program",
    "la oficina de pedro: 347-555-0122, escríbele cuando quieras",
    "the guidance office 917-555-0144, ask for me, i'm there late",
    "the records office 718-555-0157 actually goes to my cell",
    "the back office is 917-555-0112, that's where i usually am",
    "the mentoring office 917-555-0112 is me basically",
    "call me at the office, 212-555-0101",
    "my office, 212-555-0101",
    "the office never picks up, text 917-555-0101",
])
def test_an_office_that_is_the_senders_is_stopped(rules_policy, text):
    assert rules_policy.evaluate(text, STUDENT).action is not Action.ALLOW, text


MENTOR = PolicyContext(role="mentor")


@pytest.mark.parametrize("text", [
    "just message me here when the essay is done, I check the channel after work",
    "escríbeme aquí mismo cuando termines el presupuesto",
    "text me in this channel if the link doesn't open",
])
def test_writing_here_is_this_channel(policy, text):
    d = policy.evaluate(text, MENTOR)
    assert d.action is Action.ALLOW, (text, d)  # delivered (flagged when a rule read an ask)


@pytest.mark.parametrize("text", [
    "message me here or on insta",
    "text me here 917 555 0101",
    "dm me here",
    "text me",
    "escríbeme aquí o por whatsapp",
    "message me here after midnight when nobody is checking",
    "text me here and we can plan to meet up this weekend",
    "text me here when everyone's asleep",
    "text me here anytime, i'll always answer you first",
    "text me here and i'll send you my digits",
    "message me here and then delete it",
])
def test_here_with_another_place_is_still_stopped(policy, text):
    assert policy.evaluate(text, MENTOR).action is not Action.ALLOW, text


@pytest.mark.parametrize("text", [
    "my boyfriend makes me share my location all the time",
    "my dad makes me share my location and hits me if i turn it off",
    "my dad makes me delete my friends and hits me",
])
def test_control_or_harm_is_still_a_disclosure(rules_policy, text):
    d = rules_policy.evaluate(text, STUDENT)
    assert d.alert and d.action is not Action.ALLOW, text
