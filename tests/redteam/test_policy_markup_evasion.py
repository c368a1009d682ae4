"""Chat markup that hides a contact detail from the policy but not from the reader: Discord's
spoiler bars and inline code around the digits of a phone number render as the number. The finders
read such markup as the blank it renders as (``policies.normalize.blank_markup``). The
shipped policy, rules layer, through the console adapter (the text is relayed as written)."""

from __future__ import annotations

import pytest


@pytest.fixture
def engine(sqlite_engine):  # type: ignore[no-untyped-def]
    """SQLite only: these probe what the policy reads and the relay shows, not the database."""
    return sqlite_engine


@pytest.mark.parametrize("text", ["||555||-||201||-||3344||", "`555` `201` `3344`"], ids=["spoiler", "code"])
async def test_markup_around_a_phone_number(make_harness, real_policy, text) -> None:  # type: ignore[no-untyped-def]
    h = await make_harness(policy=real_policy)
    await h.say("ana", "dana-ana-student", text)
    assert text not in h.seen_in("dana-ana-mentor")


@pytest.mark.parametrize("text", ["5**5**5-201-3344", "*555*-*201*-*3344*", "555-2_0_1-3344"])
async def test_bold_and_italics_around_a_phone_number_are_read(make_harness, real_policy, text) -> None:  # type: ignore[no-untyped-def]
    h = await make_harness(policy=real_policy)
    await h.say("ana", "dana-ana-student", text)
    assert text not in h.seen_in("dana-ana-mentor")
