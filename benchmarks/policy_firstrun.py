"""First run of a policy on a new writer's labelled files: per category and language.

Run: .venv/bin/python benchmarks/policy_firstrun.py FILE_OR_DIR_OR_GLOB ... [--tree DIR]
         [--rules-only] [--misses]

Why: a new writer's files must be scored by the policy as it stands BEFORE they are used to
train or to write rules — that is the only honest first run of an unseen writer. ``--tree``
imports ``policies`` from another checkout (for example ``git archive main policies | tar -x -C
/tmp/base``) so the shipped policy can be scored even after the working tree has moved on.

Scoring is that of policies/encoder/validate.py and the sealed sets: a violation counts when it
is stopped (held or blocked); a disclosure when the coordinator is alerted and it is not blocked;
ordinary chat is reported as stopped, alerted (delivered, coordinator alerted) and flagged.
"""

from __future__ import annotations

import argparse
import glob
import json
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
KEYS = ("violations", "contact", "offplatform", "grooming", "language", "links", "disclosures",
        "ord stopped", "ord alerted", "ord flagged")


def _paths(specs: list[str]) -> list[Path]:
    out: list[Path] = []
    for s in specs:
        p = Path(s)
        out += sorted(p.glob("*.jsonl")) if p.is_dir() else [Path(g) for g in sorted(glob.glob(s))]
    return out


def _tally(rows: list[dict], decisions: list) -> dict[str, dict[str, list[int]]]:
    """{language: {figure: [hits, rows]}} with language en, es+mix and all."""
    t: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for r, d in zip(rows, decisions, strict=True):
        lang = "en" if r.get("lang", "en") == "en" else "es+mix"
        cat, stopped = r["category"], d.action.value != "allow"
        if cat == "ordinary":
            marks = {"ord stopped": stopped, "ord alerted": not stopped and d.alert,
                     "ord flagged": not stopped and d.flag}
        elif cat == "concern":
            marks = {"disclosures": d.alert and d.action.value != "block"}
        else:
            marks = {"violations": stopped, cat: stopped}
        for bucket in (lang, "all"):
            for k, v in marks.items():
                t[bucket][k][0] += int(v)
                t[bucket][k][1] += 1
    return t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+", help="files, folders or globs of labelled .jsonl rows")
    ap.add_argument("--tree", type=Path, default=REPO, help="checkout to import policies from")
    ap.add_argument("--rules-only", action="store_true")
    ap.add_argument("--misses", action="store_true", help="print every row scored wrong")
    args = ap.parse_args()
    sys.path.insert(0, str(args.tree.resolve()))
    from policies import PolicyContext, load_policy

    paths = _paths(args.files)
    rows = [json.loads(line) for p in paths
            for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    pol = load_policy(rules_only=args.rules_only)
    pol.prime([r["text"] for r in rows])
    decisions = [pol.evaluate(r["text"], PolicyContext(role=r.get("role", "student"))) for r in rows]
    print(f"{len(rows)} rows from {len(paths)} files; policy from {args.tree}"
          f"{' (rules only)' if args.rules_only else ''}")
    t = _tally(rows, decisions)
    print(f"  {'':8}" + "".join(f"{k:>18}" for k in KEYS))
    for bucket in ("all", "en", "es+mix"):
        cells = []
        for k in KEYS:
            h, n = t[bucket].get(k, (0, 0))
            cells.append(f"{h / n:6.1%} ({h}/{n})" if n else "–")
        print(f"  {bucket:8}" + "".join(f"{c:>18}" for c in cells))
    if args.misses:
        for r, d in zip(rows, decisions, strict=True):
            cat = r["category"]
            ok = ((d.action.value == "allow" and not d.alert) if cat == "ordinary" else
                  (d.alert and d.action.value != "block") if cat == "concern" else
                  d.action.value != "allow")
            if not ok:
                print(f"MISS {cat:11} {r.get('role', 'student'):7} {d.action.value:5} "
                      f"{'A' if d.alert else '-'} {','.join(d.rules)[:60]:60} {r['text'][:140]}")


if __name__ == "__main__":
    main()
