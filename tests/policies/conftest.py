"""Shared fixtures for the policy tests: the shipped policy and the labelled corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policies import Policy, load_policy

CORPUS_DIR = Path(__file__).parent / "corpus"


def load_corpus(*names: str) -> list[dict]:
    rows = []
    for name in names:
        with (CORPUS_DIR / f"{name}.jsonl").open(encoding="utf-8") as f:
            rows += [json.loads(line) for line in f if line.strip()]
    return rows


@pytest.fixture(scope="session")
def corpus():
    return load_corpus


@pytest.fixture(scope="session")
def policy() -> Policy:
    """The shipped policy: rules, then the sentence encoder. The corpus is embedded once, in
    batches, so the per-file gates do not pay one forward pass per message."""
    pol = load_policy()
    pol.prime([r["text"] for r in load_corpus(*(p.stem for p in sorted(CORPUS_DIR.glob("*.jsonl"))))])
    return pol


@pytest.fixture(scope="session")
def rules_policy() -> Policy:
    """The rules layer alone (``--rules-only``)."""
    return load_policy(rules_only=True)
