"""Deferred acceptance on instances worked by hand, and the same answer in every process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bot.choosing.deferred import deferred_acceptance

REPO = Path(__file__).resolve().parents[2]


def test_a_hand_worked_instance() -> None:
    # A holds one, B two. s3 displaces s1 at A; s1 then takes B; s4 displaces s2 at B; s2 is out
    # of choices. Every student who lost out lost to someone the host ranks higher.
    order = {"A": ["s3", "s1", "s2", "s4"], "B": ["s1", "s4", "s2", "s3"]}
    prefs = {"s1": ["A", "B"], "s2": ["A", "B"], "s3": ["A"], "s4": ["B", "A"]}
    result = deferred_acceptance(prefs, {"A": 1, "B": 2}, lambda s, h: -order[h].index(s))
    assert result == {"s3": "A", "s1": "B", "s4": "B"}


def test_hosts_without_seats_are_passed_over() -> None:
    result = deferred_acceptance({"s1": ["A", "B"], "s2": ["A"]}, {"A": 0, "B": 1}, lambda s, h: s)
    assert result == {"s1": "B"}


def test_the_same_proposal_whatever_the_hash_seed() -> None:
    """Sets of tags iterate in a per-process order; nothing of that may leak into the proposal."""
    script = (
        "import random\n"
        "from support.choosing_helpers import RULES, _random_mentor, _random_student\n"
        "from bot.choosing import propose_matches\n"
        "rng = random.Random(3)\n"
        "mentors = [_random_mentor(f'm{n}', rng) for n in range(25)]\n"
        "ids = [m.id for m in mentors]\n"
        "students = [_random_student(f's{n}', ids, rng) for n in range(80)]\n"
        "print(repr(propose_matches(students, mentors, RULES)))\n")
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": f"{REPO}{os.pathsep}{REPO / 'tests'}"}
        done = subprocess.run([sys.executable, "-c", script], env=env, cwd=REPO, capture_output=True,
                              text=True, timeout=60, check=True)
        outputs.append(done.stdout)
    assert "ProposedMatch(" in outputs[0]
    assert outputs[0] == outputs[1]
