"""Concept rules: one rule covers a family of wordings (insertions, texting, Spanish), reads
its sentence (negation, reported speech, quotes) and weighs the sender's role."""

from __future__ import annotations

import random
import re

import pytest

from policies import Action, PolicyContext
from policies.normalize import normalize
from policies.regex import compile_pattern
from policies.rules.concepts import ALL_RULES
from policies.rules.concepts.dsl import compile_template
from policies.rules.concepts.lexicon import LEXICON

MENTOR = PolicyContext(role="mentor")
STUDENT = PolicyContext(role="student")


@pytest.fixture
def policy(rules_policy):
    """These tests are about the concept rules: the rules layer alone (the encoder, which does not
    read negation or reported speech, is tested in test_encoder.py)."""
    return rules_policy


def _decide(policy, text, ctx):
    return policy.evaluate(text, ctx)


def _stopped(policy, text, ctx=MENTOR):
    d = _decide(policy, text, ctx)
    return d.action is not Action.ALLOW


# --- grooming moves from a mentor: each family with insertions, texting and Spanish ---------
GROOMING = {
    "grooming.risk_assessment": [
        "does your mom check your phone?", "does your mom EVER check ur phone",
        "do ur parents ever actually go through your messages", "who usually reads your messages",
        "¿tus papás te revisan el celular?", "tu mamá checa tu cel o no?",
        "does the coordinator really read everything we write?",
    ],
    "grooming.home_alone": [
        "ur parents home rn?", "are you home alone a lot after school?",
        "what time do your parents usually get home from work?",
        "¿te quedas solita cuando tu mamá trabaja?", "¿a qué hora llegan tus papás?",
    ],
    "grooming.secrecy": [
        "let's keep this just between us", "no screenshots ok?", "esto queda entre nosotros",
        "if anyone asks, we were only talking about your resume", "it's our little secret 🤫",
        "promise me you won't tell your mom", "no le digas a nadie lo que hablamos",
    ],
    "grooming.exclusivity": [
        "nobody gets you like I do", "nadie te entiende como yo",
        "I'm the only one who really understands you", "it's us against the world",
    ],
    "grooming.age_maturity": [
        "you're so mature for your age", "eres muy madura para tu edad",
        "age is just a number", "when you turn 18 we can finally hang out",
    ],
    "grooming.photo_request": [
        "send me a pic of you in the outfit", "mándame una foto tuya",
        "can i see a picture of you in your uniform", "take a mirror selfie for me",
    ],
    "grooming.romance": [
        "do u have a bf?", "¿tienes novio?", "what's your type?", "I think about what it would "
        "be like to hold your hand",
    ],
    "grooming.gifts_money": [
        "I'll send you some money on Cash App", "te mandé 50 por cashapp",
        "let me buy you those sneakers you wanted",
    ],
    "grooming.isolation": [
        "stay after and I'll drive you home", "let's meet just the two of us",
        "quédate cuando los demás se vayan, quiero hablarte a solas",
    ],
    "grooming.late_night": ["u still awake? wanna chat", "message me after your parents go to bed"],
    "grooming.affection": ["miss you already 💕", "goodnight beautiful", "te extraño mucho"],
    "grooming.desensitising": ["want to hear a dirty joke? you're old enough", "¿eres virgen?"],
    "grooming.dependency_guilt": ["after everything I've done for you, you can't even reply?",
                                  "si me reportas me arruinas la vida"],
    "grooming.boundary_testing": ["would you tell on me if i said something inappropriate?"],
    "grooming.looks_body": ["you look so cute in that pic", "te ves bien bonita hoy"],
}


@pytest.mark.parametrize("rule, text", [(r, t) for r, ts in GROOMING.items() for t in ts])
def test_grooming_family_from_a_mentor_is_stopped_and_alerts(policy, rule, text):
    d = _decide(policy, text, MENTOR)
    assert d.action is not Action.ALLOW and d.alert, (text, d.rules)
    assert rule in d.rules, (text, d.rules)


_FILLERS = ["ever", "really", "like", "usually", "even", "actually", "lowkey"]


@pytest.mark.parametrize("template", [
    "does your mom {} check your phone", "do your parents {} read your messages",
    "are you {} home alone after school", "what time do your parents {} get home",
    "let's {} keep this between us", "can you {} send me a pic of you",
    "nobody {} gets you like I do", "i'm {} the only one who understands you",
    "you're {} so mature for your age", "do you {} have a boyfriend",
])
def test_an_inserted_word_does_not_defeat_a_concept(policy, template):
    """Each concept lets words in between: any filler at the natural slot is still caught."""
    for filler in _FILLERS:
        text = template.format(filler)
        assert _stopped(policy, text), text


def test_role_is_evidence(policy):
    """The same words from a student are not the adult's grooming move, and a student telling
    about her own mom is not a question about the other person's."""
    assert _stopped(policy, "does your mom check your phone?", MENTOR)
    assert not _stopped(policy, "does your mom check your phone?", STUDENT)
    assert not _stopped(policy, "my mom checks my phone every night lol", STUDENT)
    assert not _stopped(policy, "are your parents home?", STUDENT)


@pytest.mark.parametrize("text, role", [
    ("I'd never ask you to keep secrets", "mentor"),
    ("my teacher said don't share your number online", "student"),
    ("the training says never ask a student for their snap", "mentor"),
    ("if someone asks you to keep a secret, tell an adult", "mentor"),
    ('in training they said "keep this between us" is a warning sign', "mentor"),
])
def test_negation_reported_speech_and_quotes_are_understood(policy, text, role):
    d = _decide(policy, text, PolicyContext(role=role))
    assert d.action is Action.ALLOW and not d.alert, d.rules


@pytest.mark.parametrize("text, role", [
    ("you look great in your interview photo, very professional", "mentor"),
    ("send me a pic of the robot when it's done", "mentor"),
    ("will you have your own room in the dorm?", "mentor"),
    ("my parents are strict about grades", "student"),
    ("keep the draft to yourself until it's ready", "mentor"),
    ("the secret ingredient is vinegar", "student"),
    ("¿cuál es tu materia favorita?", "student"),
    ("mis papás están en casa hoy porque es feriado", "student"),
    ("eres un genio con las matemáticas", "student"),
    ("my family went back to Mexico for the holidays", "student"),
    ("we're gonna beat them in the finals", "student"),
    ("i haven't eaten since breakfast, so hungry", "student"),
    ("this quiz is going to kill me lol", "student"),
    ("tengo dos hermanos y tres primos", "student"),
    ("the quiz is on 10/14/2026 at 3:30", "student"),
    ("I interned at yahoo last summer", "mentor"),
    ("what app do u use for flashcards?", "student"),
])
def test_ordinary_look_alikes_stay_allowed(policy, text, role):
    d = _decide(policy, text, PolicyContext(role=role))
    assert d.action is Action.ALLOW and not d.alert, d.rules


def test_weak_signals_are_delivered_flagged_and_add_up(policy):
    one = _decide(policy, "you look really good today", MENTOR)
    assert one.action is Action.ALLOW and not one.alert and one.flag
    assert all(0 < h.signal < 1 for h in one.hits)
    two = _decide(policy, "you look really good today, send me a pic", MENTOR)
    assert two.action is Action.BLOCK and two.alert and not two.flag
    assert all(h.signal >= 1 for h in two.hits)


# --- safeguarding disclosures without trigger words: hold + alert, never blocked -----------
@pytest.mark.parametrize("text", [
    "i gave away my guitar today. felt weird but good i guess",
    "le regalé mis cosas a mi prima, ya no las voy a necesitar",
    "i wear long sleeves even when its hot out so nobody asks about my arms",
    "i really dont want to go home today",
    "my bf checks my phone every night and gets mad if i talk to any guys",
    "i only get through the day if i smoke before school",
    "a guy i met in a game said he was 16 but now he says he's 25 and wants pictures",
    "they filmed me getting jumped behind the gym and posted it",
    "we got evicted and i dont know where we're sleeping tonight",
    "there hasnt been food in the house since like tuesday",
    "my friend says her stepdad hits her when her mom is at work",
    "ya no le veo sentido a nada, ni a la escuela ni a nada",
    "this shit is too much, nobody would even notice if i disappeared",
])
def test_disclosures_are_held_with_an_alert_never_blocked(policy, text):
    d = _decide(policy, text, STUDENT)
    assert d.action is Action.HOLD and d.alert, d.rules
    assert d.notice and "Thank you" in d.notice


# --- contact details, however they are written --------------------------------------------
@pytest.mark.parametrize("text", [
    "9️⃣1️⃣7️⃣5️⃣5️⃣5️⃣0️⃣1️⃣9️⃣2️⃣", "call 9I7 555 O1I2", "718-6oo-23o9", "347/812/0559 text only",
    "nueve uno siete, cinco cinco cinco, cero uno nueve dos",
    "siete uno ocho, cuatro cero cero, doce cuarenta y cinco",
    "nine two nine, triple five, eight oh one four",
    "sn@p is nayeli_xo", "snapchat brayan_bx07", "buscame en insta como jeanc.08",
    "mi correo es andrea punto lopez arroba gmail punto com", "k3v1n2008 {at} gmai1 {dot} c0m",
    "pasame tu numero mister", "drop your number", "y su celular?",
])
def test_contact_details_are_blocked(policy, text):
    d = _decide(policy, text, STUDENT)
    assert d.action is Action.BLOCK, (text, d.rules)
    assert any(h.category in ("contact", "offplatform") for h in d.hits)


# --- harassment beyond "you're a + insult", and Spanish ------------------------------------
@pytest.mark.parametrize("text", [
    "go back to where you came from", "regrésate a tu país, aquí nadie te quiere",
    "nobody wants you in the group", "we made a new gc without you for a reason",
    "great idea, said no one ever", "cállate mamabicho", "ur the dumbest person ive ever met",
    "estás bien gorda pa ponerte eso", "que mierda de presentación", "pinche tarea culera",
    "te voy a partir la cara a la salida", "would be a shame if something happened to ur laptop",
])
def test_harassment_and_threats_are_blocked(policy, text):
    d = _decide(policy, text, STUDENT)
    assert d.action is Action.BLOCK, (text, d.rules)
    assert any(h.category == "language" for h in d.hits)


def test_every_hit_is_explainable(policy):
    text = "Hey!! does ur mom EVER check ur phone?? 😊"
    d = _decide(policy, text, MENTOR)
    hit = next(h for h in d.hits if h.rule == "grooming.risk_assessment")
    assert "mom" in text[hit.start:hit.end] and "phone" in text[hit.start:hit.end]
    assert "sent by the mentor" in hit.reason and hit.notice and hit.signal >= 1


# --- the machinery: every template compiles in both engines; the pre-filter is exact --------
def test_every_template_compiles_in_re2_and_re():
    for rule in ALL_RULES:
        for template in rule.templates:
            pattern = compile_template(template, LEXICON)
            re.compile(pattern)
            compile_pattern(pattern)


def test_anchor_prefilter_never_skips_a_match(policy, corpus):
    """A template the pre-filter skips could not have matched (checked by brute force)."""
    layer = policy._concepts
    rows = corpus("heldout_v6", "heldout_v7", "fp_probes")
    texts = [normalize(r["text"]).text for r in random.Random(7).sample(rows, 160)]
    templates = [t for tpls in layer._index.values() for t in tpls] + layer._always
    unique = {id(t): t for t in templates}.values()
    compiled = [(t, compile_pattern(t.pattern)) for t in unique]
    for text in texts:
        candidates = {id(t) for t in layer.candidates(text)}
        for tpl, rx in compiled:
            if rx.search(text) is not None:
                assert id(tpl) in candidates, (text, tpl.pattern[:120])
