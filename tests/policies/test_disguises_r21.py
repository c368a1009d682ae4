"""Round 21: disguises a person reads at a glance, now read by the rules (policies/rereading.py).

Whole messages written backwards or upside down, single words written backwards or upside down,
"fancy text" alphabets (letters used for two ASCII letters, symbol and Cyrillic look-alikes, CJK
and Canadian-syllabics strokes), every letter doubled, and words run together without spaces
(also after spelled-out letters are joined). Each reading is used only when it is confident, so
the look-alike ordinary messages below pass as before. Wordings written for these tests (the
review's probes are in /tmp, not in the repository)."""

from __future__ import annotations

import pytest

from policies import Action, PolicyContext

MENTOR = PolicyContext(role="mentor")
STUDENT = PolicyContext(role="student")


def _stopped(pol, text: str, ctx: PolicyContext) -> bool:
    return pol.evaluate(text, ctx).action is not Action.ALLOW


# --- words run together --------------------------------------------------------------------

@pytest.mark.parametrize("text", ["callmeonwhatsapp", "textmeonwhatsapp tonight", "keepitbetweenus"])
def test_a_mentors_run_together_ask_is_stopped(policy, rules_policy, text):
    for pol in (policy, rules_policy):
        assert _stopped(pol, text, MENTOR), text


@pytest.mark.parametrize("text", ["iwanttodie", "imgoingtokillmyself"])
def test_a_run_together_disclosure_alerts(policy, rules_policy, text):
    for pol in (policy, rules_policy):
        assert pol.evaluate(text, STUDENT).alert, text


def test_split_prefers_rule_words_and_never_splits_a_known_word(rules_policy):
    reread = rules_policy._reread
    assert reread.split("callmeonwhatsapp") == ["call", "me", "on", "whatsapp"]
    for word in ("therapist", "assessment", "notebook", "dickinson", "scunthorpe", "penisland"):
        parts = reread.split(word)
        assert parts is None or "rapist" not in parts and "cunt" not in parts and "penis" not in parts, word
    assert reread.split("therapist") is None  # a known word is never split
    assert reread.split("ab") is None  # too short to be a run of words


# --- backwards and upside down ---------------------------------------------------------------

@pytest.mark.parametrize("text", ["ppastahw no em llac", "ddɐsʇɐɥʍ uo ǝɯ llɐɔ"])
def test_a_whole_message_turned_round_is_read(policy, rules_policy, text):
    for pol in (policy, rules_policy):
        assert _stopped(pol, text, MENTOR), text


@pytest.mark.parametrize("text", ["flesym gnillik tuoba gnikniht", "ǝᴉp oʇ ʇuɐʍ I", "he stih me every night",
                                  "ʞill myself"])
def test_a_disclosure_turned_round_alerts(policy, rules_policy, text):
    for pol in (policy, rules_policy):
        assert pol.evaluate(text, STUDENT).alert, text


# --- fancy-text alphabets and doubled letters --------------------------------------------------

@pytest.mark.parametrize("text", ["ƈɑƚƚ ɱɇ ɵɳ ɯɦɑƚʂɑƥƥ", "¢αℓℓ мє ση ѕηαρ¢нαт", "ccaallll me on whatsapp",
                                  "t e x t m e o n w h a t s a p p"])
def test_fancy_letters_and_doubled_letters_are_read(policy, rules_policy, text):
    for pol in (policy, rules_policy):
        assert _stopped(pol, text, MENTOR), text


@pytest.mark.parametrize("text", ["i want to ddiiee", "I want to Ҝ丨ㄥㄥ myself tonight",
                                  "he 卄丨ㄒ丂 me every night", "my stepdad ᕼITᔕ me"])
def test_a_disclosure_in_fancy_or_doubled_letters_alerts(rules_policy, text):
    assert rules_policy.evaluate(text, STUDENT).alert, text


def test_a_two_letter_look_alike_takes_the_letter_that_makes_a_rule_word(rules_policy):
    reread = rules_policy._reread
    turned = reread.turned("I want to ƙɨƚƚ myself")
    assert turned is not None and "ƙɨll" in turned[0]


# --- look-alike ordinary messages pass ---------------------------------------------------------

@pytest.mark.parametrize("text", [
    "therapist appointment at 3",
    "my grandma's therapist",
    "my grandmas therapist is nice",
    "the assessment is at 9am",
    "#throwbackthursday to the science fair",
    "internationalization is a long word",
    "Dickinson and Scunthorpe",
    "level racecar kayak noon",
    "Anna and Otto ate",
    "noah saw a star",
    "follow @therapistfinder for tips",
    "check out nasa.gov/throwbackthursday",
    "i want to eid with my family",
    "powergenitalia",
    "ladiesofthenight",
    "we ate pierogi at the bbq",
    "Привет, как дела? я дома",
])
@pytest.mark.parametrize("ctx", [MENTOR, STUDENT])
def test_look_alike_ordinary_messages_pass(rules_policy, text, ctx):
    d = rules_policy.evaluate(text, ctx)
    assert d.action is Action.ALLOW and not d.alert, (text, d)


def test_a_mostly_known_message_is_not_turned_round(rules_policy):
    assert rules_policy._reread.turned("see you at the career fair on friday") is None
    assert rules_policy._reread.turned("sí, nos vemos mañana en la escuela") is None


@pytest.mark.parametrize("text", ["i want to llik myself", "iwanttokillmyself", "kkiillll mmyysseellff"])
def test_a_disguised_disclosure_is_held_with_the_kind_notice(policy, text):
    # The concern head reads the text as sent and scores it low; it must not quiet what it cannot read.
    d = policy.evaluate(text, PolicyContext(role="student"))
    assert d.action is Action.HOLD and d.alert, (text, d)


@pytest.mark.parametrize("text", ["therapistfinder", "mirapelea", "tematopic", "topicstfu",
                                  "lol topicselfie fr"])
def test_a_run_that_reads_as_two_words_is_not_split_into_more(rules_policy, text):
    for role in ("student", "mentor"):
        d = rules_policy.evaluate(text, PolicyContext(role=role))
        assert d.action is Action.ALLOW and not d.alert, (text, role, d)


def test_a_word_with_an_accent_is_not_split_at_the_accent(policy):
    # "presentación" is one word: the quieting of an exaggerated disclosure still applies.
    d = policy.evaluate("me quiero morir, mañana es la presentación y no he hecho nada 😭",
                        PolicyContext(role="student"))
    assert d.action is Action.ALLOW and d.alert, d
