"""The world of the simulated program year: students in the school's Discord, mentors in a company's
Slack, the real discord.py and slack-bolt clients against the fakes on 127.0.0.1, one core on
SQLite with a clock the test moves through the school year, and the coordinator's desk over HTTP.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import httpx

from bot.app import MentorBot
from bot.web import create_web_app
from bot.web.auth import create_invite
from fakes.discord_model import DISCORD_EPOCH_MS, VIEW_CHANNEL, snowflake_time
from fakes.discord_server import FakeDiscord
from fakes.slack_server import FakeSlack, Workspace, message_event, slash_command
from fakes.slack_views import view_submission
from support.prompt_helpers import NY
from support.waiting import until

CORP = "TCORP"
ORDINALS = ("1st", "2nd", "3rd")
PROGRAM = "lincoln-ptech"
ROSTER = """
program:
  id: lincoln-ptech
  name: Lincoln P-TECH Career Mentoring
  timezone: America/New_York
  review_channel: {{platform: discord, workspace: "{guild}", channel: "{review}"}}
  choosing:
    max_choices: 3
    models: [one-to-one]
    channels:
      - {{side: student, platform: discord, workspace: "{guild}", channel: "{choosing}"}}
      - {{side: mentor, platform: slack, workspace: {corp}, channel: CLOBBY}}
  commitment: {{months: 12, renewal_notice_days: 45}}
people:
  - id: kim
    name: P. Kim
    role: coordinator
    accounts:
      - {{platform: discord, workspace: "{guild}", user: "{kim}"}}
      - {{platform: slack, workspace: {corp}, user: UKIM}}
  - id: morgan
    name: Morgan Diaz
    role: mentor
    employer: Example Power & Light
    cleared: 2026-08-20
    accounts: [{{platform: slack, workspace: {corp}, user: UMENTOR1}}]
    profile: {{bio: "I keep the city's power grid running. Ask me about circuits and storms.",
              title: Grid engineer, interests: [energy, engineering], capacity: 1, models: [one-to-one]}}
  - id: lee
    name: Morgan Lee
    role: mentor
    employer: Example Software Co.
    cleared: 2026-08-20
    accounts: [{{platform: discord, workspace: "{guild}", user: "{lee}"}}]
    profile: {{bio: "I build apps for hospitals and schools.", title: Software developer,
              interests: [software, design], capacity: 1, models: [one-to-one]}}
  - id: priya
    name: Priya Shah
    role: mentor
    employer: Example Software Co.
    cleared: 2026-08-20
    accounts: [{{platform: slack, workspace: {corp}, user: UMENTOR2}}]
    profile: {{bio: "I test software and love puzzles.", title: Quality engineer,
              interests: [software], capacity: 1, models: [one-to-one]}}
  - id: ana
    name: Ana R.
    role: student
    grade: 10
    accounts: [{{platform: discord, workspace: "{guild}", user: "{ana}"}}]
    profile: {{bio: "I like robots and want to be an engineer.", interests: [energy, engineering]}}
  - id: ben
    name: Ben T.
    role: student
    grade: 10
    accounts: [{{platform: discord, workspace: "{guild}", user: "{ben}"}}]
    profile: {{bio: "I make games in my free time.", interests: [software]}}
"""
SKIPS = {
    date(2026, 11, 23): "Thanksgiving break",
    date(2026, 12, 21): "Winter recess",
    date(2026, 12, 28): "Winter recess",
    date(2027, 4, 19): "Spring recess",
}
TOPICS = [
    "Careers in energy",
    "Teamwork on a project",
    "Résumés and first impressions",
    "Prototyping",
    "Presenting your work",
    "Data and decisions",
]


def school_weeks() -> list[date]:
    """Every Monday from the first full week of the term to the last."""
    first, last = date(2026, 9, 14), date(2027, 6, 21)
    return [first + timedelta(days=7 * i) for i in range((last - first).days // 7 + 1)]


def write_calendar(path: Path) -> list[date]:
    """A teacher's topic calendar for the year: a reflection question every fourth week; the weeks asked."""
    asked = []
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["week", "course", "topic", "skill", "prompt", "reflection", "skip"])
        for i, week in enumerate(school_weeks()):
            if week in SKIPS:
                out.writerow([week, "", "", "", "", "", SKIPS[week]])
                continue
            reflect = (
                f"What did you learn about {TOPICS[i % 6].lower()} from {{mentor}}?" if i % 4 == 0 else ""
            )
            if reflect:
                asked.append(week)
            out.writerow(
                [
                    week,
                    "All courses",
                    TOPICS[i % 6],
                    "communication",
                    f"{{students}}, share one thing about {TOPICS[i % 6].lower()} from class. "
                    "{mentor}, how does it show up at work?",
                    reflect,
                    "",
                ]
            )
    return asked


def ny(day: date, at: time) -> datetime:
    return datetime.combine(day, at, tzinfo=NY).astimezone(UTC)


@dataclass
class School:
    """The school's Discord guild: the students' channels, the mentor-side channel, the review channel."""

    guild: str
    students: str
    mentors: str
    review: str
    ben_channel: str
    choosing: str
    kim: str
    ana: str
    ben: str
    lee: str

    def ids(self) -> dict[str, str]:
        return {k: getattr(self, k) for k in ("guild", "review", "choosing", "kim", "lee", "ana", "ben")}


def make_school(fake: FakeDiscord) -> School:
    """Each match's channel is readable by its own members and the coordinators only."""
    g = fake.add_guild("Lincoln P-TECH")
    coord, students, mentors = (fake.add_role(g, name) for name in ("Coordinator", "Students", "Mentors"))
    kim = fake.add_member(g, "P. Kim", roles=[coord])
    ana, ben = fake.add_member(g, "Ana R.", roles=[students]), fake.add_member(g, "Ben T.", roles=[students])
    lee = fake.add_member(g, "Morgan Lee", roles=[mentors])
    hide = fake.overwrite(g, deny=VIEW_CHANNEL)

    def channel(name: str, *members: str) -> str:
        allowed = [fake.overwrite(m, member=True, allow=VIEW_CHANNEL) for m in members]
        return fake.add_channel(
            g, name, overwrites=[hide, fake.overwrite(coord, allow=VIEW_CHANNEL), *allowed]
        )

    return School(
        g,
        channel("match-7-students", ana),
        channel("match-7-mentors", lee),
        channel("mentorbot-review"),
        channel("match-8-students", ben),
        channel("choosing", ana, ben),
        kim,
        ana,
        ben,
        lee,
    )


@dataclass
class YearWorld:
    app: MentorBot
    discord: FakeDiscord
    slack: FakeSlack
    school: School
    corp: Workspace
    clock: Any
    desk: httpx.AsyncClient | None = None
    log: list[str] = field(default_factory=list)

    @property
    def core(self):  # type: ignore[no-untyped-def]
        return self.app.core

    async def until(self, check: Callable[[], bool], timeout: float = 5.0) -> None:
        await until(check, app=self.app, timeout=timeout)

    # -- what the people do, on their own platform, at the simulated time --------------------------

    async def student_says(
        self, channel: str, user: str, text: str, seen: Callable[[], bool] | None = None
    ) -> dict[str, Any]:
        """A student writes in the school's Discord at the simulated time (Discord's message id is a
        snowflake of the moment it was sent, and discord.py dates the message from it); then waits
        until ``seen`` holds (the copy reached the other side, say)."""
        d = self.discord
        msg = d.make_message(channel, d.user_payload(user), text)
        self.log.append(text)
        ms = int(self.clock().timestamp() * 1000) - DISCORD_EPOCH_MS
        msg["id"] = str((ms << 22) | len(self.log))
        msg["timestamp"] = snowflake_time(msg["id"]).isoformat()
        d.add_message(msg)
        await d.dispatch("MESSAGE_CREATE", d.with_member(msg, user))
        if seen is not None:
            await self.until(seen)
        return msg

    async def mentor_says(self, channel: str, user: str, text: str) -> None:
        stamp = f"{self.clock().timestamp():.0f}.{len(self.log):06d}"
        self.log.append(text)
        eid = await self.slack.push(CORP, message_event(self.corp, channel, user, text, ts=stamp))
        await self.slack.wait_ack(eid)

    async def discord_command(self, channel: str, user: str, text: str) -> str:
        """``/mentorbot <text>`` in Discord; returns the private reply the person sees."""
        d = self.discord
        before = len(d.interaction_responses)
        await d.slash(channel, user, "mentorbot", {"command": text})
        await self.until(lambda: any(r["kind"] == "followup" for r in d.interaction_responses[before:]))
        reply = next(r for r in d.interaction_responses[before:] if r["kind"] == "followup")
        assert reply["flags"] & 64  # ephemeral: only the person sees it
        return str(reply["content"])

    async def choose_on_discord(self, channel: str, user: str, mentors: list[str]) -> str:
        """A student runs ``/mentorbot choose`` and picks mentors in the select menus, 1st first;
        returns what the form says after the last pick."""
        d = self.discord
        await d.slash(channel, user, "mentorbot", {"command": "choose"})
        await d.wait_for(lambda: d.ephemeral_for(user))
        form = d.ephemeral_for(user)[-1]
        rows = [row["components"][0] for row in form["components"]]
        for rank, mentor in enumerate(mentors):
            await d.select(form["id"], rows[rank]["custom_id"], [mentor], user)
            await d.wait_for(lambda rank=rank: f"{ORDINALS[rank]}:" in form["content"])  # type: ignore[misc]
        return str(form["content"])

    async def offer_on_slack(self, channel: str, user: str, picks: dict[str, Any]) -> str:
        """A mentor runs ``/mentorbot choose`` in Slack and submits the offer modal; returns the
        private confirmation."""
        slack = self.slack
        await slack.wait_ack(await slack.push(CORP, slash_command(self.corp, channel, user, "choose")))
        view = slack.opened_views(user)[-1]
        await slack.wait_ack(await slack.push(CORP, view_submission(slack, view["id"], picks)))
        await self.until(lambda: any("Saved" in e["text"] for e in slack.ephemerals if e["user"] == user))
        return next(e["text"] for e in reversed(self.slack.ephemerals) if e["user"] == user)

    async def slack_command(self, channel: str, user: str, text: str) -> str:
        ack = await self.slack.wait_ack(
            await self.slack.push(CORP, slash_command(self.corp, channel, user, text))
        )
        assert ack.payload is not None and ack.payload["response_type"] == "ephemeral"
        return str(ack.payload["text"])

    def slack_texts(self, channel: str) -> list[str]:
        return [m.get("text", "") for m in self.slack.channel_messages(CORP, channel)]

    def review_cards(self) -> str:
        return str(self.discord.messages.get(self.school.review, []))

    # -- the coordinator at the desk ----------------------------------------------------------------

    async def sign_in(self) -> None:
        token, _p, _e = create_invite(
            self.app.engine, "kim", program_id=PROGRAM, clock=self.clock, created_by="test"
        )
        self.desk = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=create_web_app(self.core)), base_url="http://desk.test"
        )
        page = await self.desk.get(f"/signin?token={token}")
        await self.desk.post("/signin", data={"token": token, "csrf": _csrf(page.text)})

    async def fetch(self, url: str) -> httpx.Response:
        """A desk page; the coordinator signs in again when the session has ended (weeks pass here)."""
        assert self.desk is not None
        response = await self.desk.get(url)
        if response.status_code == 303 and response.headers["location"] == "/signin":
            await self.sign_in()
            response = await self.desk.get(url)
        return response

    async def at_desk(self, page_url: str, action: str, data: dict[str, str]) -> str:
        """Fill and send a form on a desk page; returns the message the page answers with."""
        page = await self.fetch(page_url)
        assert self.desk is not None
        response = await self.desk.post(action, data={"csrf": _csrf(page.text), **data})
        assert response.status_code == 303, response.text
        await self.app.delivery.run_once()
        return unquote(response.headers["location"].split("done=", 1)[1])

    async def page(self, url: str) -> str:
        response = await self.fetch(url)
        assert response.status_code == 200, response.text
        return response.text


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "page has no CSRF field"
    return found.group(1)
