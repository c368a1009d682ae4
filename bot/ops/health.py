"""Liveness and readiness of one replica, for ``/healthz`` and ``/readyz`` on the desk's server.

Ready means this process can do its job now: the database answers, every configured platform is
connected, no outbox row has waited longer than ``OUTBOX_MAX_AGE`` past its due time (the workers
of the whole deployment keep up), and the process is not shutting down. A load balancer or
Kubernetes stops sending desk traffic to a replica that is not ready; the bot inside it goes on.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session

from storage import ops_repo

logger = logging.getLogger(__name__)


@dataclass
class Readiness:
    """The checks behind ``/readyz``; ``stopping`` is set at the start of a graceful shutdown."""

    engine: Engine
    adapters: Mapping[str, Any]
    clock: Callable[[], datetime]
    outbox_max_age: float = 900.0  # seconds past due; 0 turns the outbox check off
    database_timeout: float = 3.0
    stopping: bool = field(default=False)

    async def check(self) -> tuple[bool, dict[str, str]]:
        """(ready, one line per check: "ok" or what is wrong)."""
        checks: dict[str, str] = {}
        database_ok = await self._database(checks)
        for name, adapter in sorted(self.adapters.items()):
            checks[f"platform:{name}"] = "ok" if await is_connected(adapter) else "not connected"
        if database_ok and self.outbox_max_age > 0:
            await self._outbox(checks)
        checks["process"] = "shutting down" if self.stopping else "ok"
        return all(value == "ok" for value in checks.values()), checks

    async def _database(self, checks: dict[str, str]) -> bool:
        try:
            await asyncio.wait_for(asyncio.to_thread(ops_repo.ping, self.engine), self.database_timeout)
        except Exception as exc:  # any failure to answer is "unreachable": say why, briefly
            checks["database"] = f"unreachable: {_brief(exc)}"
            return False
        checks["database"] = "ok"
        return True

    async def _outbox(self, checks: dict[str, str]) -> None:
        def overdue() -> dict[str, float]:
            with Session(self.engine) as session:
                return ops_repo.oldest_due(session, self.clock())

        try:
            ages = await asyncio.wait_for(asyncio.to_thread(overdue), self.database_timeout)
        except Exception as exc:
            checks["outbox"] = f"unreadable: {_brief(exc)}"
            return
        late = {platform: age for platform, age in ages.items() if age > self.outbox_max_age}
        checks["outbox"] = "ok" if not late else "; ".join(
            f"{platform} row overdue {age:.0f}s (bound {self.outbox_max_age:.0f}s)"
            for platform, age in sorted(late.items()))


async def is_connected(adapter: Any) -> bool:
    """The adapter's own answer (``is_connected``, sync or async); without one it counts as connected."""
    probe = getattr(adapter, "is_connected", None)
    if probe is None:
        return True
    try:
        answer = probe()
        return bool(await answer) if inspect.isawaitable(answer) else bool(answer)
    except Exception:
        logger.exception("readiness: asking %r whether it is connected failed", adapter)
        return False


def _brief(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0][:200]}" if text else type(exc).__name__
