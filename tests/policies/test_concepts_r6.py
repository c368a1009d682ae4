"""Concepts added in round 6 (families several writers' misses shared): wordings written for these
tests — not copied from any writer's file — with words inserted, texting spellings and Spanish;
the ordinary look-alikes next to each family stay allowed."""

from __future__ import annotations

import pytest

from policies import Action, PolicyContext

MENTOR, STUDENT = PolicyContext(role="mentor"), PolicyContext(role="student")


@pytest.mark.parametrize("text, role, concept", [
    # fake praise with a mocking marker
    ("oh wow, such a genius move, did u even open the file 🙄", STUDENT, "language.fake_praise"),
    ("qué inteligente eres, otra vez sin hacer nada 🙄", STUDENT, "language.fake_praise"),
    ("Nice work for someone who can't even count to ten.", MENTOR, "language.fake_praise"),
    # insults said about someone, or to a whole group
    ("honestly that new kid is such a total clown", STUDENT, "language.insult_about"),
    ("ese pana es un tremendo pendejo, no le hagan caso", STUDENT, "language.insult_about"),
    ("some of you are just way too lazy for this field", MENTOR, "language.insult_about"),
    # origin, papers and class as the attack
    ("people like her should just go back to their own country", STUDENT, "language.origin_attack"),
    ("los dominicanos siempre huelen raro jaja", STUDENT, "language.origin_attack"),
    ("kids from the projects usually end up dropping out anyway", MENTOR, "language.origin_attack"),
    # sexual remarks about a person
    ("ngl the new assistant is kinda thicc", STUDENT, "language.sexual_remark"),
    ("la profe de química está bien buena jaja", STUDENT, "language.sexual_remark"),
    ("mándame el pack y te paso las respuestas", STUDENT, "language.sexual_remark"),
    # exclusion said as an order to the group
    ("guys don't let him into our project group", STUDENT, "language.exclusion_order"),
    ("no la metan en el equipo, porfa", STUDENT, "language.exclusion_order"),
    ("aquí la verdad nadie te aguanta", STUDENT, "language.exclusion_order"),
    # threats: to hurt, to wait after school, to expose
    ("say that again and im gonna really break his jaw", STUDENT, "language.threat_more"),
    ("te vamos a esperar a la salida mañana, ya verás", STUDENT, "language.threat_more"),
    ("keep it up and im gonna post ur real address everywhere", STUDENT, "language.threat_more"),
])
def test_round6_language_families(rules_policy, text, role, concept):
    d = rules_policy.evaluate(text, role)
    assert d.action is not Action.ALLOW and concept in d.rules, (text, d.rules)


@pytest.mark.parametrize("text, role, concept", [
    ("could i maybe call u tonight? its easier", STUDENT, "offplatform.call_request"),
    ("¿me puedes llamar por facetime más tarde?", STUDENT, "offplatform.call_request"),
    ("let's continue this by phone in the evenings", MENTOR, "offplatform.call_request"),
    ("te mando las fotos por whatsapp mejor", MENTOR, "offplatform.app_send"),
    ("I'll send you the rest of the notes on snapchat", MENTOR, "offplatform.app_send"),
    ("can u cashapp me like 15 for the bus", STUDENT, "offplatform.money_app"),
    ("te paso el dinero por zelle esta noche", MENTOR, "offplatform.money_app"),
    ("te voy a enviar un regalito a tu casa por amazon", MENTOR, "offplatform.gift_delivery"),
    ("un día de estos paso por tu edificio a saludarte", MENTOR, "offplatform.visit"),
    ("I got two extra tickets to the Knicks game, wanna come?", MENTOR, "offplatform.outing"),
    ("yo te paso a buscar después de la práctica", MENTOR, "offplatform.ride_more"),
    ("don't worry about telling the coordinator, it's just us", MENTOR, "offplatform.program_bypass"),
    ("no hace falta avisarle al programa", MENTOR, "offplatform.program_bypass"),
])
def test_round6_offplatform_families(rules_policy, text, role, concept):
    d = rules_policy.evaluate(text, role)
    assert d.action is not Action.ALLOW and concept in d.rules, (text, d.rules)


@pytest.mark.parametrize("text, concept", [
    ("tus papás nunca te van a valorar como yo", "grooming.like_i_do"),
    ("contigo es otra cosa, de verdad", "grooming.like_i_do"),
    ("eres mi favorita pero no les digas a los otros", "grooming.favouritism"),
    ("quédate un ratito después del meeting cuando se vayan los demás", "grooming.alone_after"),
    ("te cuento un chiste bien subido de tono 😏", "grooming.adult_jokes"),
    ("no puedo dormir, son las 3am y sigo pensando en ti", "grooming.night_thoughts"),
    ("si no me escribes hoy me voy a sentir muy mal", "grooming.reply_guilt"),
    ("no le vayas a decir a la coordinadora", "grooming.secret_from_group"),
    ("just send the extra ones to me, not the group", "grooming.photo_private"),
    ("ese vestido te queda precioso, de verdad", "grooming.looks_more"),
    ("a veces se me olvida que todavía estás en high school", "grooming.maturity_more"),
    ("¿y cuántos novios has tenido ya?", "grooming.dating_more"),
    ("si no puedes dormir, escríbeme", "grooming.night_contact"),
])
def test_round6_grooming_families_from_a_mentor(rules_policy, text, concept):
    d = rules_policy.evaluate(text, MENTOR)
    assert d.action is not Action.ALLOW and concept in d.rules, (text, d.rules)
    # the same words from a student are not the adult's move
    assert concept not in rules_policy.evaluate(text, STUDENT).rules, text


@pytest.mark.parametrize("text, concept", [
    ("mi tío me dijo que no le cuente a mi mamá lo que pasa", "concern.told_not_to_tell"),
    ("un señor en insta me ofrece dinero si le mando fotos", "concern.offer_for_pictures"),
    ("anoche mi padrastro me agarró del cuello", "concern.grabbed"),
    ("ya le regalé mis audífonos a mi prima, ya no los voy a necesitar", "concern.not_around"),
    ("escondí las navajitas en el closet pa que mi mamá no las vea", "concern.hiding_cuts"),
    ("me quedo en el parque hasta tarde pa no llegar a la casa", "concern.avoid_home"),
    ("me siento vacía todo el tiempo, como que nada importa", "concern.empty"),
    ("mi novio me revisa el cel todos los días y no me deja salir", "concern.controlling_partner"),
    ("el dueño no me paga desde hace dos meses", "concern.unpaid_work"),
    ("i skip lunch pretty much every day and nobody notices lol", "concern.eating"),
    ("when he drinks we all go hide in the bathroom until he leaves", "concern.afraid_at_home"),
    ("told the nurse the bruises were from gym class. they weren't", "concern.marks_explained_away"),
    ("some random accounts keep dming me saying i should die", "concern.shamed_online"),
])
def test_round6_disclosures_alert_and_are_never_blocked(rules_policy, text, concept):
    d = rules_policy.evaluate(text, STUDENT)
    assert d.alert and d.action is not Action.BLOCK and concept in d.rules, (text, d.rules)


@pytest.mark.parametrize("text, role", [
    # insults negated or taken back, orders that are statements, hyperbole about siblings/games
    ("you are not stupid, this stuff is just hard", MENTOR),
    ("i talk so much, i literally never shut up lol", STUDENT),
    ("in case you get lost, call the front desk", MENTOR),
    ("im gonna kill my little brother he ate my fries lol", STUDENT),
    ("the school's main office number is 718-555-0190 if the bus is late", MENTOR),
    # school history, fair praise, friendly ordinary Spanish
    ("my essay is on how immigrants were treated in the 1900s", STUDENT),
    ("Ella es buena en matemáticas, pregúntale a ella", STUDENT),
    ("la comida de la feria estaba bien rica", STUDENT),
    ("you're a genius, that formula was perfect!", MENTOR),
    # calls, apps and meetings run by the program
    ("you can call me Abdul, I'm in 10th grade", STUDENT),
    ("we post updates on the school Instagram every Friday", MENTOR),
    ("¿puedes ir a la oficina de la consejera mañana a las 10?", MENTOR),
    ("will we meet the mentors in person at the showcase?", STUDENT),
    ("everything between us stays in this channel, that's the program rule", MENTOR),
    # ordinary mentors' words near the grooming families
    ("send a pic of your project for the club flyer", MENTOR),
    ("your cover letter makes you sound like someone who loves solving problems", MENTOR),
    ("Talk it over with your parents and see what works for the family.", MENTOR),
    ("my teacher told me not to tell anyone about the surprise party", STUDENT),
    ("i haven't eaten since breakfast, so hungry rn", STUDENT),
    ("the makeup artist showed us how to cover scars for the play", STUDENT),
    ("¡Venga, tú puedes con ese examen!", MENTOR),
    ("quiero bajar 5 libras para la temporada de lucha", STUDENT),
])
def test_round6_ordinary_look_alikes_stay_allowed(rules_policy, text, role):
    d = rules_policy.evaluate(text, role)
    office_line = [h for h in d.hits if "given as a school's" in h.reason]  # alerted since round 22
    assert d.action is Action.ALLOW and (not d.alert or office_line == list(d.hits)), (text, d.rules)
