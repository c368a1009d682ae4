"""Round 18: a mentor's message stopped by one soft reading of the rules that the encoder's
matching heads do not back is delivered and flagged (the issue's "weak single signals from a
mentor may be delivered but flagged"). Its conversation signal is kept, so flagged moves still
add up to a pattern alert. Contact details, threats, profanity, a detail in the span, a disguise
(zero-width or look-alike letters) or a strong sentence inside a longer message keep the stop.
Wordings written for these tests, not copied from any writer's file."""

from __future__ import annotations

import textwrap

import pytest

from policies import Action, PolicyContext, PolicyFileError, load_policy
from policies.engine import _plainly_written

MENTOR = PolicyContext(role="mentor")
STUDENT = PolicyContext(role="student")


@pytest.mark.parametrize("text", [
    "What's the biggest thing you hope to get out of this program before graduation?",
    "Nos vemos el jueves en la sala de conferencias del piso 3.",
])
def test_an_unbacked_single_reading_is_delivered_and_flagged(policy, text):
    d = policy.evaluate(text, MENTOR)
    assert d.action is Action.ALLOW and d.flag and not d.alert, d
    flagged = [h for h in d.hits if h.band == "flag" and not h.rule.startswith("encoder.")]
    assert flagged and all("do not back" in h.reason for h in flagged)
    assert d.signal > 0  # it still counts toward the conversation score


def test_the_rules_alone_still_stop_it(rules_policy):
    d = rules_policy.evaluate("What's the biggest thing you hope to get out of this program before "
                              "graduation?", MENTOR)
    assert d.action is not Action.ALLOW  # --rules-only: nothing can overrule the rules


@pytest.mark.parametrize("text", [
    "our secret",
    "just between us ok",
    "you looked really grown up in that picture",
    "text me tonight",
    "I can pick you up after practice, your mom doesn't need to know",
])
def test_moves_the_heads_back_stay_stopped(policy, text):
    assert policy.evaluate(text, MENTOR).action is not Action.ALLOW, text


@pytest.mark.parametrize("text", [
    "\u043eur s\u0435cret",           # Cyrillic o and e
    "our\u200b secret",               # a zero-width space
    # small capitals: "keep this our secret"
    "\u1d0b\u1d07\u1d07\u1d18 \u1d1b\u029c\u026a\ua731 "
    "\u1d0f\u1d1c\u0280 \ua731\u1d07\u1d04\u0280\u1d07\u1d1b",
    "o\u0336u\u0336r\u0336 secret",    # overlay strokes
    # mathematical bold, circled and full-width letters (round 19's code review)
    "\U0001d425\U0001d41e\U0001d42d\U0001d42c \U0001d424\U0001d41e\U0001d41e\U0001d429 "
    "\U0001d42d\U0001d421\U0001d422\U0001d42c \U0001d428\U0001d42e\U0001d42b "
    "\U0001d42c\U0001d41e\U0001d41c\U0001d42b\U0001d41e\U0001d42d",
    "\u24db\u24d4\u24e3\u24e2 \u24da\u24d4\u24d4\u24df \u24e3\u24d7\u24d8\u24e2 "
    "\u24de\u24e4\u24e1 \u24e2\u24d4\u24d2\u24e1\u24d4\u24e3",
    "\uff43\uff41\uff4e \uff49 \uff43\uff41\uff4c\uff4c \uff59\uff4f\uff55 "
    "\uff54\uff4f\uff4e\uff49\uff47\uff48\uff54",
    "000.\nour secret.",              # noise in another sentence
    "Great work on the resume today, the formatting is clean and your summary is strong. "
    "Let's keep this our secret. See you Thursday.",
    # padding inside one long sentence
    "the deadline for the summer program is april 15 and you need two recommendation letters and do "
    "you have a boyfriend by the way",
    "for the resume put your volunteer work first, then skills, then education, and delete this "
    "conversation after you copy it",
])
def test_disguise_or_dilution_does_not_lower_the_bar(policy, text):
    assert policy.evaluate(text, MENTOR).action is not Action.ALLOW, text


@pytest.mark.parametrize("text", [
    "my cell is 917 555 0148",
    "watch what happens if you tell anyone",
])
def test_contact_details_and_threats_are_never_soft(policy, text):
    assert policy.evaluate(text, MENTOR).action is not Action.ALLOW, text


def test_a_detail_elsewhere_keeps_the_stop(policy):
    d = policy.evaluate("Te mandé un link a mi OneDrive, ahí están mis fotos del viaje: 1drv.ms/u/s!Ak3xQz",
                        MENTOR)
    assert d.action is not Action.ALLOW


def test_the_same_rule_in_two_places_is_not_one_reading(policy):
    d = policy.evaluate("Keep it between us. Nobody needs to know.", MENTOR)
    assert d.action is not Action.ALLOW


def test_an_encoder_failure_on_the_sentence_keeps_the_stop(policy, monkeypatch):
    text = "What's the biggest thing you hope to get out of this program before graduation? Thanks!"
    real = policy.encoder.scores

    def failing(t, role):
        if t.strip().startswith("Thanks") or "graduation?" in t and "Thanks" not in t:
            raise RuntimeError("encoder down")
        return real(t, role)

    monkeypatch.setattr(policy.encoder, "scores", failing)
    assert policy.evaluate(text, MENTOR).action is not Action.ALLOW


def test_students_messages_are_unchanged(policy, rules_policy):
    text = "nos vemos el jueves en el parque despues de clase"
    assert policy.evaluate(text, STUDENT).action is rules_policy.evaluate(text, STUDENT).action


def _program(tmp_path, body: str):
    path = tmp_path / "program.yml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def test_a_program_can_keep_every_rule_stop(tmp_path):
    path = _program(tmp_path, """
        encoder:
          thresholds:
            grooming: {backs: false}
            offplatform: {backs: false}
            language: {backs: false}
        """)
    strict = load_policy(path)
    d = strict.evaluate("What's the biggest thing you hope to get out of this program before graduation?",
                        MENTOR)
    assert d.action is not Action.ALLOW


def test_backs_above_hold_is_refused(tmp_path):
    path = _program(tmp_path, """
        encoder:
          thresholds:
            grooming: {hold: 0.9, backs: 0.95}
        """)
    with pytest.raises(PolicyFileError, match="backs"):
        load_policy(path)


def test_policy_show_says_where_the_heads_back_the_rules(policy):
    assert "backs a mentor's message stopped by one soft reading" in policy.describe()


@pytest.mark.parametrize("text", ["Nos vemos el jueves en la sala 214 🙂", "Good job… see you Friday",
                                  "¿Qué tal la entrevista? ¡Cuéntame!"])
def test_accents_emoji_and_punctuation_are_plainly_written(text):
    assert _plainly_written(text)


def test_a_head_switched_off_cannot_vouch_for_a_message(tmp_path):
    blind = load_policy(_program(tmp_path, """
        encoder:
          thresholds:
            offplatform: {on: false}
        """))
    d = blind.evaluate("What's the biggest thing you hope to get out of this program before graduation?",
                       MENTOR)
    assert d.action is not Action.ALLOW
