"""The quality bar on the labelled corpus: recall per category, alerts, false positives."""

from __future__ import annotations

from collections import defaultdict

import pytest

from policies import Action, PolicyContext

VIOLATIONS = ("contact", "offplatform", "grooming", "language", "links")


def _score(policy, rows):
    caught, total, misses = defaultdict(int), defaultdict(int), defaultdict(list)
    for r in rows:
        d = policy.evaluate(r["text"], PolicyContext(role=r.get("role", "student")))
        cat = r["category"]
        total[cat] += 1
        if cat == "ordinary":
            ok = d.action is Action.ALLOW and not d.alert
        elif cat == "concern":
            ok = d.alert and d.action is not Action.BLOCK
        else:
            ok = d.action is not Action.ALLOW
        caught[cat] += ok
        if not ok:
            misses[cat].append(r["text"])
    return caught, total, misses


FILES = ["corpus", "heldout", "heldout_v2", "heldout_v3", "heldout_v4", "heldout_v5", "heldout_v6",
         "heldout_v7"]


@pytest.fixture(scope="module", params=FILES)
def scored(request, policy, corpus):
    return request.param, _score(policy, corpus(request.param))


def test_corpus_is_big_enough(corpus):
    rows = corpus("corpus", "heldout")
    assert len(rows) >= 600
    cats = {r["category"] for r in rows}
    assert {"ordinary", "concern", *VIOLATIONS} <= cats


def test_recall_per_violation_category(scored):
    name, (caught, total, misses) = scored
    recall = {c: caught[c] / total[c] for c in VIOLATIONS if total[c]}  # v5 targets the weaker ones
    assert recall, f"{name} has no violation messages"
    low = {c: f"{r:.1%}, missed {misses[c][:10]}" for c, r in recall.items() if r < 0.97}
    assert not low, f"{name}: {low}"


def test_concerns_alert_and_are_never_blocked(policy, corpus):
    for name in FILES:
        caught, total, misses = _score(policy, corpus(name))
        if total["concern"]:
            rate = caught["concern"] / total["concern"]
            assert rate >= 0.97, f"{name}: {rate:.1%}, missed {misses['concern'][:10]}"
    pooled = _score(policy, corpus(*FILES))
    assert pooled[1]["concern"] >= 50  # the labelled concerns are not a token few


def test_false_positives_on_ordinary_chat(scored):
    name, (caught, total, misses) = scored
    fp = 1 - caught["ordinary"] / total["ordinary"]
    assert fp <= 0.01, f"{name}: {fp:.1%} false positives: {misses['ordinary'][:10]}"


def test_ordinary_lookalikes_of_new_rules_pass(policy, corpus):
    """Career-chat sentences that share words with the rules ("hop on a call with my team",
    "we're gonna beat them", "take it to the office", "kicked out of the library") are never
    held or blocked. The concern head's alert band (delivered, the coordinator quietly told) may
    touch a few, within the budget the band is chosen for (ALERT_BUDGET of students' ordinary
    chat): round 7's heads alert on "thinking about ending things with my bf" (0.80)."""
    from policies.encoder.validate import ALERT_BUDGET

    rows = [r for r in corpus("fp_probes") if r["category"] == "ordinary"]
    assert len(rows) >= 40
    stopped, quiet = [], []
    for r in rows:
        d = policy.evaluate(r["text"], PolicyContext(role=r.get("role", "student")))
        if d.action is not Action.ALLOW:
            stopped.append(r["text"])
        elif d.alert:
            assert all(h.band == "alert" for h in d.hits if h.alert), (r["text"], d.rules)
            quiet.append(r["text"])
    assert not stopped, stopped
    students = sum(r.get("role", "student") == "student" for r in rows)
    assert len(quiet) <= ALERT_BUDGET * students, quiet
