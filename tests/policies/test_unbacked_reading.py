"""Round 19: a mentor's public line — a phone number written as plain digits, with no word of the
mentor's own anywhere in the message — that the contact, off-platform and grooming heads do not
back is delivered, with the coordinator alerted as for any number a mentor gives, instead of
blocked. Students' messages keep every stop. Spelled digits, a link, the sender's own words ("ask
for me", "that's my desk", "pregunta por mí"), padding around the number, a head switched off,
look-alike letters and any encoder hold keep the stop. Wordings written for these tests, not copied
from any writer's file."""

from __future__ import annotations

import textwrap

import pytest

from policies import Action, PolicyContext, load_policy
from policies.engine import _plainly_written

MENTOR = PolicyContext(role="mentor")
STUDENT = PolicyContext(role="student")
LOBBY = "The lobby desk is 646-555-0117, ask them for the P-TECH visitor list."


def test_a_public_line_is_delivered_and_the_coordinator_alerted(policy, rules_policy):
    assert rules_policy.evaluate(LOBBY, MENTOR).action is not Action.ALLOW  # the rules alone stop it
    d = policy.evaluate(LOBBY, MENTOR)
    assert d.action is Action.ALLOW and d.alert, d
    line = [h for h in d.hits if h.rule == "contact.phone"]
    assert line and "not read as the mentor's own" in line[0].reason
    assert d.signal > 0  # it still counts toward the conversation score


@pytest.mark.parametrize("text", [
    "my cell is 917-555-0142 if you need me this weekend",
    # the sender's own words anywhere, in English and Spanish
    "The lobby desk is 646-555-0117, ask for me at the visitor list.",
    "The lobby desk is 646-555-0117. Ask for me.",
    "the hospital's main line is 212-555-0100 ext 4412, that's my desk",
    "la línea del hospital es 212-555-0100, pregunta por mí",
    "the hospital's main line is 212-555-0100, call whenever",
    # padding in other sentences, then the number alone; padding inside one long sentence
    "Great session today! Remember the resume is due Friday and the mock interview is next Tuesday "
    "at 4 in room 214. Bring two references. 917-555-0142 btw",
    "the resume is due friday and the mock interview is tuesday and the portal closes at 5 and you can "
    "reach the desk at 917-555-0142 and bring two references",
    # spelled digits, a link, look-alike letters
    "The lobby desk is six four six, five five five, zero one one seven, ask them for the list.",
    "The lobby desk is 646-555-0117, the list is at ptech-visits.example.com",
    "Ｔｈｅ ｌｏｂｂｙ ｄｅｓｋ is 646-555-0117, ask them for the visitor list.",
])
def test_a_line_that_may_be_the_mentors_own_stays_stopped(policy, text):
    assert policy.evaluate(text, MENTOR).action is not Action.ALLOW, text


@pytest.mark.parametrize("text", [
    "the front desk number at my job is 718-555-0122 if the portal breaks again",
    "Borré TikTok porque me quitaba todo el tiempo jaja",
    "my gamertag is so cringe i made it in 5th grade, not telling anyone lol",
])
def test_students_messages_keep_their_stops(policy, rules_policy, text):
    # A student's flag reaches no coordinator's list, and the heads miss students' hints.
    assert rules_policy.evaluate(text, STUDENT).action is not Action.ALLOW, text
    assert policy.evaluate(text, STUDENT).action is not Action.ALLOW, text


@pytest.mark.parametrize("text", [
    "ｔｅｘｔ ｍｅ ｌａｔｅｒ",
    "ⓛⓔⓣⓢ ⓜⓔⓔⓣ ⓤⓟ",
    "𝐥𝐞𝐭𝐬 𝐤𝐞𝐞𝐩 𝐭𝐡𝐢𝐬 𝐨𝐮𝐫 𝐬𝐞𝐜𝐫𝐞𝐭",
    "\u043eur s\u0435cret",
])
def test_look_alike_letters_are_not_plainly_written(text):
    assert not _plainly_written(text)


@pytest.mark.parametrize("text", ["Nos vemos el jueves en la sala 214 🙂", "Good job… see you Friday",
                                  "¿Qué tal la entrevista? ¡Cuéntame!"])
def test_ordinary_accents_emoji_and_punctuation_are_plainly_written(text):
    assert _plainly_written(text)


def test_look_alike_letters_keep_a_mentors_soft_stop(policy):
    assert policy.evaluate("𝐥𝐞𝐭𝐬 𝐤𝐞𝐞𝐩 𝐭𝐡𝐢𝐬 𝐨𝐮𝐫 𝐬𝐞𝐜𝐫𝐞𝐭", MENTOR).action is not Action.ALLOW


def test_the_rules_alone_keep_the_stop(rules_policy):
    assert rules_policy.evaluate(LOBBY, MENTOR).action is not Action.ALLOW


def _program(tmp_path, body: str):
    path = tmp_path / "program.yml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return load_policy(path)


def test_a_program_can_keep_every_contact_stop(tmp_path):
    strict = _program(tmp_path, """
        encoder:
          thresholds:
            contact: {backs: false}
        """)
    assert strict.evaluate(LOBBY, MENTOR).action is not Action.ALLOW


def test_a_head_switched_off_cannot_vouch_for_a_number(tmp_path):
    blind = _program(tmp_path, """
        encoder:
          thresholds:
            contact: {on: false}
        """)
    for text in (LOBBY, "my cell is 917 555 0148", "Here is the number 917-555-0142"):
        assert blind.evaluate(text, MENTOR).action is not Action.ALLOW, text
