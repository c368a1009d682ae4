"""The desk in a real browser: Debian's Chromium driven by Playwright against the app served by
uvicorn on 127.0.0.1 inside the test's event loop (the same loop as the core and console adapter).
Takes screenshots of the main pages at a laptop viewport: into the test's temp folder, or into
docs/screenshots/ for the README when MENTORBOT_SCREENSHOTS=1 (`make screenshots`)."""

from __future__ import annotations

import asyncio
import csv
import io
import os
import shutil
import socket
import subprocess
from pathlib import Path

import pypdf
import pytest

from bot.web import serve_web_in_background

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
DOC_SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
VIEWPORT = {"width": 1366, "height": 800}


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's Chromium, installed with apt when missing and we are root (as on CI)."""
    if not Path(CHROMIUM).exists():
        if os.geteuid() != 0 or shutil.which("apt-get") is None:
            pytest.skip("Chromium is missing: apt-get install -y chromium")
        subprocess.run(["apt-get", "install", "-y", "chromium"], check=True, capture_output=True, timeout=600)
    return CHROMIUM


@pytest.fixture
def engine(sqlite_engine):  # type: ignore[no-untyped-def]
    """The browser walk-through runs once, on SQLite (every route is also tested on PostgreSQL)."""
    return sqlite_engine


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def test_a_coordinators_day_in_the_browser(desk, chromium, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # Over 60 lines by design: a coordinator's day in one browser session, page after page.
    from playwright.async_api import async_playwright

    shots = DOC_SHOTS if os.environ.get("MENTORBOT_SCREENSHOTS") == "1" else tmp_path / "screenshots"
    h = desk.h
    await h.say("dana", "dana-ana-mentor", "Hi Ana! How is the robotics project going?")
    edited = await h.say("ana", "dana-ana-student", "The robotics demo is on Tuesday")
    await h.console.edit_own("ana", "dana-ana-student", edited, "The robotics demo moved to Thursday")
    await h.app.delivery.run_once()
    await h.say("raj", "raj-group-mentor", "Team, bring your robotics notebooks")
    await h.say("ben", "raj-group-student", "sometimes I want to hurt myself")
    h.clock.advance(minutes=5)
    await h.say("ana", "dana-ana-student", "Can we keep my robotics idea a secret from class?")
    shots.mkdir(parents=True, exist_ok=True)

    port = _free_port()
    handle = serve_web_in_background(h.app.core, h.app.settings, port=port)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            if handle.server.started:
                break
            await asyncio.sleep(0.02)
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=chromium, args=ARGS)
            context = await browser.new_context(viewport=VIEWPORT, accept_downloads=True)
            page = await context.new_page()

            # sign in with an invite link
            await page.goto(f"{base}/signin?token={desk.invite('okafor')}")
            await page.screenshot(path=shots / "signin.png")
            await page.click("button:has-text('Sign in')")
            await page.wait_for_selector("h1:has-text('at a glance')")
            assert "Grace Okafor" in await page.inner_text("header")
            await page.screenshot(path=shots / "glance.png", full_page=True)

            # approve a hold; the sender is told through the console adapter
            await page.click("nav >> text=Review")
            await page.wait_for_selector("blockquote.held mark")
            assert await page.inner_text("blockquote.held mark") == "secret"
            await page.screenshot(path=shots / "review.png", full_page=True)
            await page.fill("textarea[name=note]", "Good idea - share it with Ms. Reyes too.")
            await page.click("button[value=approve]")
            await page.wait_for_selector(".flash")
            assert "approved" in await page.inner_text(".flash")
            await h.app.delivery.run_once()
            assert h.console.private["ana"][-1].startswith("Your coordinator approved your message")
            assert "Can we keep my robotics idea a secret from class?" in h.seen_in("dana-ana-mentor")

            await page.click("nav >> text=Alerts")
            await page.wait_for_selector("article.alert")
            await page.screenshot(path=shots / "alerts.png", full_page=True)

            # a transcript with an edited message
            await page.goto(f"{base}/matches/dana-ana")
            was = await page.inner_text("li.edit .was")
            now = await page.inner_text("li.edit .text")
            assert "The robotics demo is on Tuesday" in was and "moved to Thursday" in now
            await page.screenshot(path=shots / "transcript.png", full_page=True)

            # search
            await page.goto(f"{base}/search")
            await page.fill("input[name=q]", "robotics")
            await page.select_option("select[name=match]", "dana-ana")
            await page.click("button:has-text('Search')")
            await page.wait_for_selector("table.results")
            results = await page.inner_text("table.results tbody")
            assert "moved to Thursday" in results and "notebooks" not in results
            await page.screenshot(path=shots / "search.png", full_page=True)

            # exports: CSV and PDF, checked by content
            await page.goto(f"{base}/matches/dana-ana")
            async with page.expect_download() as info:
                await page.click(".exports >> text=CSV")
            body = Path(await (await info.value).path()).read_text(encoding="utf-8")
            rows = list(csv.DictReader(io.StringIO("\n".join(body.splitlines()[3:]))))
            assert body.startswith("# Riverside P-TECH Career Mentoring")
            assert [r["text"] for r in rows if r["kind"] == "edit"] == ["The robotics demo moved to Thursday"]
            async with page.expect_download() as info:
                await page.click(".exports >> text=PDF")
            reader = pypdf.PdfReader(Path(await (await info.value).path()))
            text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
            assert "Riverside P-TECH Career Mentoring" in text and "Verification:" in text
            assert "How is the robotics project going?" in text

            # another program's match: refused
            response = await page.goto(f"{base}/matches/max-zoe")
            assert response is not None and response.status == 404
            assert "does not exist in your program" in await page.inner_text("main")

            await page.goto(f"{base}/access")
            await page.screenshot(path=shots / "access-log.png")
            await browser.close()
    finally:
        await handle.stop()


async def test_the_program_year_pages_in_the_browser(desk, chromium, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # Over 60 lines by design: the year's pages in one browser session, each checked by what it shows.
    from datetime import date

    from playwright.async_api import async_playwright

    from bot.messages import ChannelRef, CommandRequest

    shots = DOC_SHOTS if os.environ.get("MENTORBOT_SCREENSHOTS") == "1" else tmp_path / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    h, core = desk.h, desk.h.app.core
    year = core.year
    await core.year_do(year.set_expectations, "riverside-ptech", "We write here every week.\nWe keep every "
                       "conversation in this channel.\nWe tell the coordinator if something worries us.",
                       actor="okafor")
    agreeing = (("ana", "dana-ana-student"), ("raj", "raj-group-mentor"), ("ben", "raj-group-student"))
    for user, channel in agreeing:
        await core.run_command(CommandRequest(ChannelRef("console", "demo", channel), user, user, "agree"))
    await core.year_do(year.add_module, "riverside-ptech", key="orientation", title="Mentor orientation",
                       required=True, valid_days=365, actor="okafor")
    await core.year_do(year.record_training, "riverside-ptech", "dana", "orientation",
                       completed_on=date(2026, 9, 1), actor="okafor")
    await core.year_do(year.record_consent, "riverside-ptech", "ana",
                       form_type="WBL Travel and Media Consent Form",
                       guardian="Maria R.", signed_on=date(2026, 9, 8), expires_on=date(2026, 11, 1),
                       platforms=["console", "discord"], actor="okafor")
    await core.run_command(CommandRequest(ChannelRef("console", "demo", "dana-ana-student"), "ana", "ana",
                                          "reflect I learned that engineers test every design twice"))
    await core.run_command(CommandRequest(ChannelRef("console", "demo", "dana-ana-student"), "ana", "ana",
                                          "skills teamwork 2, communication 3"))
    await core.run_command(CommandRequest(ChannelRef("console", "demo", "dana-ana-mentor"), "dana", "dana",
                                          "feedback Ana explains her projects clearly"))
    await core.year_do(year.log_activity, "riverside-ptech", title="Visit to the control room",
                       kind="workplace visit", held_on=date(2026, 10, 9), hours=2.0, match_key="dana-ana",
                       person_keys=[], actor="okafor")
    await h.app.delivery.run_once()

    port = _free_port()
    handle = serve_web_in_background(h.app.core, h.app.settings, port=port)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            if handle.server.started:
                break
            await asyncio.sleep(0.02)
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=chromium, args=ARGS)
            context = await browser.new_context(viewport=VIEWPORT, accept_downloads=True)
            page = await context.new_page()
            await page.goto(f"{base}/signin?token={desk.invite('okafor')}")
            await page.click("button:has-text('Sign in')")
            await page.wait_for_selector("h1:has-text('at a glance')")

            await page.click("nav >> text=Year")
            await page.wait_for_selector("table.acks")
            assert "Ana R." in await page.inner_text("table.acks")
            assert "8 not yet" in await page.inner_text("#acknowledged h2")
            await page.fill("#checkins input[name=name]", "Fall 2026")
            await page.fill("#checkins input[name=starts_on]", "2026-09-08")
            await page.fill("#checkins input[name=ends_on]", "2027-01-29")
            await page.click("#checkins button:has-text('Add the term')")
            await page.wait_for_selector(".flash")
            assert "check-in on" in await page.inner_text(".flash")
            await page.screenshot(path=shots / "year.png", full_page=True)

            await page.click("nav >> text=Records")
            await page.wait_for_selector("#expiring")
            assert "expires 01 Nov 2026" in await page.inner_text("#expiring")
            await page.select_option("#mentors select[name=person]", "raj")
            await page.fill("#mentors input[name=completed_on]", "2026-10-01")
            await page.click("#mentors button:has-text('Record')")
            await page.wait_for_selector(".flash")
            assert "Raj Patel completed 'Mentor orientation'" in await page.inner_text(".flash")
            await page.screenshot(path=shots / "records.png", full_page=True)

            await page.goto(f"{base}/people/ana/year")
            assert "engineers test every design twice" in await page.inner_text("#reflections")
            assert "Dana Whitfield" in (feedback := await page.inner_text("#feedback"))
            assert "explains her projects clearly" in feedback
            await page.screenshot(path=shots / "student-year.png", full_page=True)

            await page.click("nav >> text=Credit")
            await page.wait_for_selector("table.credit")
            row = await page.inner_text("table.credit tr:has-text('Ana R.')")
            assert "Dana Whitfield" in row and "2.0" in row and "teamwork 2" in row
            await page.screenshot(path=shots / "credit.png", full_page=True)
            async with page.expect_download() as info:
                await page.click(".exports >> text=PDF")
            reader = pypdf.PdfReader(Path(await (await info.value).path()))
            assert "Participation and credit report" in reader.pages[0].extract_text()
            await browser.close()
    finally:
        await handle.stop()
