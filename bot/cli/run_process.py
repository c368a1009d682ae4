"""``mentorbot run`` with platforms configured: the bot, its worker, the jobs and the desk in one process.

Several of these may run against one PostgreSQL database (replicas; docs/operations.md). SIGTERM
or SIGINT starts a graceful stop bounded by ``SHUTDOWN_GRACE_SECONDS``; a second one exits at once.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import time

from bot.app import build_app, platform_names
from bot.ops.logs import configure_logging, process_name
from bot.settings import Settings

logger = logging.getLogger(__name__)


async def run_service(settings: Settings, *, stop: asyncio.Event | None = None) -> None:
    """Start every configured adapter, the worker, the jobs and the desk; stop on SIGINT/SIGTERM
    (or when ``stop`` is set, for tests and embedding)."""
    configure_logging(level=settings.log_level, fmt=settings.log_format,
                      replica=process_name(settings.replica_name))
    if not settings.database_url:
        from storage.private_files import private_dir

        private_dir(settings.data_dir)  # DATA_DIR owner-only (0700), tightened if an older one was not
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
        stop = _stop_on_signals()
    if settings.chain_head_file is None:
        logger.warning("CHAIN_HEAD_FILE is not set: daily chain heads go only to the review channels; "
                       "set it to a file outside DATA_DIR (docs/data-protection.md)")
    # Imported before the adapters connect: importing the desk's web stack takes seconds, and done
    # later it would block the running loop (deliveries, heartbeats) for that long at every start.
    from bot.ops import Ops
    from bot.web import serve_web_in_background  # the coordinator desk, in this same loop (issue 7)

    ops = Ops(readiness=app.readiness, metrics=app.metrics, metrics_token=settings.metrics_token)
    web = serve_web_in_background(app.core, settings, ops=ops)  # /healthz answers while adapters connect
    try:
        await app.start()
        logger.info("mentorbot is running with %s; Ctrl-C stops it", ", ".join(app.adapters) or "no adapters")
        await stop.wait()
    finally:
        began, grace = time.monotonic(), settings.shutdown_grace_seconds
        logger.info("stopping: no new events; deliveries in flight get up to %.0f s", grace)
        await app.stop(grace=max(0.5, grace - 1.0))  # the last second: the desk (it answered 503 meanwhile)
        await web.stop(timeout=max(0.5, began + grace - time.monotonic()))
        logger.info("stopped in %.1f s", time.monotonic() - began)


def _stop_on_signals() -> asyncio.Event:
    """The first SIGINT/SIGTERM asks for a graceful stop; a second one (an impatient Ctrl-C) exits now."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()

    def on_signal(number: int) -> None:
        if stop.is_set():
            logger.warning("second %s: exiting without waiting", signal.Signals(number).name)
            os._exit(128 + number)
        stop.set()

    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, on_signal, sig)
    return stop
