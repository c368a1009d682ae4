"""Policy quality on the labelled corpus: recall per category, alerts, false positives.

Run: .venv/bin/python benchmarks/policy_quality.py [--misses] [--file NAME_OR_PATH ...]

Without ``--file`` it reports every ``*.jsonl`` file in tests/policies/corpus/ separately and
then all of them together. ``--file`` takes a corpus name (``heldout_v2``) or a path and may be
repeated; each file is then reported on its own.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from policies import Action, PolicyContext, load_policy  # noqa: E402

CORPUS = REPO / "tests" / "policies" / "corpus"


def _path(name: str) -> Path:
    p = Path(name)
    if p.exists():
        return p
    return CORPUS / (name if name.endswith(".jsonl") else f"{name}.jsonl")


def _rows(paths: list[Path]) -> list[dict]:
    return [json.loads(line) for p in paths
            for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]


def report(policy, name: str, rows: list[dict], show_misses: bool) -> None:
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
            misses[cat].append((r["text"], d.action.value, [h.rule for h in d.hits]))
    print(f"== {name}: {len(rows)} messages")
    for cat in sorted(total):
        if cat == "ordinary":
            continue
        label = "alerts (not blocked)" if cat == "concern" else "recall"
        print(f"  {cat:12s} {label:21s} {ok[cat] / total[cat]:7.1%}  ({ok[cat]}/{total[cat]})")
    if total["ordinary"]:
        fp = total["ordinary"] - ok["ordinary"]
        print(f"  {'ordinary':12s} {'false positives':21s} {fp / total['ordinary']:7.1%}  "
              f"({fp}/{total['ordinary']})")
    if show_misses:
        for cat, items in misses.items():
            for text, action, rules in items:
                print(f"    miss [{cat}] {text!r} -> {action} {rules}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--misses", action="store_true", help="list every miss")
    ap.add_argument("--file", action="append", default=[], help="corpus name or path (repeatable)")
    args = ap.parse_args()
    policy = load_policy()
    if args.file:
        for f in args.file:
            report(policy, _path(f).stem, _rows([_path(f)]), args.misses)
        return
    paths = sorted(CORPUS.glob("*.jsonl"))
    for p in paths:
        report(policy, p.stem, _rows([p]), args.misses)
    report(policy, "+".join(p.stem for p in paths), _rows(paths), args.misses)


if __name__ == "__main__":
    main()
