"""Policy quality on the labelled corpus: recall per category, alerts, false positives.

Run: .venv/bin/python benchmarks/policy_quality.py [--misses]
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from policies import Action, PolicyContext, load_policy  # noqa: E402

CORPUS = REPO / "tests" / "policies" / "corpus"


def main() -> None:
    show_misses = "--misses" in sys.argv
    policy = load_policy()
    for name in ("corpus", "heldout", "corpus+heldout"):
        files = ["corpus", "heldout"] if "+" in name else [name]
        rows = [json.loads(line) for f in files
                for line in (CORPUS / f"{f}.jsonl").read_text(encoding="utf-8").splitlines()
                if line.strip()]
        ok, total, misses = defaultdict(int), defaultdict(int), defaultdict(list)
        for r in rows:
            d = policy.evaluate(r["text"], PolicyContext(role=r.get("role", "student")))
            cat = r["category"]
            if cat == "ordinary":
                good = d.action is Action.ALLOW and not d.alert
            elif cat == "concern":
                good = d.alert and d.action is not Action.BLOCK
            else:
                good = d.action is not Action.ALLOW
            total[cat] += 1
            ok[cat] += good
            if not good:
                misses[cat].append(r["text"])
        print(f"== {name}: {len(rows)} messages")
        for cat in sorted(total):
            if cat == "ordinary":
                continue
            label = "alerts (not blocked)" if cat == "concern" else "recall"
            print(f"  {cat:12s} {label:21s} {ok[cat] / total[cat]:7.1%}  ({ok[cat]}/{total[cat]})")
        fp = total["ordinary"] - ok["ordinary"]
        print(f"  {'ordinary':12s} {'false positives':21s} {fp / total['ordinary']:7.1%}  "
              f"({fp}/{total['ordinary']})")
        if show_misses:
            for cat, texts in misses.items():
                for t in texts:
                    print(f"    miss [{cat}] {t!r}")


if __name__ == "__main__":
    main()
