"""Stretched letters ("pleeeease", "secreeeet", "nooo") do not defeat the rules or the encoder."""

from __future__ import annotations

import pytest

from policies import Action, PolicyContext
from policies.engine import encoder_text
from policies.normalize import destretch

MENTOR, STUDENT = PolicyContext(role="mentor"), PolicyContext(role="student")
KNOWN = frozenset({"good", "god", "so", "please", "secret", "sleep", "tell", "no"}).__contains__


@pytest.mark.parametrize("text, squeezed", [
    ("pleeeease", "please"), ("secreeeet ok", "secret ok"), ("nooo", "no"),
    ("goood", "good"),            # two letters first: "good" before "god"
    ("sooo tired", "so tired"), ("sleeeep", "sleep"), ("teeeell", "tell"),
    ("porfaaaa", "porfa"), ("SEEECREEET", "SECRET"), ("síííí", "sí"),
    ("no le digaaas a tu mamaaa", "no le digas a tu mama"),
])
def test_runs_of_three_or_more_become_the_known_spelling_with_spans_kept(text, squeezed):
    out, index = destretch(text, KNOWN)
    assert out == squeezed
    assert "".join(text[i] for i in index) == out  # every kept letter points at the original


@pytest.mark.parametrize("text", ["see you at 3", "www.example.com", "email me at aaa@school.edu",
                                  "zzz", "room 3000", "hello", "coffee"])
def test_links_handles_numbers_and_ordinary_spellings_are_left_alone(text):
    assert destretch(text, KNOWN) is None


@pytest.mark.parametrize("text, role, family", [
    # insertions between the stretched words and the rest of the act
    ("this is our lil secreeeet ok", "mentor", "grooming"),
    ("dont ever teeell ur mom about this chat", "mentor", "grooming"),
    ("are ur parents hoooome rn?", "mentor", "grooming"),
    ("send me a seeelfie rn", "mentor", "grooming"),
    ("u look sooo cuuute in ur pic", "mentor", "grooming"),
    ("i just want to diiiie", "student", "concern"),
    ("i honestly just want to disappeeear", "student", "concern"),
    ("ur sooo stuuupid", "student", "language"),
    # Spanish
    ("es nuestro secretoooo", "mentor", "grooming"),
    ("no le digaaas a tu mamaaa", "mentor", "grooming"),
    ("me quiero moriiiir", "student", "concern"),
    ("¿tus papás están en casaaaa?", "mentor", "grooming"),
])
def test_stretched_acts_are_still_caught(rules_policy, text, role, family):
    d = rules_policy.evaluate(text, PolicyContext(role=role))
    if family == "concern":
        assert d.alert and d.action is not Action.BLOCK, d.hits
    else:
        assert d.action is not Action.ALLOW, d.hits
    # the hit points at the stretched words of the original message
    assert all(0 <= h.start <= h.end <= len(text) for h in d.hits)


@pytest.mark.parametrize("text", ["sooo goood, the interview went great!!", "nooo way thats so cool",
                                  "yesss i got the internship", "ahhh the deadline is tomorrow",
                                  "siiii mister, ya lo mandé", "graciaaas por la ayudaaa"])
def test_stretched_ordinary_chat_stays_allowed(rules_policy, text):
    d = rules_policy.evaluate(text, STUDENT)
    assert d.action is Action.ALLOW and not d.alert, d.hits


def test_the_encoder_reads_the_squeezed_text():
    known = frozenset({"please", "tell", "good"}).__contains__
    assert encoder_text("pleeeease dont teeell <@U123>", known) == "please dont tell Sam"
    assert encoder_text("a plain message", known) == "a plain message"


def test_long_and_adversarial_messages_stay_bounded(rules_policy):
    from policies.normalize import MAX_STRETCHED_WORDS

    out, _ = destretch("fuuu " * 200, KNOWN)
    assert out.count("fu ") == MAX_STRETCHED_WORDS  # the first 64 words only
    assert destretch("fuuu" * 25_000, KNOWN) is None  # 100,000 letters are no word
    # A long message is read a second time only around its stretched words, and the hit still
    # points at the original text.
    text = "the career fair is on friday in room 214. " * 1_200 + "this is our secreeeet ok"
    vtext, index = rules_policy.variant(text)
    assert len(vtext) < 1_000 and "our secret ok" in vtext
    d = rules_policy.evaluate(text, MENTOR)
    hit = next(h for h in d.hits if h.rule == "grooming.secrecy")
    assert "secreeeet" in text[hit.start:hit.end] and d.action is not Action.ALLOW
