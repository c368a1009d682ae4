"""The conversation score: weak signals add up per match and direction, decay, and fire a pattern."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from policies import Action, Decision, Hit
from policies.conversation import ConversationSettings, ConversationState, clear, observe, score

START = datetime(2026, 3, 2, 16, 0, tzinfo=UTC)  # a Monday
SETTINGS = ConversationSettings()  # the shipped defaults: half-life 7 d, window 28 d, alert at 1.5


def weak(weight: float, rule: str = "encoder.grooming") -> Decision:
    """A mentor's message the policy delivered but flagged (a weak signal)."""
    hit = Hit(rule=rule, start=0, end=0, reason="weak signal", notice="", action=Action.ALLOW,
              signal=weight, score=weight, threshold=0.3)
    return Decision(action=Action.ALLOW, hits=(hit,), flag=True, layer="encoder")


ORDINARY = Decision(action=Action.ALLOW)

# A mentor's four weeks: career talk throughout, and grooming moves that each stay under the hold
# threshold — a compliment on looks, a question about home, "you're so mature", "just between us",
# then more often: late-night chat, a gift, "your parents wouldn't get it".
ARC = [
    (0, ORDINARY), (1, weak(0.35)),            # week 1: "you looked great in the team photo"
    (3, ORDINARY), (4, weak(0.40)),            # "are your parents around much after school?"
    (7, ORDINARY), (9, weak(0.45)),            # week 2: "you're so mature for your age"
    (11, ORDINARY), (12, weak(0.45)),          # "this stays between us, ok?"
    (14, ORDINARY), (15, weak(0.50)),          # week 3: "you can message me late, I'm up"
    (16, weak(0.50)), (17, weak(0.50)),        # "I got you a little something"; "they wouldn't get it"
    (18, ORDINARY), (20, weak(0.50)),
    (22, ORDINARY), (23, weak(0.50)), (25, weak(0.50)),  # week 4
]


def run_arc(arc, settings=SETTINGS):
    state, verdicts = ConversationState(), []
    for n, (day, decision) in enumerate(arc):
        v = observe(state, message_id=f"m{n}", at=START + timedelta(days=day), decision=decision,
                    settings=settings)
        verdicts.append((day, f"m{n}", decision, v))
        state = v.state
    return verdicts


def test_four_week_grooming_arc_fires_before_the_fourth_week():
    verdicts = run_arc(ARC)
    # No single message crosses the bar: every one was delivered (at most flagged).
    assert all(d.action is Action.ALLOW and d.signal < 1.0 for _, _, d, _ in verdicts)
    fired = [(day, mid, v) for day, mid, _, v in verdicts if v.pattern]
    assert len(fired) == 1, "the pattern alert is raised once, then the conversation is on hold"
    day, mid, v = fired[0]
    assert day < 21, f"fired on day {day}, not before the fourth week"
    assert v.score >= SETTINGS.alert_at and v.hold
    # The alert lists the messages that added up: the weak signals, not the career talk.
    signal_ids = {m for d_, m, dec, _ in verdicts if dec.signal > 0 and d_ <= day}
    assert set(v.message_ids) <= signal_ids and len(v.message_ids) >= SETTINGS.min_messages
    assert mid in v.message_ids and "add up" in v.reason
    # The mentor's next messages in the match are held until a coordinator clears it.
    later = [v2 for d2, _, _, v2 in verdicts if d2 > day]
    assert later and all(v2.hold and not v2.pattern for v2 in later)
    assert not observe(clear(v.state), message_id="x", at=START + timedelta(days=26),
                       decision=ORDINARY, settings=SETTINGS).hold


def test_the_same_signals_spread_over_months_decay_and_never_fire():
    sparse = [(day * 3 + 10 * i, weak(0.5)) for i, day in enumerate(range(8))]  # every ~13 days
    assert not any(v.pattern or v.hold for *_, v in run_arc(sparse))


def test_ordinary_chat_adds_nothing_and_old_signals_leave_the_window():
    verdicts = run_arc([(d, ORDINARY) for d in range(40)])
    assert all(v.score == 0 and not v.message_ids for *_, v in verdicts)
    state = ConversationState()
    v = observe(state, message_id="a", at=START, decision=weak(0.9), settings=SETTINGS)
    later = START + timedelta(days=SETTINGS.window_days + 1)
    assert score(v.state, later, SETTINGS) == 0.0
    v2 = observe(v.state, message_id="b", at=later, decision=ORDINARY, settings=SETTINGS)
    assert v2.state.signals == ()  # dropped from the stored state too


def test_decay_halves_a_signal_every_half_life():
    v = observe(ConversationState(), message_id="a", at=START, decision=weak(0.8), settings=SETTINGS)
    assert abs(score(v.state, START + timedelta(days=7), SETTINGS) - 0.4) < 1e-9
    assert abs(score(v.state, START + timedelta(days=14), SETTINGS) - 0.2) < 1e-9


def test_settings_move_the_window_and_threshold_and_can_turn_it_off():
    strict = ConversationSettings(alert_at=0.6, min_messages=2)
    assert any(v.pattern for *_, v in run_arc(ARC[:4], strict))
    assert not any(v.pattern for *_, v in run_arc(ARC[:4]))
    off = ConversationSettings(on=False)
    assert not any(v.pattern or v.hold or v.score for *_, v in run_arc(ARC, off))


def test_a_strong_hit_counts_fully_and_a_signal_is_capped_at_one():
    hit = Hit(rule="offplatform.secrecy", start=0, end=5, reason="", notice="", action=Action.BLOCK,
              alert=True, signal=3.0)
    blocked = Decision(action=Action.BLOCK, alert=True, hits=(hit,))
    v = observe(ConversationState(), message_id="a", at=START, decision=blocked, settings=SETTINGS)
    assert v.score == 1.0 and v.state.signals[0].rules == ("offplatform.secrecy",)


def test_program_file_settings_reach_the_policy(tmp_path):
    from policies import load_policy

    p = tmp_path / "program.yml"
    p.write_text("encoder: {on: false}\nconversation:\n  window_days: 14\n  alert_at: 2.5\n",
                 encoding="utf-8")
    s = load_policy(p).conversation
    assert (s.window_days, s.alert_at, s.half_life_days, s.min_messages, s.on) == (14, 2.5, 7, 3, True)
