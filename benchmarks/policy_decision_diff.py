"""Which decisions differ between this checkout's policy and another checkout's, on every labelled row.

Run: .venv/bin/python benchmarks/policy_decision_diff.py --tree OTHER_CHECKOUT [--rules-only]
     [--save FILE] [--show 20]

A speed change to the rules (a cheaper normaliser, a pre-filter) must not change what the policy
decides. This runs the whole policy — the rules alone, then rules + encoder unless
``--rules-only`` — over every labelled row of tests/policies/corpus (train/*.jsonl,
heldout*.jsonl, corpus.jsonl, fp_probes.jsonl; the rows of THIS checkout, so both trees read
the same text) in each tree, and compares per row: action, alert, flag and the set of rules that
hit (and, counted apart, the hits' spans). Each tree runs in its own process with this
interpreter (the same installed packages and model files), its own directory first on
``sys.path``. It prints counts of changed rows by
category and kind (a positive newly missed, an ordinary row newly stopped, …) and the first
changed rows. Exit status 1 when any decision changed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "tests" / "policies" / "corpus"

# Runs inside each tree: argv = tree, rows file, out file, "rules"|"encoder".
_RUN = """
import json, sys
sys.path.insert(0, sys.argv[1])
from policies import PolicyContext, load_policy
policy = load_policy(rules_only=sys.argv[4] == "rules")
out = []
for line in open(sys.argv[2], encoding="utf-8"):
    r = json.loads(line)
    d = policy.evaluate(r["text"], PolicyContext(role=r["role"]))
    out.append([d.action.value, bool(d.alert), bool(getattr(d, "flag", False)),
                sorted({h.rule for h in d.hits}), sorted([h.rule, h.start, h.end] for h in d.hits)])
json.dump(out, open(sys.argv[3], "w"))
"""


def labelled_rows() -> list[dict]:
    """Every labelled row, with the file it came from."""
    files = sorted((CORPUS / "train").glob("*.jsonl")) + sorted(CORPUS.glob("*.jsonl"))
    rows = []
    for f in files:
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                rows.append({"text": r["text"], "role": r.get("role", "student"),
                             "category": r.get("category", "?"), "file": f.name})
    return rows


def decisions(tree: Path, rows_file: Path, mode: str) -> list[list]:
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as out:
        path = Path(out.name)
    try:
        # One hash seed for both trees: which of two overlapping templates of one rule reports
        # its span follows set order, so spans (never decisions) would differ run to run.
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        subprocess.run([sys.executable, "-c", _RUN, str(tree), str(rows_file), str(path), mode],
                       cwd=str(tree), check=True, timeout=3600, env=env)
        return json.loads(path.read_text())
    finally:
        path.unlink(missing_ok=True)


def stopped(d: list) -> bool:
    """Not delivered as sent, or an alert to the coordinator."""
    return d[0] != "allow" or d[1]


def kind(row: dict, old: list, new: list) -> str:
    """What a changed row means for someone reading the figures."""
    if old[0] == new[0] and old[1] == new[1]:
        return "same action/alert; flag or rules differ"
    if row["category"] == "ordinary":
        return "ordinary newly stopped/alerted" if stopped(new) and not stopped(old) else \
            "ordinary no longer stopped/alerted" if stopped(old) and not stopped(new) else \
            "ordinary: action/alert changed"
    return "positive newly missed" if stopped(old) and not stopped(new) else \
        "positive newly caught" if stopped(new) and not stopped(old) else \
        "positive: action/alert changed"


def compare(rows: list[dict], old: list[list], new: list[list], show: int) -> int:
    """Print the changed decisions (action, alert, flag, rules); return how many."""
    spans = sum(1 for o, n in zip(old, new, strict=True) if o[:4] == n[:4] and o[4:] != n[4:])
    changed = [(r, o[:4], n[:4]) for r, o, n in zip(rows, old, new, strict=True) if o[:4] != n[:4]]
    by = Counter((r["category"], kind(r, o, n)) for r, o, n in changed)
    print(f"  {len(changed)} of {len(rows)} decisions changed (action, alert, flag or rules); "
          f"{spans} more rows with the same decision but other hit spans")
    for (cat, k), c in sorted(by.items()):
        print(f"    {cat:12s} {k:42s} {c}")
    for r, o, n in changed[:show]:
        print(f"    [{r['file']}] {r['role']}/{r['category']}: {r['text'][:100]!r}\n"
              f"        other: {o}\n        this:  {n}")
    return len(changed)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--tree", required=True, type=Path, help="the other checkout (e.g. main)")
    ap.add_argument("--rules-only", action="store_true", help="skip the rules + encoder run")
    ap.add_argument("--show", type=int, default=20, help="changed rows to print per mode")
    ap.add_argument("--save", type=Path, help="write both trees' decisions here (JSON)")
    args = ap.parse_args()
    rows = labelled_rows()
    total = 0
    saved = {}
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        f.write("".join(json.dumps(r) + "\n" for r in rows))
        rows_file = Path(f.name)
    try:
        for mode in ("rules",) if args.rules_only else ("rules", "encoder"):
            old = decisions(args.tree.resolve(), rows_file, mode)
            new = decisions(REPO, rows_file, mode)
            print(f"{'rules only' if mode == 'rules' else 'rules + encoder'}: "
                  f"{args.tree} (other) vs {REPO} (this)")
            total += compare(rows, old, new, args.show)
            saved[mode] = {"other": old, "this": new}
    finally:
        rows_file.unlink(missing_ok=True)
    if args.save:
        args.save.write_text(json.dumps(saved))
    sys.exit(1 if total else 0)


if __name__ == "__main__":
    main()
