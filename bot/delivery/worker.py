"""The delivery worker: drains the outbox through the adapters, exactly once per row.

Each row is claimed with a conditional UPDATE (pending, or sending with an expired lease), so
several workers — in one process or many — never deliver the same row twice. The lease is short
(``lease`` seconds, 10 by default) and renewed every third of it while the worker is alive, so a
worker killed mid-send leaves a lease that expires within seconds and the row is retried (the
adapter gets the same ``idempotency_key`` and ``attempt`` > 1 to recognise its own earlier send).
Rows of one channel go out strictly in order — the order their messages were written — and only
one row of a channel is ever in flight. Replicas compete for rows the same way, so any number of
processes can drain one outbox. ``close`` (graceful shutdown) stops claiming; a send already under
way finishes, and a row claimed but not yet sent — or still sending when the shutdown bound runs
out — is released at once for the other replicas instead of waiting for its lease to expire.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import Engine
from sqlmodel import Session

from bot.delivery.pacing import RateLimiter, limiter_for
from bot.messages import ChannelRef, Outbound
from bot.ops.metrics import Metrics
from bot.ports import Adapter, DeliveryError
from bot.relay.shown_text import as_relayed
from bot.review import card_builder
from storage import outbox, repo
from storage.clock import as_utc
from storage.models import Delivery, MessageLog, ReviewItem
from storage.safe_text import without_lone_surrogates

logger = logging.getLogger(__name__)

LEASE = timedelta(seconds=10)
MAX_BACKOFF_S = 300.0
FailureHook = Callable[[Session, Delivery, str], None]


class DeliveryWorker:
    """Delivers due outbox rows; ``run_once`` for tests and tools, ``run_forever`` for the app."""

    def __init__(self, *, engine: Engine, adapters: dict[str, Adapter], clock: Callable[[], datetime],
                 on_failure: FailureHook, max_attempts: int = 12, poll_seconds: float = 0.5,
                 concurrency: int = 32, before_pass: Callable[[], None] | None = None,
                 limiter: RateLimiter | None = None, lease: timedelta = LEASE,
                 metrics: Metrics | None = None, order_window: timedelta = timedelta(0)):
        self._engine = engine
        self._adapters = adapters
        self._clock = clock
        self._on_failure = on_failure
        self._max_attempts = max_attempts
        self._poll_seconds = poll_seconds
        self._limit = asyncio.Semaphore(concurrency)
        self._before_pass = before_pass
        self._wakeup = asyncio.Event()
        self._rate = limiter or limiter_for(adapters)  # each adapter's published limits (its facts)
        self._lease = lease
        self._metrics = metrics
        self._order_window = order_window  # relayed copies wait this long (replicas; see due_heads)
        self._closing = False

    def reopen(self) -> None:
        """Claim rows again (a stopped app started anew)."""
        self._closing = False

    def close(self) -> None:
        """Stop claiming rows (graceful shutdown); sends under way finish, the rest is released."""
        self._closing = True
        self._wakeup.set()

    def wake(self) -> None:
        """Tell the loop there is new work (``bot.use_cases`` calls it after every write that queues)."""
        self._wakeup.set()

    async def run_forever(self, stop: asyncio.Event) -> None:
        while not stop.is_set() and not self._closing:
            try:
                await self.run_once(max_passes=50)
            except Exception:  # the loop must survive anything one pass does
                logger.exception("delivery pass failed; retrying")
            self._wakeup.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wakeup.wait(), self._poll_seconds)

    async def run_once(self, *, max_passes: int = 1000) -> int:
        """Deliver everything due now, pass after pass, until nothing moves. Returns rows done."""
        done = 0
        for _ in range(max_passes):
            if self._closing:
                break
            if self._before_pass:
                await asyncio.to_thread(self._before_pass)
            heads = await asyncio.to_thread(self._due_heads)
            if not heads:
                break
            results = await asyncio.gather(*(self._deliver(row_id) for row_id in heads))
            moved = sum(results)
            done += moved
            if not moved:
                break
        return done

    # -- selection and claiming ----------------------------------------------------------------

    def _due_heads(self) -> list[int]:
        with Session(self._engine) as session:
            now = self._clock()
            if outbox.unpark_reopened(session, now):  # copies that waited for a paused match
                session.commit()
            return outbox.due_heads(session, list(self._adapters), now, self._order_window)

    def _claim(self, row_id: int) -> Delivery | None | bool:
        """The claimed row; None if another worker has it; False if it was parked instead (its match
        is no longer active: it waits for the match, and the channel's next row goes out)."""
        with Session(self._engine) as session:
            if outbox.park_if_match_closed(session, row_id):
                session.commit()
                logger.info("=> delivery %s parked: its match is not active", row_id)
                return False
            claimed = outbox.claim(session, row_id, self._clock(), self._lease)
            session.commit()
            return session.get(Delivery, row_id) if claimed else None

    # -- one row ---------------------------------------------------------------------------------

    async def _deliver(self, row_id: int) -> int:
        async with self._limit:
            if self._closing:
                return 0
            row = await asyncio.to_thread(self._claim, row_id)
            if row is False:
                return 1  # parked: the channel moved on, another pass sends what follows
            if row is None:
                return 0
            adapter = self._adapters[row.platform]
            renewing = asyncio.create_task(self._keep_lease(row.id, row.attempts))  # type: ignore[arg-type]
            try:
                async with self._rate.slot(ChannelRef(row.platform, row.workspace, row.channel)):
                    if self._closing:  # shutting down while it waited for its turn: not sent, give it back
                        await asyncio.to_thread(self._release, row)
                        return 0
                    platform_id = await self._perform(adapter, row)
            except DeliveryError as error:
                await asyncio.to_thread(self._record_error, row, error)
                return 1
            except asyncio.CancelledError:  # the shutdown bound ran out mid-send: the next sender checks
                await asyncio.shield(asyncio.to_thread(self._release, row))
                raise
            except Exception as error:  # network or SDK errors: retried with backoff
                logger.exception("=> delivery %s (%s) crashed", row.id, row.kind)
                await asyncio.to_thread(self._record_error, row, DeliveryError(repr(error)))
                return 1
            finally:
                renewing.cancel()
            await asyncio.to_thread(self._record_sent, row, platform_id)
            logger.info("=> %s %s to %s:%s/%s", row.kind, row.id, row.platform, row.workspace, row.channel)
            return 1

    async def _keep_lease(self, row_id: int, attempt: int) -> None:
        """Renew this worker's lease on a row every third of the lease while the send is in flight."""
        while True:
            await asyncio.sleep(self._lease.total_seconds() / 3)
            try:
                if not await asyncio.to_thread(self._renew, row_id, attempt):
                    logger.warning("=> delivery %s: lease lost to another worker", row_id)
                    return
            except Exception:  # a busy database must not end the send; the next renewal tries again
                logger.exception("=> delivery %s: lease renewal failed", row_id)

    def _release(self, row: Delivery) -> None:
        with Session(self._engine) as session:
            released = outbox.release(session, row.id, row.attempts, self._clock())  # type: ignore[arg-type]
            session.commit()
        logger.info("=> delivery %s released for another worker (shutting down)%s", row.id,
                    "" if released else ": it had already moved on")

    def _renew(self, row_id: int, attempt: int) -> bool:
        with Session(self._engine) as session:
            renewed = outbox.renew(session, row_id, attempt, self._clock(), self._lease)
            session.commit()
            return renewed

    async def _perform(self, adapter: Adapter, row: Delivery) -> str | None:
        channel = ChannelRef(row.platform, row.workspace, row.channel)
        if row.kind in ("relay", "prompt", "nudge", "pointer", "system"):
            thread = None
            if adapter.capabilities.threads:
                thread = await asyncio.to_thread(self._resolve_thread, row)
            text = as_relayed(row.text) if row.kind == "relay" else row.text  # shown as the policy read it
            return await adapter.send(Outbound(
                channel=channel, text=without_lone_surrogates(text),
                idempotency_key=row.idempotency_key,
                sender_name=row.sender_name, sender_avatar=row.sender_avatar, thread_id=thread,
                attempt=row.attempts, queued_at=as_utc(row.created_at)))
        if row.kind == "notice":
            about = await asyncio.to_thread(self._about_message, row)
            await adapter.notify_private(channel, row.user_id or "", row.text, message_id=about)
            return None
        if row.kind == "review_card":
            card = await asyncio.to_thread(self._card, row)
            return await adapter.post_review(channel, card)
        ref = await asyncio.to_thread(self._ref, row)
        if ref is None or not ref.platform_message_id:
            return None  # the copy it acts on was never posted: nothing to do
        if row.kind == "edit":
            text = without_lone_surrogates(as_relayed(row.text))
            await adapter.edit(channel, ref.platform_message_id, text)
        elif row.kind == "retract":
            await adapter.delete(channel, ref.platform_message_id)
        elif row.kind == "review_update":
            card, outcome = await asyncio.to_thread(self._card_and_outcome, ref, row)
            await adapter.update_review(channel, ref.platform_message_id, card, outcome)
        else:
            raise DeliveryError(f"unknown delivery kind {row.kind!r}", permanent=True)
        return None

    # -- bookkeeping (sync, in threads) ----------------------------------------------------------

    def _record_sent(self, sent: Delivery, platform_id: str | None) -> None:
        now = self._clock()
        with Session(self._engine) as session:
            row = session.get(Delivery, sent.id)
            assert row is not None
            row.state, row.platform_message_id = "sent", platform_id
            row.sent_at, row.lease_until, row.last_error = now, None, None
            session.add(row)
            session.commit()
        if self._metrics is not None:
            latency = (as_utc(now) - as_utc(sent.created_at)).total_seconds()
            self._metrics.delivered(sent.platform, sent.kind, latency)

    def _record_error(self, row: Delivery, error: DeliveryError) -> None:
        now = self._clock()
        with Session(self._engine) as session:
            fresh = session.get(Delivery, row.id)
            assert fresh is not None
            fresh.last_error = str(error)[:500]
            fresh.lease_until = None
            final = error.permanent or (error.retry_after is None and fresh.attempts >= self._max_attempts)
            if self._metrics is not None:
                self._metrics.delivery_failed(fresh.platform, fresh.kind, permanent=error.permanent,
                                              rate_limited=error.retry_after is not None, final=final)
            if final:
                fresh.state = "failed"
                logger.error("=> delivery %s failed for good: %s", fresh.id, error)
                self._on_failure(session, fresh, str(error))
            else:
                if error.retry_after is not None:
                    fresh.attempts -= 1  # being rate-limited is not a failed attempt
                    delay = error.retry_after
                else:
                    delay = min(MAX_BACKOFF_S, 2 ** fresh.attempts) * random.uniform(0.8, 1.2)
                fresh.state, fresh.next_attempt_at = "pending", now + timedelta(seconds=delay)
                logger.warning("=> delivery %s retry in %.1fs: %s", fresh.id, delay, error)
            session.add(fresh)
            session.commit()

    def _about_message(self, row: Delivery) -> str | None:
        """The platform id of the sender's own message a notice is about (same channel only)."""
        if row.message_id is None:
            return None
        with Session(self._engine) as session:
            message = session.get(MessageLog, row.message_id)
        if message is None or (message.platform, message.workspace, message.channel) != (
                row.platform, row.workspace, row.channel):
            return None
        return message.platform_message_id

    def _ref(self, row: Delivery) -> Delivery | None:
        with Session(self._engine) as session:
            return session.get(Delivery, row.ref_delivery_id) if row.ref_delivery_id else None

    def _card(self, row: Delivery):  # type: ignore[no-untyped-def]
        with Session(self._engine) as session:
            return card_builder.card_for(session, row)

    def _card_and_outcome(self, card_row: Delivery, row: Delivery):  # type: ignore[no-untyped-def]
        with Session(self._engine) as session:
            review = session.get(ReviewItem, row.review_id or card_row.review_id)
            assert review is not None
            # an open hold whose gates changed keeps its card, with the buttons it allows now
            outcome = card_builder.outcome_for(review) if review.decided_at is not None else None
            return card_builder.card_for(session, card_row), outcome

    def _resolve_thread(self, row: Delivery) -> str | None:
        """The target channel's id of the thread the original message was posted in.

        The thread's parent is either a message first posted in the origin channel (its copy in
        the target channel is the thread there) or a relayed copy the bot posted in the origin
        channel (then the parent's source message, or its copy, is the thread in the target).
        Adapters may return combined ids (a split message: ``"id1,id2"``); the first part counts.
        """
        if not row.thread_id or row.message_id is None:
            return None
        with Session(self._engine) as session:
            message = session.get(MessageLog, row.message_id)
            if message is None:
                return None
            origin = ChannelRef(message.platform, message.workspace, message.channel)
            parent = repo.original_message(session, origin, row.thread_id)
            if parent is None:
                parent = outbox.source_of_copy(session, origin, row.thread_id)
            if parent is None:
                return None
            target = (row.platform, row.workspace, row.channel)
            if (parent.platform, parent.workspace, parent.channel) == target:
                return parent.platform_message_id
            copy = outbox.sent_copy(session, parent.id, row)  # type: ignore[arg-type]
            if copy is None or not copy.platform_message_id:
                return None
            return copy.platform_message_id.split(",")[0]
