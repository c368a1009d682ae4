"""Round 16: the ordinary look-alikes of the round's development sets, each read as a kind —
somebody else's trouble that an adult already knows of, who is in a chat (not where to talk), a
threat word said of a sibling earlier in the sentence, the address of a workplace of any kind,
and a mentor reached through the program's own address. Wordings written for these tests, not
copied from any writer's file."""

from __future__ import annotations

import pytest

from policies import Action, PolicyContext
from policies.rules.concepts.context import handled_story

MENTOR = PolicyContext(role="mentor")
STUDENT = PolicyContext(role="student")


@pytest.mark.parametrize(("text", "handled"), [
    ("my cousin told me a guy on tiktok kept asking her for pics, she blocked him and told her mom", True),
    ("a girl in my class was getting messages from some older dude but she reported him to the dean", True),
    ("mi prima me dijo que un señor le pedía fotos por snap, ya lo bloqueó y habló con la consejera", True),
    ("me and my friend told the counselor bc a kid in our grade was getting jumped after school", True),
    # the student's own trouble, even with a friend in the story
    ("my friend told the counselor that my stepdad hits me", False),
    ("mi amiga le dijo a la consejera que un señor me pide fotos", False),
    ("my friend blocked him but now he messages me instead", False),
    # nobody told, nothing done
    ("my friend's boyfriend checks her phone every night and she won't tell her mom", False),
    ("my friend is getting bullied and she didn't tell anyone", False),
])
def test_somebody_elses_handled_story(text, handled):
    assert handled_story(text.lower()) is handled


def test_a_handled_story_alerts_without_holding(rules_policy):
    d = rules_policy.evaluate("mi amiga me contó que un tipo en un juego le pidió fotos, ella lo bloqueó "
                              "y se lo dijo a su mamá", STUDENT)
    assert d.alert and d.action is Action.ALLOW  # the coordinator hears of it; the mentor reads it
    d = rules_policy.evaluate("un tipo en un juego me pide fotos y me dijo que no le diga a mi mamá", STUDENT)
    assert d.alert and d.action is Action.HOLD


@pytest.mark.parametrize(("text", "role", "stopped"), [
    # who is in a chat is no move
    ("i'm still not in the group chat for the project, can someone add me", "student", False),
    ("mi hermana es la única que no está en el chat del salón jaja", "student", False),
    # where to talk still is
    ("answer me on my phone, not in the channel", "mentor", True),
    ("mejor no por el canal, te escribo luego", "student", True),
    # a threat word about a sibling, named earlier in the sentence
    ("my little sister used all my shampoo again and i'm literally going to kill her", "student", False),
    ("you better watch it, i'm gonna kill you", "student", True),
    # a workplace's address, whatever the workplace
    ("the address of the clinic is 410 Warren St, the bus stops right in front", "mentor", False),
    ("la dirección de la tienda es 88 Main St, ahí es la entrevista", "student", False),
    ("my address is 88 Main St apt 2, come by after", "mentor", True),
    # the program's own address, reached through it
    ("send the form through the program address, mentoring@bronx-ptech.org, it copies Ms. Diaz",
     "mentor", False),
    ("my email is dana.ruiz@gmail.com, faster than the portal", "mentor", True),
])
def test_round_16_kinds(rules_policy, text, role, stopped):
    d = rules_policy.evaluate(text, PolicyContext(role=role))
    assert (d.action is not Action.ALLOW) is stopped, (text, d.rules)


@pytest.mark.parametrize(("text", "declines"), [
    ("thank you for thinking of me! program rules say no gifts though, a card here is perfect", True),
    ("ay qué lindo, pero no puedo aceptar regalos, son las reglas del programa", True),
    ("the rules say no gifts, but i'll make an exception for you this once", False),
    ("no puedo aceptar regalos, pero te dejé algo en la recepción, que no se entere nadie", False),
    ("you deserve a gift for all that work", False),
])
def test_a_refusal_by_the_program_rule(text, declines):
    from policies.rules.concepts.context import declined_rest
    assert (declined_rest(text.lower()) is not None) is declines


def test_a_refusal_is_read_again_without_the_rule():
    from policies.rules.concepts.context import declined_rest
    rest = declined_rest("las reglas dicen que no regalos, te lo doy cuando salgas de la escuela")
    assert rest is not None and "las reglas" not in rest and "te lo doy" in rest


@pytest.mark.parametrize(("text", "stopped"), [
    # somebody else's move, warned about
    ("heads up: scammers try to get you onto telegram real quick, block them", False),
    ("si un reclutador te pide pasar a whatsapp para la entrevista, es estafa", False),
    ("some dude kept trying to get my cousin to switch to snap, she blocked him", False),
    # advice against giving one's own things to anyone
    ("never send a pic of your ID to anyone over dm, not even for a job", False),
    # ... never the sender's own move, nor a secret asked for, nor a detail
    ("recruiters always wanna chat on signal, so lets just do that, add me there", True),
    ("scammers use telegram, not me lol, text me at 555 310 2299", True),
    ("nunca le digas a nadie lo que hablamos por dm", True),
    ("let's move this to whatsapp, it's a scam that they read everything here", True),
    # a spelled-out number is a detail, whatever "the bot blocks it" says around it
    ("te lo pongo en letras por si el bot lo bloquea: siete uno ocho, cinco cinco cinco, dos dos uno cero",
     True),
])
def test_a_move_somebody_else_makes_warned_about(rules_policy, text, stopped):
    d = rules_policy.evaluate(text, MENTOR)
    assert (d.action is not Action.ALLOW) is stopped, (text, d.rules)


@pytest.mark.parametrize(("text", "role", "stopped"), [
    # whom the sender follows is no account of theirs
    ("i follow the MTA on twitter for the delays lol", "student", False),
    ("i follow you on insta now lol", "student", True),
    # a shortener named as a kind of thing
    ("in advisory they said never open tinyurl things from people you don't know", "student", False),
    # the chat itself as the place
    ("bueno, nos vemos el martes en el chat para lo del resume", "student", False),
    ("nos vemos el martes en el parque, solo tú y yo", "mentor", True),
    # a number's label with its object in between
    ("the tracking number for the package is 774-310-2258, it says out for delivery", "student", False),
    # a profile URL's bare prefix, written as a template; a school's own site
    ("your link will look like linkedin.com/in/ and then your first and last name", "mentor", False),
    ("my profile: linkedin.com/in/dana-ruiz-88", "mentor", True),
    ("the form is on https://bronxptech.cuny.edu/forms, same one as last year", "mentor", False),
    # ... a school's name in a host anyone can register is no school's site (review 3)
    ("send me a pic on my site ptech-photos.com/upload", "mentor", True),
    ("add me snapchat.com/add/ mike.rivs09", "student", True),
    # a safety reason does not clear a question about the bedroom door (review 3)
    ("close your bedroom door when we video chat, its a fire safety thing lol", "mentor", True),
    ("do you close your bedroom door at night?", "mentor", True),
])
def test_round_16_second_kinds(rules_policy, text, role, stopped):
    d = rules_policy.evaluate(text, PolicyContext(role=role))
    assert (d.action is not Action.ALLOW) is stopped, (text, d.rules)


def test_a_handled_story_carries_its_own_moves(rules_policy):
    d = rules_policy.evaluate("my friend got a dm on snap from some man asking for pics, she blocked him and "
                              "told the counselor", STUDENT)
    assert d.action is Action.ALLOW and d.flag  # delivered; the coordinator can look later
    d = rules_policy.evaluate("my friend got a dm on snap from some man, she blocked him and told the "
                              "counselor. add me on snap tho", STUDENT)
    assert d.action is not Action.ALLOW


def test_a_threat_somebody_else_made_is_a_report(rules_policy):
    d = rules_policy.evaluate("this boy in my grade keeps saying hes gonna shoot up the school", STUDENT)
    assert d.action is Action.HOLD and d.alert  # held for the coordinator, not blocked as the student's
    assert "concern" in {h.category for h in d.hits}
    for own in ("he's so annoying im gonna kill you", "i swear ima shoot up this school"):
        d = rules_policy.evaluate(own, STUDENT)
        assert d.action is Action.BLOCK and d.alert, own


# A code review of the whole diff found these; each is a kind the exceptions must not cover.
@pytest.mark.parametrize(("text", "role"), [
    ("my brother snitched on me, im bringing a knife tomorrow and im gonna kill him", "student"),
    ("vente a mi depa el sabado, luego hablamos en el chat", "mentor"),
    ("the address for the job is 451 Oak St apt 3, its just me there saturday", "mentor"),
    ("write to mentor@ptech-help.net whenever, i check it at night", "mentor"),
    ("my student id for snap is 7185552210", "student"),
])
def test_code_review_findings_stay_stopped(rules_policy, text, role):
    d = rules_policy.evaluate(text, PolicyContext(role=role))
    assert d.action is not Action.ALLOW, (text, d.rules)


def test_a_secret_is_no_refusal():
    from policies.rules.concepts.context import declined_rest
    assert declined_rest("you are not allowed to tell anyone what we talk about") is None
    assert declined_rest("i can't accept gifts from students, but a card here would be lovely") is None
    assert declined_rest("i can't accept gifts from students. a card in the channel is perfect") is not None


def test_a_friends_danger_to_life_is_no_handled_story():
    assert not handled_story("my friend tried to hang herself last week, her mom called the police")


def test_the_last_labelled_rows_diff_findings(rules_policy):
    # "not to me directly" sends nothing to the sender: the program's inbox stays the program's
    d = rules_policy.evaluate("send the form to the program inbox, mentoring@bronx-ptech.org, not to me",
                              MENTOR)
    assert d.action is Action.ALLOW, d.rules
    # "imma" is the sender's own threat, whoever "he" is
    d = rules_policy.evaluate("if he talks about my mom again imma punch him", STUDENT)
    assert d.action is Action.BLOCK, d.rules
