"""Hostile text through the whole pipeline, on SQLite and PostgreSQL: nothing lost, nothing crashes.

The 515 strings of the Big List of Naughty Strings (read in place from the workplace's
shared/data/blns.json) plus what it cannot express — NUL, CR, LF, lone surrogates (JSON can carry
``\\ud800``), the storage escape character itself and a 100 KB line — are sent by a mentor in
Slack (HTTP mode, signed requests, the real slack-bolt) to a student channel in Discord (the real
discord.py), with the shipped policy. The extras also go the other way. Every one must be answered
200, logged exactly, chained, relayed as the platform can show it when allowed, and come back
exactly from the transcript's JSON export.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from pathlib import Path

import aiohttp
import pytest
from rworld import PROGRAM, MatchSpec, Side, World, make_world
from sqlalchemy import Engine, text
from sqlmodel import Session, select

from adapters.discord import DiscordAdapter
from adapters.discord.marks import without_mark
from adapters.slack import SlackAdapter, WorkspaceConfig
from adapters.slack.convert import plain_to_slack, slack_to_plain
from bot.app import MentorBot, build_app
from bot.ports import PlatformLimits
from bot.relay.shown_text import as_relayed
from bot.settings import Settings
from bot.transcript import describe, read_transcript, to_csv, to_json
from bot.web import exports
from fakes.discord_server import FakeDiscord
from fakes.slack_server import FakeSlack, encode_body, message_event, signed_headers
from storage.chain import verify
from storage.clock import utcnow
from storage.encryption import keyring_of
from storage.models import Delivery, MessageLog
from storage.safe_text import without_lone_surrogates
from support.roster_helpers import import_roster
from support.shared_data import shared_data_file

NO_TEXT = "*(message without text)*"
LONG_LINE = "é漢x" * 34_134  # 102,402 characters (≈ 200 KB of UTF-8), no spaces to split at
EXTRAS = [
    "\x00", "a\x00b", "\r", "\n", "\r\n", "line one\nline two\r\nline three\r",
    "x\ud800y", "\udfff", "\ud83d", "end \ud800", "\udc00\ud800", "\ufdd0", "\ufdd00041", "\ufdd0FDD0",
    LONG_LINE,
]
MATCHES = 4  # the strings are spread over four cross-platform matches, delivered side by side


@dataclass
class Pipeline:
    app: MentorBot
    discord: FakeDiscord
    slack: FakeSlack
    slack_adapter: SlackAdapter
    world: World

    async def drain(self, timeout: float = 60) -> None:
        """Deliver everything queued (bounded); no row may stay pending."""
        deadline = time.monotonic() + timeout
        while True:
            await self.app.delivery.run_once()
            with Session(self.app.engine) as session:
                busy = Delivery.state.in_(["pending", "sending"])  # type: ignore[attr-defined]
                left = session.exec(select(Delivery.id).where(busy)).all()
            if not left:
                return
            assert time.monotonic() < deadline, f"{len(left)} deliveries still pending"
            await asyncio.sleep(0.02)


def naughty_strings() -> list[str]:
    strings = json.loads(shared_data_file("blns.json").read_text(encoding="utf-8"))
    assert len(strings) == 515
    return strings + EXTRAS


@pytest.fixture
async def pipeline(engine: Engine, fake_discord: FakeDiscord, permissive_policy: Path,
                   tmp_path: Path) -> AsyncIterator[Pipeline]:
    world = make_world(fake_discord, cross=MATCHES)
    roster = tmp_path / "program.yml"
    roster.write_text(world.roster(permissive_policy))
    import_roster(engine, roster)
    async with FakeSlack(workspaces=[world.slack]) as fake_slack:
        slack = SlackAdapter(workspaces=[WorkspaceConfig(bot_token=world.slack.bot_token,
                                                         signing_secret=world.slack.signing_secret)],
                             mode="http", api_url=fake_slack.base_url, http_port=0)
        discord = DiscordAdapter(token=fake_discord.token, api_base=fake_discord.api_base,
                                 gateway_url=fake_discord.gateway_url, guild_ready_timeout=0.05)
        for adapter in (slack, discord):  # the fakes take any pace; the published limits would take a minute
            adapter.facts = replace(adapter.facts, limits=PlatformLimits())  # type: ignore[misc]
        app = build_app(Settings(_env_file=None), adapters={"slack": slack, "discord": discord},
                        engine=engine, clock=utcnow)
        await slack.start(app.core)
        await discord.start(app.core)
        try:
            yield Pipeline(app, fake_discord, fake_slack, slack, world)
            assert discord.is_running, discord.fatal_error
        finally:
            await discord.stop()
            await slack.stop()


async def post_all(pipeline: Pipeline, by_match: list[list[str]]) -> list[int]:
    """Each match's mentor posts its strings in order; the matches post side by side."""
    corp = pipeline.world.slack
    url = f"{pipeline.slack_adapter.http_url}{pipeline.slack_adapter.http_path(corp.team_id)}"
    statuses: list[int] = []

    async def one_channel(http: aiohttp.ClientSession, mentor: Side, strings: list[str]) -> None:
        for s in strings:  # what Slack sends: & < > escaped in the text, JSON \u escapes for the rest
            body, ctype = encode_body(message_event(corp, mentor.channel, mentor.user, plain_to_slack(s)))
            headers = signed_headers(corp.signing_secret, body, content_type=ctype)
            async with http.post(url, data=body, headers=headers) as response:
                statuses.append(response.status)

    async with aiohttp.ClientSession() as http:
        await asyncio.gather(*(one_channel(http, match.mentor, strings)
                               for match, strings in zip(pipeline.world.matches, by_match, strict=True)))
    return statuses


def _logged(engine: Engine, match: MatchSpec, side: Side) -> list[MessageLog]:
    with Session(engine) as session:
        rows = session.exec(select(MessageLog).where(MessageLog.channel == side.channel,
                                                     MessageLog.kind == "message"))
        return sorted(rows, key=lambda row: (len(row.platform_message_id), row.platform_message_id))


def _shown_on_discord(t: str) -> str:
    shown = without_lone_surrogates(as_relayed(t))  # copies carry no bidi controls (bot.relay.shown_text)
    return shown if shown.strip() else NO_TEXT


async def test_every_naughty_string_is_logged_exactly_relayed_and_exported(pipeline: Pipeline) -> None:
    strings = naughty_strings()
    by_match = [strings[n::MATCHES] for n in range(MATCHES)]
    statuses = await post_all(pipeline, by_match)
    assert statuses == [200] * len(strings)  # no 500: every event was recorded before the answer

    first = pipeline.world.matches[0]
    for s in EXTRAS:  # and the other way, from Discord to Slack
        await pipeline.discord.user_says(first.student.channel, first.student.user, s)
    deadline = time.monotonic() + 30
    while len(_logged(pipeline.app.engine, first, first.student)) < len(EXTRAS):
        assert time.monotonic() < deadline, "the Discord messages were not all logged"
        await asyncio.sleep(0.05)
    await pipeline.drain()

    engine = pipeline.app.engine
    for match, sent in zip(pipeline.world.matches, by_match, strict=True):
        # byte-exact, in order, once the storage escaping is undone
        assert [row.text for row in _logged(engine, match, match.mentor)] == sent
    from_discord = _logged(engine, first, first.student)
    assert [row.text for row in from_discord] == EXTRAS
    with Session(engine) as session:
        assert verify(session, PROGRAM) == []
        everything = list(session.exec(select(MessageLog).where(MessageLog.kind == "message")))
        nul = next(row for row in everything if row.text == "a\x00b")  # sealed at rest: found in Python
        raw = text("SELECT text FROM message_log WHERE id = :id")
        stored = session.execute(raw, {"id": nul.id}).scalar_one()
    # the documented escaping (storage/safe_text.py), sealed at rest (storage/encryption.py)
    assert stored.startswith("e1.") and keyring_of(engine).open(stored) == "a\ufdd00000b"

    _assert_relayed(pipeline, everything)
    _assert_exported(engine, first.key, sorted(by_match[0] + EXTRAS))


def _assert_relayed(pipeline: Pipeline, rows: list[MessageLog]) -> None:
    with Session(pipeline.app.engine) as session:
        relays = {d.message_id: d for d in session.exec(select(Delivery).where(Delivery.kind == "relay"))}
    allowed = [row for row in rows if row.decision == "allow"]
    assert len(allowed) > 400, "the permissive policy should let most of the list through"
    discord_posts = {m["id"]: m for ch in pipeline.discord.messages.values() for m in ch}
    slack_posts = {m["ts"]: m for (_, _), msgs in pipeline.slack.messages.items() for m in msgs}
    for row in allowed:
        copy = relays[row.id]
        assert copy.state == "sent", (row.text[:80], copy.last_error)
        if row.platform == "slack":
            parts = [without_mark(discord_posts[i]["content"]) for i in copy.platform_message_id.split(",")]
            assert "".join(parts) == _shown_on_discord(row.text), row.text[:80]
        else:
            posted = slack_posts[copy.platform_message_id]["text"]
            assert slack_to_plain(posted) == without_lone_surrogates(as_relayed(row.text)), row.text[:80]


def _assert_exported(engine: Engine, match_key: str, strings: list[str]) -> None:
    match, lines = read_transcript(engine, match_key, actor="test", clock=utcnow)
    assert sorted(line.text for line in lines) == strings
    assert sorted(m["text"] for m in json.loads(to_json(match, lines))["messages"]) == strings  # exact
    for rendered in (to_csv(lines), "\n".join(describe(line) for line in lines)):
        rendered.encode("utf-8")  # a terminal, a file or a spreadsheet can take it
        assert "⟦U+D800⟧" in rendered and "⟦U+0000⟧" in rendered
    meta = exports.ExportMeta(PROGRAM, "Reliable High", f"match {match_key}", "all", "now", "test",
                              len(lines), "0" * 64)
    keyed = [(match_key, line) for line in lines]
    exports.to_csv(meta, keyed).encode("utf-8")
    exported = json.loads(exports.to_json(meta, keyed).encode("utf-8"))
    assert sorted(m["text"] for m in exported["messages"]) == strings
    from bot.web import pdf

    assert pdf.render(meta, [k for k in keyed if k[1].text in EXTRAS[:-1]]).startswith(b"%PDF")
