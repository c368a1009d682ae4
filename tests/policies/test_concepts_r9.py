"""Round 9: the program's own line pointed at after the office is named, a meeting with a member
of staff or in a school room, and a student's question about what mentors may do. Wordings written
for these tests, not copied from any writer's file: each ordinary reading is delivered, and the
violation next to it is still stopped."""

from __future__ import annotations

import pytest

from policies import Action, PolicyContext

MENTOR, STUDENT = PolicyContext(role="mentor"), PolicyContext(role="student")


@pytest.mark.parametrize("text, role", [
    # the institution named first, the last clause only pointing at its line
    ("For the permission slips, check with the main office on the 2nd floor, the number is 718-555-0166.",
     MENTOR),
    ("si tienen preguntas del trip, la oficina de la escuela, teléfono 347-555-0121", MENTOR),
    ("si necesitan hablar con el programa, llamen al 929-555-0102 de 9 a 3", MENTOR),
    # a meeting with a teacher present, or in a numbered school room
    ("nos vemos el lunes en la cafetería con la profe Díaz para la práctica de entrevista", MENTOR),
    ("we'll meet in room 214 with Ms. Park after 6th period", MENTOR),
    # a student asking what mentors may do
    ("are mentors allowed to follow us back on instagram? my friend asked", STUDENT),
    ("los mentores pueden darnos su whatsapp o no?", STUDENT),
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
    # an ask, not a question about the rules
    ("can u add me on insta, my @ is the same as my name", STUDENT),
])
def test_the_violation_next_to_it_is_still_stopped(rules_policy, text, role):
    d = rules_policy.evaluate(text, role)
    assert d.action is not Action.ALLOW, (text, d.rules)
