"""Loads each program's policy once and hands it to the relay (policies stay pure and cached)."""

from __future__ import annotations

import logging
from pathlib import Path

from policies import load_policy
from policies.engine import Policy

logger = logging.getLogger(__name__)


class PolicyBook:
    """One loaded policy per policy file; the shipped defaults for programs without one."""

    def __init__(self) -> None:
        self._loaded: dict[str | None, Policy] = {}

    def for_file(self, policy_file: str | None) -> Policy:
        if policy_file not in self._loaded:
            path = Path(policy_file) if policy_file else None
            self._loaded[policy_file] = load_policy(path)
            logger.info("loaded policy %s", policy_file or "(defaults)")
        return self._loaded[policy_file]
