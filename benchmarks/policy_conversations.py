"""The conversation score on whole conversations (the d4 writer's 40 mentor–student chats).

Run: .venv/bin/python benchmarks/policy_conversations.py [--with-encoder]

Each conversation's messages are fed in order through the policy and, for the mentor→student
direction, through ``policies.conversation.observe`` (the shipped settings); the rows carry no
times, so a conversation's messages are spread evenly over four weeks. Printed per conversation
and in total: whether a pattern alert fired, on which mentor message, and how many grooming
moves the per-message policy let through that the pattern hold then stopped; and how many
conversations without any grooming move raised a pattern (false pattern alerts).

Rules only by default: the shipped heads were trained on these rows (every writer), so
``--with-encoder`` shows the shipped behaviour, not a held-out figure.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from policies import PolicyContext, load_policy  # noqa: E402
from policies.conversation import ConversationState, observe  # noqa: E402


def conversations() -> dict[str, list[dict]]:
    convs: dict[str, list[dict]] = defaultdict(list)
    for path in sorted((REPO / "tests/policies/corpus/train").glob("d4_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                convs[row.get("conv", path.stem)].append(row)
    return convs


def run(rows: list[dict], pol) -> dict:
    start = datetime(2026, 1, 5, tzinfo=UTC)
    state, fired_at = ConversationState(), None
    groom_missed = groom_after = groom = 0
    mentor_i = 0
    for i, row in enumerate(rows):
        role = row.get("role", "student")
        decision = pol.evaluate(row["text"], PolicyContext(role=role))
        if role != "mentor":
            continue
        mentor_i += 1
        at = start + timedelta(days=28 * i / max(len(rows), 1))
        verdict = observe(state, message_id=str(i), at=at, decision=decision,
                          settings=pol.conversation)
        state = verdict.state
        if verdict.pattern and fired_at is None:
            fired_at = mentor_i
        if row["category"] == "grooming":
            groom += 1
            if decision.action.value == "allow":
                groom_missed += 1
                groom_after += verdict.hold  # held by the pattern instead
    return {"grooming": groom, "missed": groom_missed, "pattern_held": groom_after,
            "fired_at": fired_at, "mentor_messages": mentor_i}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--with-encoder", action="store_true")
    args = ap.parse_args()
    pol = load_policy(rules_only=not args.with_encoder)
    totals = defaultdict(int)
    for conv, rows in sorted(conversations().items()):
        r = run(rows, pol)
        kind = "grooming" if r["grooming"] else "clean"
        totals[f"{kind} conversations"] += 1
        totals[f"{kind} with a pattern alert"] += r["fired_at"] is not None
        totals["grooming moves"] += r["grooming"]
        totals["grooming moves let through per message"] += r["missed"]
        totals["of those, held by the pattern hold"] += r["pattern_held"]
        fired = f"pattern on mentor message {r['fired_at']}/{r['mentor_messages']}" \
            if r["fired_at"] else "no pattern"
        print(f"{conv:40} {kind:8} grooming {r['grooming']:2} (missed {r['missed']}, "
              f"pattern-held {r['pattern_held']})  {fired}")
    print()
    for k, v in totals.items():
        print(f"{k:45} {v}")


if __name__ == "__main__":
    main()
