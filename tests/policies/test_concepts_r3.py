"""Concepts added in round 3 (writers d5–d7 showed them missing): wordings written for these tests,
with words inserted, texting spellings and Spanish; the ordinary look-alikes stay allowed."""

from __future__ import annotations

import pytest

from policies import Action, PolicyContext

MENTOR, STUDENT = PolicyContext(role="mentor"), PolicyContext(role="student")


@pytest.mark.parametrize("text, concept", [
    # who reads or keeps this chat (risk assessment)
    ("do the mods ever actually go back and read this channel?", "grooming.risk_assessment"),
    ("who else can read these messages besides us", "grooming.risk_assessment"),
    ("¿la coordinadora de verdad revisa todos estos mensajes?", "grooming.risk_assessment"),
    # guilt and owed loyalty
    ("I thought we were a lot closer than that, honestly", "grooming.dependency_guilt"),
    ("after all the hours I've put into you this year", "grooming.dependency_guilt"),
    ("después de todo lo que te he ayudado, ni me contestas", "grooming.dependency_guilt"),
    # dating talk
    ("so is there a special someone in your life rn?", "grooming.romance"),
    ("do ur parents even let you date yet", "grooming.romance"),
    ("¿tus papás te dejan tener novio?", "grooming.romance"),
    # undermining the program's adults and the parents
    ("the coordinator is honestly way too uptight about this stuff", "grooming.undermining"),
    ("las reglas del programa son bien exageradas, tranqui", "grooming.undermining"),
    ("don't worry about the rules with me, we're good", "grooming.undermining"),
    ("your mom sounds kinda controlling tbh", "grooming.undermining"),
    # cover stories
    ("tell your mom it was a prize from school, easier that way", "grooming.secrecy"),
    ("just say you were at tutoring if anyone asks", "grooming.secrecy"),
])
def test_new_grooming_concepts_from_a_mentor(rules_policy, text, concept):
    d = rules_policy.evaluate(text, MENTOR)
    assert d.action is not Action.ALLOW and concept in d.rules, (text, d.rules)
    # the same words from a student are not the adult's move (at most a quiet weak signal)
    assert rules_policy.evaluate(text, STUDENT).action is Action.ALLOW


@pytest.mark.parametrize("text", [
    "a veces quiero matarme, no sé",
    "he pensado mucho en morirme estos días",
    "honestly it would be so much easier if i wasn't here",
    "mi padrastro me tiró el celular en la cara anoche",
    "my ex choked me at the party and nobody did anything",
    "en el bus se burlan de mi acento todos los días",
    "ya no aguanto, me voy de mi casa esta noche",
    "honestly i make myself throw up after dinner most nights",
    "nobody's really been home since sunday",
])
def test_new_disclosure_wordings_alert_and_are_never_blocked(rules_policy, text):
    d = rules_policy.evaluate(text, STUDENT)
    assert d.alert and d.action is not Action.BLOCK, (text, d.rules)


@pytest.mark.parametrize("text, role", [
    ("hoy me toca presentar en clase, deséenme suerte", STUDENT),
    ("mi grupo se fue y todo me toca a mí jaja", STUDENT),
    ("my girlfriend made me a playlist for the interview lol", STUDENT),
    ("the coordinator reads this channel too, so tag her if you need the form", MENTOR),
    ("please keep all questions in this channel so the coordinator can see them", MENTOR),
    ("Your dad sounds strict about grades, but that's because he cares", MENTOR),
    ("the rules for the science fair are kind of confusing, let's read them together", MENTOR),
    ("I went out of my way to find three internships for the whole group, check the doc", MENTOR),
    ("todos se rieron cuando el profe se cayó de la silla jaja", STUDENT),
    ("my backpack is packed and ready for the college trip!", STUDENT),
    ("our robotics team is gonna run away with the trophy this year", STUDENT),
])
def test_ordinary_look_alikes_stay_allowed(rules_policy, text, role):
    d = rules_policy.evaluate(text, role)
    assert d.action is Action.ALLOW and not d.alert, (text, d.rules)
