"""The choosing step's queries: profiles, settings, choosing channels, rounds, choices, proposals."""

from __future__ import annotations

from collections.abc import Iterable

from sqlmodel import Session, col, select

from storage.models import Match, MatchMember, Person
from storage.models_choosing import (
    Choice,
    ChoosingRound,
    ChoosingSettings,
    MeetAndGreet,
    ProgramChannel,
    Proposal,
    ProposalRun,
)
from storage.models_choosing import Profile as ProfileRow
from storage.repo import ChannelAddress

MEET_AND_GREET = "meet-and-greet"  # the model of a meet-and-greet group's match row


def settings(session: Session, program_id: str) -> ChoosingSettings:
    """The program's settings (defaults when the roster has none; not added to the session)."""
    return session.get(ChoosingSettings, program_id) or ChoosingSettings(program_id=program_id)


def profiles(session: Session, program_id: str) -> dict[int, ProfileRow]:
    """Every profile of the program, by person id."""
    rows = session.exec(select(ProfileRow).where(ProfileRow.program_id == program_id))
    return {row.person_id: row for row in rows}


def profile(session: Session, person_id: int) -> ProfileRow | None:
    return session.get(ProfileRow, person_id)


def program_channels(
    session: Session, program_id: str, *, side: str | None = None, active_only: bool = True
) -> list[ProgramChannel]:
    query = select(ProgramChannel).where(ProgramChannel.program_id == program_id)
    if side is not None:
        query = query.where(ProgramChannel.side == side)
    if active_only:
        query = query.where(ProgramChannel.active == True)  # noqa: E712
    return list(session.exec(query.order_by(ProgramChannel.id)))


def program_channel(session: Session, ref: ChannelAddress) -> ProgramChannel | None:
    """The choosing channel at this address, in any program."""
    return session.exec(
        select(ProgramChannel).where(
            ProgramChannel.platform == ref.platform,
            ProgramChannel.workspace == ref.workspace,
            ProgramChannel.channel == ref.channel,
        )
    ).first()


def rounds(session: Session, program_id: str) -> list[ChoosingRound]:
    """The program's rounds, newest first."""
    return list(
        session.exec(
            select(ChoosingRound)
            .where(ChoosingRound.program_id == program_id)
            .order_by(col(ChoosingRound.id).desc())
        )
    )


def round_by_key(session: Session, program_id: str, key: str) -> ChoosingRound | None:
    return session.exec(
        select(ChoosingRound).where(ChoosingRound.program_id == program_id, ChoosingRound.key == key)
    ).first()


def current_round(session: Session, program_id: str) -> ChoosingRound | None:
    """The newest round that is not yet matched (the one choices and proposals belong to)."""
    return session.exec(
        select(ChoosingRound)
        .where(ChoosingRound.program_id == program_id, ChoosingRound.state != "matched")
        .order_by(col(ChoosingRound.id).desc())
    ).first()


def choices(session: Session, round_id: int, student_id: int | None = None) -> list[Choice]:
    """A round's choices (one student's when given), by student and rank."""
    query = select(Choice).where(Choice.round_id == round_id)
    if student_id is not None:
        query = query.where(Choice.student_id == student_id)
    return list(session.exec(query.order_by(Choice.student_id, Choice.rank)))


def meet_and_greets(
    session: Session, program_id: str, round_id: int | None = None
) -> list[tuple[MeetAndGreet, Match]]:
    """Meet-and-greet groups with their match rows, by start time."""
    query = (
        select(MeetAndGreet, Match)
        .join(Match, col(Match.id) == col(MeetAndGreet.match_id))
        .where(MeetAndGreet.program_id == program_id)
    )
    if round_id is not None:
        query = query.where(MeetAndGreet.round_id == round_id)
    return [(m, match) for m, match in session.exec(query.order_by(MeetAndGreet.starts_at))]


def due_meet_and_greets(session: Session, now) -> list[tuple[MeetAndGreet, Match]]:  # type: ignore[no-untyped-def]
    """Groups to open (their time has come) or to close (their time is over), in any program."""
    query = (
        select(MeetAndGreet, Match)
        .join(Match, col(Match.id) == col(MeetAndGreet.match_id))
        .where(
            ((MeetAndGreet.opened_at == None) & (MeetAndGreet.starts_at <= now))  # noqa: E711
            | ((MeetAndGreet.closed_at == None) & (MeetAndGreet.ends_at <= now))  # noqa: E711
        )
    )
    return [(m, match) for m, match in session.exec(query.order_by(MeetAndGreet.starts_at))]


def latest_run(session: Session, round_id: int) -> ProposalRun | None:
    return session.exec(
        select(ProposalRun).where(ProposalRun.round_id == round_id).order_by(col(ProposalRun.id).desc())
    ).first()


def proposals(session: Session, run_id: int) -> list[Proposal]:
    return list(session.exec(select(Proposal).where(Proposal.run_id == run_id).order_by(Proposal.id)))


def mentor_load(session: Session, program_id: str, person_ids: Iterable[int]) -> dict[int, int]:
    """How many live matches (proposed, active, paused; not meet-and-greets) each mentor holds."""
    ids = list(person_ids)
    if not ids:
        return {}
    rows = session.exec(
        select(MatchMember.person_id, Match.id)
        .join(Match, col(Match.id) == col(MatchMember.match_id))
        .where(
            Match.program_id == program_id,
            col(MatchMember.person_id).in_(ids),
            MatchMember.role == "mentor",
            col(Match.status).in_(["proposed", "active", "paused"]),
            Match.model != MEET_AND_GREET,
        )
    )
    load: dict[int, int] = {}
    for person_id, _match_id in rows:
        load[person_id] = load.get(person_id, 0) + 1
    return load


def people_in_live_matches(session: Session, program_id: str, role: str) -> set[int]:
    """Person ids holding ``role`` in a live (not ended) match, meet-and-greets left out."""
    rows = session.exec(
        select(MatchMember.person_id)
        .join(Match, col(Match.id) == col(MatchMember.match_id))
        .where(
            Match.program_id == program_id,
            MatchMember.role == role,
            col(Match.status).in_(["proposed", "active", "paused"]),
            Match.model != MEET_AND_GREET,
        )
    )
    return set(rows)


def people_by_ids(session: Session, ids: Iterable[int]) -> dict[int, Person]:
    wanted = list(ids)
    if not wanted:
        return {}
    return {p.id: p for p in session.exec(select(Person).where(col(Person.id).in_(wanted)))}  # type: ignore[misc]
