"""The same message gets the same hits — rules, spans and reasons — in every process. Python
hashes strings with a per-process seed, so anything taken from a set of words in its iteration
order changed with each restart which of a rule's templates claimed a span: the span a
coordinator was shown, and the checks read around it, moved between restarts."""

from __future__ import annotations

import json
import os
import subprocess
import sys

# Messages where several templates of one rule match, over different spans.
TEXTS = [
    ("mentor", "delete our messages after you read them"),
    ("mentor", "keep it on the down low"),
    ("mentor", "send me a pic of yourself"),
    ("mentor", "when do your parents get home?"),
    ("mentor", "when do ur parents get home?"),
    ("student", "no one would even notice if i was gone, my mom checks my phone every night"),
]

_RUN = """
import json, sys
from policies import PolicyContext, load_policy
policy = load_policy(rules_only=True)
rows = json.loads(sys.argv[1])
hits = [policy.evaluate(text, PolicyContext(role=role)).hits for role, text in rows]
print(json.dumps([[(h.rule, h.start, h.end, h.reason) for h in found] for found in hits]))
"""


def _hits_with_seed(seed: str) -> list:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    out = subprocess.run([sys.executable, "-c", _RUN, json.dumps(TEXTS)], env=env, capture_output=True,
                         text=True, check=True, timeout=120)
    return json.loads(out.stdout)


def test_hits_are_the_same_whatever_the_string_hash_seed():
    first = _hits_with_seed("1")
    assert all(first), "every message here is a hit"
    for seed in ("2", "3", "4"):
        assert _hits_with_seed(seed) == first, seed
