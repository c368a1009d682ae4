"""Round 25: evidence of a kept secret, hints of goodbye, a mentor's worry, and words in another sense.

* A student telling the adult that the adult's secret was kept ("borré los mensajes como me dijo",
  "didn't tell my mom about the money you sent") is held with an alert: the adult's move happened
  elsewhere, these words are its evidence. The student's own edits, schedules and purchases are not.
* A hint of goodbye (giving things away "para qué los quiero", leaving them to someone, "nobody would
  miss me", a thank-you for everything with an absence that has no end) is delivered with the
  coordinator alerted — and, unlike a disclosure, never changes how another rule's stop is handled.
* A mentor's worry or ask said on its own after a report ("Estoy preocupada.", "¿Cómo procedemos?")
  escalates a report about what disclosures are about; "Kevin said the link didn't work, how should
  we proceed?" stays ordinary.
* Readings of words in another sense (a swim meet, "nos vemos en septiembre", trash talk about a game,
  "never share your password with anyone") were built and dropped: a red team got 50 real threats,
  secrecy moves and meetings through them. What stays: a link's host ends at "?", "#" or "\\" too
  (main allowed "evil.com?.cuny.edu"), and the Common App's, the MTA's, TheDream.US's and the public
  libraries' sites are on the default list.

Wordings written for these tests (a review's and a red team's probes among them), not taken from any
sealed set.
"""

from __future__ import annotations

import pytest

from policies import Action, PolicyContext
from policies.farewell import final_thanks
from policies.normalize import normalize
from policies.rules.links import LinkFinder

MENTOR = PolicyContext(role="mentor")
STUDENT = PolicyContext(role="student")


@pytest.mark.parametrize("text", [
    "ok i deleted the chat like u said",
    "dont worry i already deleted all our msgs like you asked 👍",
    "ya borré los mensajes como me dijo, no se preocupe",
    "profe no le dije a nadie lo de los audífonos como usted me dijo",
    "i didn't tell my mom about the party like u said",
    "thank u for the airpods!! i didnt tell my dad like you said lol",
    "gracias por los 50 miss, no le dije a nadie",
    "i spent it already. didnt tell my mom about the 50 u sent",
    "you said not to tell ms alvarez about the headphones right? i didnt say nothing",
    "tranqui, no le dije nada a mi mami de lo del dinero",
])
def test_a_student_saying_the_adults_secret_was_kept_is_held_with_an_alert(rules_policy, text):
    d = rules_policy.evaluate(text, STUDENT)
    assert d.action is not Action.ALLOW and d.alert, (text, d)
    assert "grooming.kept_secret" in d.rules


@pytest.mark.parametrize("text", [
    "i deleted the intro like u said, its way better now",
    "i cleared my schedule for friday like you said",
    "deleted tiktok from my phone, thanks for the tip",
    "i haven't told anyone about my new jordans yet lol, thanks",
    "you said not to tell the answer to the others so i didnt",
    "i didn't say anything in class like you said, just listened",
    "didn't tell the recruiter my salary expectations like you said",
    "no le dije a nadie de la fiesta sorpresa, tranquila",
    "i didn't tell my mom about the money i spent on shoes 😬",
])
def test_a_students_own_edits_plans_and_purchases_are_no_kept_secret(rules_policy, text):
    assert "grooming.kept_secret" not in rules_policy.evaluate(text, STUDENT).rules, text


def test_a_mentor_passing_on_a_students_plea_for_secrecy_is_a_report_not_a_kept_secret(rules_policy):
    d = rules_policy.evaluate("Mi mentee me mostró su brazo, tiene cortadas recientes. Me dijo que no le "
                              "dijera a nadie, pero no me siento bien callándome.", MENTOR)
    assert "grooming.kept_secret" not in d.rules
    assert d.action is Action.HOLD and d.alert and "concern.reported" in d.rules


@pytest.mark.parametrize("text", [
    "ya regalé mis cuadernos y mis dibujos, para qué los quiero",
    "si me pasa algo, que mi hermano se quede con mi laptop",
    "mi hermano se puede quedar con mi laptop si me pasa algo",
    "its whatever, i already wrote letters for everyone",
    "nadie me extrañaría, la verdad",
    "no voy a estar en la sesión del jueves. ni en las otras creo. gracias por todo miss, de verdad",
    "thanks for everything. i won’t be here after today",
    "gracias por  todo. nunca mas",  # a double space: the cheap test must not skip it
])
def test_a_hint_of_goodbye_is_delivered_with_the_coordinator_alerted(rules_policy, text):
    d = rules_policy.evaluate(text, STUDENT)
    assert d.action is Action.ALLOW and d.alert, (text, d)
    assert d.notice is None, "nothing is shown to the student"
    assert "concern.goodbye_hint" in d.rules


@pytest.mark.parametrize("text", [
    "thanks for everything this year!! see you in september",
    "gracias por todo miss! no voy a estar el jueves porque tengo dentista",
    "thanks for everything, you were awesome this year",
    "thanks for everything!! this is it, last session of senior year 🎓",
    "gracias por todo profe, después de hoy me mudo a Florida",
    "le di mi opinión al profe pero ya no sé qué más hacer con el ensayo",
    "anyone want my old calculator? got a new one",
    "último día del programa 🥹 gracias por todo, nos vemos en septiembre!",
])
def test_ordinary_thanks_and_giving_raise_no_goodbye_hint(rules_policy, text):
    assert "concern.goodbye_hint" not in rules_policy.evaluate(text, STUDENT).rules, text


@pytest.mark.parametrize("text, rule", [
    ("thanks for everything!! this is goodbye from me. text me 646-555-0142", "contact.phone"),
    ("ya regalé mis cuadernos, para qué los quiero. mi snap es kayla_22", "contact.handle"),
    ("gracias por todo, no voy a volver. pinche vieja chismosa", "language.profanity"),
])
def test_a_goodbye_hint_never_softens_another_rules_block(rules_policy, text, rule):
    d = rules_policy.evaluate(text, STUDENT)
    assert d.action is Action.BLOCK, (text, d)
    assert rule in d.rules and "concern.goodbye_hint" in d.rules
    assert "988" not in (d.notice or ""), "the block's own notice, not the support notice"


def test_a_goodbye_hint_does_not_quiet_the_encoders_language_hold(policy):
    d = policy.evaluate("nadie se daría cuenta. you look like a thumb lmao", STUDENT)
    assert d.action is Action.HOLD and "encoder.language" in d.rules


def test_the_final_thanks_reads_the_folded_message_and_maps_its_span_back():
    text = "İrem says hi. thanks for everything. i won’t be here after today"
    norm = normalize(text)
    found = final_thanks(norm.text)
    assert found is not None
    start, end = norm.span(*found)
    assert text[start:end].startswith("thanks for everything")
    assert final_thanks(normalize("thanks for everything. i won't see you again").text) is not None
    assert final_thanks(normalize("thanks for everything, won't be around. see you in the fall").text) is None


@pytest.mark.parametrize("text", [
    "Coordinadora, la estudiante me contó que su novio la espera a la salida y no la deja hablar con "
    "nadie. Estoy preocupada.",
    "Nota para la coordinadora: Ana me contó que algunas noches duerme en la lavandería. Se rió, pero me "
    "preocupa.",
    "Coordinadora, le aviso: Yaritza me contó que su mamá la encierra en el cuarto. Me preocupa.",
    "Not sure where to put this: my student said her parents are sending her back home this summer to get "
    "married. She sounded scared.",
])
def test_a_mentors_worry_after_a_report_about_a_risk_escalates_it(rules_policy, text):
    d = rules_policy.evaluate(text, MENTOR)
    assert d.action is Action.HOLD and d.alert and "concern.reported" in d.rules, (text, d)


@pytest.mark.parametrize("text", [
    "Maria said she's stressed about the chemistry final. I'm a bit worried.",
    "Kevin said the link didn't work, how should we proceed?",
    "Maria mentioned her mom can't drive her to the career fair. How should we proceed?",
    "Dani said her mom wants to come to the showcase. I told her I'd let you know.",
    "Valeria dijo que no puede el jueves. ¿Cómo procedemos con la sesión?",
    "She told me she aced the SAT! I told her I'd let Ms. Kim know",
    "She said the bus was late again. I'm worried we'll miss the start of the tour.",
])
def test_a_mentors_worry_about_ordinary_things_is_no_report(rules_policy, text):
    assert "concern.reported" not in rules_policy.evaluate(text, MENTOR).rules, text


@pytest.mark.parametrize("text", [
    "is commonapp.org the same thing as the suny application?",
    "Check mta.info for weekend service changes before the tour.",
    "esta beca no pide papeles: https://www.thedream.us/scholars",
    "the library has free SAT prep, sign up at nypl.org",
])
def test_well_known_public_sites_are_delivered(rules_policy, text):
    assert rules_policy.evaluate(text, STUDENT).action is Action.ALLOW, text


@pytest.mark.parametrize("url", [
    "https://evil-prizes.com?.cuny.edu",
    "https://free-robux.example#.thedream.us",
    "https://evil.example\\@commonapp.org/apply",
    "https://evil.example?x=.queenslibrary.org",
    "check out mta.info.example-login.com",
    # a final red team's: folded look-alikes, full-width delimiters before "@", a second link behind
    "https://cuny.edu？@evil-quiz.example/x",
    "https://commonapp.org／@evil.example/x",
    "[www.nypl.org/](https://evil.example/x)",
    "www.mta.info/\u200bhttps://evil.example",
    "www.mta.info/https://evil.example",
    "cómmonapp.org",
    "commonаpp.org",  # a Cyrillic "а"
    "https://www.linkedin.com/in/someone-else",
])
def test_an_allowed_suffix_after_the_host_ends_allows_nothing(rules_policy, url):
    assert rules_policy.evaluate(url, STUDENT).action is not Action.ALLOW, url


@pytest.mark.parametrize("text", [
    "check https://www.commonapp.org/apply?lang=es",
    "Mira la página www.commonapp.org, está en español también",
    "https://docs.google.com/document/d/abc123/edit?usp=sharing",
    # a final review's: curly quotes, Spanish punctuation and an ellipsis touching the link
    "mira “https://www.cuny.edu” aquí",
    "¡Mira:https://www.cuny.edu!",
    "here https://www.cuny.edu…",
    # an allow-list entry with a path matches that path (it never did before round 25)
    "https://www.linkedin.com/learning/excel-essential-training",
])
def test_allowed_links_with_a_query_or_in_spanish_chat_are_delivered(rules_policy, text):
    assert rules_policy.evaluate(text, STUDENT).action is Action.ALLOW, text


def test_a_links_host_ends_at_the_first_slash_question_mark_hash_or_backslash():
    assert LinkFinder.host_path("https://evil.example?.cuny.edu") == ("evil.example", ".cuny.edu")
    assert LinkFinder.host_path("evil.example#x.nypl.org")[0] == "evil.example"
    assert LinkFinder.host_path("https://evil.example\\@commonapp.org/apply")[0] == "evil.example"
    found = LinkFinder.host_path("https://www.commonapp.org/apply?lang=es")
    assert found == ("commonapp.org", "apply?lang=es")


@pytest.mark.parametrize("text", [
    "i deleted the messages from that scammer like you said",
    "borré los mensajes de ese tipo raro como usted me dijo",
    "i didnt tell anyone the answers like u said, its a test",
    "no le dije a nadie mi contraseña como usted me dijo",
    "deleted the old messages in the group chat like you said, it was too cluttered",
    "i blocked him and deleted the chat like you said miss",
])
def test_safety_advice_followed_is_no_kept_secret(rules_policy, text):
    assert "grooming.kept_secret" not in rules_policy.evaluate(text, STUDENT).rules, text


def test_a_rules_own_unless_does_not_clear_its_familys_phrase_hits(rules_policy):
    """grooming.kept_secret's filter (a surprise for somebody) reads its own matches only: a mentor's
    "don't tell your mom, it's a surprise party" stays a secrecy move."""
    d = rules_policy.evaluate("no le digas a tu mamá, es una fiesta sorpresa", MENTOR)
    assert d.action is not Action.ALLOW and "offplatform.secrecy" in d.rules


def test_a_mentors_worry_typed_with_a_curly_apostrophe_escalates_too(rules_policy):
    text = "Coordinator — Jaylen said his uncle hits him when he drinks. I’m worried."
    d = rules_policy.evaluate(text, MENTOR)
    assert d.action is Action.HOLD and "concern.reported" in d.rules


@pytest.mark.parametrize("text", [
    "i deleted everything like you said and started the essay over",
    "never told anyone my login like u said 👍",
])
def test_a_students_own_edits_and_passwords_are_no_kept_secret(rules_policy, text):
    assert "grooming.kept_secret" not in rules_policy.evaluate(text, STUDENT).rules
