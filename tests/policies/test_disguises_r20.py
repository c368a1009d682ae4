"""Round 20: what an evasion review and a contract review got through, each now read.

A disclosure with school words or a time nearby is delivered with the coordinator alerted, never
read away; an unknown role is read as an adult; a broken encoder score fails closed; and text
disguised the ways the review tried (blank letters as spaces, zero-width spaces between words,
punctuation or emoji between spelled-out letters, "!" for "i", dressed-up Latin letters,
Armenian/Cherokee/Lisu look-alikes, dingbat digits, a right-to-left override, defanged links,
HTML entities and markdown inside a word)
is read as a person reads it. Wordings written for these tests (the review's probes are in
/tmp, not in the repository)."""

from __future__ import annotations

import json
import math
import subprocess
import sys

import pytest

from policies import Action, PolicyContext
from policies.encoder.checks import EncoderScoreError, checked_scores
from policies.types import reading_role

MENTOR = PolicyContext(role="mentor")
STUDENT = PolicyContext(role="student")


# --- a disclosure is never read away by a word nearby -------------------------------------------

@pytest.mark.parametrize("text", [
    "gonna kill myself tonight after practice",
    "i want to end my life, anyway did you read my essay",
    "me quiero morir, ni hice la tarea",
    "my cousin said she's going to kill herself lol idk if she means it",
])
def test_a_disclosure_with_school_words_nearby_still_alerts(policy, rules_policy, text):
    for pol in (policy, rules_policy):  # the rules alone too: a program may turn the encoder off
        d = pol.evaluate(text, STUDENT)
        assert d.alert, (text, d)
        assert d.action is not Action.BLOCK  # never a shaming block


def test_exaggeration_is_delivered_with_an_alert_not_held(rules_policy):
    d = rules_policy.evaluate("ugh this chem homework makes me want to die", STUDENT)
    assert d.action is Action.ALLOW and d.alert, d
    soft = [h for h in d.hits if h.category == "concern"]
    assert soft and all(h.band == "alert" and "exaggeration" in h.reason for h in soft)


@pytest.mark.parametrize("text", ["me muero de la risa con ese video", "i'd rather die than sing in public",
                                  "dying laughing at this meme"])
def test_idioms_that_are_not_about_dying_stay_quiet(rules_policy, text):
    d = rules_policy.evaluate(text, STUDENT)
    assert not d.alert and d.action is Action.ALLOW, d


# --- roles -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("given", "read"), [
    ("mentor", "mentor"), ("Mentor ", "mentor"), ("teacher", "mentor"), ("volunteer", "mentor"),
    ("student", "student"), ("STUDENT", "student"), ("", "student"), (None, "student"),
    ("coordinator", "coordinator"),
])
def test_roles_are_read_as_the_adult_or_the_student_they_are(given, read):
    assert reading_role(given) == read


def test_a_teacher_is_read_as_an_adult(rules_policy):
    text = "you look really cute in that pic, dont tell your mom we talk"
    assert rules_policy.evaluate(text, PolicyContext(role="teacher")).action is Action.BLOCK
    assert rules_policy.evaluate(text, PolicyContext(role="Mentor ")).action is Action.BLOCK


def test_the_cli_refuses_an_unknown_role_per_line():
    lines = [{"text": "add me on snap", "role": "volunteer"}, {"text": "hi", "role": 5},
             {"text": "hi", "role": None}, {"text": "add me on snap", "role": "teacher"}]
    out = subprocess.run([sys.executable, "-m", "bot.cli.main", "policy", "check", "--jsonl", "--rules-only"],
                         input="".join(json.dumps(x) + "\n" for x in lines), capture_output=True, text=True,
                         timeout=120, check=True).stdout.splitlines()
    got = [json.loads(line) for line in out]
    assert len(got) == 4
    assert "role" in got[0]["error"] and "volunteer" in got[0]["error"]
    assert "role" in got[1]["error"]
    assert got[2]["decision"] == "allow"  # null: the role is optional, a student by default
    assert got[3]["decision"] == "block"


# --- a broken score fails closed ---------------------------------------------------------------

@pytest.mark.parametrize("bad", [{"grooming": math.nan}, {"grooming": 1.5}, {"grooming": "0.2"}, {}])
def test_scores_that_are_not_probabilities_are_refused(bad):
    scores = {"grooming": 0.1, "contact": 0.2, **bad}
    if not bad:
        scores = {"contact": 0.2}
    with pytest.raises(EncoderScoreError):
        checked_scores(scores, ["grooming", "contact"])


def test_a_nan_score_holds_the_message_with_an_alert(policy, monkeypatch):
    real = policy.encoder.scores

    def nan_scores(text, role):
        return {k: math.nan for k in real(text, role)}

    monkeypatch.setattr(policy.encoder, "scores", nan_scores)
    d = policy.evaluate("you have such a pretty smile, our little thing ok?", MENTOR)
    assert d.action is not Action.ALLOW and d.alert, d
    assert any(h.rule == "encoder.error" for h in d.hits)


# --- disguises ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "role"), [
    ("add\u3164me\u3164on\u3164snapchat", "mentor"),          # Hangul filler as a space
    ("text\uffa0me\uffa0tonight\uffa0on\uffa0whatsapp", "mentor"),
    ("what's\u200byour\u200bhome\u200baddress", "mentor"),    # zero-width spaces between words
    ("dont\u2060tell\u2060your\u2060parents\u2060about\u2060us", "mentor"),
    ("lets f:a:c:e:t:i:m:e tonight", "mentor"),               # punctuation between letters
    ("send me a p.i.c of you", "mentor"),                      # "a" is not the spelled word's
    ("you look s\u00b7e\u00b7x\u00b7y", "mentor"),
    ("my s\U0001f525n\U0001f525a\U0001f525p is dana_k22", "mentor"),  # emoji between letters
    ("send me a p!c of you", "mentor"),                        # "!" for "i"
    ("add me on \u0282\u0273\u0251\u01a5\u0188\u0266\u0251\u019a", "mentor"),  # hook letters
    ("add me on \U0001f182\U0001f17d\U0001f170\U0001f17f", "mentor"),       # negative squared
    ("call me \u278e\u278e\u278e \u24ff\u278a\u278b \u278c\u278d\u278e\u278f", "mentor"),  # dingbat digits
    ("hey \u202etahcpans no em dda\u202c ok", "mentor"),      # right-to-left override
    ("check out bit[.]ly/3xQ9zT", "mentor"),                   # defanged links
    ("go to free-robux-now dot com", "mentor"),
    ("http://3232235786/game", "mentor"),                      # a numeric host
    ("what's your home a&shy;ddress?", "mentor"),              # an entity inside a word
    ("my s~~x~~nap is dana_k22", "mentor"),                    # a struck-out letter
])
def test_a_disguised_violation_is_stopped(rules_policy, text, role):
    d = rules_policy.evaluate(text, PolicyContext(role=role))
    assert d.action is not Action.ALLOW, (text, d)


@pytest.mark.parametrize("text", [
    "I\u200bwant\u200bto\u200bkill\u200bmyself",
    "I want to k\u3164i\u3164l\u3164l myself",
    "my dad h..i..t..s me",
    "my stepdad t\u2764\ufe0fo\u2764\ufe0fu\u2764\ufe0fc\u2764\ufe0fh\u2764\ufe0fe\u2764\ufe0fs me",
    "I want to k!ll myself",
    "i want to k\u3164ill myself",                             # a filler inside the word: deleted
    "i want to k i.l.l myself",                                 # "k" is the spelled word's
    "tbh i \U0001f480 k.i.l.l myself",                          # "i" is a word of its own
    "I want to &#107;&#105;&#108;&#108; myself",                # HTML entities
    "my dad _hi_ts me",                                         # emphasis marks inside a word
    "I want to **k**ill myself",
    "my dad \u0570its me",                                       # Armenian "h"
    "me quiero \u0271orir",                                    # m with hook
    "\u202eflesym llik ot tnaw I\u202c",
])
def test_a_disguised_disclosure_alerts(policy, text):
    assert policy.evaluate(text, STUDENT).alert, text


@pytest.mark.parametrize("text", [
    "wow! that was fun!! see u thursday",
    "options a, b, c are all fine for the quiz",
    "meet at 3:30 in room 214",
    "the dot com bubble was before my time",
    "i was a bit . lyrical in that essay lol",
    "love this 👨\u200d👩\u200d👧 pic ❤️",
    "U.S.A. and the U.K. both have apprenticeships",
    "wait.. what.. no way",
    "does the email end in dot com or dot org?",
    "es punto org o punto com?",
    "my app runs on http://localhost:3000",
    "I'm reading Charles Dick\u00adens for English",           # a soft hyphen is no space
    "tom &amp; jerry is my fav show lol",
    "use snake_case for the variable names, and 5*3 is **15**",
    "my file is resume_final_v2.pdf",
    "\u0645\u06cc\u200c\u062e\u0648\u0627\u0645 practice",  # Persian with a zero-width non-joiner
])
def test_ordinary_text_with_the_same_characters_is_delivered(rules_policy, text):
    assert rules_policy.evaluate(text, STUDENT).action is Action.ALLOW, text
