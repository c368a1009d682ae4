"""``mentorbot run`` with platforms configured: the bot, its worker and the jobs in one process."""

from __future__ import annotations

import asyncio
import logging
import signal

from bot.app import build_app, platform_names
from bot.settings import Settings

logger = logging.getLogger(__name__)


async def run_service(settings: Settings, *, stop: asyncio.Event | None = None) -> None:
    """Start every configured adapter, the worker, the jobs and the desk; stop on SIGINT/SIGTERM
    (or when ``stop`` is set, for tests and embedding)."""
    logging.basicConfig(level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    app = build_app(settings)
    if settings.program_file:
        from bot.roster.importer import import_roster

        summary = import_roster(app.engine, settings.program_file, platforms=platform_names())
        logger.info("program file %s imported: %s", settings.program_file, summary)
    from sqlmodel import Session

    from bot.relay.policy_cache import PolicyBook, check_policies
    from storage import repo

    with Session(app.engine) as session:
        policy_files = [program.policy_file for program in repo.programs(session)]
    # Refuses a missing model (policies/encoder/). The model itself is loaded once per process,
    # so the relay's own PolicyBook reuses it.
    check_policies(PolicyBook(), policy_files)
    if stop is None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
    # Imported before the adapters connect: importing the desk's web stack takes seconds, and done
    # later it would block the running loop (deliveries, heartbeats) for that long at every start.
    from bot.web import serve_web_in_background  # the coordinator desk, in this same loop (issue 7)

    await app.start()
    web = serve_web_in_background(app.core, settings)
    logger.info("mentorbot is running with %s; Ctrl-C stops it", ", ".join(app.adapters) or "no adapters")
    try:
        await stop.wait()
    finally:
        await web.stop()
        await app.stop()
