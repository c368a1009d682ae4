"""A contact detail split across two messages: "my number is 555 201" then "3344". Each half alone
is nothing the policy can call a phone number; together they are. The relay reads the sender's
previous message with the new one, so the second half is stopped (the shipped policy, rules
layer, through the console adapter)."""

from __future__ import annotations

import pytest


@pytest.fixture
def engine(sqlite_engine):  # type: ignore[no-untyped-def]
    """SQLite only: these probe what the policy reads and the relay shows, not the database."""
    return sqlite_engine


@pytest.mark.parametrize(("first", "second", "detail"), [
    ("my number is 555 201", "3344", "3344"),
    ("text me 555-201", "3344 after 6", "3344"),
    ("my email is ana.r2009", "@gmail.com", "gmail"),
    ("i live at 41", "Elm Street", "Elm Street"),
])
async def test_the_second_half_of_a_split_contact_detail_is_stopped(  # type: ignore[no-untyped-def]
        make_harness, real_policy, first, second, detail) -> None:
    h = await make_harness(policy=real_policy)
    await h.say("ana", "dana-ana-student", first)
    await h.say("ana", "dana-ana-student", second)
    await h.app.delivery.run_once()
    seen = h.seen_in("dana-ana-mentor")
    assert not any(detail in text for text in seen), seen


async def test_ordinary_numbers_in_a_row_still_pass(make_harness, real_policy) -> None:  # type: ignore[no-untyped-def]
    h = await make_harness(policy=real_policy)
    for text in ("I scored 98 on the quiz", "and 100 on the lab report", "we meet in room 204",
                 "at 3:30 on 10/14"):
        await h.say("ana", "dana-ana-student", text)
    assert h.seen_in("dana-ana-mentor") == ["I scored 98 on the quiz", "and 100 on the lab report",
                                            "we meet in room 204", "at 3:30 on 10/14"]


async def test_halves_hours_apart_are_judged_alone(make_harness, real_policy, clock) -> None:  # type: ignore[no-untyped-def]
    h = await make_harness(policy=real_policy)
    await h.say("ana", "dana-ana-student", "my locker is 555 201")
    clock.advance(hours=3)
    await h.say("ana", "dana-ana-student", "3344 points in the game")
    assert "3344 points in the game" in h.seen_in("dana-ana-mentor")


@pytest.mark.parametrize("handle", ["ana_r2009", "ana.rivera"])
async def test_a_handle_split_from_its_platform_name(make_harness, real_policy, handle) -> None:  # type: ignore[no-untyped-def]
    h = await make_harness(policy=real_policy)
    await h.say("ana", "dana-ana-student", "ok add me on snap")
    await h.say("ana", "dana-ana-student", handle)
    assert not any(handle in text for text in h.seen_in("dana-ana-mentor"))


async def test_a_handle_shaped_word_after_ordinary_chat_is_relayed(make_harness, real_policy) -> None:  # type: ignore[no-untyped-def]
    h = await make_harness(policy=real_policy)
    await h.say("ana", "dana-ana-student", "which file should i open for the lab?")
    await h.say("ana", "dana-ana-student", "lab_03.py")
    await h.say("ana", "dana-ana-student", "what do u play these days")
    await h.say("ana", "dana-ana-student", "fortnite_ch5")
    seen = h.seen_in("dana-ana-mentor")
    assert any("lab_03.py" in text for text in seen) and any("fortnite_ch5" in text for text in seen)
