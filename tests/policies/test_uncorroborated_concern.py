"""Disclosure words the concern head does not read as a disclosure: alerted, never held or lost."""

from __future__ import annotations

from policies import Action, PolicyContext, load_policy
from support.encoder_helpers import around

STUDENT, MENTOR = PolicyContext(role="student"), PolicyContext(role="mentor")


def _held_by_disclosure_words(*texts: str) -> str:
    """The first text the rules alone hold for disclosure words only."""
    rules = load_policy(rules_only=True)
    for t in texts:
        d = rules.evaluate(t, STUDENT)
        stopping = [h for h in d.hits if h.action is not Action.ALLOW]
        if d.action is Action.HOLD and stopping and all(h.category == "concern" for h in stopping):
            return t
    raise AssertionError("the rules hold none of these for disclosure words")


def _policy_with_alert_band(text: str, offset: float, alert: float | None = None):
    """The concern head's corroborate threshold ``offset`` from this message's score (and its
    alert band there too, or at ``alert``)."""
    pol = load_policy()
    pol.encoder = around(text, "student", concern={"hold": 1.0, "corroborate": offset,
                                                   "alert": offset if alert is None else alert})
    return pol


def test_uncorroborated_disclosure_words_are_delivered_with_an_alert():
    text = _held_by_disclosure_words("ugh i wanna die", "i hate tuesdays i wanna disappear lol",
                                     "i want to die this homework is so long")
    quiet = _policy_with_alert_band(text, +0.01).evaluate(text, STUDENT)  # head below its band
    assert quiet.action is Action.ALLOW and quiet.alert and quiet.notice is None
    assert any("below the score that backs disclosure words" in h.reason for h in quiet.hits)
    held = _policy_with_alert_band(text, -0.01).evaluate(text, STUDENT)  # head agrees
    assert held.action is Action.HOLD and held.alert and "reach out" in held.notice


def test_switching_the_alert_band_off_keeps_the_rules_hold(tmp_path):
    text = _held_by_disclosure_words("ugh i wanna die", "i want to die")
    path = tmp_path / "policy.yml"
    path.write_text("encoder:\n  thresholds:\n    concern: {alert: false}\n", encoding="utf-8")
    d = load_policy(path).evaluate(text, STUDENT)
    assert d.action is Action.HOLD and d.alert


def test_other_stops_are_not_quieted():
    """Disclosure words next to a phone number: the number still holds the message."""
    text = _held_by_disclosure_words("ugh i wanna die", "i want to die")
    text += " call 347 555 0199"
    d = _policy_with_alert_band(text, +0.01).evaluate(text, STUDENT)
    assert d.action is not Action.ALLOW and d.alert


def test_the_wider_alert_band_does_not_hold_disclosure_words_it_does_not_corroborate():
    """Round 17: the alert band reaches below the corroborate threshold. A score in between
    alerts the coordinator, but it does not back the rules' disclosure words into a hold."""
    text = _held_by_disclosure_words("ugh i wanna die", "i hate tuesdays i wanna disappear lol",
                                     "i want to die this homework is so long")
    between = _policy_with_alert_band(text, +0.01, alert=-0.01).evaluate(text, STUDENT)
    assert between.action is Action.ALLOW and between.alert and between.notice is None
    assert any("below the score that backs disclosure words" in h.reason for h in between.hits)
    # A program that raises its alert band above the corroborate threshold raises that too.
    pol = load_policy()
    pol.encoder = around(text, "student", concern={"hold": 1.0, "corroborate": -0.02, "alert": +0.01})
    raised = pol.evaluate(text, STUDENT)
    assert raised.action is Action.ALLOW and raised.alert
