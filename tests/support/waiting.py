"""Waiting, bounded, for something a user would see: one helper instead of a copy per test file."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any


async def until(check: Callable[[], bool], *, app: Any = None, timeout: float = 5.0) -> None:
    """Poll ``check`` until it holds; with ``app``, drain its outbox between looks (bounded in time).

    For events that arrive through a real platform connection (Slack's Socket Mode, Discord's
    gateway) and deliveries that then go out through the real delivery worker.
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        if app is not None:
            await app.delivery.run_once()
        if check():
            return
        if loop.time() > deadline:
            raise AssertionError(f"condition not met within {timeout} s")
        await asyncio.sleep(0.01)
