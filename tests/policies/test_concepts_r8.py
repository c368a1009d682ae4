"""Round 8: generalisations that demean a group, words censored with asterisks, and somebody's
words passed on in quotes. Wordings written for these tests, not copied from any writer's file:
each violation is stopped by the rule named, and the ordinary reading next to it stays allowed."""

from __future__ import annotations

import pytest

from policies import Action, PolicyContext
from policies.deobfuscate import deobfuscate
from policies.rules.concepts.context import single_quoted

MENTOR, STUDENT = PolicyContext(role="mentor"), PolicyContext(role="student")


@pytest.mark.parametrize("text, role, rule", [
    # girls and women said to be unfit, told to stay in their place, their success put down to looks
    ("Women just aren't cut out for engineering, that's biology.", MENTOR, "language.stereotype"),
    ("honestly girls cant really code, sorry", MENTOR, "language.stereotype"),
    ("girls can't do welding, stick to admin", MENTOR, "language.stereotype"),
    ("The ladies in the group should stick to the paperwork side.", MENTOR, "language.stereotype_place"),
    ("Tech isn't really a field for women, that's just facts.", MENTOR, "language.stereotype"),
    ("las mujeres no sirven pa la mecánica", STUDENT, "language.stereotype"),
    ("she only got picked cuz she's pretty", STUDENT, "language.stereotype"),
    # a place or "your people" as all one bad thing
    ("You people never want to work, always want a handout.", MENTOR, "language.stereotype"),
    ("All the kids from that neighborhood end up in jail anyway.", MENTOR, "language.stereotype"),
    ("people from the projects are all ghetto lol", STUDENT, "language.stereotype"),
    ("you Haitians always show up late", MENTOR, "language.stereotype"),
])
def test_group_put_downs_are_stopped(rules_policy, text, role, rule):
    d = rules_policy.evaluate(text, role)
    assert d.action is not Action.ALLOW and rule in d.rules, (text, d.rules)


@pytest.mark.parametrize("text, role", [
    # the stereotype named to reject it, asked about, or quoted from someone else
    ("Who says girls can't weld? Two of our best welders are women.", MENTOR),
    ("Don't let anyone tell you women aren't built for the trades.", MENTOR),
    ("my uncle says girls cant be electricians but hes wrong", STUDENT),
    ("is it true girls aren't good at math?", STUDENT),
    ("A lot of people think women aren't meant for construction. My whole crew proves that wrong.", MENTOR),
    # girls and places in ordinary sentences
    ("the girls can't make it friday, they have a game", STUDENT),
    ("girls should stick together in this program fr", STUDENT),
    ("girls aren't allowed in the boys locker room obviously", STUDENT),
    ("kids from my block are all so talented at music", STUDENT),
    ("most kids from my neighborhood end up in jail, thats why im doing ptech", STUDENT),
    ("Coding isn't for everyone, and that's okay.", MENTOR),
    ("Cooking isn't just for women, my dad does all of it", MENTOR),
])
def test_group_words_in_ordinary_chat_are_allowed(rules_policy, text, role):
    d = rules_policy.evaluate(text, role)
    assert d.action is Action.ALLOW and "language.stereotype" not in d.rules, (text, d.rules)


@pytest.mark.parametrize("text, rule", [
    ("ur actually r*tarded", "language.insult"),
    ("ese man es un p*ndejo", "language.insult_about"),
    ("q p*ndeja eres", "language.insult"),
])
def test_masked_insults_are_read(rules_policy, text, rule):
    d = rules_policy.evaluate(text, STUDENT)
    assert d.action is not Action.ALLOW and rule in d.rules, (text, d.rules)


@pytest.mark.parametrize("text", [
    "this is *really* important",
    "the answer is 5*3",
    "we need a*b for the formula",
])
def test_asterisks_that_mask_nothing_are_left_alone(rules_policy, text):
    assert rules_policy.evaluate(text, STUDENT).action is Action.ALLOW


def test_a_masked_word_keeps_every_character_in_place():
    known = {"retarded"}.__contains__
    variant = deobfuscate("ur so r*tarded bro", known)
    assert variant is not None
    text, index = variant
    assert text == "ur so retarded bro" and index == list(range(len(text)))
    assert deobfuscate("ur so r*tarded bro", set().__contains__) is None  # nothing it could be


@pytest.mark.parametrize("text, words, inside", [
    ("this guy typed 'im gonna beat u up' then left", "beat u up", True),
    ("texting someone 'hey whats ur address' at work", "ur address", True),
    ("he said ‘send me a pic’ lol", "send me a pic", True),
    ("ella me dijo 'eres una tonta' delante de todos", "eres una tonta", True),
    # no verb of saying before the mark: the sender's own slogan
    ("remember: 'what happens here stays between us' ;)", "between us", False),
    # apostrophes inside words open no quote; a closed quote earlier does not cover what follows
    ("don't tell anyone what's ur address", "ur address", False),
    ("he typed 'ok' and then asked whats ur address", "ur address", False),
])
def test_single_quoted_reads_a_quote_after_a_saying_verb(text, words, inside):
    i = text.index(words)
    assert single_quoted(text, i, i + len(words)) is inside


@pytest.mark.parametrize("text, role", [
    ("this guy in valorant typed 'ima find where u live' and then rage quit lol", STUDENT),
    ("Texting someone 'hey what's ur address' at work usually means UPS lol", MENTOR),
])
def test_words_passed_on_in_quotes_are_not_the_senders(rules_policy, text, role):
    assert rules_policy.evaluate(text, role).action is Action.ALLOW


@pytest.mark.parametrize("text, role, rule", [
    # the sender's own words in quotes, and the sender's own attack around a quote
    ("remember our rule: 'what we talk about stays between us' 😉", MENTOR, "offplatform.secrecy"),
    ("what's ur address? 'for the card' lol", MENTOR, "contact.address"),
])
def test_quotes_without_a_saying_verb_still_count(rules_policy, text, role, rule):
    d = rules_policy.evaluate(text, role)
    assert d.action is not Action.ALLOW and rule in d.rules, (text, d.rules)


@pytest.mark.parametrize("text", [
    "Chicos, les mando un abrazo a todos, hicieron un trabajo increíble hoy.",
    "Nos vemos todos el sábado en el parque para la limpieza del programa.",
    "You all look so grown up in the graduation photos!",
])
def test_a_move_said_to_the_whole_group_is_delivered_and_flagged(rules_policy, text):
    d = rules_policy.evaluate(text, MENTOR)
    assert d.action is Action.ALLOW and d.flag, (text, d.rules)


@pytest.mark.parametrize("text", [
    "Te mando un abrazo, te extraño mucho.",
    "nos vemos el sábado en el parque, solo tú y yo",
    "You look so grown up in that photo 😍",
    # the group named, one student singled out again
    "Con esa falda vas a volver locos a todos, mamita.",
    "send me a pic of you for your profile, just you",
])
def test_the_same_move_to_one_student_is_stopped(rules_policy, text):
    d = rules_policy.evaluate(text, MENTOR)
    assert d.action is not Action.ALLOW and d.alert, (text, d.rules)


@pytest.mark.parametrize("text", [
    "he texted me 'i know where you live' and now im scared to go out",
    "this kid keeps messaging me 'im gonna find u after school'",
])
def test_a_threat_a_student_passes_on_is_delivered_with_an_alert(rules_policy, text):
    d = rules_policy.evaluate(text, STUDENT)
    assert d.action is Action.ALLOW and d.alert, (text, d.rules)


@pytest.mark.parametrize("text, role", [
    # the sender's own words are no words passed on
    ("like i told u 'delete this chat after'", MENTOR),
    ("as i wrote before: 'text me on whatsapp'", MENTOR),
    ("i said 'ima kill you' and i meant it", STUDENT),
    # a quote mark glued to the first word hides nothing
    ("'kill yourself'", STUDENT),
])
def test_own_words_in_quotes_still_count(rules_policy, text, role):
    assert rules_policy.evaluate(text, role).action is not Action.ALLOW, text


@pytest.mark.parametrize("text, rule", [
    ("eres una p*ta", "language.insult"),  # not "pata"
    ("show me ur t*ts", "language.profanity"),  # a word the profanity finder's masks miss
])
def test_a_masked_word_is_read_as_the_listed_word(rules_policy, text, rule):
    d = rules_policy.evaluate(text, STUDENT)
    assert d.action is not Action.ALLOW and rule in d.rules, (text, d.rules)


@pytest.mark.parametrize("text, rule", [
    ("a veces pienso que seria mejor si yo no existiera, nadie lo notaría", "concern.wish_gone"),
    ("quiero irme de mi casa, nadie me entiende y me tratan mal", "concern.run_away"),
    ("me da miedo volver a mi casa, mi padrastro llega borracho todas las noches", "concern.fear_home"),
    ("unos manes me dijeron que me van a esperar a la salida", "concern.threatened_by_others"),
    ("me dejan sin comer cuando mi stepmom se enoja", "concern.food_withheld"),
    ("nos desalojaron del apartamento ayer y no sé dónde vamos a dormir", "concern.shelter"),
    ("el dueño de la tienda donde trabajo me guarda los papeles y dice que le debo", "concern.papers_kept"),
])
def test_spanish_disclosures_are_alerted(rules_policy, text, rule):
    d = rules_policy.evaluate(text, STUDENT)
    assert d.alert and d.action is not Action.BLOCK and rule in d.rules, (text, d.rules)


@pytest.mark.parametrize("text", [
    "me voy de la casa a las 7 pa la escuela",
    "ya no aguanto más este calor",
    "mis papás me van a matar si saco una F jaja",
    "mi tío me cuida cuando mi mamá no está",
    "mi mamá me tiene guardado el pasaporte pa que no se pierda",
    "mi mamá no me deja ir a la escuela hoy porque estoy enferma",
    "fuimos a donar ropa al shelter con el club",
    "ya nada importa, ya entregué el proyecto jaja",
    "if i fail this test mi mama me deja sin comer por un mes lol",
    "pa que sigo estudiando si igual no entiendo nada de química 😭",
])
def test_spanish_look_alikes_of_disclosures_are_not_alerted(rules_policy, text):
    d = rules_policy.evaluate(text, STUDENT)
    assert d.action is Action.ALLOW and not d.alert, (text, d.rules)
