"""Storage: migrations match the models, the hash chain stays linear under concurrent writers, and
the pure pieces of routing and redaction behave as a table says."""

from __future__ import annotations

import threading

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import Session, SQLModel, select

import storage.all_models  # noqa: F401
from bot.messages import ChannelRef, Inbound, InboundKind
from bot.relay.routing import relay_targets
from bot.review.redaction import redact
from storage.chain import verify
from storage.models import MessageLog
from storage.raw_ddl import compare_type, include_object


def test_migrations_create_exactly_the_tables_the_models_describe(engine):
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": include_object,
                                                         "compare_type": compare_type})
        diff = compare_metadata(context, SQLModel.metadata)
    assert diff == [], f"models and migrations disagree (write a migration): {diff}"


@pytest.mark.parametrize("writers", [4])
async def test_parallel_relay_writes_keep_the_chain_intact(make_harness, engine, writers):
    h = await make_harness()
    errors: list[BaseException] = []

    def write(worker: int) -> None:
        try:
            for n in range(15):
                h.app.core.relay.record(Inbound(
                    kind=InboundKind.MESSAGE, channel=h.console.ref("raj-group-student"),
                    message_id=f"w{worker}-{n}", event_key=f"w{worker}-{n}", author_id="ben",
                    text=f"message {n} from writer {worker}"))
        except BaseException as error:  # surfaced below
            errors.append(error)

    threads = [threading.Thread(target=write, args=(i,)) for i in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors
    with Session(engine) as session:
        seqs = sorted(session.exec(select(MessageLog.seq)))
        assert seqs == list(range(1, writers * 15 + 1))
        assert verify(session, "riverside-ptech") == []


A, B, C = (ChannelRef("slack", "T1", "CMENTOR"), ChannelRef("discord", "G1", "123"),
           ChannelRef("discord", "G1", "456"))


@pytest.mark.parametrize(("origin", "channels", "expected"), [
    (A, [A, B], [B]),                 # mentor side -> student side
    (B, [A, B], [A]),                 # and back
    (A, [A, B, C], [B, C]),           # a group with two student channels
    (A, [A, B, B], [B]),              # a channel listed twice gets one copy
    (C, [A, B], [A, B]),              # (origin not in the list) still never echoes to itself
    (A, [A], []),                     # a match with one channel relays nowhere
])
def test_relay_targets(origin, channels, expected):
    assert relay_targets(origin, channels) == expected


@pytest.mark.parametrize(("text", "spans", "expected"), [
    ("call 555-1234 now", [(5, 13)], "call [removed] now"),
    ("a b c", [], "a b c"),
    ("abcdef", [(0, 3), (2, 5)], "[removed]f"),   # overlapping spans merge
    ("abc", [(0, 0)], "abc"),                     # empty spans (gate hits) remove nothing
    ("abc", [(1, 99)], "a[removed]"),             # spans are clipped to the text
])
def test_redact(text, spans, expected):
    assert redact(text, spans) == expected
