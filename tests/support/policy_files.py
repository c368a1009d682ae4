"""A program's policy file written for a test, loaded the way `mentorbot run` loads it."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any


def program_policy(tmp_path: Path, body: str) -> Any:
    """The policy of a program file holding ``body`` (indented YAML is dedented)."""
    from policies import load_policy

    path = tmp_path / "program.yml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return load_policy(path)
