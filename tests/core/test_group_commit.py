"""Group commit (``Relay.record_many``): events that arrive together share one COMMIT, and each is
still all or nothing — its log row, chain link and outbox rows are written together or not at all."""

from __future__ import annotations

from sqlmodel import Session, select

from bot.messages import Inbound, InboundKind
from storage import chain
from storage.models import Delivery, MessageLog
from support.fake_policy import FakePolicy


class FailsOnBoom(FakePolicy):
    """The fake policy, except that while ``broken`` a message saying "boom" makes it raise (a bug)."""

    broken = True

    def evaluate(self, text, ctx):  # type: ignore[no-untyped-def]
        if self.broken and "boom" in text:
            raise RuntimeError("policy crashed on this message")
        return super().evaluate(text, ctx)


def event(h, user: str, channel: str, text: str, n: int) -> Inbound:  # type: ignore[no-untyped-def]
    return Inbound(kind=InboundKind.MESSAGE, channel=h.console.ref(channel), message_id=f"g{n}",
                   event_key=f"group:{n}", author_id=user, text=text)


async def test_a_group_records_each_event_as_one_commit_would(make_harness, engine):
    h = await make_harness()
    first = event(h, "dana", "dana-ana-mentor", "Hi Ana, how was the robotics meet?", 1)
    group = [first, event(h, "dana", "dana-ana-mentor", "this is our secret project", 2),
             first,  # the same platform event again (a retry) in the same group: ignored
             event(h, "ana", "dana-ana-student", "text me 555-123-4567", 3),
             event(h, "ana", "dana-ana-student", "We placed third!", 4)]
    assert h.app.core.relay.record_many(group) == [True, True, False, True, True]
    with Session(engine) as session:
        rows = list(session.exec(select(MessageLog).order_by(MessageLog.id)))
        assert [(r.text, r.decision) for r in rows] == [
            ("Hi Ana, how was the robotics meet?", "allow"), ("this is our secret project", "hold"),
            ("text me 555-123-4567", "block"), ("We placed third!", "allow")]
        assert [r.seq for r in rows] == [1, 2, 3, 4]
        assert chain.verify(session, rows[0].program_id) == []
        relayed = session.exec(select(Delivery.message_id).where(Delivery.kind == "relay")).all()
        assert sorted(relayed) == [rows[0].id, rows[3].id]
    await h.app.delivery.run_once()
    assert h.seen_in("dana-ana-student") == ["Hi Ana, how was the robotics meet?"]
    assert h.seen_in("dana-ana-mentor") == ["We placed third!"]


async def test_an_event_that_fails_rolls_back_alone_and_leaves_no_gap_in_the_chain(make_harness, engine):
    policy = FailsOnBoom()
    h = await make_harness(policy=policy)
    boom = event(h, "dana", "dana-ana-mentor", "boom", 2)
    results = h.app.core.relay.record_many([
        event(h, "dana", "dana-ana-mentor", "Hello before", 1), boom,
        event(h, "ana", "dana-ana-student", "Hello after", 3)])
    assert results[0] is True and results[2] is True
    assert isinstance(results[1], RuntimeError)
    with Session(engine) as session:
        rows = list(session.exec(select(MessageLog).order_by(MessageLog.id)))
        assert [(r.text, r.seq) for r in rows] == [("Hello before", 1), ("Hello after", 2)]
        assert chain.verify(session, rows[0].program_id) == []
        assert sorted(d.text for d in session.exec(select(Delivery))) == ["Hello after", "Hello before"]
    # nothing of it was kept, so the platform's redelivery records it like any new event
    policy.broken = False
    assert h.app.core.relay.record_many([boom]) == [True]
    with Session(engine) as session:
        rows = list(session.exec(select(MessageLog).order_by(MessageLog.id)))
        assert [(r.text, r.seq) for r in rows][-1] == ("boom", 3)
        assert chain.verify(session, rows[0].program_id) == []
