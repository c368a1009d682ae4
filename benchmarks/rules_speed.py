"""The rules layer's CPU time per message, for back-to-back comparisons on a busy machine.

Run: .venv/bin/python benchmarks/rules_speed.py [--repo PATH]

Wall-clock figures (benchmarks/policy_speed.py) swing by 2-4x when other jobs share the cores;
CPU time (``time.process_time``) is steadier, so two trees measured one after the other compare
fairly. ``--repo`` imports ``policies`` from another checkout (e.g. the commit before a change).
Prints µs per message for short, typical and long generated messages and the ordinary chat of
the committed corpus (best of five rounds).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def best_cpu_per_message(fn, msgs: list[str], rounds: int = 5, min_time: float = 0.4) -> float:
    best = float("inf")
    for _ in range(rounds):
        n, t0 = 0, time.process_time()
        while time.process_time() - t0 < min_time:
            for m in msgs:
                fn(m)
            n += len(msgs)
        best = min(best, (time.process_time() - t0) / n)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repo", type=Path, default=HERE.parent)
    args = ap.parse_args()
    sys.path.insert(0, str(args.repo))
    sys.path.insert(0, str(HERE))
    from policy_speed import make

    from policies import PolicyContext, load_policy

    policy, ctx = load_policy(), PolicyContext()
    corpus = HERE.parent / "tests" / "policies" / "corpus"
    ordinary = [r["text"] for name in ("corpus", "heldout_v2")
                for line in (corpus / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
                if line.strip() and (r := json.loads(line))["category"] == "ordinary"]
    print(f"policies from {args.repo}; load average {os.getloadavg()[0]:.1f} on "
          f"{os.cpu_count()} cores; CPU µs per message, best of 5")
    sets = [("short (20 chars)", make(200, 20, False, seed=20)),
            ("typical (200 chars)", make(200, 200, False, seed=200)),
            ("long (2,000, non-ASCII)", make(200, 2000, True, seed=2000)),
            (f"ordinary chat ({len(ordinary)})", ordinary)]
    for label, msgs in sets:
        for m in msgs:
            policy.evaluate(m, ctx)  # warm caches and compile templates on first use
        print(f"  {label:26s} {best_cpu_per_message(lambda m: policy.evaluate(m, ctx), msgs) * 1e6:8.1f}")


if __name__ == "__main__":
    main()
