"""Test data the workplace keeps beside the repository (``shared/data/``), read in place.

The Big List of Naughty Strings lives in ``shared/data/blns.json`` next to the checkout, and its
README asks that it be read from there, not copied into the project. Worktrees sit deeper than
the main checkout, so every ancestor folder is tried. Missing on CI is a failure: the
naughty-strings checks must never be skipped quietly there.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

_HERE = Path(__file__).resolve()


def shared_data_file(name: str) -> Path:
    """The path of ``shared/data/<name>`` in the nearest ancestor folder that has it."""
    for folder in _HERE.parents:
        candidate = folder / "shared" / "data" / name
        if candidate.is_file():
            return candidate
    message = f"shared/data/{name} not found beside the checkout (looked in every parent of {_HERE.parent})"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)
