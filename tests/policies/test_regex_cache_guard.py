"""re2 builds each pattern's DFA lazily and keeps it: a long-running bot's memory grows with the
variety of messages it has read. The guard rebuilds every compiled pattern when resident memory
has grown past a budget; the decisions must be the same before, during and after."""

from __future__ import annotations

import threading

import pytest

from policies import PolicyContext, load_policy
from policies import regex as R

pytestmark = pytest.mark.skipif(R.ENGINE != "re2", reason="the DFA caches are re2's; `re` keeps none")

TEXTS = [
    ("mentor", "let's keep this between us, ok? your parents don't need to know"),
    ("student", "my number is 555 201 3344 text me"),
    ("student", "the career fair is on friday in room 214 at 3:30pm"),
    ("mentor", "what's your snap? mine is dana_w22"),
    ("student", "i dont want to go home anymore, he hits me when hes drunk"),
    ("student", "you're such an idiot lol"),
    ("mentor", "Great job on the resume! The internship deadline is 10/14."),
]


def _decisions(policy):
    out = []
    for role, text in TEXTS:
        d = policy.evaluate(text, PolicyContext(role=role))
        out.append((d.action, d.alert, tuple(sorted(h.rule for h in d.hits))))
    return out


def test_rebuilding_every_pattern_changes_no_decision():
    policy = load_policy(rules_only=True)
    before = _decisions(policy)
    assert R.rebuild_all() > 20  # the engine's, the finders' and the concept templates used so far
    assert _decisions(policy) == before


def test_evaluations_go_on_while_another_thread_rebuilds():
    policy = load_policy(rules_only=True)
    want = _decisions(policy)
    errors: list[BaseException] = []

    def rebuild():
        try:
            for _ in range(3):
                R.rebuild_all()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    thread = threading.Thread(target=rebuild)
    thread.start()
    seen = [_decisions(policy) for _ in range(5)]
    thread.join(timeout=60)
    assert not errors and not thread.is_alive()
    assert all(s == want for s in seen)


class _FakeMemory:
    def __init__(self, mb: float) -> None:
        self.mb = mb

    def __call__(self) -> float:
        return self.mb


def test_the_guard_rebuilds_only_when_memory_grew_past_its_budget(monkeypatch):
    calls = []
    monkeypatch.setattr(R, "rebuild_all", lambda: calls.append(1) or 0)
    memory = _FakeMemory(200)
    guard = R.CacheGuard(budget_mb=50, every=10, rss=memory)
    for _ in range(10):
        guard.note()  # the first look sets the baseline (200 MB)
    memory.mb = 240
    for _ in range(30):
        guard.note()  # three looks, 40 MB grown: under the budget
    assert calls == []
    memory.mb = 260
    for _ in range(9):
        guard.note()
    assert calls == []  # only every 10th evaluation looks
    guard.note()
    assert calls == [1] and guard.rebuilds == 1
    for _ in range(20):
        guard.note()  # the baseline is now 260 MB: no second rebuild
    assert calls == [1]


def test_a_budget_of_zero_turns_the_guard_off(monkeypatch):
    calls = []
    monkeypatch.setattr(R, "rebuild_all", lambda: calls.append(1) or 0)
    memory = _FakeMemory(100)
    guard = R.CacheGuard(budget_mb=0, every=1, rss=memory)
    guard.note()
    memory.mb = 10_000
    guard.note()
    assert calls == []
