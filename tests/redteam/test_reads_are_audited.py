"""Every coordinator read of message content is in the audit trail (README: "every read of a
transcript"), whichever surface showed it: the chat command `/mentorbot holds` lists held messages'
text, and so does `mentorbot review list`; the desk's review page already audits `review.view`."""

from __future__ import annotations

import asyncio
import os

from sqlmodel import Session, select

from bot.messages import ChannelRef, CommandRequest
from storage.models import AuditEvent
from support.cli import mentorbot


def _audited(engine, action: str) -> list[AuditEvent]:  # type: ignore[no-untyped-def]
    with Session(engine) as session:
        return list(session.exec(select(AuditEvent).where(AuditEvent.action == action)))


async def test_the_chat_command_holds_is_an_audited_read(make_harness, engine) -> None:  # type: ignore[no-untyped-def]
    h = await make_harness()
    await h.say("ana", "dana-ana-student", "can you keep a secret, Dana?")  # held
    before = len(_audited(engine, "review.view"))
    reply = await h.app.core.run_command(CommandRequest(
        channel=ChannelRef("console", "demo", "coordinators"), user_id="okafor", user_name="okafor",
        text="holds"))
    assert "keep a secret" in str(reply)
    after = _audited(engine, "review.view")
    assert len(after) == before + 1 and after[-1].actor == "okafor"


async def test_the_cli_review_list_is_an_audited_read(make_harness, engine, tmp_path) -> None:  # type: ignore[no-untyped-def]
    h = await make_harness()
    await h.say("ana", "dana-ana-student", "can you keep a secret, Dana?")
    url = engine.url.render_as_string(hide_password=False)
    result = await asyncio.to_thread(mentorbot, "review", env={"DATABASE_URL": url, "DATA_DIR": str(tmp_path),
                                      "ENCRYPTION_KEY_FILE": os.environ["ENCRYPTION_KEY_FILE"]})
    assert result.exit_code == 0, result.output
    assert "keep a secret" in result.output
    assert [e.program_id for e in _audited(engine, "review.view")] == ["riverside-ptech"]
