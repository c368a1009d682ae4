"""What an operator's probes and Prometheus see on the desk's server: /healthz, /readyz, /metrics.

The real app over the console adapter (SQLite and PostgreSQL), the real desk app over ASGI. The
PostgreSQL outage test stops a throwaway server of its own and starts it again.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import create_engine, text
from sqlmodel import Session

from bot.ops import Ops
from bot.web.app import create_web_app
from storage import outbox


def client_for(app) -> httpx.AsyncClient:  # type: ignore[no-untyped-def]
    """The desk of one replica, with its operators' endpoints, as an HTTP client sees it."""
    app.core.settings.web_secret_key = app.core.settings.web_secret_key or "test-desk-key-" + "k" * 32
    ops = Ops(readiness=app.readiness, metrics=app.metrics, metrics_token="s3cret")
    desk = create_web_app(app.core, ops=ops)
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=desk), base_url="http://replica")


def sample(body: str, name: str, **labels: str) -> float | None:
    """One sample's value from a Prometheus text exposition (labels in any order)."""
    from prometheus_client.parser import text_string_to_metric_families

    for family in text_string_to_metric_families(body):
        for found in family.samples:
            if found.name == name and found.labels == labels:
                return found.value
    return None


async def test_metrics_count_decisions_and_show_what_waits_for_coordinators(make_harness, engine) -> None:
    h = await make_harness()
    await h.say("dana", "dana-ana-mentor", "Hi Ana! How was the robotics meet?")
    await h.say("ana", "dana-ana-student", "it went well, see you thursday")
    await h.say("ana", "dana-ana-student", "text me 555-123-4567")  # blocked
    await h.say("ana", "dana-ana-student", "can we keep this our secret?")  # held for the coordinator
    h.clock.advance(minutes=30)
    async with client_for(h.app) as desk:
        assert (await desk.get("/metrics")).status_code == 401  # METRICS_TOKEN asked for
        answer = await desk.get("/metrics", headers={"Authorization": "Bearer s3cret"})
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/plain")
    body = answer.text
    assert sample(body, "mentorbot_messages_total", decision="allow") == 2
    assert sample(body, "mentorbot_messages_total", decision="block") == 1
    assert sample(body, "mentorbot_messages_total", decision="hold") == 1
    assert sample(body, "mentorbot_holds_waiting", program="riverside-ptech") == 1
    assert sample(body, "mentorbot_holds_oldest_seconds", program="riverside-ptech") == pytest.approx(1800)
    assert sample(body, "mentorbot_deliveries_total", platform="console", kind="relay", outcome="sent") == 2
    assert sample(body, "mentorbot_delivery_latency_seconds_count", platform="console") >= 2
    assert sample(body, "mentorbot_database_up") == 1
    assert "process_resident_memory_bytes" in body  # this replica's own process


async def test_readyz_fails_on_an_overdue_outbox_and_while_shutting_down(make_harness, engine) -> None:
    h = await make_harness()
    async with client_for(h.app) as desk:
        assert (await desk.get("/healthz")).text == "ok\n"
        ready = await desk.get("/readyz")
        assert ready.status_code == 200 and ready.json()["checks"]["database"] == "ok"
        with Session(engine) as session:  # a copy nobody sent for 20 minutes (every worker dead)
            session.add(outbox.system_post(program_id="riverside-ptech", text="hello", key="stuck",
                                           channel=h.console.ref("dana-ana-mentor"),
                                           now=h.clock() - timedelta(minutes=20)))
            session.commit()
        stuck = await desk.get("/readyz")
        assert stuck.status_code == 503 and "console row overdue 1200s" in stuck.json()["checks"]["outbox"]
        body = (await desk.get("/metrics", headers={"Authorization": "Bearer s3cret"})).text
        assert sample(body, "mentorbot_outbox_oldest_due_seconds", platform="console") == 1200
        assert sample(body, "mentorbot_outbox_rows", platform="console", state="pending") == 1
        await h.app.delivery.run_once()
        assert (await desk.get("/readyz")).status_code == 200  # sent: caught up again
        h.app.readiness.stopping = True  # what SIGTERM does first
        leaving = await desk.get("/readyz")
        assert leaving.status_code == 503 and leaving.json()["checks"]["process"] == "shutting down"


@pytest.mark.postgres
async def test_readyz_turns_unready_when_postgresql_goes_away_and_ready_again_after() -> None:
    from bot.app import build_app
    from bot.settings import Settings
    from storage.db import make_engine, upgrade
    from support.pg import find_pg_bin, start_cluster

    if find_pg_bin() is None:
        pytest.skip("PostgreSQL binaries not installed here (apt-get install postgresql); CI runs this")
    cluster = start_cluster()  # its own server: this test stops it
    try:
        admin = create_engine(cluster.admin_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text("CREATE DATABASE outage"))
        admin.dispose()
        engine = make_engine(cluster.url("outage"))
        upgrade(engine)
        settings = Settings(_env_file=None, database_url=cluster.url("outage"), web_secret_key="k" * 40)
        app = build_app(settings, adapters={}, engine=engine)
        async with client_for(app) as desk:
            assert (await desk.get("/readyz")).status_code == 200
            await asyncio.to_thread(cluster.pause)
            gone = await desk.get("/readyz")
            assert gone.status_code == 503 and gone.json()["checks"]["database"].startswith("unreachable")
            assert (await desk.get("/healthz")).status_code == 200  # alive: do not restart it for this
            metrics = (await desk.get("/metrics", headers={"Authorization": "Bearer s3cret"})).text
            assert sample(metrics, "mentorbot_database_up") == 0
            await asyncio.to_thread(cluster.resume)
            answers: list[int] = []

            async def ready_again() -> bool:
                answers.append((await desk.get("/readyz")).status_code)
                return answers[-1] == 200

            for _ in range(100):  # bounded: the pool reconnects on the next check
                if await ready_again():
                    break
                await asyncio.sleep(0.2)
            assert answers[-1] == 200, answers
        engine.dispose()
    finally:
        cluster.stop()


def test_a_desk_on_postgresql_without_a_shared_secret_key_refuses_to_start() -> None:
    from bot.settings import Settings
    from bot.web.auth import DeskSetupError, secret_key

    with pytest.raises(DeskSetupError, match="WEB_SECRET_KEY"):
        secret_key(Settings(_env_file=None, database_url="postgresql://db.invalid/mentorbot"))




async def test_the_desk_alone_checks_its_database_and_shows_what_waits(
    sqlite_engine, tmp_path, monkeypatch
) -> None:
    """`mentorbot web` (the desk without the bot): its /readyz must check the database, or a load
    balancer keeps sending coordinators to a desk that cannot read; /metrics has the gauges."""
    from bot.cli import runtime
    from bot.cli.web_cmd import desk_app

    monkeypatch.setenv("DATA_DIR", str(tmp_path))
    monkeypatch.setenv("WEB_SECRET_KEY", "test-desk-key-" + "k" * 32)
    runtime.settings.cache_clear()
    try:
        desk = desk_app(sqlite_engine)
    finally:
        runtime.settings.cache_clear()
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=desk), base_url="http://desk") as client:
        ready = await client.get("/readyz")
        scraped = await client.get("/metrics")
    assert ready.status_code == 200 and ready.json()["checks"]["database"] == "ok"
    assert "outbox" not in ready.json()["checks"]  # the bot's processes drain it, not the desk
    assert scraped.status_code == 200 and sample(scraped.text, "mentorbot_database_up") == 1
