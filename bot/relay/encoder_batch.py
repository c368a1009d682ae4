"""Embed the texts of events that arrive together in one sentence-encoder batch (issue 16).

The encoder costs ≈ 10–18 ms per message one at a time and much less per message in a batch.
Events reach ``Core.handle`` concurrently (Slack and Discord hand each one to its own task), so
before each is recorded its text joins the batch being gathered; the batch is embedded once, off
the event loop, into the encoder's cache; then every event is recorded in its own transaction as
before (one transaction per message: the batch only warms a cache, it records nothing). A text the
batch could not embed is embedded again by ``evaluate``, which fails closed on its own.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field

from bot.relay.policy_cache import PolicyBook

logger = logging.getLogger(__name__)


@dataclass
class _Batch:
    texts: list[str] = field(default_factory=list)
    done: asyncio.Event = field(default_factory=asyncio.Event)


class EncoderBatcher:
    """Gathers the texts of concurrent events; one batch runs at a time, the next gathers meanwhile."""

    def __init__(self, policies: PolicyBook, *, max_batch: int = 64) -> None:
        self._policies = policies
        self._max_batch = max_batch
        self._open: _Batch | None = None
        self._lock: asyncio.Lock | None = None
        self.batches = 0  # how many batches ran (tests, metrics)
        self.texts = 0

    async def ready(self, text: str) -> None:
        """Return once ``text`` is in the encoder's cache (or at once when no policy uses it)."""
        if not self._encoders():
            return
        if self._lock is None:
            self._lock = asyncio.Lock()
        batch = self._open
        if batch is None or len(batch.texts) >= self._max_batch:
            batch = self._open = _Batch()
            asyncio.get_running_loop().create_task(self._run(batch))
        batch.texts.append(text)
        await batch.done.wait()

    async def _run(self, batch: _Batch) -> None:
        assert self._lock is not None
        try:
            async with self._lock:  # arrivals while the previous batch runs gather in this one
                if self._open is batch:
                    self._open = None
                self.batches += 1
                self.texts += len(batch.texts)
                await asyncio.to_thread(self._prime, list(batch.texts))
        except Exception:  # never keep an event waiting: evaluate() embeds (or fails closed) itself
            logger.exception("encoder batch failed")
        finally:
            batch.done.set()

    def _encoders(self) -> list[object]:
        return [p for p in self._policies.loaded() if getattr(p, "encoder", None) is not None]

    def _prime(self, texts: list[str]) -> None:
        for policy in self._encoders():
            policy.prime(texts)  # type: ignore[attr-defined]
