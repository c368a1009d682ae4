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
    return load_policy()
