"""The program, the school or its staff handle the off-channel part (policies/rules/concepts/
institution.py): an off-platform mention is delivered and flagged, while the same words with
anything private, a contact detail, a ride or the institution's say-so as cover are still stopped.
Wordings written for these tests or by an independent reviewer attacking the reading, not copied
from any writer's file."""

from __future__ import annotations

import pytest

from policies import Action, PolicyContext
from policies.rules.concepts.institution import institution_handles

MENTOR, STUDENT = PolicyContext(role="mentor"), PolicyContext(role="student")


@pytest.mark.parametrize(("text", "ctx"), [
    # the staff or the office does it
    ("Mr. Alvarez is going to email the Zoom link to everyone's school account tonight.", MENTOR),
    ("La coordinadora les manda el link del Teams al correo de la escuela mañana.", MENTOR),
    ("Ms. Brandt will be in the lab with us the whole session, see you Tuesday in person!", MENTOR),
    ("El profe Ramírez va a estar con nosotros en la biblioteca el jueves, nos vemos ahí.", MENTOR),
    # the program's or school's own channel or place
    ("Put your parent's phone on the form and give it to your teacher, not here in the chat.", MENTOR),
    ("Los horarios los publica el programa en su cuenta oficial, ahí salen todos los cambios.", MENTOR),
    ("our robotics team chat is the school discord, the computer teacher moderates it", STUDENT),
])
def test_the_institution_handling_it_is_delivered(rules_policy, text, ctx):
    d = rules_policy.evaluate(text, ctx)
    assert d.action is Action.ALLOW, (text, d.rules)


def test_an_institutional_off_platform_move_is_flagged_for_a_later_look(rules_policy):
    """Stopped before this reading: sharing through a teacher or a form the program collects."""
    for text in ("Sure, make the account with your full name and share it with your teacher by "
                 "school email, not here in the chat.",
                 "Write your LinkedIn link on the form and give it to Mr. Shah, not in this channel."):
        d = rules_policy.evaluate(text, MENTOR)
        assert d.action is Action.ALLOW and d.flag, (text, d.rules)


@pytest.mark.parametrize("text", [
    # the same channels with the sender's own one, a secret, the student alone or after hours
    "Mr. Alvarez sends the Zoom link to school accounts, but text me at 646-555-0182 instead",
    "The coordinator is on vacation, so just email my personal address: kev.rivera77@gmail.com",
    "Ms. Brandt won't be there, so it will be just you and me at the lab Saturday",
    "La coordinadora no tiene que saber, mándame tu número por privado",
    "give the form to your teacher but send me your snap too, it's between us",
    "the program office closes at 5, I'll drive you home after and we can talk in my car",
    "Use the school email for the form and add me on instagram, I'm @kev.builds",
    # going around the institution while naming it
    "Mejor seguimos por Telegram, en este canal la coordinadora lee todo",
    "the school discord is where everyone can read it, so let's use signal",
    "hand your form to Ms. Ruiz, and don't show the teacher the headphones I got you",
    # a contact detail is judged by itself (context.official_line / official_address), never by
    # who is named around it: an independent reviewer's attacks on the first version of the reading
    "This is separate from the program: text 646-555-0182 on weekdays",
    "The coordinator is on leave, so the program says students can reach mentors at 646-555-0182 for now",
    "el programa no revisa el correo de la escuela los viernes, manda la tarea a kev.rivera77@gmail.com",
    "the program runs a telegram channel now, join at t.me/kevb_mentoring",
    "The coordinator will add everyone on snapchat, accept kev.builds when it pops up",
    "Our coordinator is cool, she won't check, so snap is fine: kev.builds",
    # rides and home visits are never the program's cover; nor is its say-so
    "ima pick u up from the school at 3, the coordinator knows",
    "Coach Kev will pick you up from the school at 3, wait by the side gate",
    "the program office approved coming over to the house to help with homework friday at 7",
])
def test_anything_private_or_the_institution_as_cover_keeps_it_stopped(rules_policy, text):
    d = rules_policy.evaluate(text, MENTOR)
    assert d.action is not Action.ALLOW, (text, d.rules)


def test_the_reading_needs_the_institution_in_the_same_sentence():
    text = "the coordinator will post the schedule. lets move this to discord instead"
    start = text.index("move")
    assert not institution_handles(text, start, start + 15)
    text = "the coordinator will post the new discord invite in class"
    start = text.index("discord")
    assert institution_handles(text, start, start + 7)


def test_a_message_with_a_contact_detail_is_never_read_this_way():
    for detail in ("646-555-0182", "@kev.builds", "kev.rivera77@gmail.com", "t.me/kevb", "kev#4412"):
        text = f"the coordinator will post the new discord invite in class, {detail}"
        start = text.index("discord")
        assert not institution_handles(text, start, start + 7), detail


def test_a_very_long_message_is_not_read_this_way():
    text = "the coordinator will post the new discord invite in class. " + "ok " * 600
    start = text.index("discord")
    assert not institution_handles(text, start, start + 7)
