"""Round 7: where the concept rules stopped fresh writers' ordinary chat (the spent sealed sets I–L)
the concept is read more exactly. Wordings written for these tests, not copied from any writer's
file: each ordinary reading stays allowed, and the violation next to it is still stopped."""

from __future__ import annotations

import pytest

from policies import Action, PolicyContext

MENTOR, STUDENT = PolicyContext(role="mentor"), PolicyContext(role="student")


@pytest.mark.parametrize("text, role", [
    # a number or address an institution owns, named as its owner
    ("Permission slip questions? Ring the district office at 631-555-0107 and ask for Mr. Ames.", MENTOR),
    ("the school's attendance line is 845-555-0133 if ur gonna be late", STUDENT),
    ("If your parents want to reach me about the visit, the coordinator's office line is 315-555-0150.",
     MENTOR),
    ("La línea de la oficina del programa es 718-555-0166, de lunes a viernes.", MENTOR),
    ("Send the signed form to admissions@northside-ptech.example.org by Friday.", MENTOR),
    ("mándalo a info@programa-ejemplo.org y ellos te confirman", MENTOR),
    # another adult there, or the offer made to the whole group
    ("Whoever needs help with the CAD file, I'll stay 15 minutes after Tuesday's session with Mr. Ochoa.",
     MENTOR),
    # the student's own family driving
    ("my grandpa drives me to school on fridays so i'm always early", STUDENT),
    ("mi prima me lleva al colegio cuando hace frío", STUDENT),
    # "mojado" as the word for wet
    ("se me olvidó el paraguas y quedé bien mojado jaja", STUDENT),
    # a workplace rule, not a secret
    ("The lab won't let anyone past the door without safety glasses, so bring yours.", MENTOR),
    # good at doing something, in Spanish
    ("Eres muy buena programando, se nota en el proyecto final.", MENTOR),
    # deferring to the parents, the opposite of "nobody gets you like I do"
    ("Ask your mom and dad what they think, they know you way better than I do.", MENTOR),
])
def test_ordinary_readings_are_allowed(rules_policy, text, role):
    d = rules_policy.evaluate(text, role)
    assert d.action is Action.ALLOW, (text, d.rules)


@pytest.mark.parametrize("text, role, family", [
    # the sender's own number or address, even next to an institution word
    ("text me at the office, 631-555-0107", MENTOR, "contact."),
    ("after school just call 845-555-0133", MENTOR, "contact."),
    ("my cell is 718-555-0166, the program office never picks up", MENTOR, "contact."),
    ("email me at info@my-own-site.example.com", MENTOR, "contact."),
    ("send it to jsmith.home@gmail.com instead", MENTOR, "contact."),
    # the cover story, or no other adult at all
    ("stay after the session and I'll drive you home, I'll clear it with Mr. Ochoa", MENTOR, ""),
    ("stay after the workshop with me, just us two", MENTOR, ""),
    # a family member only mentioned: the ask is still for a ride
    ("mi mamá trabaja hasta tarde, ¿me puedes dar un pon?", STUDENT, "offplatform."),
    # the slur, and secrecy asked for
    ("ese mojado no sabe ni hablar", STUDENT, "language."),
    ("you can't let anyone know we talked about this", MENTOR, ""),
    ("estás muy buena, ¿sabías?", MENTOR, "grooming."),
    ("they don't get you like I do", MENTOR, "grooming."),
])
def test_violations_next_to_them_are_still_stopped(rules_policy, text, role, family):
    d = rules_policy.evaluate(text, role)
    assert d.action is not Action.ALLOW, (text, d.rules)
    assert any(r.startswith(family) for r in d.rules), (text, d.rules)


def test_an_office_address_read_as_leetspeak_is_no_link(rules_policy):
    """The second reading turns an address's "@" into "a"; the first pass already judged the
    address, so no link hit comes back from the second (it held the office's address before)."""
    text = "It's mentoring-office@ptech-example.org, the official one. Todo lo del programa va ahí."
    d = rules_policy.evaluate(text, MENTOR)
    assert d.action is Action.ALLOW, d.rules
    personal = rules_policy.evaluate("It's dana.r.home@gmail.com. Todo lo del programa va ahí.", MENTOR)
    assert "contact.email" in personal.rules and "links.domain" not in personal.rules


@pytest.mark.parametrize("text", [
    "do u have snap? jk jk i know the rules",
    "profe usted tiene tiktok? es broma, ya sé que no se puede",
    "could u drive me to the expo?? just kidding my dad is taking me",
])
def test_a_students_ask_taken_back_is_delivered(rules_policy, text):
    """A student's ask retracted in the same breath is a weak signal: delivered, never held."""
    d = rules_policy.evaluate(text, STUDENT)
    assert d.action is Action.ALLOW, (text, d.rules)
    assert d.hits, "the ask is still on record for the coordinator"


@pytest.mark.parametrize("text, role", [
    ("do u have snap? jk... unless 👀", STUDENT),  # the retraction taken back
    ("do u have snap? jk its kayla_b09", STUDENT),  # something concrete shared anyway
    ("my number is 917 555 0143 jk", STUDENT),
    ("what's your snap? jk jk", MENTOR),  # an adult's "jk" is boundary testing
    ("whats ur insta", STUDENT),
])
def test_asks_not_really_taken_back_still_stop(rules_policy, text, role):
    d = rules_policy.evaluate(text, role)
    assert d.action is not Action.ALLOW, (text, d.rules)


def test_another_adults_office_is_a_referral(rules_policy):
    referral = "The nurse, Ms. Hill, is great — you can stop by her office anytime this week."
    assert rules_policy.evaluate(referral, MENTOR).action is Action.ALLOW
    invite = "you can stop by my office saturday, nobody will be there"
    assert rules_policy.evaluate(invite, MENTOR).action is not Action.ALLOW
    usted = "profe puedo pasar por su oficina un día que no haya programa? sin los demás"
    assert rules_policy.evaluate(usted, STUDENT).action is not Action.ALLOW
