"""Round 9: the program's own office line pointed at after the office is named, and a meeting with
a member of staff at a school place. Wordings written for these tests (and a reviewer's attempts
to slip through), not copied from any writer's file: each ordinary reading is delivered, and the
violation next to it is still stopped."""

from __future__ import annotations

import pytest

from policies import Action, PolicyContext

MENTOR, STUDENT = PolicyContext(role="mentor"), PolicyContext(role="student")


@pytest.mark.parametrize("text, role", [
    # the institution named first, the last clause only pointing at its line
    ("If you need the main office for the permission slips, the number is 718-555-0166.", MENTOR),
    ("comuníquense con la oficina de la escuela, teléfono 347-555-0121", MENTOR),
    ("si necesitan la oficina del programa para el permiso, llamen al 929-555-0102", MENTOR),
    # a meeting with a teacher present, or in a numbered school room
    ("nos vemos el lunes en la cafetería con la profe Díaz para la práctica de entrevista", MENTOR),
    ("we'll meet in room 214 with Ms. Park after 6th period", MENTOR),
    # second half: somebody's joke judged, not the person called a joke
    ("lol your dad joke was so bad i actually laughed", STUDENT),
    ("jaja tu chiste del pollo estuvo pésimo", STUDENT),
    # an office's number pointed at on its flyer or website
    ("if you need the main office about the trip, the number is on the website: 718-555-0177", MENTOR),
    # the class's or program's folder, and the word "example"
    ("the slides are in the class folder: drive.google.com/drive/folders/1Qa2Ws3Ed", MENTOR),
    ("subí mi resume al drive del programa: drive.google.com/file/d/9xYz/view", STUDENT),
    ("for example, a for.example typo is no link", STUDENT),
])
def test_program_context_is_delivered(rules_policy, text, role):
    d = rules_policy.evaluate(text, role)
    assert d.action is Action.ALLOW, (text, d.rules)


@pytest.mark.parametrize("text, role", [
    # the office named but failing, or the sender's own line
    ("the front office never picks up, text me instead at 718-555-0166", MENTOR),
    ("la oficina está cerrada, el número es 347-555-0121, es mi cel", MENTOR),
    ("the school office is useless lol, number is 917-555-0190 just call me", MENTOR),
    # a meeting away from school, alone, or kept from the teacher
    ("nos vemos en el parque el domingo, tú y yo nomás", MENTOR),
    ("let's meet at the mall saturday, don't tell Ms. Park", MENTOR),
    # an institution named, then the sender's own line or a time to call (a reviewer's attempts)
    ("Our company is hiring teens, text 917 555 0123 for an interview", MENTOR),
    ("the guidance office takes forever, call 917-555-0123 instead", MENTOR),
    ("sobre el programa, llamen al 917-555-0123 cuando quieras", MENTOR),
    ("after school, text 917-555-0123", STUDENT),
    # a "teacher" who is the sender, a room that is not at school
    ("nos vemos en el parque el sábado con Mr. Pérez", MENTOR),
    ("nos juntamos en la biblioteca con la profe, osea yo 😏", MENTOR),
    ("lets meet at the Marriott, room 214, saturday night", MENTOR),
    # second half: the person called a joke, the office's number beside the sender's own
    ("ur a joke fr", STUDENT),
    ("you're such a joke lmao", STUDENT),
    ("eres un chiste 🤡", STUDENT),
    ("the office number is on the flyer but just text me instead, 718-555-0177", MENTOR),
])
def test_the_violation_next_to_it_is_still_stopped(rules_policy, text, role):
    d = rules_policy.evaluate(text, role)
    assert d.action is not Action.ALLOW, (text, d.rules)


def test_a_threat_quoted_after_told_is_somebody_elses_words():
    from policies.rules.concepts.context import single_quoted

    text = 'a kid on my bus told my friend "i will fight you" and everyone laughed'
    start = text.index("i will")
    assert single_quoted(text, start, start + len("i will fight you"))
    own = 'i told him "i will fight you" if he does it again'
    start = own.index("i will")
    assert not single_quoted(own, start, start + len("i will fight you"))


@pytest.mark.parametrize("text, role, expected", [
    # a mentor's own file share, on a host the program allows for class work
    ("all my old project pics are in my drive: drive.google.com/drive/folders/1Qa2Ws3Ed", MENTOR,
     "links.personal_share"),
    ("te paso mi carpeta personal de dropbox, dropbox.com/sh/abc123/xyz", MENTOR, "links.personal_share"),
    # a link on the reserved documentation domain is a link like any other
    ("free skins if u sign up here lol skinz-drop.example/claim", STUDENT, "links.domain"),
])
def test_personal_shares_and_example_links_are_held(rules_policy, text, role, expected):
    d = rules_policy.evaluate(text, role)
    assert d.action is Action.HOLD and expected in d.rules, (text, d.rules)
