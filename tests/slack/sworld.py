"""Shared helpers for the Slack tests: two fake workspaces and a first-class fake core."""

from __future__ import annotations

from adapters.slack import SlackAdapter, WorkspaceConfig
from fakes.slack_server import FakeSlack, Workspace

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
