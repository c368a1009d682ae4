"""The concern alert band: how its threshold is chosen (validate.search) and what it does."""

from __future__ import annotations

import numpy as np

from policies import Action, PolicyContext, load_policy
from policies.encoder.validate import (
    ALERT_BUDGET,
    CONCERN_HOLD_FLOOR,
    CORROBORATE_BUDGET,
    Table,
    band_touches,
    outcome,
    search,
)


def _table(rng: np.random.Generator, n_ord: int = 2000, n_concern: int = 200) -> tuple[Table, dict]:
    """Students' and mentors' ordinary chat and students' disclosures with overlapping scores."""
    cats = np.array(["ordinary"] * n_ord + ["concern"] * n_concern)
    mentor = np.zeros(len(cats), bool)
    mentor[: n_ord // 2] = True
    off = np.zeros(len(cats), bool)
    tb = Table(category=cats, mentor=mentor, spanish=off.copy(), group=np.array(["d1"] * len(cats)),
               rules_stop=off.copy(), rules_block=off.copy(), rules_alert=off.copy(),
               rules_flag=off.copy(), read_away=off.copy(), concern_only=off.copy())
    concern = np.concatenate([rng.beta(2, 8, n_ord), rng.beta(8, 2, n_concern)])
    low = {h: rng.beta(1, 20, len(cats)) for h in ("grooming", "contact", "offplatform", "language")}
    return tb, {"concern": concern, **low}


def test_band_touches_at_most_its_share_of_students_ordinary_chat_and_sits_below_the_hold():
    tb, scores = _table(np.random.default_rng(3))
    th = search(tb, scores, np.ones(len(tb.category), bool))
    assert th["concern"]["hold"] == CONCERN_HOLD_FLOOR
    assert th["concern"]["alert"] < th["concern"]["hold"]
    students_ordinary = (tb.category == "ordinary") & ~tb.mentor
    touched = band_touches(tb, scores, th, "concern") & students_ordinary
    assert 0 < touched.sum() <= ALERT_BUDGET * students_ordinary.sum()
    # the budget is used: one step lower would touch more than it allows
    lower = {k: dict(v) for k, v in th.items()}
    cands = np.sort(np.round(scores["concern"][tb.category == "concern"], 4))
    lower["concern"]["alert"] = float(cands[cands < th["concern"]["alert"]][-1])
    over = band_touches(tb, scores, lower, "concern") & students_ordinary
    assert over.sum() > ALERT_BUDGET * students_ordinary.sum()
    # mentors' messages are never in the band, however high they score
    assert not (band_touches(tb, scores, th, "concern") & tb.mentor).any()


def test_the_wider_alert_band_adds_quiet_alerts_and_never_a_stop():
    """The corroborate threshold is chosen as the one band was before round 17 (its own, smaller
    budget); the alert band below it only adds alerts: the same messages are stopped."""
    rng = np.random.default_rng(5)
    tb, scores = _table(rng)
    # some students' messages the rules hold for disclosure words only, ordinary and concern alike
    tb.rules_stop[rng.choice(len(tb.category), 80, replace=False)] = True
    tb.concern_only[:] = tb.rules_stop & ~tb.mentor
    th = search(tb, scores, np.ones(len(tb.category), bool))
    c = th["concern"]
    assert c["alert"] < c["corroborate"] < c["hold"]
    students_ordinary = (tb.category == "ordinary") & ~tb.mentor
    narrow = {k: dict(v) for k, v in th.items()}
    narrow["concern"]["alert"] = c["corroborate"]
    touched_narrow = band_touches(tb, scores, narrow, "concern") & students_ordinary
    assert touched_narrow.sum() <= CORROBORATE_BUDGET * students_ordinary.sum()
    wide, old = outcome(tb, scores, th), outcome(tb, scores, narrow)
    assert (wide["stop"] == old["stop"]).all()
    concern = tb.category == "concern"
    assert (wide["alert"] & concern).sum() > (old["alert"] & concern).sum()


def test_the_shipped_band_delivers_alerts_and_never_shames():
    pol = load_policy()
    th = pol.encoder.thresholds["concern"]
    assert 0 < th["alert"] < th["corroborate"] < th["hold"] <= 1
    text = "i dont really want to go back to my place after practice, its loud there"
    p = pol.encoder.scores(text, "student")["concern"]
    # Put the message in the band whatever the retrained heads score it at.
    pol.encoder.thresholds["concern"] = {**th, "alert": max(p - 0.001, 0.01), "hold": min(p + 0.001, 1.0)}
    d = pol.evaluate(text, PolicyContext(role="student"))
    band = [h for h in d.hits if h.rule == "encoder.concern"]
    if not any(h.category == "concern" and h.action is Action.HOLD for h in d.hits):
        assert d.action is Action.ALLOW and d.notice is None
    assert d.alert and band and band[0].band == "alert" and band[0].action is Action.ALLOW
    assert "alert band" in band[0].reason
    # the same words from a mentor are not judged by the concern head
    assert not any(h.rule == "encoder.concern" for h in pol.evaluate(text, PolicyContext(role="mentor")).hits)
