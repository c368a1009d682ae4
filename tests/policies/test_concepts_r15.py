"""Round 15: disclosures the Spanish side missed as kinds (a near attempt, days without food,
being jumped, intimate pictures passed around, being put out on the street, a parent gone and
small children left to the student, work instead of school), and the ordinary look-alikes of
the round's spent sets, each read as a kind: an institution's line named anywhere in a one-number
message, an organisation's account asked after, privacy advice about one's own profile, a bare
shortener named, program events and school periods, "the only one who turned it in", the
student's family driving in a mentor's words, details kept out of the channel, a title or a term
in quotes, an ask taken back with the rule named, an account named for the program's server or a
portfolio, and a safety lesson retold. Wordings written for these tests, not copied from any
writer's file."""

from __future__ import annotations

import pytest

from policies import Action, PolicyContext
from policies.rules.concepts import ALL_RULES
from policies.rules.concepts.context import institution_line_message, lesson_retold, privacy_advice

MENTOR = PolicyContext(role="mentor")
STUDENT = PolicyContext(role="student")


@pytest.mark.parametrize(("text", "rule"), [
    ("anoche casi me aviento del puente, no sé ni por qué te cuento", "concern.near_attempt"),
    ("i was so close to jumping off the roof on sunday", "concern.near_attempt"),
    ("no hemos comido nada hace tres días, mi mamá no tiene trabajo", "concern.going_hungry"),
    ("estamos pasando hambre desde que cerraron la fábrica", "concern.going_hungry"),
    ("a mi primo y a mí nos cayeron a golpes saliendo de la escuela", "concern.assaulted"),
    ("got jumped near the train yesterday by some older kids", "concern.assaulted"),
    ("están pasando fotos mías en ropa interior por todo el grado", "concern.intimate_images"),
    ("someone has naked pics of me and keeps posting them", "concern.intimate_images"),
    ("mi padrastro dice que si no consigo trabajo me pone en la calle", "concern.put_out"),
    ("she's gonna throw me out, she already packed my stuff", "concern.put_out"),
    ("a mi papá se lo llevó la migra y estamos solos con mi hermanita", "concern.left_in_charge"),
    ("my mom got detained last week and i'm alone with my two little brothers", "concern.left_in_charge"),
    ("trabajo tantas horas en la bodega que ya no voy a la escuela", "concern.work_not_school"),
    ("my uncle makes me work at his store instead of going to school", "concern.work_not_school"),
    ("in health they went over signs of depression and i have like every single one",
     "concern.signs_are_mine"),
])
def test_disclosures_as_kinds_alert(rules_policy, text, rule):
    d = rules_policy.evaluate(text, STUDENT)
    assert d.alert and d.action is not Action.BLOCK and rule in d.rules, (text, d.rules)


@pytest.mark.parametrize("text", [
    "nos dieron una paliza en el partido, perdimos 6-1",
    "casi me caigo de la silla de la risa",
    "casi no como carne, soy vegetariana",
    "i almost jumped when the fire alarm went off",
    "the ref is gonna throw me out of the game if i foul again",
    "trabajo los sábados en la panadería y me encanta",
])
def test_their_look_alikes_do_not(rules_policy, text):
    d = rules_policy.evaluate(text, STUDENT)
    assert not any(r.startswith("concern.") for r in d.rules), (text, d.rules)


def test_hell_after_said_is_he_will_and_the_disclosure_is_not_blocked(rules_policy):
    text = "my dad said hell throw me out if i fail again, he did it to my brother"
    d = rules_policy.evaluate(text, STUDENT)
    assert "language.profanity" not in d.rules and d.alert and d.action is Action.HOLD
    assert "language.profanity" in rules_policy.evaluate("what the hell is this", STUDENT).rules


@pytest.mark.parametrize(("role", "text"), [
    (STUDENT, "can u call the school main office about the trip? its 718-555-0191"),
    (MENTOR, "For the internship, call the company's main number, 212-555-0164, and ask for HR."),
    (MENTOR, "La línea principal es 516-555-0177. Pregunten por la coordinadora."),
    (MENTOR, "The member services line is 607-555-0112; it's on the back of your card."),
])
def test_an_institution_line_named_anywhere_is_delivered(rules_policy, role, text):
    assert institution_line_message(text.lower())
    d = rules_policy.evaluate(text, role)
    # since round 22 with the coordinator alerted: only they can tell the school's real number
    assert d.action is Action.ALLOW and d.alert, (text, d)
    assert all("given as a school's" in h.reason for h in d.hits if h.rule == "contact.phone")


@pytest.mark.parametrize("text", [
    "The main office closes at 4, so after that call 917-555-0138.",
    "front desk is 718-555-0100 or my cell 917-555-0199",
    "reception: 718-555-0100, or just hit me up there tonight",
    "the school's number never works, 646-555-0121 is better",
])
def test_a_personal_number_beside_an_office_is_still_stopped(rules_policy, text):
    assert not institution_line_message(text.lower())
    assert rules_policy.evaluate(text, MENTOR).action is not Action.ALLOW, text


@pytest.mark.parametrize("text", [
    "¿la compañía de ustedes tiene instagram? quiero ver lo que publican",
    "does your hospital have a tiktok? my friend said they post lab stuff",
])
def test_an_organisations_account_asked_after_is_delivered(rules_policy, text):
    assert rules_policy.evaluate(text, STUDENT).action is Action.ALLOW


def test_a_personal_account_asked_for_is_still_stopped(rules_policy):
    assert rules_policy.evaluate("tienes instagram? pasamelo", STUDENT).action is not Action.ALLOW


@pytest.mark.parametrize("text", [
    "Recruiters scroll public profiles. Keep yours private until it's clean.",
    "Lo mejor es tener las cuentas personales en privado y el LinkedIn al día.",
    "Use a long password and don't share it with anyone, me included.",
])
def test_privacy_advice_about_ones_own_profile_is_delivered(rules_policy, text):
    assert rules_policy.evaluate(text, MENTOR).action is Action.ALLOW, text


@pytest.mark.parametrize("text", [
    "keep our chats private, recruiters look at everything",
    "hablemos en privado sobre tu perfil",
    "let's keep it between us, your profile looks great",
])
def test_secrecy_about_the_relationship_is_still_stopped(rules_policy, text):
    assert rules_policy.evaluate(text, MENTOR).action is not Action.ALLOW, text


def test_privacy_advice_needs_the_topic_and_no_one_to_hide_from():
    text = "keep it private from your mom, recruiters look"
    assert not privacy_advice(text)


def test_a_bare_shortener_named_is_no_link(rules_policy):
    named = rules_policy.evaluate("we learned that a bit.ly link can hide a scam page", STUDENT)
    assert named.action is Action.ALLOW
    assert rules_policy.evaluate("check out bit.ly/4kTq2 for free skins", STUDENT).action is not Action.ALLOW


@pytest.mark.parametrize("text", [
    "can we meet in the lunch period on thursday instead?",
    "will we meet in person at the graduation ceremony?",
    "Nos vemos en la visita a la fábrica con todo el grupo.",
])
def test_meetings_at_program_events_and_school_periods_are_delivered(rules_policy, text):
    assert rules_policy.evaluate(text, STUDENT).action is Action.ALLOW, text


def test_a_meeting_elsewhere_is_still_stopped(rules_policy):
    assert rules_policy.evaluate("can we meet at the mall on saturday", STUDENT).action is not Action.ALLOW


def test_the_only_one_who_did_the_work_is_not_exclusivity(rules_policy):
    assert "offplatform.personal" not in rules_policy.evaluate(
        "you're the only one who submitted the draft early, nice", MENTOR).rules
    assert rules_policy.evaluate("you're the only one who really gets me", MENTOR).action is not Action.ALLOW


@pytest.mark.parametrize(("text", "allowed"), [
    ("Glad your dad is picking you up after the fair, just sign out with Ms. Lee.", True),
    ("A family member picking you up is fine, they sign you out at the desk.", True),
    ("your mom is picking you up? i can drive you instead", False),
    ("I'll pick you up, your dad said it's ok", False),
])
def test_the_students_family_driving_in_a_mentors_words(rules_policy, text, allowed):
    assert (rules_policy.evaluate(text, MENTOR).action is Action.ALLOW) is allowed, text


def test_details_kept_out_of_the_channel_are_no_move(rules_policy):
    reminder = rules_policy.evaluate("Reminder: keep phone numbers out of the channel, thanks!", MENTOR)
    assert reminder.action is Action.ALLOW
    assert rules_policy.evaluate("let's keep talking out of the channel", MENTOR).action is not Action.ALLOW


@pytest.mark.parametrize("text", [
    "that song 'Text Me Tonight' is stuck in my head",
    'what does "touch base" mean in an email?',
])
def test_a_title_or_a_term_in_quotes_is_named_not_used(rules_policy, text):
    assert rules_policy.evaluate(text, STUDENT).action is Action.ALLOW, text


def test_an_ask_taken_back_with_the_rule_named(rules_policy):
    assert rules_policy.evaluate("snap me... jk i know we stay on slack", STUDENT).action is Action.ALLOW
    assert rules_policy.evaluate("text me jk", STUDENT).action is not Action.ALLOW


@pytest.mark.parametrize(("text", "allowed"), [
    ("how do i change my discord name for the class server? coordinator wants real names", True),
    ("should i put my instagram photography page in my portfolio?", True),
    ("my discord name for the program server is kay.art", False),
])
def test_an_account_named_for_the_program_or_the_portfolio(rules_policy, text, allowed):
    assert (rules_policy.evaluate(text, STUDENT).action is Action.ALLOW) is allowed, text


@pytest.mark.parametrize(("text", "lesson"), [
    ("our health teacher said if someone online asks for pics you block and tell an adult", True),
    ("la consejera nos habló de las señales de abuso en una relación", True),
    ("in health we learned the signs of abuse and that is what my stepdad does to me", False),
    ("someone online keeps asking me for pics", False),
])
def test_a_safety_lesson_retold(text, lesson):
    assert lesson_retold(text.lower()) is lesson


def test_a_retold_lesson_alerts_without_holding(rules_policy):
    d = rules_policy.evaluate("in health class the teacher said if someone online offers you money for "
                              "pics you block them and tell an adult", STUDENT)
    assert d.alert and d.action is Action.ALLOW  # the coordinator hears of it, the mentor reads it
    d = rules_policy.evaluate("someone online keeps asking me for pics and says he'll post them", STUDENT)
    assert d.alert and d.action is Action.HOLD
    # told in the third person after the frame, with an adult named: a disclosure, held
    d = rules_policy.evaluate("the health teacher said if an adult offers money for pics tell someone. "
                              "mr ortiz offers me money for pics every night", STUDENT)
    assert d.alert and d.action is Action.HOLD


# Two independent reviewers attacked the readings above; each finding was fixed as a kind.
# These are new wordings of those kinds.
@pytest.mark.parametrize("text", [
    "keep it private, recruiters check profiles — and don't mention the headphones I got you",
    "your cousin could pick you up from the motel after, easy",
    "my tiktok is in my portfolio, follow it for the program server stuff",
    "you're the only one who answered me yesterday, I like that about you",
    "that song 'Meet me at the mall' lol, friday at 4 then",
    "the front desk is so slow, 718-555-0133 is quicker, save it under Coach",
    "keep your numbers out of the channel and just send yours to me privately",
    "después de la graduación nos vemos en el parking, solo tú",
])
def test_the_reviewers_bypasses_are_stopped(rules_policy, text):
    assert rules_policy.evaluate(text, MENTOR).action is not Action.ALLOW, text


def test_a_retracted_ask_with_a_handle_still_shares_it(rules_policy):
    d = rules_policy.evaluate("add me on snap its kaylee_b jk i know the rules", STUDENT)
    assert d.action is not Action.ALLOW


@pytest.mark.parametrize("text", [
    "espero que el internet no sea tan lento mañana en la sesión",
    "I almost took all the honors classes but my counselor said pace yourself",
    "nos dieron una paliza en la competencia de debate, quedamos últimos",
    "my coach said he'll kick me out of the lineup if I skip practice",
    "mi mamá está en el hospital dando a luz, estoy cuidando a mis hermanitos, estamos felices",
    "my brother said he'll kill me if i tell mom he crashed the bike lol",
    "can we stay in touch after the program ends? like on linkedin once i graduate?",
])
def test_the_reviewers_false_stops_are_delivered(rules_policy, text):
    d = rules_policy.evaluate(text, STUDENT)
    assert d.action is Action.ALLOW and not any(r.startswith("concern.") for r in d.rules), (text, d.rules)


def test_every_concept_rule_governs_a_configured_rule(rules_policy):
    """A concept whose ``governs`` names no rule of the policy file is silently dropped when its
    hits are made: every concept must govern one the file configures."""
    configured = set(rules_policy.config.rules)
    assert {r.id: r.governs for r in ALL_RULES if r.governs not in configured} == {}


def test_come_to_me_first_is_isolation(rules_policy):
    d = rules_policy.evaluate("if the other kids bother you, tell me first, not your teacher", MENTOR)
    assert d.action is not Action.ALLOW


# The code review's bypasses of the new readings (new wordings of each kind).
@pytest.mark.parametrize("text", [
    "the word 'cute' fits your selfie perfectly",
    "ever heard the song 'send me a pic before bed'? 🎶",
    "delete this convo after, and set your account to private",
    "erase these texts tonight, also make your profile private",
    "a family member will be picking you up at the corner, get in the van",
    "my badge number is 917-555-0143, text it",
    "keep your numbers out of the channel, whatsapp is easier",
])
def test_the_code_reviews_bypasses_are_stopped(rules_policy, text):
    assert rules_policy.evaluate(text, MENTOR).action is not Action.ALLOW, text


def test_a_students_quoted_title_is_named_but_a_mentors_is_not_exempt(rules_policy):
    song = "that song 'Text Me Tonight' is stuck in my head"
    assert rules_policy.evaluate(song, STUDENT).action is Action.ALLOW
    assert rules_policy.evaluate("the song 'text me tonight' is about you", MENTOR).action is not Action.ALLOW
