"""Hostile Unicode through the relay: what the other side is shown must read the way the policy
read it. A right-to-left override (U+202E) makes "4433-102-555" — which the policy reads as no
phone number — display as "555-201-3344"; relayed copies carry no bidi controls, so the
recipient sees the order the policy judged (the log keeps the exact original). The shipped
policy, rules layer, through the console adapter."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from storage.models import MessageLog

BIDI = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


@pytest.fixture
def engine(sqlite_engine):  # type: ignore[no-untyped-def]
    """SQLite only: these probe what the policy reads and the relay shows, not the database."""
    return sqlite_engine


@pytest.mark.parametrize("text", [
    "see you \u202eyadsruht no\u202c at the fair",
    "\u202eemosewa saw pihs-bo ruoy",
    "call \u2067\u200f3344 201 555\u2069 tonight",
])
async def test_relayed_copies_show_the_order_the_policy_read(make_harness, engine, real_policy, text) -> None:  # type: ignore[no-untyped-def]
    h = await make_harness(policy=real_policy)
    await h.say("ana", "dana-ana-student", text)
    await h.app.delivery.run_once()
    seen = h.seen_in("dana-ana-mentor")
    assert seen and not any(ch in BIDI for t in seen for ch in t), seen
    with Session(engine) as session:
        [row] = session.exec(select(MessageLog)).all()
    assert row.text == text  # the log keeps the exact original


@pytest.mark.parametrize("text", ["my number is \u202e4433-102-555\u202c", "\u202eterces ruo si siht"])
async def test_what_an_override_shows_on_screen_is_judged_too(make_harness, real_policy, text) -> None:  # type: ignore[no-untyped-def]
    """Round 20: a screen shows "my number is 555-201-3344" and "this is our secret"; the policy
    reads that order as well as the one sent, so neither is relayed."""
    h = await make_harness(policy=real_policy)
    await h.say("ana", "dana-ana-student", text)
    await h.app.delivery.run_once()
    assert h.seen_in("dana-ana-mentor") == []


async def test_an_edit_cannot_add_an_override_either(make_harness, real_policy) -> None:  # type: ignore[no-untyped-def]
    h = await make_harness(policy=real_policy)
    said = await h.say("ana", "dana-ana-student", "see you at the fair")
    await h.console.edit_own("ana", "dana-ana-student", said, "see you \u202e4433-102-555")
    for _ in range(2):
        await h.app.delivery.run_once()
    assert not any(ch in BIDI for t in h.seen_in("dana-ana-mentor") for ch in t)


@pytest.mark.parametrize("text", ["my number ٥٥٥-٢٠١-٣٣٤٤", "my number ५५५-२०१-३३४४"])
async def test_phone_numbers_in_other_digit_scripts(make_harness, real_policy, text) -> None:  # type: ignore[no-untyped-def]
    h = await make_harness(policy=real_policy)
    await h.say("ana", "dana-ana-student", text)
    assert text not in h.seen_in("dana-ana-mentor")
