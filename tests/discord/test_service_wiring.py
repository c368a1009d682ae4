"""`mentorbot run` as an operator starts it: settings only (tokens and URLs), the roster file,
every adapter built by the registry, the worker, the scheduler and the desk in one process —
a mentor in (fake) Slack reaches a student in (fake) Discord."""

from __future__ import annotations

import asyncio
import socket
from pathlib import Path

from dworld import make_school

from bot.cli.run_process import run_service
from bot.settings import Settings
from fakes.discord_server import FakeDiscord
from fakes.slack_server import FakeSlack, Workspace, message_event

ROSTER = """
program:
  id: wiring
  name: Wiring Test P-TECH
  timezone: America/New_York
people:
  - {{id: kim, name: P. Kim, role: coordinator,
     accounts: [{{platform: discord, workspace: "{guild}", user: "{kim}"}}]}}
  - {{id: morgan, name: Morgan Diaz, role: mentor, cleared: 2026-08-20,
     accounts: [{{platform: slack, workspace: TCORP, user: UMENTOR1}}]}}
  - {{id: ana, name: Ana R., role: student, grade: 10, consent: 2026-09-08,
     accounts: [{{platform: discord, workspace: "{guild}", user: "{ana}"}}]}}
matches:
  - id: morgan-ana
    model: one-to-one
    status: active
    coordinator: kim
    mentors: [morgan]
    students: [ana]
    channels:
      - {{side: mentor, platform: slack, workspace: TCORP, channel: CMENTORS}}
      - {{side: student, platform: discord, workspace: "{guild}", channel: "{students}"}}
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def test_mentorbot_run_wires_every_part_from_settings(fake_discord: FakeDiscord, tmp_path: Path):
    school = make_school(fake_discord)
    corp = Workspace.make("TCORP", name="Acme Engineering")
    corp.add_user("UMENTOR1", "Morgan Diaz")
    corp.add_channel("CMENTORS", "mentoring", members=["UMENTOR1"], private=True)
    roster = tmp_path / "program.yml"
    roster.write_text(ROSTER.format(guild=school.guild, kim=school.kim, ana=school.ana,
                                    students=school.students))
    async with FakeSlack(workspaces=[corp]) as fake_slack:
        settings = Settings(
            _env_file=None, data_dir=tmp_path / "var", program_file=roster,
            slack_bot_token=corp.bot_token, slack_app_token=corp.app_token,
            slack_api_url=fake_slack.base_url, discord_token=fake_discord.token,
            discord_api_base=fake_discord.api_base, discord_gateway_url=fake_discord.gateway_url,
            web_port=free_port(), delivery_poll_seconds=0.05,
        )
        stop = asyncio.Event()
        service = asyncio.create_task(run_service(settings, stop=stop))
        try:
            await asyncio.wait_for(fake_slack.wait_connected("TCORP"), 15)
            await fake_slack.push("TCORP", message_event(corp, "CMENTORS", "UMENTOR1",
                                                         "Hi Ana, welcome to mentoring!"))
            for _ in range(300):  # bounded: 15 s
                if any("welcome to mentoring" in t for t in fake_discord.texts(school.students)):
                    break
                assert not service.done(), service.exception()
                await asyncio.sleep(0.05)
            assert any("Hi Ana, welcome to mentoring!" in t for t in fake_discord.texts(school.students))
        finally:
            stop.set()
            await asyncio.wait_for(service, 20)
    assert (tmp_path / "var" / "mentorbot.db").exists()  # the embedded SQLite default
