"""The engine's behaviour behind the interface the relay core calls."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from policies import Action, Decision, Hit, PolicyContext

STUDENT = PolicyContext(role="student")
MENTOR = PolicyContext(role="mentor")


@pytest.mark.parametrize("text", [
    "classic", "assessment", "cockpit", "Sussex", "shiitake", "therapist", "Scunthorpe",
    "Dick Van Dyke", "room 214", "3:30pm", "10/14/2026", "got 92 on the test", "in 2019",
    "we won 21-14", "it costs $1,250", "period 7", "the library on the 2nd floor",
    "I work at Goldman Sachs", "let's meet at the career fair",
    "my mom said I can go to the job shadow day", "I'll tell my teacher",
    "<@123456789012345678> nice work", "<@U024BE7LH> see <#C024BE7LH>",
    "see https://www.khanacademy.org/math", "hello", "",
])
def test_ordinary_chat_passes(policy, text):
    d = policy.evaluate(text, STUDENT)
    assert d.action is Action.ALLOW and not d.alert, d.hits


@pytest.mark.parametrize("text, rule", [
    ("sh!t", "language.profanity"), ("f.u.c.k", "language.profanity"),
    ("fuuuck", "language.profanity"), ("f u c k", "language.profanity"),
    ("fck", "language.profanity"), ("ｆｕｃｋ", "language.profanity"),
    ("fuсk", "language.profanity"), ("f\u200bu\u200bc\u200bk", "language.profanity"),
    ("call 555-867-5309", "contact.phone"), ("(555) 867 5309", "contact.phone"),
    ("five five five eight six seven five three oh nine", "contact.phone"),
    ("+1 555.867.5309", "contact.phone"), ("555 867 53O9", "contact.phone"),
    ("jo at gmail dot com", "contact.email"), ("jo [at] yahoo [dot] com", "contact.email"),
    ("what's your snap?", "contact.social"), ("add me on insta", "contact.social"),
    ("I live at 12 Elm Street", "contact.address"), ("discord.gg/abc", "contact.link"),
    ("don't tell your teacher", "offplatform.secrecy"), ("our secret", "grooming.secrecy"),
    ("delete these messages", "offplatform.secrecy"),
    ("let's move to whatsapp", "offplatform.move"), ("I can pick you up", "offplatform.ride"),
])
def test_violations_are_caught_with_their_rule(policy, text, rule):
    d = policy.evaluate(text, STUDENT)
    assert d.action is not Action.ALLOW
    assert rule in d.rules


def test_a_grooming_question_is_the_adults_act(policy):
    """Role is evidence: a mentor asking whether the parents are home is a risk assessment; a
    student asking the same of a mentor is not."""
    d = policy.evaluate("are your parents home?", MENTOR)
    assert d.action is Action.BLOCK and d.alert and "offplatform.parents" in d.rules
    assert policy.evaluate("are your parents home?", STUDENT).action is Action.ALLOW


def test_spans_point_into_the_original_text(policy):
    text = "ok\u200b\u200b so ｆｕｃｋ this, call me at 555‑867‑5309"
    d = policy.evaluate(text, STUDENT)
    spans = {h.rule: text[h.start:h.end] for h in d.hits}
    assert spans["language.profanity"] == "ｆｕｃｋ"
    assert spans["contact.phone"] == "555‑867‑5309"


def test_mentor_asking_for_contact_alerts_student_offering_does_not(policy):
    m = policy.evaluate("what's your phone number?", MENTOR)
    s = policy.evaluate("what's your phone number?", STUDENT)
    assert m.action is Action.BLOCK and m.alert
    assert s.action is Action.BLOCK and not s.alert


def test_concern_is_held_with_alert_and_kind_notice(policy):
    d = policy.evaluate("honestly I want to kill myself", STUDENT)
    assert d.action is Action.HOLD and d.alert
    assert d.notice and "Thank you" in d.notice


def test_concern_with_profanity_is_not_blocked(policy):
    d = policy.evaluate("this shit is too much, I want to die", STUDENT)
    assert d.action is Action.HOLD and d.alert
    assert "Thank you" in d.notice


def test_block_has_a_friendly_notice(policy):
    d = policy.evaluate("my number is 555 867 5309", STUDENT)
    assert d.action is Action.BLOCK
    assert d.notice.startswith("Phone numbers can't be shared here")
    assert all(isinstance(h, Hit) and h.reason for h in d.hits)


def test_quiet_hours_hold_until_morning(policy):
    tz = "America/New_York"
    sent = datetime(2026, 3, 10, 22, 30, tzinfo=ZoneInfo(tz))
    d = policy.evaluate("see you tomorrow", PolicyContext(sent_at=sent, timezone=tz))
    assert d.action is Action.HOLD and d.rules == ["time.quiet_hours"]
    assert d.hold_until == datetime(2026, 3, 11, 7, 0, tzinfo=ZoneInfo(tz))
    assert d.hold_until.tzinfo is not None and "quiet hours" in d.notice
    early = datetime(2026, 3, 11, 10, 15, tzinfo=UTC)  # 06:15 in New York
    d2 = policy.evaluate("hi", PolicyContext(sent_at=early, timezone=tz))
    assert d2.hold_until == datetime(2026, 3, 11, 7, 0, tzinfo=ZoneInfo(tz))
    noon = datetime(2026, 3, 11, 12, 0, tzinfo=ZoneInfo(tz))
    assert policy.evaluate("hi", PolicyContext(sent_at=noon, timezone=tz)).action is Action.ALLOW
    assert policy.evaluate("hi", PolicyContext(sent_at=None)).action is Action.ALLOW


def test_quiet_hours_do_not_release_a_message_that_needs_review(policy):
    sent = datetime(2026, 3, 10, 23, 0, tzinfo=UTC)
    d = policy.evaluate("what's your snap", PolicyContext(sent_at=sent))
    assert d.action is Action.BLOCK and d.hold_until is None


def test_flood_and_attachments_are_held(policy):
    d = policy.evaluate("hi", PolicyContext(recent_count=40, recent_window_s=60))
    assert d.action is Action.HOLD and "volume.flood" in d.rules
    d = policy.evaluate("hi", PolicyContext(recent_count=3, recent_window_s=60))
    assert d.action is Action.ALLOW
    d = policy.evaluate("here is my essay", PolicyContext(attachment_count=1))
    assert d.action is Action.HOLD and d.rules == ["files.attachment"]


def test_redact_replaces_flagged_spans(policy):
    text = "sure, text me at 555-867-5309 after the career fair"
    d = policy.evaluate(text, STUDENT)
    red = policy.redact(text, d.hits)
    assert "555" not in red and "[removed]" in red and red.endswith("after the career fair")


def test_evaluate_never_raises(policy, monkeypatch):
    def boom(*_a, **_k):
        raise RuntimeError("bug")

    monkeypatch.setattr(policy, "find", boom)
    d = policy.evaluate("hello", STUDENT)
    assert isinstance(d, Decision) and d.action is Action.HOLD and d.rules == ["policy.error"]


def test_edits_are_checked_like_new_messages(policy):
    d = policy.evaluate("my snap is jdoe22", PolicyContext(is_edit=True))
    assert d.action is Action.BLOCK


def test_hold_until_is_in_the_future(policy):
    sent = datetime(2026, 1, 5, 21, 0, tzinfo=UTC)
    d = policy.evaluate("hi", PolicyContext(sent_at=sent, timezone="UTC"))
    assert d.hold_until - sent == timedelta(hours=10)


@pytest.mark.parametrize("text", [
    "free robux generator here -> robux-gen.top/claim", "stream it at pelis-free.click",
    "all the past regents answers: regents-keys.ru", "my files r at mega.nz/file/Qw3#x",
    "sign up here forms.gle/Ab12Cd", "short link: rb.gy/4xk9 trust", "tiny.cc/quiz-ans",
    "see shorturl.at/Xy7z for the mod", "bet on the game at sports-picks.bet lol",
])
def test_links_on_any_top_level_domain_or_shortener_need_the_allow_list(policy, text):
    d = policy.evaluate(text, STUDENT)
    assert d.action is Action.HOLD and "links.domain" in d.rules, d.hits


@pytest.mark.parametrize("text", [
    "i finished.it was so long", "thats crazy.fr", "we meet on the 5.de mayo parade",
    "check my main.py file", "the course is on edx.org", "our site is www.nyc.gov/dycd",
])
def test_chat_that_only_looks_like_a_link_passes(policy, text):
    d = policy.evaluate(text, STUDENT)
    assert "links.domain" not in d.rules, d.hits
