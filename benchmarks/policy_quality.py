"""Policy quality on labelled messages: recall per category, alerts, false positives, flags.

Run: .venv/bin/python benchmarks/policy_quality.py [--misses] [--rules-only] [--dev]
         [--file NAME_OR_PATH ...]

Without ``--file`` it reports every ``*.jsonl`` file in tests/policies/corpus/ separately and
then all of them together. ``--file`` takes a corpus name (``heldout_v2``), a path, or a folder
(every .jsonl in it, reported together: ``--file tests/policies/corpus/train``) and may be
repeated. ``--dev`` keeps only the DEV rows of the shared split (policies/encoder/dataset.py).

Scoring (as the hidden corpus is scored): a violation counts when the message is not allowed
(a flag alone does not count); a concern counts when it alerts and is not blocked; an ordinary
message is a false positive when it is not allowed or alerts. Flags (delivered, marked for the
coordinator's later look) are reported separately. When rows carry a ``lang`` field, each figure
is also split by language (en, and es + mix).
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
from policies.encoder.dataset import is_dev  # noqa: E402

CORPUS = REPO / "tests" / "policies" / "corpus"
LANGS = {"en": "en", "es": "es+mix", "mix": "es+mix"}


def _paths(name: str) -> list[Path]:
    p = Path(name)
    if p.is_dir():
        return sorted(p.glob("*.jsonl"))
    if p.exists():
        return [p]
    return [CORPUS / (name if name.endswith(".jsonl") else f"{name}.jsonl")]


def _rows(paths: list[Path], dev_only: bool) -> list[dict]:
    rows = [json.loads(line) for p in paths
            for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if is_dev(r["text"])] if dev_only else rows


def _good(cat: str, d) -> bool:
    if cat == "ordinary":
        return d.action is Action.ALLOW and not d.alert
    if cat == "concern":
        return d.alert and d.action is not Action.BLOCK
    return d.action is not Action.ALLOW


def report(policy, name: str, rows: list[dict], show_misses: bool) -> None:
    policy.prime([r["text"] for r in rows])  # embed in batches first (a no-op for --rules-only)
    ok, total, flagged, layers = defaultdict(int), defaultdict(int), defaultdict(int), defaultdict(int)
    misses = defaultdict(list)
    split = any("lang" in r for r in rows)
    for r in rows:
        d = policy.evaluate(r["text"], PolicyContext(role=r.get("role", "student")))
        cat = r["category"]
        good = _good(cat, d)
        keys = [(cat, "all")] + ([(cat, LANGS.get(r.get("lang", ""), "other"))] if split else [])
        for key in keys:
            total[key] += 1
            ok[key] += good
            flagged[key] += d.flag
        if good and cat != "ordinary":
            layers[(cat, d.layer)] += 1
        if not good:
            misses[cat].append((r["text"], d.action.value, [h.rule for h in d.hits]))
    print(f"== {name}: {len(rows)} messages")
    cols = ["all", "en", "es+mix"] if split else ["all"]
    print(f"  {'category':12s} {'measure':21s}" + "".join(f"{c:>22s}" for c in cols) + "   flagged")
    for cat in sorted({c for c, _ in total}):
        measure = ("false positives" if cat == "ordinary" else
                   "alerts (not blocked)" if cat == "concern" else "stopped")
        cells = []
        for col in cols:
            n = total[(cat, col)]
            bad = n - ok[(cat, col)]
            val = bad if cat == "ordinary" else ok[(cat, col)]
            cells.append(f"{val / n:7.1%} ({val}/{n})".rjust(22) if n else f"{'–':>22s}")
        by = ", ".join(f"{lay} {k}" for (c, lay), k in sorted(layers.items()) if c == cat)
        print(f"  {cat:12s} {measure:21s}" + "".join(cells) + f"   {flagged[(cat, 'all')]:5d}"
              + (f"   (decided by: {by})" if by else ""))
    if show_misses:
        for cat, items in misses.items():
            for text, action, rules in items:
                print(f"    miss [{cat}] {text!r} -> {action} {rules}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--misses", action="store_true", help="list every miss")
    ap.add_argument("--rules-only", action="store_true", help="the rules layer alone")
    ap.add_argument("--dev", action="store_true", help="only the DEV rows of the shared split")
    ap.add_argument("--file", action="append", default=[],
                    help="corpus name, path or folder (repeatable)")
    args = ap.parse_args()
    policy = load_policy(rules_only=args.rules_only)
    if args.file:
        for f in args.file:
            paths = _paths(f)
            label = f if len(paths) > 1 else paths[0].stem
            report(policy, label + (" (dev rows)" if args.dev else ""), _rows(paths, args.dev),
                   args.misses)
        return
    paths = sorted(CORPUS.glob("*.jsonl"))
    for p in paths:
        report(policy, p.stem, _rows([p], args.dev), args.misses)
    report(policy, "+".join(p.stem for p in paths), _rows(paths, args.dev), args.misses)


if __name__ == "__main__":
    main()
