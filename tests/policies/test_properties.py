"""Property tests: any string gets a decision, spans stay inside, evasions do not evade."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from policies import Action, Decision, PolicyContext

CTX = PolicyContext()
MENTOR = PolicyContext(role="mentor")  # every entry of VIOLATIONS is a violation from a mentor
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]
LOOKALIKE = {"a": "а", "e": "е", "o": "о", "c": "с", "p": "р", "x": "х", "y": "у", "i": "і"}
VIOLATIONS = [
    "fuck", "shit", "bitch", "what's your snap", "don't tell your teacher", "our secret",
    "call me at 555 867 5309", "send me a selfie", "are your parents home",
    "delete these messages", "let's move to whatsapp", "jdoe@gmail.com",
]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_any_string_gets_a_decision_with_spans_inside(policy, text):
    d = policy.evaluate(text, CTX)
    assert isinstance(d, Decision)
    for h in d.hits:
        assert 0 <= h.start <= h.end <= len(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200),
       st.sampled_from(["student", "mentor", "teacher", ""]))
def test_any_role_any_text(policy, text, role):
    d = policy.evaluate(text, PolicyContext(role=role))
    assert d.action in (Action.ALLOW, Action.HOLD, Action.BLOCK)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(VIOLATIONS), st.data())
def test_zero_width_and_lookalikes_do_not_evade(policy, text, data):
    chars = []
    for ch in text:
        if ch in LOOKALIKE and data.draw(st.booleans()):
            ch = LOOKALIKE[ch]
        chars.append(ch)
        if data.draw(st.booleans()):
            chars.append(data.draw(st.sampled_from(ZERO_WIDTH)))
    evasive = "".join(chars)
    d = policy.evaluate(evasive, MENTOR)
    assert d.action is not Action.ALLOW, evasive
    for h in d.hits:
        assert 0 <= h.start <= h.end <= len(evasive)


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(VIOLATIONS), st.text(max_size=60), st.text(max_size=60))
def test_violation_inside_any_text_is_caught(policy, text, before, after):
    # Sentences apart: the words around a violation in its own sentence may change what it
    # means ("my teacher said don't…"), text in another sentence must not.
    d = policy.evaluate(f"{before}.\n{text}.\n{after}", MENTOR)
    assert d.action is not Action.ALLOW


ADVERSARIAL = [
    "5" * 100_000,
    "5 " * 50_000,
    "5-" * 50_000,
    "(555) " * 16_000,
    "a" * 100_000,
    "a@" * 50_000,
    "f u c " * 16_000,
    "fuuu" * 25_000,
    "@" * 100_000,
    "www." * 25_000,
    "let's " * 16_000,
    "don't tell " * 9_000,
    "1.2.3.4." * 12_500,
    "at " * 33_000,
    "\u200b" * 100_000,
    "ѕһіt " * 20_000,
    "my insta is " * 8_000,
    "x" * 99_999 + "@gmail.com",
    # an ask taken back, then a run of apostrophes: no regex may try every split of the run
    "add me on snap jk " + "'" * 99_000 + "x",
    # ... and after a stranger named before a move (round 16's warning reading)
    "scammers " + "''" * 20 + " x x x x x x x x x switch to telegram " + "'" * 99_000,
    "i follow the mta on twitter for delays. " * 2_500,
    "this kid says hes gonna shoot up the school " * 2_200,
    "my friend got a dm on snap from some guy, she blocked him and told her mom. " * 1_300,
    # many numbers beside an office's name: the whole message was read again for each (round 24)
    "call the front desk of the school office at 718 555 01" + "5 " * 49_000,
    "the office line is 212-555-0190 ext. 4, " * 2_400,
    # round 26: office lines that go "straight to me", role-like mailboxes, credential asks
    "the main office line is 718-555-0143, that goes straight to me. " * 1_500,
    "apply to careers@harborline.com for the internship. " * 1_900,
    "send me your password and the code they texted you " * 1_900,
]


def test_adversarial_100k_messages_are_fast(rules_policy):
    # The rules layer's linear time (the encoder reads at most 256 word pieces of the first 4,096
    # characters, whatever the length: test_encoder.py; its cost is in benchmarks/policy_speed.py).
    for text in ADVERSARIAL:
        t0 = time.perf_counter()
        d = rules_policy.evaluate(text, CTX)
        took = time.perf_counter() - t0
        assert isinstance(d, Decision)
        # The requirement is 50 ms on this machine (benchmarks/policy_speed.py prints the
        # figure); the test bound is generous so a busy CI box does not flake.
        assert took < 0.5, f"{text[:20]!r}… took {took * 1000:.0f} ms"
