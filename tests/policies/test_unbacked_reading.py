"""Round 19: a stop that rests on one reading of the rules which the matching heads do not back is
delivered and flagged for students too, and for a plainly written contact detail from either
sender (a public line, an account talked of). On fresh writers' chat, the positives the rules stop
are nearly always held by the encoder too or read by the heads above ``backs``. A disclosure, a
disguised or spelled-out detail, a handle-like word, a link, padding around a number, and any
encoder hold keep the stop. Wordings written for these tests, not copied from any writer's file."""

from __future__ import annotations

import textwrap

import pytest

from policies import Action, PolicyContext, load_policy

MENTOR = PolicyContext(role="mentor")
STUDENT = PolicyContext(role="student")


def _flagged(d) -> bool:
    own = [h for h in d.hits if h.band == "flag" and not h.rule.startswith("encoder.")]
    return d.action is Action.ALLOW and not d.alert and bool(own) \
        and all("do not back" in h.reason for h in own)


@pytest.mark.parametrize(("text", "ctx"), [
    ("The lobby desk is 646-555-0117, ask them for the P-TECH visitor list.", MENTOR),
    ("my gamertag is so cringe i made it in 5th grade, not telling anyone lol", STUDENT),
    ("Borré TikTok porque me quitaba todo el tiempo jaja", STUDENT),
])
def test_an_unbacked_reading_is_delivered_and_flagged(policy, rules_policy, text, ctx):
    assert rules_policy.evaluate(text, ctx).action is not Action.ALLOW  # the rules alone stop it
    d = policy.evaluate(text, ctx)
    assert _flagged(d), d
    assert d.signal > 0  # it still counts toward the conversation score


@pytest.mark.parametrize(("text", "ctx"), [
    # a personal number in plain words
    ("my cell is 917-555-0142 if you need me this weekend", MENTOR),
    # padding in other sentences, then the number on its own
    ("Great session today! Remember the resume is due Friday and the mock interview is next Tuesday "
     "at 4 in room 214. Bring two references. 917-555-0142 btw", MENTOR),
    # padding inside one long sentence
    ("hey so about the internship form i filled out the first page and the emergency contact part but "
     "im stuck on the references section also 347 555 0199 thats me", STUDENT),
    # spelled-out digits, a handle-like word, a link, a spelled-out symbol
    ("The lobby desk is six four six, five five five, zero one one seven, ask them for the list.", MENTOR),
    ("my insta is volley.queen lol", STUDENT),
    ("my insta is mostly food pics lol https://instagram.com/foodie", STUDENT),
    ("my gamertag is so old lol, its sofi underscore plays", STUDENT),
])
def test_details_the_heads_back_or_cannot_read_stay_stopped(policy, text, ctx):
    assert policy.evaluate(text, ctx).action is not Action.ALLOW, text


def test_a_disclosure_is_never_quieted(policy):
    d = policy.evaluate("my boyfriend makes me share my location all day and gets mad if i turn it off",
                        STUDENT)
    assert d.action is not Action.ALLOW and d.alert


def test_the_rules_alone_keep_the_stop(rules_policy):
    d = rules_policy.evaluate("The lobby desk is 646-555-0117, ask them for the P-TECH visitor list.", MENTOR)
    assert d.action is not Action.ALLOW  # --rules-only: nothing can overrule the rules


def test_a_program_can_keep_every_contact_stop(tmp_path):
    path = tmp_path / "program.yml"
    path.write_text(textwrap.dedent("""
        encoder:
          thresholds:
            contact: {backs: false}
        """), encoding="utf-8")
    strict = load_policy(path)
    d = strict.evaluate("The lobby desk is 646-555-0117, ask them for the P-TECH visitor list.", MENTOR)
    assert d.action is not Action.ALLOW
