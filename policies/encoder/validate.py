"""Leave-one-writer-out validation of rules + encoder heads, and the threshold search.

Why: the same writers wrote the TRAIN and DEV halves of the hash split, so thresholds chosen on
DEV were far too optimistic (DEV ~88 % recall at 0.8 % false positives; sealed first runs ~70 %
at 3.4 %). Here each writer group is held out in turn: the heads are trained on the other
groups and score the held-out one, so every row gets a score from heads that never saw its
writer. Thresholds are chosen on those pooled held-out scores, and a nested run (thresholds
chosen on the other groups' held-out scores, applied to the group) gives per-writer figures in
which neither the heads nor the thresholds saw the writer.

Everything here is vectorised numpy over precomputed arrays (rules verdicts, head scores), so a
threshold search over thousands of candidates takes well under a second.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from policies.encoder.spec import HEAD_ROLES, corroborate_at

# Writer groups: the training files' name prefix (before the first "_"). d1..d9 wrote for the
# project; sa..sf are the spent sealed sets A, B, C, D, E1, E2, F (round 5); ah..ak, csa, csb the
# spent sets of round 14, an, ao, aq, al those of round 15 (all in the heads since round 16); at,
# au, av, aw the spent sets of round 16 and am, ap, ar, as, ax..bm those of rounds 14-18 (not yet in
# any shipped head: round 19's retraining on them was not shipped); legacy = the
# regression sets in tests/policies/corpus/.
GROUPS = ("d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8", "d9", "d10", "d11", "d12", "d13",
          "sa", "sb", "sc", "sd", "se1", "se2", "sf", "sg", "si", "sj", "sk", "sl", "sm", "sn", "sp", "sq",
          "o8", "p8", "q8", "r9", "s9", "t9",
          "ah", "ai", "aj", "ak", "csa", "csb", "an", "ao", "aq", "al", "at", "au", "av", "aw",
          "am", "ap", "ar", "as", "ax", "ay", "az", "ba", "bb", "bc", "bd", "be", "bf", "bg", "bh", "bi",
          "bj", "bk", "bl", "bm",
          "legacy")
HOLD_HEADS = ("grooming", "concern", "contact", "offplatform", "language")
# Which senders a head judges: disclosures come from students, grooming moves from mentors.
ROLES = {name: set(roles) for name, roles in HEAD_ROLES.items()}  # policies/encoder/spec.py
# Budgets on the pooled held-out ordinary rows (shares of all ordinary rows).
STOP_TARGET = 0.007   # rules + encoder stop at most this much ordinary chat ...
MIN_ENCODER_STOP = 0.0015  # ... but the encoder may always add this much (if the rules are over)
# The concern alert band (a student's low-confidence disclosure: delivered, coordinator alerted)
# may touch this share of students' ordinary messages. A product decision (the lead, round 3;
# raised from 1.5 % in round 17): a disclosure must never be lost, and a coordinator can afford
# a few extra quiet alerts — one more in a hundred student messages.
ALERT_BUDGET = 0.025
# The concern score that corroborates the rules' disclosure words (below it they alert, not
# hold) and puts a disclosure before the language head: chosen as the alert band was before
# round 17, so widening the band stops nothing more and quiets no more of the rules' holds.
CORROBORATE_BUDGET = 0.015
FLAG_BUDGET = 0.02    # grooming flags (delivered, looked at later) on a mentor's ordinary chat
CONCERN_HOLD_FLOOR = 0.98  # holding a student's message needs more certainty than alerting


def writer(source: str) -> str:
    """The writer group of a labelled file: its name's prefix (``d4_conv_01`` -> d4, ``se1_messages``
    -> se1) when that is a group, else the legacy regression sets."""
    prefix = source.split("_", 1)[0]
    return prefix if prefix in GROUPS else "legacy"


@dataclass
class Table:
    """Per-row facts the search and the reports need, as numpy arrays."""

    category: np.ndarray   # str
    mentor: np.ndarray     # bool
    spanish: np.ndarray    # bool (es or mix)
    group: np.ndarray      # str
    rules_stop: np.ndarray   # the rules did not allow it
    rules_block: np.ndarray
    rules_alert: np.ndarray
    rules_flag: np.ndarray
    read_away: np.ndarray  # the rules found a grooming move but read it as negated/reported
    concern_only: np.ndarray  # the rules stopped it only for disclosure words

    @classmethod
    def build(cls, rows: list[dict], verdicts: list[tuple]) -> Table:
        return cls(
            category=np.array([r["category"] for r in rows]),
            mentor=np.array([r.get("role") == "mentor" for r in rows]),
            spanish=np.array([r.get("lang") in ("es", "mix") for r in rows]),
            group=np.array([writer(r["source"]) for r in rows]),
            rules_stop=np.array([v[0] != "allow" for v in verdicts]),
            rules_block=np.array([v[0] == "block" for v in verdicts]),
            rules_alert=np.array([v[1] for v in verdicts]),
            rules_flag=np.array([v[2] for v in verdicts]),
            read_away=np.array([v[3] for v in verdicts]),
            concern_only=np.array([len(v) > 4 and v[4] for v in verdicts]),
        )


def outcome(tb: Table, scores: dict[str, np.ndarray] | None, th: dict | None,
            respect_rules: bool = True) -> dict[str, np.ndarray]:
    """What rules + encoder do with each row (as the engine combines them), vectorised."""
    n = len(tb.category)
    hold = np.zeros(n, bool)
    hold_alert = np.zeros(n, bool)
    concern_alert = np.zeros(n, bool)
    corroborated = np.zeros(n, bool)  # a disclosure the head reads firmly enough to come first
    flag = tb.rules_flag.copy()
    for name, t in sorted((th or {}).items(), key=lambda kv: kv[0] != "concern"):  # concern first
        s = scores[name]
        judged = tb.mentor if ROLES[name] == {"mentor"} else (~tb.mentor if ROLES[name] == {"student"}
                                                              else np.ones(n, bool))
        h = judged & (s >= t["hold"])
        if name == "grooming":
            low = judged & (s >= t["flag"]) & ~h
            if respect_rules:  # the rules read the move as negated or reported: flag, never hold
                low |= h & tb.read_away
                h &= ~tb.read_away
            flag |= low
        if name == "concern":
            concern_alert |= judged & (s >= t["alert"])
            corroborated |= judged & (s >= corroborate_at(t))
        if name == "language":  # a disclosure comes first (policies/engine.py)
            h &= ~(corroborated | (tb.rules_alert & ~tb.mentor))
        hold |= h
        hold_alert |= h & (tb.mentor if name in ("contact", "offplatform", "language") else True)
    rules_stop = tb.rules_stop
    if th and "concern" in th:  # uncorroborated disclosure words: alerted, not held (engine.py)
        quiet = tb.concern_only & ~tb.mentor & (scores["concern"] < corroborate_at(th["concern"]))
        rules_stop = rules_stop & ~quiet
    stop = rules_stop | hold
    alert = tb.rules_alert | hold_alert | concern_alert
    # a disclosure is never blocked: the encoder's concern alert caps a rules block at hold
    blocked = tb.rules_block & ~concern_alert
    return {"stop": stop, "alert": alert, "blocked": blocked, "flag": flag & ~stop}


def caught(tb: Table, out: dict[str, np.ndarray]) -> np.ndarray:
    """Per row: a violation stopped, a disclosure alerted (not blocked), ordinary chat let be."""
    cat = tb.category
    ok = out["stop"].copy()
    concern = cat == "concern"
    ok[concern] = (out["alert"] & ~out["blocked"])[concern]
    ordinary = cat == "ordinary"
    ok[ordinary] = (~out["stop"] & ~out["alert"])[ordinary]
    return ok


def figures(tb: Table, out: dict[str, np.ndarray],
            mask: np.ndarray | None = None) -> dict[str, tuple[int, int]]:
    """(hits, rows) for violations, grooming, disclosures, language, ordinary stopped/alerted/
    flagged."""
    m = np.ones(len(tb.category), bool) if mask is None else mask
    ok = caught(tb, out)
    cat = tb.category
    viol = m & ~np.isin(cat, ["ordinary", "concern"])
    ordn = m & (cat == "ordinary")

    def frac(sel: np.ndarray, hit: np.ndarray) -> tuple[int, int]:
        return int((hit & sel).sum()), int(sel.sum())

    return {"violations": frac(viol, ok), "grooming": frac(m & (cat == "grooming"), ok),
            "disclosures": frac(m & (cat == "concern"), ok),
            "language": frac(m & (cat == "language"), ok),
            "ord stopped": frac(ordn, out["stop"]),
            "ord alerted": frac(ordn, ~out["stop"] & out["alert"]),
            "stu ord alerted": frac(ordn & ~tb.mentor, ~out["stop"] & out["alert"]),
            "ord flagged": frac(ordn, out["flag"])}


def _pct(hn: tuple[int, int]) -> str:
    h, n = hn
    return f"{h / n:6.1%} ({h}/{n})" if n else "–"


def print_table(title: str, tb: Table, out: dict[str, np.ndarray],
                rows_by: dict[str, np.ndarray] | None = None) -> dict[str, dict[str, tuple[int, int]]]:
    """One line per writer group (or ``rows_by`` masks), then pooled and per language."""
    masks = rows_by or {g: tb.group == g for g in GROUPS if (tb.group == g).any()}
    masks = {**masks, "pooled": np.ones(len(tb.category), bool), "pooled en": ~tb.spanish,
             "pooled es+mix": tb.spanish}
    keys = ("violations", "grooming", "disclosures", "language", "ord stopped", "ord alerted",
            "stu ord alerted", "ord flagged")
    print(f"\n{title}")
    print(f"  {'':14}" + "".join(f"{k:>20}" for k in keys))
    table = {}
    for name, m in masks.items():
        f = figures(tb, out, m)
        table[name] = f
        print(f"  {name:14}" + "".join(f"{_pct(f[k]):>20}" for k in keys))
    return table


# -- threshold search ---------------------------------------------------------------------------

def _candidates(s: np.ndarray, positives: np.ndarray) -> np.ndarray:
    """Thresholds worth trying: the positives' scores (from the top), finely spaced."""
    vals = np.unique(np.round(s[positives], 4))[::-1]
    return vals[vals >= 0.3]


def search(tb: Table, scores: dict[str, np.ndarray], mask: np.ndarray,
           respect_rules: bool = True) -> dict[str, dict[str, float]]:
    """Thresholds that maximise recall on the ``mask`` rows within the ordinary budgets.

    Hold thresholds (grooming, contact, off-platform) are lowered greedily, taking each step
    the move with the most new catches per new ordinary stop, while rules + encoder stop at
    most ``STOP_TARGET`` of the ordinary rows (or the encoder adds at most ``MIN_ENCODER_STOP``
    when the rules alone are already over). A disclosure is held only from
    ``CONCERN_HOLD_FLOOR``; below it the concern alert band and the grooming flag get their own
    budgets.
    """
    sub = Table(**{k: v[mask] for k, v in tb.__dict__.items()})
    sc = {k: v[mask] for k, v in scores.items()}
    ordinary = sub.category == "ordinary"
    n_ord = max(int(ordinary.sum()), 1)
    base_stops = int((sub.rules_stop & ordinary).sum())
    stop_cap = max(int(STOP_TARGET * n_ord), base_stops + int(MIN_ENCODER_STOP * n_ord))
    th = {h: {"hold": 1.01} for h in HOLD_HEADS}
    th["grooming"]["flag"], th["concern"]["alert"] = 1.01, 1.01
    th["concern"]["hold"] = CONCERN_HOLD_FLOOR  # fixed: below it a disclosure alerts, not holds
    # The alert band decides which of the rules' disclosure-word stops are quieted (outcome), so
    # it is set before the hold thresholds are searched, and again after.
    _concern_bands(sub, sc, th)
    greedy = [h for h in HOLD_HEADS if h != "concern"]
    # Candidates from the positives the rules let through: the top of a head's scores is often
    # rows the rules already stop, and a step among those gains nothing (the greedy stalled).
    cands = {h: _candidates(sc[h], (sub.category == h) & ~sub.rules_stop) for h in greedy}
    idx = dict.fromkeys(greedy, -1)

    def state(t: dict) -> tuple[int, int]:
        out = outcome(sub, sc, t, respect_rules)
        ok = caught(sub, out)
        return int(ok[~ordinary].sum()), int((out["stop"] & ordinary).sum())

    cur_ok, cur_stop = state(th)
    while True:
        best = None
        for h in greedy:
            for step in (1, 2, 4, 8, 16, 32, 64):
                j = idx[h] + step
                if j >= len(cands[h]):
                    break
                trial = {k: dict(v) for k, v in th.items()}
                trial[h]["hold"] = float(cands[h][j])
                ok, stop = state(trial)
                if stop > stop_cap or ok <= cur_ok:
                    continue
                gain = (ok - cur_ok) / (stop - cur_stop + 0.5)
                if best is None or gain > best[0]:
                    best = (gain, h, j, ok, stop)
        if best is None:
            break
        _, h, j, cur_ok, cur_stop = best
        idx[h] = j
        th[h]["hold"] = float(cands[h][j])
    _concern_bands(sub, sc, th)
    th["grooming"]["flag"] = _band(sub, sc, th, "grooming", FLAG_BUDGET)
    return th


def _concern_bands(sub: Table, sc: dict[str, np.ndarray], th: dict) -> None:
    """The concern head's corroborate threshold (``CORROBORATE_BUDGET``, moved together with the
    alert band, as the one band was chosen before round 17), then the wider alert band below it
    (``ALERT_BUDGET``): the alert band only adds quiet alerts, never a stop."""
    c = _band(sub, sc, th, "concern", CORROBORATE_BUDGET, with_corroborate=True)
    th["concern"]["corroborate"] = th["concern"]["alert"] = c
    th["concern"]["alert"] = _band(sub, sc, th, "concern", ALERT_BUDGET)


def band_touches(sub: Table, sc: dict[str, np.ndarray], th: dict, head: str) -> np.ndarray:
    """Rows where a head's low band fires: judged sender, score in [low, hold), not stopped."""
    key = "alert" if head == "concern" else "flag"
    judged = ~sub.mentor if head == "concern" else sub.mentor
    stop = outcome(sub, sc, th)["stop"]
    return judged & (sc[head] >= th[head][key]) & (sc[head] < th[head]["hold"]) & ~stop


def _band(sub: Table, sc: dict[str, np.ndarray], th: dict, head: str, share: float,
          with_corroborate: bool = False) -> float:
    """The lowest concern-alert / grooming-flag threshold whose band touches at most ``share`` of
    the judged sender's ordinary rows (students' for concern, mentors' for grooming); with
    ``with_corroborate`` the concern head's corroborate threshold moves with the alert band."""
    key = "alert" if head == "concern" else "flag"
    ordinary = sub.category == "ordinary"
    judged = ordinary & (~sub.mentor if head == "concern" else sub.mentor)
    budget = share * int(judged.sum())
    best = th[head]["hold"]
    for c in _candidates(sc[head], sub.category == head):
        if c > th[head]["hold"]:
            continue
        trial = {k: dict(v) for k, v in th.items()}
        trial[head][key] = float(c)
        if with_corroborate:
            trial[head]["corroborate"] = float(c)
        if int((band_touches(sub, sc, trial, head) & ordinary).sum()) > budget:
            break
        best = float(c)
    return min(best, th[head]["hold"])
