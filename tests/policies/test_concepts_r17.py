"""Round 17: somebody else's suicide attempt or self-harm, told by a student. The coordinator
hears of it at once (the student may need support, the friend may be in danger, and "my friend"
is often the student), but the student said nothing wrong: the message is delivered. A student
who adds that it is theirs too is held with the kind notice. Wordings written for these tests,
not copied from any writer's file."""

from __future__ import annotations

import pytest

from policies import Action, PolicyContext, load_policy

MENTOR = PolicyContext(role="mentor")
STUDENT = PolicyContext(role="student")
RULES = {"concern.someone_attempted", "concern.someone_self_harm"}


@pytest.mark.parametrize("text", [
    "my cousin tried to kill herself in october, my aunt found her",
    "my best friend literally tried to end her life last month",
    "a boy on my team attempted suicide over the break",
    "my older brother overdosed on purpose in march",
    "this girl in my grade tried to hang herself, the whole school knows",
    "my friend has been cutting herself again",
    "mi amiga intentó quitarse la vida pero su mamá ya llamó a la consejera",
    "mi primo se quiso matar el año pasado",
    "mi hermana se corta los brazos y nadie en la casa sabe",
    "my homegirl is on suicide watch rn",
    "my mom tried to kill herself when i was in 8th grade",
    "someone in my grade killed himself over the summer",
    "my ex slit his wrists last year",
    "mi compa se cortó las venas",
])
def test_somebody_elses_attempt_alerts_and_is_delivered(rules_policy, text):
    d = rules_policy.evaluate(text, STUDENT)
    assert any(h.rule in RULES for h in d.hits), text
    ours = [h for h in d.hits if h.rule in RULES]
    assert d.alert and all(h.action is Action.ALLOW for h in ours)
    if all(h.category == "concern" and h.action is Action.ALLOW for h in d.hits):
        assert d.action is Action.ALLOW and d.notice is None  # no "thank you" for a friend's story


@pytest.mark.parametrize("text", [
    "my friend tried to kill herself and honestly i think about doing it too",
    "my sister cut herself last year, same tbh",
    "mi prima se cortó las muñecas, a mí también me pasa",
    "my bf self harms and so do i",
])
def test_a_student_who_says_it_is_theirs_too_is_held_with_the_kind_notice(rules_policy, text):
    d = rules_policy.evaluate(text, STUDENT)
    assert d.action is Action.HOLD and d.alert and "Thank you" in (d.notice or "")


@pytest.mark.parametrize("text", [
    "my sister cut herself cooking last night lol",
    "my brother tried to kill himself laughing at that video",
    "my little brother keeps trying to kill himself in minecraft lol",
    "in the book the main character tries to kill himself",
    "we learned what to do if a friend tries to hurt themselves",
    "my sister cuts her hair herself",
    "mi hermana se corta el pelo sola",
    "my brother was hospitalized for asthma",
    "my cousin tried to fix the sink himself and flooded the kitchen",
    "my cousin overdosed on hot cheetos lol",
    "my brother burns himself out every finals week",
    "she keeps cutting herself off mid sentence",
    "my sister cut herself some bangs",
])
def test_look_alikes_are_not_somebody_elses_attempt(rules_policy, text):
    d = rules_policy.evaluate(text, STUDENT)
    assert not any(h.rule in RULES for h in d.hits), text


def test_disclosure_words_inside_the_story_are_the_friends(rules_policy):
    """"attempted suicide", "took a bunch of pills": the friend's words alert without holding; the
    student's own words in the same message still hold it."""
    for text in ("a boy on my team attempted suicide over the break",
                 "my friend took a bunch of pills on purpose last weekend"):
        d = rules_policy.evaluate(text, STUDENT)
        assert d.action is Action.ALLOW and d.alert and d.notice is None, text
    d = rules_policy.evaluate("my friend took a bunch of pills on purpose and i want to die", STUDENT)
    assert d.action is Action.HOLD and d.alert


def test_a_mentor_telling_such_a_story_is_not_a_disclosure(rules_policy):
    d = rules_policy.evaluate("my cousin tried to kill herself when she was your age, it gets better", MENTOR)
    assert not any(h.rule in RULES for h in d.hits)


def test_a_program_can_hold_these(tmp_path):
    path = tmp_path / "program.yml"
    path.write_text("rules:\n  concern.someone_else: {action: hold}\n", encoding="utf-8")
    d = load_policy(path, rules_only=True).evaluate("my cousin tried to kill herself in october", STUDENT)
    assert d.action is Action.HOLD and d.alert


@pytest.mark.parametrize("text", [
    "my friend and i both took a bunch of pills last night",
    "my friend found out i took a bunch of pills on purpose",
    "my bf found me after i took a bunch of pills",
    "me and my bestie attempted suicide together in august",
    "my friend tried to kill herself with me",
    "me and my friend tried to kill ourselves",
])
def test_the_student_in_the_telling_is_their_own_disclosure(rules_policy, text):
    """The student is part of the act: their own disclosure, held with the self-harm notice."""
    d = rules_policy.evaluate(text, STUDENT)
    assert d.action is Action.HOLD and d.alert and "Thank you" in (d.notice or ""), text


def test_abuse_next_to_a_partners_self_harm_keeps_its_hold(rules_policy):
    for text in ("my boyfriend chokes me and then tries to kill himself when i say im leaving",
                 "mi novio me pega y luego se corta los brazos"):
        d = rules_policy.evaluate(text, STUDENT)
        assert d.action is Action.HOLD and d.alert, text


@pytest.mark.parametrize("text", [
    "my cousin tried to kill herself, and i told my mom too",
    "my friend cut herself and i was scared too",
    "i just found out my cousin also cut herself",
    "same girl from volleyball tried to kill herself last year",
    "my friend attempted suicide and she told me too",
    "my cousin tried to kill herself, it was me who found her",
    "my friend cut herself, i tried talking to her about it too",
    "my friend told us she tried to kill herself",
])
def test_a_first_person_too_that_is_not_the_students_own_is_not_a_me_too(rules_policy, text):
    d = rules_policy.evaluate(text, STUDENT)
    assert d.action is Action.ALLOW and d.alert, text


def test_somebody_in_danger_now_is_held_with_the_emergency_notice(rules_policy, policy):
    """Held whatever the concern head reads: the emergency line is in the notice."""
    for pol in (rules_policy, policy):
        for text in ("my sister said she's gonna kill herself tonight", "my friend is gonna end it tonight"):
            d = pol.evaluate(text, STUDENT)
            assert d.action is Action.HOLD and d.alert and "988" in (d.notice or ""), text
    assert rules_policy.evaluate("my brother is gonna kill himself trying to finish this homework",
                                 STUDENT).action is Action.ALLOW


def test_a_held_disclosure_next_to_a_friends_story_gets_its_own_notice(rules_policy):
    """The notice is the held disclosure's, not the delivered story's."""
    d = rules_policy.evaluate("my friend attempted suicide and i want to die", STUDENT)
    assert d.action is Action.HOLD and "988" in (d.notice or "")
    d = rules_policy.evaluate("my friend tried to kill herself and my stepdad hits me", STUDENT)
    assert d.action is Action.HOLD and "safe" in (d.notice or "")


@pytest.mark.parametrize("text", [
    "my best friend has been cutting herself again",
    "my friend overdosed on tylenol",
    "my friend cut herself on her thigh",
    "my friend tried to kill herself last night, what if she does it again",
])
def test_more_of_the_friends_words_alert_without_holding(rules_policy, text):
    d = rules_policy.evaluate(text, STUDENT)
    assert d.action is Action.ALLOW and d.alert and any(h.rule in RULES for h in d.hits), text


def test_policy_show_says_what_the_setting_does():
    from policies import load_policy as load

    shown = load(rules_only=True).describe()
    line = shown.index("(concern.someone_else)")
    nxt = shown[line:line + 300]
    assert "from a student: delivered, coordinator alerted" in nxt
    assert "from a mentor" not in nxt.split("\n  - ")[0]
    assert "sender is told nothing" in nxt.split("\n  - ")[0]


def test_a_program_file_keeps_corroborate_between_alert_and_hold(tmp_path):
    from policies import PolicyFileError

    bad = tmp_path / "p.yml"
    bad.write_text("encoder:\n  thresholds:\n    concern: {alert: 0.8, corroborate: 0.7}\n", encoding="utf-8")
    with pytest.raises(PolicyFileError, match="must not be below its 'alert'"):
        load_policy(bad)
    bad.write_text("encoder:\n  thresholds:\n    concern: {hold: 0.9, corroborate: 0.95}\n", encoding="utf-8")
    with pytest.raises(PolicyFileError, match="must not be above its 'hold'"):
        load_policy(bad)


@pytest.mark.parametrize("text", [
    "hypothetically if someone took a bunch of pills how many would it actually take",
    "asking for a friend, if someone took a bunch of pills last night should they go to the er",
    "say someone took a bunch of pills on purpose, would you have to call their parents",
    "asking 4 a friend... my friend has been cutting herself",
    "pregunto por una amiga: si alguien se corta los brazos qué debe hacer",
])
def test_a_disguise_or_a_question_stays_the_students_own(rules_policy, text):
    d = rules_policy.evaluate(text, STUDENT)
    assert d.action is Action.HOLD and d.alert and "988" in (d.notice or "")


@pytest.mark.parametrize("text", ["mi mamá me va a matar si saco otra C en algebra lol",
                                  "mi hermano me quiere matar porque le rompí los audífonos jajaja"])
def test_going_to_kill_me_is_not_somebody_in_danger(rules_policy, text):
    assert not any(h.rule == "concern.someone_in_danger" for h in rules_policy.evaluate(text, STUDENT).hits)


@pytest.mark.parametrize("text", [
    "my bro attempted suicide last year and lowkey wanna die too",
    "mi hermano se intentó suicidar y la neta también quiero morirme",
    "my sister attempted suicide and honestly sometimes i feel like doing the same",
    "my friend took a bunch of pills and attempted suicide",
])
def test_the_students_own_words_after_a_friends_story_keep_the_hold(rules_policy, text):
    assert rules_policy.evaluate(text, STUDENT).action is Action.HOLD, text


@pytest.mark.parametrize("text", [
    "she wants to end it with her boyfriend today lol finally",
    "my cousin said she's going to end it with her job today, her boss is awful",
    "bro the refs are gonna end it tonight if they keep calling those fouls",
    "my dad said he's gonna kill himself if the cowboys lose again lol",
    "my sister is gonna kill herself if she doesn't get taylor swift tickets",
    "mi abuela se mató trabajando toda su vida",
    "my friend burned herself making quesadillas",
    "the news said a guy in our city killed himself after the layoffs",
])
def test_breakups_jokes_idioms_and_news_are_not_somebody_elses_attempt(policy, text):
    d = policy.evaluate(text, STUDENT)
    assert d.action is Action.ALLOW, text
    assert not any(h.rule in RULES | {"concern.someone_in_danger"} for h in d.hits), text


def test_letters_that_lower_to_two_keep_the_spans_in_place(rules_policy):
    d = rules_policy.evaluate("İİİ my friend and i both took a bunch of pills last night", STUDENT)
    assert d.action is Action.HOLD and d.alert
