"""``mentorbot web`` (serve the coordinator desk) and ``mentorbot coordinator invite`` (a sign-in link)."""

from __future__ import annotations

from typing import Annotated

import typer

from bot.cli import runtime

coordinator_app = typer.Typer(help="Coordinator accounts for the web desk.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    """Attach ``web`` and ``coordinator`` to the top-level app."""
    app.command()(web)
    app.add_typer(coordinator_app, name="coordinator")


def web(
    host: Annotated[str | None, typer.Option(help="Listen address (default: WEB_HOST)")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default: WEB_PORT)")] = None,
) -> None:
    """Serve the coordinator desk (transcripts, review, search, exports) on WEB_HOST:WEB_PORT."""
    import logging

    import uvicorn

    from bot.desk_address import remember_desk_address

    settings = runtime.settings()
    logging.basicConfig(level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    desk = desk_app(runtime.engine())
    where = f"http://{host or settings.web_host}:{port or settings.web_port}"
    remember_desk_address(settings, where)  # so `coordinator invite` prints this port
    typer.echo(f"Coordinator desk on {where} — sign in with a link from `mentorbot coordinator invite`.")
    uvicorn.run(desk, host=host or settings.web_host, port=port or settings.web_port, log_level="warning")


def desk_app(engine):  # type: ignore[no-untyped-def]
    """The desk alone (no platform connections), with /readyz and /metrics that say something.

    /readyz checks the database (a load balancer must drop a desk that cannot read it); not the
    outbox, which the bot's processes drain: a late outbox must not take the desk away from the
    coordinators who need it then. /metrics: the database gauges (holds, alerts, outbox)."""
    from dataclasses import replace

    from bot.app import build_app
    from bot.ops import Ops
    from bot.web import create_web_app

    settings = runtime.settings()
    built = build_app(settings, adapters={}, engine=engine)
    ops = Ops(readiness=replace(built.readiness, outbox_max_age=0.0), metrics=built.metrics,
              metrics_token=settings.metrics_token)
    return create_web_app(built.core, ops=ops)


@coordinator_app.command("invite")
def invite(
    who: Annotated[str, typer.Argument(help="The coordinator's e-mail, name or roster id")],
    program: Annotated[str | None, typer.Option(help="Program id, when they coordinate several")] = None,
    hours: Annotated[int, typer.Option(help="Hours the link stays valid")] = 72,
) -> None:
    """Print a one-time sign-in link for a coordinator (no shared password)."""
    from bot.web.auth import InviteError, create_invite

    settings = runtime.settings()
    try:
        token, person, expires = create_invite(runtime.engine(), who, program_id=program,
                                               clock=runtime.clock(), created_by=runtime.whoami(),
                                               hours=hours)
    except InviteError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from error
    from bot.desk_address import desk_url

    base = desk_url(settings)
    typer.echo(f"Sign-in link for {person.display_name} ({person.program_id}), valid once until "
               f"{expires:%Y-%m-%d %H:%M} UTC:\n{base}/signin?token={token}")
