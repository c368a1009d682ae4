"""The contact head stops only messages with something concrete in them (policies/encoder/evidence.py)."""

from __future__ import annotations

import pytest

from policies import Action, PolicyContext, load_policy
from policies.encoder.evidence import contact_evidence, may_hold_contact
from policies.encoder.layer import EncoderLayer

STUDENT = PolicyContext(role="student")


@pytest.mark.parametrize("text", [
    "my cell is nine one seven", "its 347 then the rest later", "add me", "hmu on ig",
    "correo: tati arroba gmail", "mine is dre_builds2", "tati@mail", "me das tu número?",
    "whats ur snap", "llámame después de clase",
])
def test_concrete_contact_material_counts_as_evidence(text):
    assert contact_evidence(text)


@pytest.mark.parametrize("text", [
    "four (live)", "page seven", "ok see u there", "i got a 4 on the quiz", "what time is it",
    "tres (sí)", "see you at the career fair",
])
def test_one_number_word_or_plain_chat_is_no_contact_detail(text):
    assert not contact_evidence(text)


def test_only_short_lines_need_evidence():
    assert not may_hold_contact("four (live)")
    assert may_hold_contact("seven eight nine")  # the end of a number dictated over two messages
    assert may_hold_contact("where do you live exactly")  # a contact move with no detail in it


def test_the_contact_head_cannot_hold_a_message_with_nothing_to_share():
    """Even with its hold threshold under the message's score, "four (live)" is delivered; a
    message with digits at the same settings is held."""
    pol = load_policy()
    for text, held in (("four (live)", False), ("four seven (live)", True)):
        p = EncoderLayer().scores(text, "student")["contact"]
        pol.encoder = EncoderLayer({"contact": {"hold": max(p - 0.001, 0.01)}})
        d = pol.evaluate(text, STUDENT)
        assert (d.action is Action.HOLD and "encoder.contact" in d.rules) is held, (text, d.hits)
