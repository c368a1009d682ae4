"""The labelled messages the encoder heads learn from, and the one train/dev split everybody uses.

A row is DEV when ``int(sha1(text), 16) % 5 == 0`` and TRAIN otherwise (POLICY-CONTRACT.md):
the split depends on the text alone, so a message copied into two files lands on the same side,
and the concept rules (tuned on DEV) and the heads (trained on TRAIN) agree on what is held out.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "tests" / "policies" / "corpus"
TRAIN_DIR = CORPUS / "train"
CATEGORIES = ("ordinary", "contact", "offplatform", "grooming", "concern", "language", "links")


def is_dev(text: str) -> bool:
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest(), 16) % 5 == 0


def read_jsonl(path: Path) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except ValueError:
                print(f"skipping {path.name}:{n}: not JSON")
                continue
            if isinstance(row, dict) and isinstance(row.get("text"), str) \
                    and row.get("category") in CATEGORIES:
                row["source"] = path.stem
                rows.append(row)
    return rows


def load_rows(extra_dirs: list[Path] | None = None) -> list[dict]:
    """Every labelled row (corpus files, then the training files), one per distinct text.

    A text that appears twice keeps its first label; conflicting labels are counted and printed.
    """
    files = sorted(CORPUS.glob("*.jsonl"))
    for d in extra_dirs if extra_dirs is not None else [TRAIN_DIR]:
        files += sorted(d.glob("*.jsonl"))
    seen: dict[str, dict] = {}
    conflicts = 0
    for path in files:
        for row in read_jsonl(path):
            old = seen.get(row["text"])
            if old is None:
                row["dev"] = is_dev(row["text"])
                row.setdefault("role", "student")
                seen[row["text"]] = row
            elif old["category"] != row["category"]:
                conflicts += 1
    if conflicts:
        print(f"{conflicts} repeated texts with another label (first label kept)")
    return list(seen.values())
