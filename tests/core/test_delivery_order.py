"""Per-channel order when replicas record one channel's messages: Slack spreads a channel's events
over the replicas' connections, so the earlier of two messages can be recorded a moment after the
later one (its replica was slow). Copies go out in the order the messages were written, and
``DELIVERY_ORDER_WINDOW_SECONDS`` holds each copy long enough for such a late one to be there.
On SQLite and PostgreSQL, through the real relay and worker with the console adapter.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import Engine

from adapters.console import ConsoleAdapter
from bot.app import MentorBot, build_app
from bot.messages import Inbound, InboundKind
from bot.relay.policy_cache import PolicyBook
from bot.settings import Settings
from support.fake_policy import FakePolicy
from support.roster_helpers import import_roster


async def replica(engine: Engine, clock, sample_roster_path,  # type: ignore[no-untyped-def]
                  window: float) -> tuple[MentorBot, ConsoleAdapter]:
    import_roster(engine, sample_roster_path)
    console = ConsoleAdapter(workspace="demo", clock=clock)
    app = build_app(Settings(_env_file=None, delivery_order_window_seconds=window), engine=engine,
                    clock=clock, adapters={"console": console},
                    policies=PolicyBook(loader=lambda _path: FakePolicy()))
    await console.start(app.core)
    return app, console


def written(console: ConsoleAdapter, n: int, text: str, at) -> Inbound:  # type: ignore[no-untyped-def]
    return Inbound(kind=InboundKind.MESSAGE, channel=console.ref("dana-ana-student"), message_id=f"m{n}",
                   event_key=f"ev{n}", author_id="ana", text=text, sent_at=at)


async def record_late(app: MentorBot, console: ConsoleAdapter, clock) -> None:  # type: ignore[no-untyped-def]
    """Ana writes "first" then "second" a second apart; "second" is recorded first (another replica)."""
    wrote = clock()
    clock.advance(seconds=1.2)
    app.core.relay.record(written(console, 2, "second", wrote + timedelta(seconds=1)))
    await app.delivery.run_once()
    clock.advance(seconds=0.5)
    app.core.relay.record(written(console, 1, "first", wrote))  # its replica was slow
    clock.advance(seconds=3)
    await app.delivery.run_once()


def copies(console: ConsoleAdapter) -> list[str]:
    return [post.text for post in console.visible("dana-ana-mentor") if post.by_bot]


async def test_a_message_recorded_a_moment_late_still_goes_out_first(engine, clock, sample_roster_path):
    app, console = await replica(engine, clock, sample_roster_path, window=3)
    await record_late(app, console, clock)
    assert copies(console) == ["first", "second"]


async def test_without_the_window_the_late_one_comes_second(engine, clock, sample_roster_path):
    app, console = await replica(engine, clock, sample_roster_path, window=0)  # one process needs none
    await record_late(app, console, clock)
    assert copies(console) == ["second", "first"]  # what the window is for
