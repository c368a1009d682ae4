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
