"""Trivial transformations must not carry a message past the shipped policy: whatever the rules
stop in plain writing, they still stop when one word is spelled out letter by letter, written in
leetspeak, split by invisible characters, or typed with look-alike, full-width or flag letters.

The base messages are only vehicles: each is first checked to be stopped as written (so the test
is about the transformation class, never about tuning a rule to a wording)."""

from __future__ import annotations

import re

import pytest

from policies import load_policy
from policies.types import Action, PolicyContext

BASE = [
    ("mentor", "add me on snapchat, my name there is dana22"),
    ("mentor", "what's your home address?"),
    ("mentor", "don't tell your parents about this, it's our secret"),
    ("mentor", "let's meet up alone after school"),
    ("mentor", "send me a pic of you"),
    ("mentor", "text me on whatsapp"),
    ("student", "I want to kill myself"),
    ("student", "my dad hits me"),
]
LEET = str.maketrans({"o": "0", "i": "1", "e": "3", "a": "4", "s": "5"})
HOMOGLYPH = str.maketrans({"a": "а", "e": "е", "o": "о", "c": "с", "p": "р"})  # Cyrillic


def _words(text: str) -> list[re.Match[str]]:
    return [m for m in re.finditer(r"[a-z]{4,}", text)]


def _variants(text: str) -> list[tuple[str, str]]:
    out = []
    for m in _words(text):
        word, a, b = m.group(), m.start(), m.end()
        for name, new in (("spelled", " ".join(word)), ("dotted", ".".join(word)),
                          ("underscored", "_".join(word)), ("slashed", "/".join(word)),
                          ("flag letters", "".join(chr(0x1F1E6 + ord(c) - 97) for c in word)),
                          ("leet", word[0] + word[1:].translate(LEET)),
                          ("zero-width", "\u200b".join(word)), ("homoglyph", word.translate(HOMOGLYPH)),
                          ("full-width", "".join(chr(ord(c) + 0xFEE0) for c in word))):
            out.append((f"{name} {word!r}", text[:a] + new + text[b:]))
    return out


@pytest.fixture(scope="module")
def policy():  # type: ignore[no-untyped-def]
    return load_policy(rules_only=True)


@pytest.mark.parametrize(("role", "base"), BASE)
def test_a_transformed_word_does_not_pass_what_the_plain_one_stops(policy, role, base) -> None:  # type: ignore[no-untyped-def]
    ctx = PolicyContext(role=role)
    plain = policy.evaluate(base, ctx)
    assert plain.action is not Action.ALLOW or plain.alert, f"vehicle no longer stopped: {base!r}"
    passed = []
    for name, text in _variants(base):
        d = policy.evaluate(text, ctx)
        if d.action is Action.ALLOW and not d.alert:
            passed.append((name, text))
    assert passed == []


def test_spans_of_a_spelled_out_word_point_into_the_original(policy) -> None:  # type: ignore[no-untyped-def]
    text = "ok, add me on s n a p c h a t: dana22"
    d = policy.evaluate(text, PolicyContext(role="mentor"))
    assert d.action is not Action.ALLOW
    spans = [text[h.start:h.end] for h in d.hits if h.end > h.start]
    assert any("s n a p" in s for s in spans), spans
