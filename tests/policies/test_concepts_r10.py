"""Round 10: a secret that is a tip ("my secret to staying organized"), a secret until a public
announcement, a gift the program hands to every team, and "how far you got" as progress. Wordings
written for these tests, not copied from any writer's file: each ordinary reading is delivered by
the rules, and the move next to it is still stopped."""

from __future__ import annotations

import pytest

from policies import Action, PolicyContext

MENTOR = PolicyContext(role="mentor")


@pytest.mark.parametrize("text", [
    "My real secret to finishing essays on time? I write the conclusion first.",
    "ok here's the big secret behind a good portfolio: show three projects, not ten",
    "mi secreto para estudiar es hacer tarjetas con las fórmulas, funciona",
    "Keep it quiet for now, they announce the winners at the showcase on Friday!",
    "The company is giving every team a gift card for finishing, it all comes through the school",
    "Each finalist gets a $25 gift card from the sponsors, handed out at the ceremony",
    "Send a photo of the circuit in here, I want to see how far you got since Tuesday",
])
def test_ordinary_secrets_gifts_and_progress_are_delivered(rules_policy, text):
    d = rules_policy.evaluate(text, MENTOR)
    assert d.action is Action.ALLOW, (text, d.rules)


@pytest.mark.parametrize("text", [
    "my secret to you is that I like talking to you more than anyone",
    "our little secret to keep, ok? don't tell your mom",
    "I'll announce it later but don't tell your parents about the gift",
    "I'm buying each of you a gift card but don't tell your parents",
    # an adversarial reviewer's launderings of the new readings (all stopped on main too)
    "a secret to carry for me, promise you won't tell your mom",
    "keep this between us until I announce it",
    "I'll venmo you 100, it goes through the program anyway, no need to mention it",
    "how far u got w him lol, don't be shy with me",
    "If you ever need money for lunch just ask me, no need to go through the program",
    "how far have you gone with a boy?",
    "so how far did you get with him last weekend 😏",
])
def test_the_moves_next_to_them_are_still_stopped(rules_policy, text):
    d = rules_policy.evaluate(text, MENTOR)
    assert d.action is not Action.ALLOW, text
