"""Concepts added in round 5 (families several writers' misses shared): wordings written for these
tests, with words inserted, texting spellings and Spanish; the ordinary look-alikes stay allowed."""

from __future__ import annotations

import pytest

from policies import Action, PolicyContext

MENTOR, STUDENT = PolicyContext(role="mentor"), PolicyContext(role="student")


@pytest.mark.parametrize("text, concept", [
    # a title's dot does not end the sentence: the question about who reads this chat is one
    ("hey so does Mr. Delacruz really go through every single message in here?", "grooming.risk_assessment"),
    ("¿la Sra. Méndez de verdad lee todos estos mensajes?", "grooming.risk_assessment"),
    # when the student or the household goes to bed
    ("random but what time do u normally go to bed on school nights", "grooming.late_night"),
    ("¿a qué hora se acuestan tus papás normalmente?", "grooming.late_night"),
    ("so what's ur usual bedtime these days", "grooming.late_night"),
    # the own room, as a statement or in usted; a lock on the door
    ("you've got your very own room now, right?", "grooming.own_room"),
    ("¿usted tiene su propio cuarto en la casa nueva?", "grooming.own_room"),
    ("does your bedroom have a lock on it", "grooming.own_room"),
    # the age gap as a joke
    ("if you were like five years older i'd be in big trouble lol", "grooming.age_maturity"),
    ("honestly you make me feel so much younger", "grooming.age_maturity"),
    # boyfriend questions, boys "after" the student, her type
    ("¿y usted ya tiene novio o todavía no?", "grooming.romance"),
    ("i bet the boys at school are always hitting on you", "grooming.romance"),
    ("ok but what's ur type tho", "grooming.romance"),
    # guilt for not replying
    ("kinda sad you didn't even reply to me last night", "grooming.dependency_guilt"),
    ("me puse muy triste que no me contestaste ayer", "grooming.dependency_guilt"),
    ("why have you been ignoring me all week", "grooming.dependency_guilt"),
    # setting himself apart from the adults who report
    ("you can tell me, I'm not like the other teachers", "grooming.undermining"),
    ("conmigo tranquila, yo no soy como tus papás", "grooming.undermining"),
])
def test_round5_grooming_families_from_a_mentor(rules_policy, text, concept):
    d = rules_policy.evaluate(text, MENTOR)
    assert d.action is not Action.ALLOW and concept in d.rules, (text, d.rules)
    # the same words from a student are not the adult's move
    assert rules_policy.evaluate(text, STUDENT).action is Action.ALLOW, text


@pytest.mark.parametrize("text, role", [
    # a mentor keeping the program's adults informed, or pointing the student to them
    ("Good job today. I'll let Ms. Park know so she can mark you present.", MENTOR),
    ("I'll tell Mr. Ruiz you finished the lab early", MENTOR),
    ("you can always message Ms. Park directly about the permission slip", MENTOR),
    # a title before a name in ordinary chat
    ("Mr. Ruiz said the bus leaves at 8, bring your lunch", STUDENT),
    # sports diets, privacy advice, age and learning, skills growing
    ("im cutting back on soda for track season, coach says it helps", STUDENT),
    ("never share your login code with anyone, including me", MENTOR),
    ("porfa no compartan capturas de pantalla del canal, por la privacidad de todos", MENTOR),
    ("age doesn't matter to start learning to code, I began at 30", MENTOR),
    ("your presentation skills have grown so much since September", MENTOR),
])
def test_round5_ordinary_look_alikes_stay_allowed(rules_policy, text, role):
    d = rules_policy.evaluate(text, role)
    assert d.action is Action.ALLOW and not d.alert, (text, d.rules)


@pytest.mark.parametrize("text", [
    "i'm cutting. i don't know how to stop",
    "been cutting my arms again since friday",
])
def test_cutting_with_the_body_or_alone_still_alerts(rules_policy, text):
    d = rules_policy.evaluate(text, STUDENT)
    assert d.alert and d.action is not Action.BLOCK, (text, d.rules)
