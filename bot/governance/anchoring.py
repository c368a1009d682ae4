"""Publishing each program's chain head outside the database, daily.

Two places an insider with the database cannot rewrite: a post in the coordinators' review
channel (once per program per local day; coordinators can keep it and later run
``mentorbot audit verify --expect HEAD``), and a line appended to the head file
(``CHAIN_HEAD_FILE``, owner-only, outside DATA_DIR; make it append-only with ``chattr +a``).
``audit verify --head-file`` checks every head ever written there.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import Engine
from sqlmodel import Session

from bot.alerts import review_channel
from storage import chain, outbox, repo
from storage.chain_anchor import heads_in_file, problem_with
from storage.chain_format import parse_head
from storage.private_files import append_private

logger = logging.getLogger(__name__)


class HeadFileError(Exception):
    """The head file is missing, unsafe or inside DATA_DIR."""


@dataclass(frozen=True, slots=True)
class Published:
    program_id: str
    head: str
    posted: bool


def publish_heads(
    engine: Engine, *, now: datetime, head_file: Path | None, post: bool = True
) -> list[Published]:
    """Append every program's head to the head file and post it to its review channel (once a day)."""
    out = []
    with Session(engine) as session:
        for program in repo.programs(session):
            head = chain.head(session, program.id)
            if head_file is not None:
                append_private(head_file, f"{now.isoformat(timespec='seconds')} {head}")
            target = review_channel(program)
            posted = bool(post and target)
            if posted:
                day = now.astimezone(ZoneInfo(program.timezone)).date()
                text = (
                    f"Daily chain head of {program.name} ({day}): {head}\n"
                    'Keep this line. `mentorbot audit verify --expect "<head>"` proves later that '
                    "nothing up to here was changed."
                )
                outbox.insert_batch(
                    session,
                    [outbox.own_columns(key=f"chain-head:{program.id}:{day}", channel=target, text=text)],  # type: ignore[arg-type]
                    shared=outbox.shared_columns("system", program_id=program.id, now=now),
                )
            out.append(Published(program.id, head, posted))
        session.commit()
    logger.info(
        "=> chain heads published for %d program(s)%s",
        len(out),
        f" and appended to {head_file}" if head_file else "",
    )
    return out


def problem_after_destruction(head: str, final_head: str) -> str | None:
    """Why a head kept for a destroyed program cannot be one of its chain's, or None.

    Its rows were deleted under a certificate, so a kept head is compared with the final head the
    certificate recorded: it must not be past it, and where it is the same place it must be it.
    """
    program_id, message_seq, audit_seq, digest = parse_head(head)
    _, final_message, final_audit, final_digest = parse_head(final_head)
    if message_seq > final_message or audit_seq > final_audit:
        return (
            f"{head} is past the final head {final_head} recorded when {program_id} was destroyed: "
            "rows were written after the certificate, or the certificate was forged"
        )
    if (message_seq, audit_seq) == (final_message, final_audit) and digest != final_digest:
        return f"{head} does not match the final head {final_head} recorded when {program_id} was destroyed"
    return None


def check_head_file(
    session: Session, path: Path, program_id: str, *, final_head: str | None = None
) -> tuple[int, list[str]]:
    """How many of the program's heads the file holds, and the problems found with them.

    ``final_head``: the program was destroyed with this head (its rows are gone), so each head in the
    file is compared with it rather than with the chain."""
    if not path.is_file():
        raise HeadFileError(
            f"head file {path} does not exist (if no head was ever published, `mentorbot audit head "
            "--publish` writes the first; the running bot appends one daily. If it existed, it was removed)"
        )
    checked, problems = 0, []
    for number, when, head in heads_in_file(path):
        if not head.startswith(program_id + "@"):
            continue
        checked += 1
        try:
            problem = (
                problem_after_destruction(head, final_head)
                if final_head
                else problem_with(session, head, program_id)
            )
        except ValueError as error:
            problem = str(error)
        if problem:
            problems.append(f"{path.name} line {number} ({when}): {problem}")
    return checked, problems
