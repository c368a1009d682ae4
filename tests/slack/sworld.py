"""Shared helpers for the Slack tests: two fake workspaces and a first-class fake core."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine, func
from sqlmodel import Session, select

from adapters.slack import SlackAdapter, WorkspaceConfig
from bot.app import MentorBot
from fakes.slack_server import FakeSlack, Workspace, message_event
from support.waiting import until

SCHOOL, CORP = "TSCHOOL", "TCORP"


def make_workspaces() -> list[Workspace]:
    school, corp = (
        Workspace.make(SCHOOL, name="Lincoln P-TECH"),
        Workspace.make(CORP, name="Acme Engineering"),
    )
    school.add_user("USTUDENT1", "Riley S.")
    school.add_user("USTUDENT2", "Sam T.")
    school.add_user("UCOORD1", "P. Lee")
    school.add_user("UOTHERBOT", "Reminders", is_bot=True)
    corp.add_user("UMENTOR1", "Morgan Diaz", avatar="https://avatars.invalid/morgan.png")
    school.add_channel("CSTUDENTS", "match-7-students", members=["USTUDENT1", "USTUDENT2", "UOTHERBOT"])
    school.add_channel("CREVIEW", "mentorbot-review", members=["UCOORD1"], private=True)
    corp.add_channel("CMENTORS", "mentoring-lincoln", members=["UMENTOR1"], private=True)
    return [school, corp]


def socket_adapter_for(fake: FakeSlack, **kwargs) -> SlackAdapter:
    return SlackAdapter(
        workspaces=[
            WorkspaceConfig(bot_token=w.bot_token, app_token=w.app_token) for w in fake.workspaces.values()
        ],
        mode="socket",
        api_url=fake.base_url,
        ping_interval=kwargs.pop("ping_interval", 0.2),
        connect_timeout=5,
        **kwargs,
    )


@dataclass
class World:
    app: MentorBot
    slack: FakeSlack
    adapter: SlackAdapter
    engine: Engine
    clock: Callable

    def mentor_side(self) -> list[dict]:
        return self.slack.channel_messages(CORP, "CMENTORS")

    def student_side(self) -> list[dict]:
        return self.slack.channel_messages(SCHOOL, "CSTUDENTS")

    def review_cards(self) -> list[dict]:
        return self.slack.channel_messages(SCHOOL, "CREVIEW")

    def notices_for(self, user: str) -> list[str]:
        return [e["text"] for e in self.slack.ephemerals if e["user"] == user]

    async def until(self, check: Callable[[], bool], timeout: float = 5.0) -> None:
        """Let events arrive and the outbox drain until ``check()`` holds (bounded)."""
        await until(check, app=self.app, timeout=timeout)

    async def say(self, team: str, channel: str, user: str, text: str, **kw) -> tuple[str, dict]:
        """Someone writes in Slack; returns (envelope id, the event body). Waits for the ack."""
        body = message_event(self.slack.workspace(team), channel, user, text, **kw)
        eid = await self.slack.push(team, body)
        ack = await self.slack.wait_ack(eid)
        assert ack.elapsed < 3.0  # Slack's deadline
        return eid, body

    def count(self, model, **where) -> int:  # type: ignore[no-untyped-def]
        with Session(self.engine) as session:
            query = select(func.count()).select_from(model)
            for key, value in where.items():
                query = query.where(getattr(model, key) == value)
            return session.exec(query).one()
