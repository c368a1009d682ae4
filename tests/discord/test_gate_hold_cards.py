"""Review cards in Discord offer only the decisions the core allows (issue 12 leftovers).

A gate hold's card has Reject only and a field saying why Approve is missing; when the gate
clears, the card is edited in place with the buttons that now work. Real discord.py against
tests/fakes/discord_server.py, the world of test_end_to_end.py (a student in Discord, the mentor
in Slack, one core).
"""

from __future__ import annotations

from discord_world import World


def decisions(message: dict) -> list[str]:
    rows = message["components"] or []
    return [c["custom_id"].rsplit(":", 1)[1] for row in rows for c in row["components"]]


def card_about(w: World, text: str) -> dict:
    return next(m for m in w.discord.messages[w.school.review]
                if m["embeds"] and text in m["embeds"][0].get("description", ""))


def why_field(message: dict) -> str:
    return next((f["value"] for f in message["embeds"][0].get("fields", [])
                 if f["name"] == "Why there is no Approve"), "")


async def test_a_gate_hold_card_has_reject_only_and_changes_in_place_when_the_gate_clears(
        world: World) -> None:
    d, s = world.discord, world.school
    await world.app.core.set_paused("morgan-ana", paused=True, program_id="lincoln-ptech", actor="kim")
    await d.user_says(s.students, s.ana, "can you keep this a secret?")
    await world.until(lambda: any("keep this a secret" in m["embeds"][0].get("description", "")
                                  for m in d.messages[s.review] if m["embeds"]))
    card = card_about(world, "keep this a secret")
    assert decisions(card) == ["reject"]
    assert "Held because the match is paused (match.paused)" in why_field(card)
    assert "override on the desk with a reason" in why_field(card)

    await world.app.core.set_paused("morgan-ana", paused=False, program_id="lincoln-ptech", actor="kim")
    await world.until(lambda: decisions(card_about(world, "keep this a secret"))
                      == ["approve", "approve_redacted", "reject"])
    updated = card_about(world, "keep this a secret")
    assert updated["id"] == card["id"] and why_field(updated) == ""
    approve = next(c["custom_id"] for c in updated["components"][0]["components"]
                   if c["custom_id"].endswith(":approve"))
    await d.click_button(s.review, updated["id"], approve, s.kim)  # the new button works
    await world.until(lambda: "can you keep this a secret?" in world.slack_texts()
                      and not card_about(world, "keep this a secret")["components"])


async def test_a_stranger_in_the_channel_gets_a_card_without_approve(world: World) -> None:
    d, s = world.discord, world.school
    await d.user_says(world.ben_channel, s.ana, "hi Ben's group")  # Ana is not in lee-ben
    await world.until(lambda: any("hi Ben's group" in m["embeds"][0].get("description", "")
                                  for m in d.messages[s.review] if m["embeds"] and m["components"]))
    card = card_about(world, "hi Ben's group")
    assert decisions(card) == ["reject"]
    assert "(match.stranger)" in why_field(card)
