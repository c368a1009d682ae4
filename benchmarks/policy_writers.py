"""Per-writer held-out figures of the policy (rules + encoder heads): leave-one-writer-out.

Run: .venv/bin/python benchmarks/policy_writers.py [--data DIR]   (≈ 2–4 min on 2 shared cores)

The labelled rows come from writer groups d1, d2, d3, d4 (tests/policies/corpus/train/, file
prefix) and the legacy regression sets (tests/policies/corpus/). For each group the encoder heads
are trained on the other groups only and score the held-out group; the last table ("NESTED") also
chooses the thresholds without the group, so neither the heads nor the thresholds saw that
writer. Caveat printed in docs/benchmarks-policy.md: the concept RULES were written with every
group but d4 in view, and round 2 narrowed rules on ordinary rows of all groups, so the rules'
share of these figures is not held-out (d4's grooming/disclosure rows are the closest to it).

This is ``python -m policies.encoder.train --dry-run``: it writes nothing.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from policies.encoder.train import main  # noqa: E402

if __name__ == "__main__":
    sys.argv = [sys.argv[0], "--dry-run", *sys.argv[1:]]
    main()
