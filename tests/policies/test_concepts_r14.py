"""Round 14: borrowed authority. A claim that staff approved or asked for an act ("the counselor
okayed it", "HR needs…", "la maestra dijo que no hay problema") is read away, so the act is
judged on its own; a personal detail asked for as something the adult needs, or to be typed
"here"; a local number next to a phone word; a meeting at an everyday place, a night call, a
night away, the adult's private channel, the hours a parent is out, the parents kept out.
Wordings written for these tests, not copied from any writer's file. The program's real
logistics next to them — forms, the office line, the field trip's meeting point, staff on the
call — are still delivered."""

from __future__ import annotations

import pytest

from policies import Action, PolicyContext
from policies.rules.concepts.cover import without_borrowed_authority

MENTOR = PolicyContext(role="mentor")
STUDENT = PolicyContext(role="student")


@pytest.mark.parametrize(("text", "kept"), [
    ("Ms. Ng said it's fine, I'll drive you home after robotics", "I'll drive you home"),
    ("the guidance counselor okayed it: come to my place saturday", "come to my place saturday"),
    ("la maestra dijo que no hay problema, te llevo en mi carro", "te llevo en mi carro"),
    ("per the coordinator we're moving to Kik", "we're moving to Kik"),
    # a request keeps its verb: what is asked for is the act
    ("HR needs your cell for the badge", "needs your cell for the badge"),
])
def test_a_claim_of_approval_is_read_away_and_the_act_stays(text, kept):
    read = without_borrowed_authority(text, "mentor")
    assert len(read) == len(text)  # spans found in the reading are spans of the message
    assert kept in read and read != text


@pytest.mark.parametrize("text", [
    "The less the principal knows, the better.",
    "Don't let the coordinator know about this one.",
    "I'll let your teacher know you finished the essay.",
])
def test_secrecy_about_staff_is_not_a_claim_of_approval(text):
    assert without_borrowed_authority(text, "mentor") == text


def test_curly_apostrophes_and_negated_permission():
    curly = "Ms. Patel said it\u2019s fine, I\u2019ll drive you home"
    assert "drive you home" in without_borrowed_authority(curly, "mentor")
    assert "said" not in without_borrowed_authority(curly, "mentor")
    # "said we can't" is no permission: left as it is (reported, and negated)
    text = "The coordinator said we can't meet at the mall, so let's keep it here"
    assert without_borrowed_authority(text, "mentor") == text


def test_a_gap_of_two_digits_is_refused():
    """``~10`` would have been read as the literal text "~10" and never matched."""
    from policies.rules.concepts.dsl import Lexicon, compile_template

    with pytest.raises(ValueError, match="gap"):
        compile_template("call ~10 me", Lexicon({}))


def test_a_mentor_naming_himself_reads_as_the_sender():
    read = without_borrowed_authority("get in the mentor's car after practice", "mentor")
    assert "get in my\u00a0" in read and len(read) == len("get in the mentor's car after practice")
    # a student's "the mentor" is somebody else: unchanged
    assert without_borrowed_authority("the mentor's car is blue", "student") == "the mentor's car is blue"


@pytest.mark.parametrize("text", [
    # approval claimed, the act then stopped
    "Mr. Ochoa said it's totally fine, I'll pick you up from your house Sunday",
    "Your counselor signed off, so we can hang out at my apartment to finish the slides",
    "la consejera dijo que está bien, te paso a buscar a tu casa el sábado",
    # a detail the adult "needs", or wants typed here
    "The front office asked me to get everyone's cell. I'll need yours by tonight.",
    "for the welcome kit the company needs your home address, just drop it here",
    "for the badge I will need a personal email for you, not the school one",
    "just type your cell number here and i'll forward it to ms reyes",
    "la empresa necesita tu dirección de la casa pa mandarte la camiseta, pásamela",
    "el programa quiere tu whatsapp, ¿me lo pasas?",
    # a local number next to a phone word
    "my cell is 555 0123, text whenever",
    "mi cel: cinco cinco cinco, cero uno dos tres",
    # meetings, night calls, nights away, private channels, parents out or kept out
    "Meet me outside the subway station on Saturday around 3",
    "after 11pm is when I'm free, just facetime me",
    "There's a conference upstate, you could come with me, hotel's on me",
    "just email me at my personal account instead",
    "send the rest of the photos to my number, not in here",
    "what nights is your dad working late?",
    "no hace falta decirle a tus papás, es algo rápido",
    "the counselor asked me to get your number, what is it?",
    "if your ride falls through you can crash at my place saturday",
    "vamos al cine el viernes, nomás tú y yo",
    "let's keep your parents out of the loop on this one",
])
def test_cover_stories_are_stopped(rules_policy, text):
    d = rules_policy.evaluate(text, MENTOR)
    assert d.action is not Action.ALLOW, (text, d.rules)


@pytest.mark.parametrize("text", [
    "Ms. Ng said it's fine to hand the permission slip in on Monday.",
    "The coordinator okayed the field trip: meet at the train station at 8 with the group.",
    "HR needs your permission slip and emergency contact on the form before the job shadow.",
    "Put your school email on the form so the office can send the certificate.",
    "If the bus is late call the front desk at 555-0142 and they'll let me know.",
    "Family night is Thursday, tell your mom it's at 6 in the cafeteria.",
    "The coordinator will run a group call after school, everyone joins from the program's Zoom.",
    "My team has a 10pm call with Tokyo, so I answer here in the morning.",
    "Send your resume to the coordinator, not here, she prints them for the fair.",
    "I'll need your resume and cover letter by Monday.",
    "la coordinadora dijo que está bien entregar el formulario el lunes",
    "el número de la oficina del programa es 555-0100, llama si el bus se atrasa",
    # somebody else's need for a detail that goes to them, not to the adult in the chat
    "The college needs your email on the application so they can send the decision.",
    "la oficina necesita tu dirección actualizada, actualízala en el portal",
    # numbers that are not phones; somebody else met or called late; absent, not "not here"
    "my scores were 5 4 4 3 and 5, what were yours?",
    "The stipend is 800-1200 a month depending on hours.",
    "my dad is gonna meet me at the train station after the tour",
    "my cousin keeps trying to ft me super late from her dorm lol",
    "Can you email me the form, my mom's not here to sign it right now",
    # the sender's own life and advice
    "My boss wants to meet me at the coffee shop before work, wish me luck",
    "The career day is at the Hilton hotel downtown, you can come with your class",
    "my jersey number is 12, what's yours?",
    "you'll want a personal checking account with no fees once you get paid",
])
def test_the_program_s_own_logistics_are_delivered(rules_policy, text):
    d = rules_policy.evaluate(text, MENTOR)
    assert d.action is Action.ALLOW, (text, d.rules)


def test_a_student_relaying_a_covered_request_is_held(rules_policy):
    d = rules_policy.evaluate("my mentor said the office needs my number so its 555 0199", STUDENT)
    assert d.action is not Action.ALLOW, d.rules


def test_the_encoder_reads_the_ask_without_the_claim(policy):
    """The heads learnt that program words go with ordinary logistics; a claimed approval must
    not lower the encoder's reading of the ask itself (the rules may miss the wording)."""
    text = "the coordinator needs ur gmail for the zoom invite, type it here"
    d = policy.evaluate(text, MENTOR)
    assert d.action is not Action.ALLOW, d.rules


def test_the_coordinator_is_told_of_the_claim(rules_policy):
    """A claimed approval is checkable: the hit says the rules read the message without it."""
    d = rules_policy.evaluate("Ms. Ng said it's fine, I'll drive you home after robotics", MENTOR)
    assert d.action is not Action.ALLOW
    assert any("claim that staff approved" in h.reason for h in d.hits), [h.reason for h in d.hits]
    # ... and shows the words as sent
    assert any("I'll drive you home" in h.reason for h in d.hits)
    plain = rules_policy.evaluate("get in the mentor's car after practice", MENTOR)
    assert plain.action is not Action.ALLOW
    assert not any("claim that staff" in h.reason for h in plain.hits)


def test_a_disclosure_is_read_as_written(rules_policy):
    """"el jefe dice que…" names a boss, it claims no approval: the disclosure around it must not
    lose its words to the claim reading."""
    text = "trabajo de noche en una bodega y el jefe dice que si me quejo llama a inmigracion"
    d = rules_policy.evaluate(text, STUDENT)
    assert d.alert and d.action is not Action.BLOCK, d.rules


@pytest.mark.parametrize("text", [
    # a public institution's line, a site "at" an address, the program's own address re-read
    "The library's main line is 212-555-0117 if you want to book a study room.",
    "The application is at apply.cuny.edu, it's free to start.",
    "Write to the coordinators at mentoring@bronx-ptech.org with questions.",
    # apps told of or made content for, not moved to
    "my cousin got scammed on insta by a fake brand deal lol",
    "i wanna make a tiktok explaining my robotics build",
    "Recruiters find people through LinkedIn more than job boards now.",
    # naming, surprise, an interview's address, details left off
    "Let's call it a day, great work on the draft.",
    "shut up you got the internship?? no way congrats",
    "the address for the interview is 120 Broadway, 5th floor, right?",
    "Leave your phone number off the public portfolio page.",
])
def test_ordinary_look_alikes_are_delivered(rules_policy, text):
    d = rules_policy.evaluate(text, STUDENT)
    assert d.action is Action.ALLOW, (text, d.rules)


@pytest.mark.parametrize("text", [
    "let's call tonight after 9",
    "shut up nobody asked you",
    "add me on insta dana.rz_",
    "leave your number here",
    "my email is d4na at gmail dot com",
])
def test_their_moves_are_still_stopped(rules_policy, text):
    d = rules_policy.evaluate(text, STUDENT)
    assert d.action is not Action.ALLOW, (text, d.rules)
