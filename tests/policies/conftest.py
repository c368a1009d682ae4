"""Shared fixtures for the policy tests: the shipped policy and the labelled corpus."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

# pyproject puts tests/ on sys.path, where this folder would pass for a namespace package
# named ``policies`` and shadow the real one: make sure the project's package wins.
_ROOT = str(Path(__file__).resolve().parents[2])
if sys.path[:1] != [_ROOT]:
    sys.path.insert(0, _ROOT)
if getattr(sys.modules.get("policies"), "__file__", "") is None:
    del sys.modules["policies"]

from policies import Policy, load_policy  # noqa: E402

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
