"""Events that arrive together share one sentence-encoder batch, and each is still recorded on its own."""

from __future__ import annotations

import asyncio
import threading

from bot.relay.encoder_batch import EncoderBatcher
from bot.relay.policy_cache import PolicyBook
from policies.types import Action, Decision, PolicyContext


class CountingPolicy:
    """A policy whose 'encoder' records each batch it is asked to embed (the model is not needed here)."""

    def __init__(self, fail: bool = False) -> None:
        self.encoder = object()
        self.batches: list[list[str]] = []
        self.fail = fail
        self.gate = threading.Event()

    def prime(self, texts: list[str]) -> None:
        self.gate.wait(5)  # a batch in progress while more events arrive
        if self.fail:
            raise RuntimeError("encoder down")
        self.batches.append(list(texts))

    def evaluate(self, text: str, ctx: PolicyContext) -> Decision:
        return Decision(action=Action.ALLOW)


async def test_concurrent_events_are_embedded_in_few_batches_in_arrival_order():
    policy = CountingPolicy()
    book = PolicyBook(lambda path: policy)
    book.for_file(None)
    batcher = EncoderBatcher(book)
    finished: list[int] = []

    async def event(n: int) -> None:
        await batcher.ready(f"message {n}")
        finished.append(n)

    first = [asyncio.create_task(event(n)) for n in range(3)]
    await asyncio.sleep(0.05)  # the first batch is being embedded; these gather in the next one
    later = [asyncio.create_task(event(n)) for n in range(3, 10)]
    await asyncio.sleep(0.05)
    policy.gate.set()
    await asyncio.wait_for(asyncio.gather(*first, *later), 5)
    assert policy.batches == [[f"message {n}" for n in range(3)], [f"message {n}" for n in range(3, 10)]]
    assert finished == list(range(10))  # nobody overtakes an event that arrived before it


async def test_a_failing_batch_never_holds_an_event_back():
    policy = CountingPolicy(fail=True)
    policy.gate.set()
    book = PolicyBook(lambda path: policy)
    book.for_file(None)
    await asyncio.wait_for(EncoderBatcher(book).ready("hello"), 5)  # evaluate() will embed it itself


async def test_without_an_encoder_nothing_waits():
    policy = CountingPolicy()
    policy.encoder = None
    book = PolicyBook(lambda path: policy)
    book.for_file(None)
    await asyncio.wait_for(EncoderBatcher(book).ready("hello"), 1)
    assert policy.batches == []
