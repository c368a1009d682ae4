"""Records: a match's transcript, search, a person's page with "who has seen this record", the access log."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session

from bot.transcript import TranscriptLine
from bot.web.scope import ProgramScope
from bot.web.views_conversation import ScoreHistory, history
from storage import desk_repo, repo
from storage.models import AuditEvent, Match, MessageLog, Person, ReviewItem
from storage.search import SearchFilters, SearchHit, search_messages

ACCESS_PAGE = 100


@dataclass
class TranscriptPage:
    match: Match
    lines: list[TranscriptLine]
    previous_text: dict[int, str]  # edit line id -> the text it replaced
    reviews: dict[int, ReviewItem]  # message id -> its review decision
    members: list[tuple[Person, str]]
    score: ScoreHistory | None = None  # the conversation score now and its history


def transcript(scope: ProgramScope, key: str, *, since: datetime | None, until: datetime | None,
               purpose: str = "transcript.read") -> TranscriptPage:
    """The conversation across platforms in time order (the read audits itself first)."""
    match, lines = scope.read_transcript(key, purpose=purpose, since=since, until=until)
    with scope.session() as session:
        previous = previous_texts(session, scope, lines)
        reviews = desk_repo.reviews_of(session, scope.program_id, [line.id for line in lines])
        members = repo.members(session, match.id)  # type: ignore[arg-type]
        score = history(session, match, scope.now())
    return TranscriptPage(match, lines, previous, reviews, members, score)


def previous_texts(session: Session, scope: ProgramScope, lines: list[TranscriptLine]) -> dict[int, str]:
    """For each edit line, the text it replaced (looked up when the earlier version is off-period)."""
    latest: dict[int, str] = {}
    previous: dict[int, str] = {}
    for line in lines:
        root = line.edit_of or line.id
        if line.kind == "edit":
            if root not in latest:
                earlier = session.get(MessageLog, root)
                if earlier is not None and earlier.program_id == scope.program_id:
                    latest[root] = earlier.text
            if root in latest:
                previous[line.id] = latest[root]
        if line.kind in ("message", "edit"):
            latest[root] = line.text
    return previous


@dataclass
class SearchPage:
    filters: SearchFilters
    hits: list[SearchHit]
    more_before: int | None


@dataclass
class SearchOptions:
    matches: list[Match]
    people: list[Person]


def search_options(scope: ProgramScope) -> SearchOptions:
    """The program's matches and people for the filter menus (roster only, no messages)."""
    with scope.session() as session:
        return SearchOptions(desk_repo.matches(session, scope.program_id, by_key=True),
                             desk_repo.people(session, scope.program_id))


def search(scope: ProgramScope, *, q: str, match_key: str, person_key: str, decision: str,
           since: datetime | None, until: datetime | None, before: int | None) -> SearchPage:
    """Search the program's messages; the search (filters, rows, matches seen) is audited first."""
    with scope.session() as session:
        match = scope.match(session, match_key) if match_key else None
        person = scope.person(session, person_key) if person_key else None
        filters = SearchFilters(text=q, match_id=match.id if match else None,
                                person_id=person.id if person else None, decision=decision or None,
                                since=since, until=until)
        hits = search_messages(session, scope.program_id, filters, before_id=before)
        scope.audit(session, action="search", target="search", rows=len(hits), detail={
            "q": q, "match": match_key or None, "person": person_key or None,
            "decision": decision or None, "since": since.isoformat() if since else None,
            "until": until.isoformat() if until else None,
            "matches": sorted({f"match:{h.match_key}" for h in hits if h.match_key})})
        session.commit()
    more = hits[-1].id if len(hits) == 50 else None
    return SearchPage(filters, hits, more)


@dataclass
class PersonPage:
    person: Person
    matches: list[tuple[Match, str]]
    seen: list[AuditEvent] = field(default_factory=list)


def person_page(scope: ProgramScope, key: str) -> PersonPage:
    """A person's matches and every access to their record (the view itself is recorded first)."""
    with scope.session() as session:
        person = scope.person(session, key)
        matches = desk_repo.matches_of_person(session, scope.program_id, person.id)  # type: ignore[arg-type]
        scope.audit(session, action="person.view", target=f"person:{person.key}")
        session.commit()
        targets = [f"person:{person.key}"] + [f"match:{m.key}" for m, _ in matches]
        seen = desk_repo.accesses_to(session, scope.program_id, targets)
        return PersonPage(person, matches, seen)


def student_transcripts(scope: ProgramScope, key: str, *, purpose: str, since: datetime | None,
                        until: datetime | None) -> tuple[Person, list[tuple[Match, list[TranscriptLine]]]]:
    """Every match of one person, each read (and audited) through the core's transcript reader."""
    with scope.session() as session:
        person = scope.person(session, key)
        keys = [m.key for m in repo.matches_of(session, person.id) if m.program_id == scope.program_id]  # type: ignore[arg-type]
        scope.audit(session, action=purpose, target=f"person:{person.key}",
                    detail={"matches": keys, "since": since.isoformat() if since else None,
                            "until": until.isoformat() if until else None})
        session.commit()
    return person, [scope.read_transcript(k, purpose=purpose, since=since, until=until) for k in keys]


def access_log(scope: ProgramScope, *, page: int) -> tuple[list[AuditEvent], bool]:
    with scope.session() as session:
        rows = desk_repo.access_log(session, scope.program_id, offset=page * ACCESS_PAGE,
                                    limit=ACCESS_PAGE + 1)
        scope.audit(session, action="access.view", target=f"program:{scope.program_id}",
                    rows=min(len(rows), ACCESS_PAGE), detail={"page": page})
        session.commit()
        return rows[:ACCESS_PAGE], len(rows) > ACCESS_PAGE

