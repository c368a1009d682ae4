"""Round 23: two ways a mentor's move to another channel went through, found by an outside review.

- Said to several students at once in Spanish (ustedes): "háblenme por WhatsApp", "contáctenme
  por Instagram" — the rules knew only the one-student forms ("háblame", "escríbeme").
- Beside a mention of this channel: "don't use this channel for personal stuff, slide into my dms
  for that" — any mention of the channel or a program event approved every meeting or private-chat
  move in the message. A move naming a private channel (DMs, inbox, texts) is now approved only
  when the message takes it back ("text me the answer… jk just post it here").
Wordings written for these tests."""

from __future__ import annotations

import pytest

from policies import Action, PolicyContext

MENTOR = PolicyContext(role="mentor")


@pytest.mark.parametrize("text", [
    "Chicos, si tienen preguntas del proyecto, escríbanme por WhatsApp en la noche.",
    "Para lo del viernes búsquenme en Insta, ahí contesto más rápido.",
    "Don't clutter this channel with side questions, slide into my DMs instead 😉",
    "This channel is for program stuff only. For everything else, dm me.",
])
def test_a_move_to_another_channel_is_stopped(rules_policy, text):
    d = rules_policy.evaluate(text, MENTOR)
    assert d.action is not Action.ALLOW, (text, d)


@pytest.mark.parametrize("text", [
    # words for this channel after a private move do not make it this channel's (a second review)
    "pm me on the channel at 11pm when nobody's watching",
    "inbox me the channel: @coolmentor22",
    "hablame mas tarde por este canal",
    "dm me the program chat won't know",
    "pm me whenever, actually I'm here till 9",
    "no wait, don't reply here, text me",
    "dm me your pics, jk not here lol",
    "I mean it, I'm always here for you. text me anytime",
])
def test_a_hedge_near_here_does_not_take_a_private_move_back(rules_policy, text):
    d = rules_policy.evaluate(text, MENTOR)
    assert d.action is not Action.ALLOW, (text, d)


@pytest.mark.parametrize("text", [
    "See you all at the career fair on Thursday, I'll be at the hospital's table.",
    "text me the answer... jk just post it here",
    "Escríbanme aquí en el canal si tienen dudas del proyecto.",
])
def test_the_programs_own_arrangements_stay_delivered(rules_policy, text):
    d = rules_policy.evaluate(text, MENTOR)
    assert d.action is Action.ALLOW, (text, d)
