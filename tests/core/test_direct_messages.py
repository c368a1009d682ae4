"""Issue 12 item 2: a direct message to the bot is policed like any message. A concern in one alerts
the coordinator at once, and the student gets a kind reply that does not send them to the channel
their mentor reads. Direct messages are still logged as attempts and never relayed."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from sqlmodel import Session, select

from bot.relay.policy_cache import PolicyBook
from storage.models import Alert, MessageLog
from support.fake_policy import FakePolicy

# The SQL here is exercised on PostgreSQL by tests/core/test_relay.py; SQLite alone keeps the suite fast.
pytestmark = pytest.mark.parametrize("engine", ["sqlite"], indirect=True)


async def test_a_disclosure_in_a_direct_message_alerts_at_once_with_a_kind_reply(make_harness, engine):
    h = await make_harness(policy=PolicyBook().for_file(None))  # the shipped policy, as in production
    await h.say("ana", "dm-ana", "my stepdad hits me when he drinks", direct=True)
    [reply] = h.seen_in("dm-ana")
    assert "coordinator" in reply and "<#dana-ana-student>" not in reply and "post in" not in reply
    with Session(engine) as session:
        alert = session.exec(select(Alert)).one()
        row = session.exec(select(MessageLog)).one()
    assert alert.urgent and alert.kind == "safeguarding" and alert.message_id == row.id
    assert alert.program_id == "riverside-ptech"
    assert (row.kind, row.decision, row.alert) == ("attempt", "not_relayed", True)
    assert "concern.abuse" in [hit["rule"] for hit in json.loads(row.hits_json)]
    urgent_cards = [card for card, _ in h.console.review_cards.values() if card.urgent]
    assert [c.text for c in urgent_cards] == ["my stepdad hits me when he drinks"]
    assert all(h.seen_in(ch) == [] for ch in ("dana-ana-mentor", "dana-ana-student"))


async def test_an_ordinary_direct_message_still_gets_the_pointer_and_its_hits_are_logged(make_harness,
                                                                                          engine):
    h = await make_harness()
    await h.say("ana", "dm-ana", "can you give Dana my number 555-123-4567", direct=True)
    [reply] = h.seen_in("dm-ana")
    assert "<#dana-ana-student>" in reply
    with Session(engine) as session:
        row = session.exec(select(MessageLog)).one()
        assert session.exec(select(Alert)).all() == []
    assert {hit["rule"] for hit in json.loads(row.hits_json)} == {"channel.direct_message", "contact.phone"}


async def test_a_self_harm_hint_from_someone_not_on_the_roster_reaches_the_program(make_harness, engine):
    h = await make_harness()
    await h.say("U-new-student", "dm-new", "i want to hurt myself", direct=True)
    [reply] = h.seen_in("dm-new")
    assert "trusted adult" in reply
    with Session(engine) as session:
        alert = session.exec(select(Alert)).one()
    assert alert.urgent and alert.program_id == "riverside-ptech" and "not on the roster" in alert.summary


def _roster_with_emergency_line(tmp_path, line: str):  # type: ignore[no-untyped-def]
    from pathlib import Path
    sample = Path(__file__).resolve().parents[2] / "examples" / "sample-program.yml"
    text = sample.read_text(encoding="utf-8").replace(
        "  timezone: America/New_York\n", f"  timezone: America/New_York\n  emergency_line: \"{line}\"\n", 1)
    assert f'emergency_line: "{line}"' in text
    path = tmp_path / "program.yml"
    path.write_text(text, encoding="utf-8")
    return path


async def test_the_concern_reply_names_the_program_s_emergency_line(make_harness, engine, tmp_path):
    h = await make_harness(policy=PolicyBook().for_file(None),
                           roster=_roster_with_emergency_line(tmp_path, "112"))
    await h.say("ana", "dm-ana", "my stepdad hits me when he drinks", direct=True)
    await h.say("U-new-student", "dm-new", "i want to hurt myself", direct=True)
    [reply] = h.seen_in("dm-ana")
    [stranger] = h.seen_in("dm-new")
    assert "call 112" in reply and "911" not in reply
    assert "call 112" in stranger and "911" not in stranger


class _NoticeWithLine(FakePolicy):
    """The test policy, with a concern notice that names the emergency line as policies/defaults.yml does."""

    def evaluate(self, text, ctx):  # type: ignore[no-untyped-def]
        decision = super().evaluate(text, ctx)
        if decision.notice and decision.alert:
            return replace(decision, notice=decision.notice + " If you are in danger, call {emergency_line}.")
        return decision


async def test_a_policy_notice_gets_the_program_s_emergency_line(make_harness, engine, tmp_path):
    h = await make_harness(policy=_NoticeWithLine(), roster=_roster_with_emergency_line(tmp_path, "000"))
    await h.say("ana", "dana-ana-student", "sometimes i want to hurt myself")
    notice = h.console.private["ana"][-1]
    assert notice.endswith("If you are in danger, call 000.")


async def test_a_program_without_an_emergency_line_says_911(make_harness, engine):
    h = await make_harness(policy=PolicyBook().for_file(None))  # the sample program in New York
    await h.say("ana", "dm-ana", "my stepdad hits me when he drinks", direct=True)
    [reply] = h.seen_in("dm-ana")
    assert "call 911" in reply
