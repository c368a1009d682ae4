"""The program-year pages in a real browser (Debian's Chromium through Playwright, the desk served
by uvicorn on 127.0.0.1 in the test's loop): profiles, bios, the choosing round, the proposal and
the hand-over, clicked through as a coordinator would. Screenshots go to the test's temp folder,
or to docs/screenshots/ with MENTORBOT_SCREENSHOTS=1 (``make screenshots``)."""

from __future__ import annotations

import asyncio
import os
import socket
from datetime import date, timedelta
from pathlib import Path

import pytest

from bot.web import serve_web_in_background
from support.year_helpers import PROGRAM, choices_of

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DOC_SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
VIEWPORT = {"width": 1366, "height": 800}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def _prepare(h) -> None:  # type: ignore[no-untyped-def]
    """A round under way: bios checked, a meet-and-greet held, three students have chosen."""
    core = h.app.core
    await core.check_bios(PROGRAM, actor="web:nora")
    await core.open_round(PROGRAM, key="2026-fall", starts_on=date(2026, 11, 2), actor="web:nora")
    await core.schedule_meet_and_greet(
        PROGRAM,
        at=h.clock() + timedelta(days=2),
        minutes=45,
        mentors=["dana", "raj"],
        students=["ana", "ben"],
        channels=[("mentor", "console", "demo", "meet-m"), ("student", "console", "demo", "meet-s")],
        actor="web:nora",
    )
    await core.set_round_state(PROGRAM, "open", actor="web:nora")
    await core.record_choices(PROGRAM, "ben", ["raj"], actor="n-ben", via="discord")
    await core.record_choices(PROGRAM, "cai", ["dana", "sam"], actor="n-cai", via="slack")


async def test_a_coordinators_choosing_season_in_the_browser(year_desk, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # Over 60 lines by design: one coordinator's season in one browser session, page after page.
    from playwright.async_api import async_playwright

    if not Path(CHROMIUM).exists():
        pytest.skip("Chromium is missing: apt-get install -y chromium (make test installs it as root)")
    shots = DOC_SHOTS if os.environ.get("MENTORBOT_SCREENSHOTS") == "1" else tmp_path / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    h = year_desk.h
    await _prepare(h)
    port = _free_port()
    handle = serve_web_in_background(h.app.core, h.app.settings, port=port)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            if handle.server.started:
                break
            await asyncio.sleep(0.02)
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = await (await browser.new_context(viewport=VIEWPORT)).new_page()
            await page.goto(f"{base}/signin?token={year_desk.invite('nora')}")
            await page.click("button:has-text('Sign in')")
            await page.wait_for_selector("h1:has-text('at a glance')")

            await page.click("nav >> text=Profiles")
            await page.wait_for_selector("table.profiles")
            assert "Example Power & Light" in await page.inner_text("table.profiles")
            await page.screenshot(path=shots / "profiles.png", full_page=True)

            await page.goto(f"{base}/bios")
            refused = await page.inner_text("#bio-lee")
            assert "refused" in refused and "bios never carry contact details" in refused
            await page.screenshot(path=shots / "bios.png", full_page=True)

            # a paper form entered on the Choosing page
            await page.click("nav >> text=Choosing")
            await page.select_option("select[aria-label='Ana R. choice 1']", "dana")
            await page.select_option("select[aria-label='Ana R. choice 2']", "raj")
            await page.click("#student-ana button")
            await page.wait_for_selector(".flash")
            assert "Saved ana's choices: Dana Whitfield, Raj Patel" in await page.inner_text(".flash")
            assert choices_of(h.app.engine, "ana") == ["dana", "raj"]
            await page.screenshot(path=shots / "choosing.png", full_page=True)

            await page.click("button:has-text('Run the matching step')")
            await page.wait_for_selector("article.proposal")
            reasons = await page.inner_text("#proposal-dana-ana")
            assert "Ana R.'s 1st choice" in reasons
            await page.screenshot(path=shots / "proposal.png", full_page=True)
            await page.click("button:has-text('Confirm every open proposal')")
            await page.wait_for_selector(".flash")
            assert "Confirmed: " in await page.inner_text(".flash")

            # Sam gives notice; the coordinator picks the replacement with the message Fay reads
            await h.app.core.give_notice(
                PROGRAM,
                "sam-fay",
                "sam",
                last_day=date(2026, 12, 18),
                reason="a new job in another city",
                actor="n-sam",
                via="slack",
            )
            await page.click("nav >> text=Hand-over")
            await page.wait_for_selector("article.notice")
            first = await page.input_value("article.notice textarea")
            assert first.startswith("Hi Fay, some news about your mentoring.")
            await page.screenshot(path=shots / "handover.png", full_page=True)
            await page.click("button:has-text('Replace the mentor')")
            await page.wait_for_selector(".flash")
            assert "now mentors sam-fay" in await page.inner_text(".flash")
            await h.app.delivery.run_once()
            assert h.seen_in("sam-fay-student")[-1] == first
            await browser.close()
    finally:
        await handle.stop()
