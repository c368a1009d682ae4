"""Resident memory over a long run: the policy evaluating many distinct messages in one process.

Run: .venv/bin/python benchmarks/memory_growth.py [--messages 24000] [--encoder]

The policy_speed figure (RSS after 300 messages) is not a steady state: re2 builds each compiled
pattern's DFA lazily, as new text arrives, inside a memory budget per pattern. This evaluates the
labelled training rows (tests/policies/corpus/train, cycled if more are asked for) one after
another and prints VmRSS at a few points, then what ``malloc_trim`` gives back. The rules layer
alone by default; ``--encoder`` adds the sentence encoder (its embedding cache is bounded).
``MENTORBOT_POLICY_REGEX=re`` runs the same with Python's ``re`` (no DFA caches) for comparison;
``MENTORBOT_REGEX_CACHE_MB=0`` turns off the guard that rebuilds the patterns (policies/regex.py).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        return int(f.read().split("VmRSS:")[1].split()[0]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--messages", type=int, default=24_000)
    parser.add_argument("--encoder", action="store_true", help="rules + sentence encoder")
    args = parser.parse_args()

    from policies import PolicyContext, load_policy
    from policies.heap import return_freed_memory
    from policies.regex import CACHE_GUARD, ENGINE

    policy = load_policy(rules_only=not args.encoder)
    rows = [json.loads(line) for f in sorted((REPO / "tests/policies/corpus/train").glob("*.jsonl"))
            for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    contexts = [PolicyContext(role=r.get("role", "student")) for r in rows]
    marks = {n for n in (1, 300, 1_000, 2_000, 4_000, 8_000, 16_000, 24_000, args.messages)
             if n <= args.messages}
    layers = "rules + encoder" if args.encoder else "rules only"
    print(f"{layers}, regex engine {ENGINE}; {len(rows):,} distinct labelled rows"
          f"{' (cycled)' if args.messages > len(rows) else ''}; RSS after load {rss_mb():.0f} MB")
    cpu = time.process_time()
    for n in range(1, args.messages + 1):
        i = (n - 1) % len(rows)
        policy.evaluate(rows[i]["text"], contexts[i])
        if n in marks:
            print(f"  after {n:>6,} messages: RSS {rss_mb():6.0f} MB")
    per = (time.process_time() - cpu) / args.messages * 1e6
    return_freed_memory()  # malloc_trim where glibc has it
    print(f"CPU {per:.0f} µs per message (first sight of each text); after malloc_trim "
          f"{rss_mb():.0f} MB; the patterns were "
          f"rebuilt {CACHE_GUARD.rebuilds} time(s) (budget {CACHE_GUARD.budget_mb:g} MB, "
          "MENTORBOT_REGEX_CACHE_MB)")


if __name__ == "__main__":
    main()
