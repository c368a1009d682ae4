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
    ("Whoever needs help with the CAD file, I'll stay 15 minutes after Tuesday's session in the lab with "
     "Mr. Ochoa.", MENTOR),
    # the student's own family driving
    ("mi prima me lleva al colegio cuando hace frío", STUDENT),
    ("mi abuelo nos recoge después de la práctica, no se preocupe", STUDENT),
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


@pytest.mark.parametrize("text, role, rule", [
    # the sender's own number or address, even next to an institution word
    ("text me at the office, 631-555-0107", MENTOR, "contact.phone"),
    ("after school just call 845-555-0133", MENTOR, "contact.phone"),
    ("after the program ends, call 917 555 0143", MENTOR, "contact.phone"),
    ("the program office never picks up, text 917-555-0143 instead", MENTOR, "contact.phone"),
    ("el colegio cierra a las 5, después escríbeme al 917 555 0143", MENTOR, "contact.phone"),
    ("bro the program is mid 💀 hmu 917-555-0143", STUDENT, "contact.phone"),
    ("my cell is 718-555-0166, the program office never picks up", MENTOR, "contact.phone"),
    ("email me at info@my-own-site.example.com", MENTOR, "contact.email"),
    ("write to dana.mentoring@gmail.com for anything outside sessions", MENTOR, "contact.email"),
    ("info@dana-designs.example.com is the best way to reach the studio", MENTOR, "contact.email"),
    ("send it to jsmith.home@gmail.com instead", MENTOR, "contact.email"),
    # a cover story, a named adult only mentioned, or no other adult at all
    ("stay after the session, I'll clear it with Mr. Ochoa", MENTOR, "grooming.isolation"),
    ("quédate cuando los demás se vayan, ya hablé con la profe Ruiz", MENTOR, "grooming.isolation"),
    ("stay after the workshop with me, just us two", MENTOR, "grooming.isolation"),
    # a family member mentioned, not driving, or the mentor's own family
    ("mi mamá trabaja hasta tarde, ¿me puedes dar un pon?", STUDENT, "offplatform.ride_more"),
    ("mi hermano nos lleva al centro, paso por tu casa a las 3 y te llevo", MENTOR, "offplatform.give_ride"),
    # the slur, with or without an intensifier
    ("ese mojado no sabe ni hablar", STUDENT, "language.xenophobia"),
    ("ese chavo es medio mojado, que se regrese", STUDENT, "language.xenophobia"),
    # secrecy asked for; looks, not skill; exclusivity
    ("you can't let anyone know we talked about this", MENTOR, "offplatform.secrecy"),
    ("can't let anyone in on this, it's ours", MENTOR, "offplatform.secrecy"),
    ("estás muy buena, ¿sabías?", MENTOR, "grooming.looks_body"),
    ("te ves bien buena bailando en ese video", MENTOR, "grooming.looks_body"),
    ("they don't get you like I do", MENTOR, "grooming.exclusivity"),
    # the place is the sender's, or the sender goes too
    ("stop by my office saturday, her office is next door but she's never in", MENTOR, "offplatform.meet_up"),
    ("nos vemos en la oficina de la coordinadora el sábado, ella no va a estar", MENTOR,
     "offplatform.meet_up"),
])
def test_violations_next_to_them_are_still_stopped(rules_policy, text, role, rule):
    d = rules_policy.evaluate(text, role)
    assert d.action is not Action.ALLOW and rule in d.rules, (text, d.action, d.rules)


def test_an_office_address_read_as_leetspeak_is_no_link(rules_policy):
    """The second reading turns an address's "@" into "a"; the first pass already judged the
    address, so no link hit comes back from the second (it held the office's address before) —
    while a real link elsewhere in the message is still found."""
    text = "It's mentoring-office@ptech-example.org, the official one. Todo lo del programa va ahí."
    d = rules_policy.evaluate(text, MENTOR)
    assert d.action is Action.ALLOW, d.rules
    with_link = text + " Y el formulario: bit.ly/3xYz9"
    assert "links.domain" in rules_policy.evaluate(with_link, MENTOR).rules


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
    ("do u have snap? jk lol but fr", STUDENT),
    ("¿tiene whatsapp? es broma... bueno no tanto", STUDENT),
    ("do u have snap? jk its kayla_b09", STUDENT),  # something concrete shared anyway
    ("my number is 917 555 0143 jk", STUDENT),
    ("my snap is kaylabee jk", STUDENT),  # no question: a share, not an ask
    ("do u have snap? not kidding i need it", STUDENT),  # the opposite of a retraction
    ("dame tu whatsapp, no es mentira", STUDENT),
    ("add me on roblox i'm playing tonight", STUDENT),  # a game, not a joke
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


def test_the_rules_reading_of_a_retraction_wins_over_the_encoders_hold(policy):
    """The encoder does not read "jk": when the rules read a student's question as taken back,
    the contact and off-platform heads' holds become flags (delivered, flagged for a later look);
    the same question without the retraction, or with the retraction taken back, is held."""
    taken_back = policy.evaluate("do u have snap? jk i know we cant lol", STUDENT)
    assert taken_back.action is Action.ALLOW and taken_back.flag, taken_back.rules
    assert all(h.band == "flag" for h in taken_back.hits if h.rule.startswith("encoder."))
    for text in ("do u have snap", "do u have snap? jk... unless 👀"):
        assert policy.evaluate(text, STUDENT).action is not Action.ALLOW, text
    assert policy.evaluate("do u have snap? jk", MENTOR).action is not Action.ALLOW
