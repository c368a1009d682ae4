"""Operations: readiness, metrics and logs of one ``mentorbot run`` replica (issue 16)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.ops.health import Readiness
from bot.ops.metrics import Metrics


@dataclass(frozen=True)
class Ops:
    """What the desk's server exposes for operators: ``/readyz`` checks and ``/metrics``."""

    readiness: Readiness | None = None
    metrics: Metrics | None = None
    metrics_token: str | None = None
