"""Round 21 through the real relay (console adapter, real database, the shipped policy with its
encoder): a student's possible ask just under the heads' hold, and a student's mention of an app
told of, reach the mentor and raise one coordinator alert each (kind "policy", not urgent); an ask
the heads hold stays with the coordinator."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from storage.models import Alert

MENTOR, STUDENT = "dana-ana-mentor", "dana-ana-student"


def alerts(engine) -> list[Alert]:  # type: ignore[no-untyped-def]
    with Session(engine) as session:
        return list(session.exec(select(Alert).order_by(Alert.id)))


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
async def test_a_students_possible_ask_is_delivered_and_the_coordinator_alerted(make_harness, engine):
    from policies import load_policy

    h = await make_harness(policy=load_policy())
    told = ["join my discord", "Borré Instagram porque me distraía demasiado jaja"]
    for text in told:
        await h.say("ana", STUDENT, text)
    await h.say("ana", STUDENT, "add me on snap its ana_rv09")  # a handle: held for the coordinator
    assert h.seen_in(MENTOR) == told
    raised = alerts(engine)
    assert [a.kind for a in raised] == ["policy", "policy"], [(a.kind, a.summary) for a in raised]
    assert not any(a.urgent for a in raised)
    assert "alert band" in raised[0].summary and "names an app" in raised[1].summary
