"""The rules layer on the shared DEV split of /work/traindata: per category, per language.

Run: .venv/bin/python benchmarks/rules_dev.py [--data DIR] [--split dev|train|all]
                                              [--repo PATH] [--misses] [--concepts]

The split is the one every branch uses (docs/benchmarks-policy.md): a row is DEV when
``int(sha1(text).hexdigest(), 16) % 5 == 0``. Rules are tuned on DEV only; the sealed test set
is never read here. ``--repo`` imports ``policies`` from another checkout (for example the
commit before a change) so "before" and "after" run on exactly the same rows.

A violation counts as caught when the message is not delivered (hold or block); a concern
when it alerts and is not blocked; ordinary chat is a false positive when it is not delivered
or alerts. Weak signals (delivered, flagged for the coordinator) are counted apart: they feed
the conversation score, they do not stop a message.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path

DATA = Path("/work/traindata")


def is_dev(text: str) -> bool:
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest(), 16) % 5 == 0


def load_rows(data: Path, split: str) -> list[dict]:
    rows = []
    for path in sorted(data.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            try:
                r = json.loads(line)
            except json.JSONDecodeError:
                continue  # a file still being written may end mid-line
            if split == "all" or (split == "dev") == is_dev(r["text"]):
                rows.append(r)
    return rows


def judge(policy, ctx_cls, action_cls, row: dict) -> tuple[bool, bool, list[str]]:
    """(good, flagged, rules that fired) for one labelled row."""
    d = policy.evaluate(row["text"], ctx_cls(role=row.get("role") or "student"))
    flagged = d.action is action_cls.ALLOW and (
        getattr(d, "flag", False) or any(getattr(h, "signal", 0.0) > 0 for h in d.hits))
    cat = row["category"]
    if cat == "ordinary":
        good = d.action is action_cls.ALLOW and not d.alert
    elif cat == "concern":
        good = d.alert and d.action is not action_cls.BLOCK
    else:
        good = d.action is not action_cls.ALLOW
    return good, flagged, [h.rule for h in d.hits]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--split", choices=("dev", "train", "all"), default="dev")
    ap.add_argument("--repo", type=Path, default=Path(__file__).resolve().parents[1])
    ap.add_argument("--misses", action="store_true", help="list every miss")
    ap.add_argument("--concepts", action="store_true", help="also report per labelled concept")
    args = ap.parse_args()
    sys.path.insert(0, str(args.repo))
    from policies import Action, PolicyContext, load_policy

    policy = load_policy()
    rows = load_rows(args.data, args.split)
    ok: dict[tuple, int] = defaultdict(int)
    total: dict[tuple, int] = defaultdict(int)
    flags: dict[tuple, int] = defaultdict(int)
    misses = []
    for r in rows:
        good, flagged, fired = judge(policy, PolicyContext, Action, r)
        lang = "en" if r.get("lang", "en") == "en" else "es/mix"
        keys = [(r["category"], "all"), (r["category"], lang)]
        if args.concepts:
            keys.append((r["category"], "concept:" + str(r.get("concept", ""))))
        for k in keys:
            total[k] += 1
            ok[k] += good
            flags[k] += flagged and (not good or r["category"] == "ordinary")
        if not good:
            misses.append((r, fired))
    print(f"{args.split} split of {args.data}: {len(rows)} rows; policies from {args.repo}")
    for key in sorted(total):
        cat, part = key
        n, g = total[key], ok[key]
        if cat == "ordinary":
            print(f"  {cat:12s} {part:34s} false positives {(n - g) / n:6.1%} ({n - g}/{n})"
                  f"  flagged {flags[key]}")
        else:
            what = "alerted" if cat == "concern" else "stopped"
            print(f"  {cat:12s} {part:34s} {what:15s} {g / n:6.1%} ({g}/{n})"
                  f"  + weak flag {flags[key]}")
    if args.misses:
        for r, fired in misses:
            print(f"    miss [{r['category']}/{r.get('concept', '')}/{r.get('role')}] "
                  f"{r['text']!r} {fired or ''}")


if __name__ == "__main__":
    main()
