"""The matching step as the coordinator runs it: propose from the round's choices (``bot.choosing``),
store the proposal with the reason for each student and why the others were not proposed, and
let the coordinator edit it (move a student, change a model or a match name, drop a proposal)
before confirming (``bot.matching.confirm``).

Each run is kept (the earlier one is marked superseded), so "what did the step propose, and what
did we change?" has an answer; every run and every edit is audited.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Engine
from sqlmodel import Session

from bot.choosing import MODEL_RULES, ChoosingInputError, Proposal, propose_matches
from bot.matching.inputs import round_inputs
from bot.matching.rounds import ChoosingError, current_or_fail
from storage import audit, choosing_repo, roster_repo
from storage.models_choosing import ChoosingRound, ProposalRun
from storage.models_choosing import Proposal as ProposalRow


@dataclass(slots=True)
class ProposalLine:
    """One proposed match as the desk shows it."""

    row: ProposalRow
    mentors: list[tuple[str, str]]  # (key, name)
    students: list[dict[str, object]]  # key, name, rank, reason, warnings
    warnings: list[str]
    ratio_ok: bool


@dataclass(slots=True)
class ProposalView:
    run: ProposalRun
    round: ChoosingRound
    lines: list[ProposalLine] = field(default_factory=list)
    unmatched: list[dict[str, object]] = field(default_factory=list)
    left_out: list[dict[str, object]] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)

    def line(self, key: str) -> ProposalLine | None:
        return next((ln for ln in self.lines if ln.row.key == key or ln.row.match_key == key), None)


def propose(engine: Engine, program_id: str, *, now: datetime, actor: str) -> ProposalView:
    """Run the matching step over the current round and store what it proposes."""
    with Session(engine, expire_on_commit=False) as session:
        round_ = current_or_fail(session, program_id)
        inputs = round_inputs(session, program_id, round_)
        try:
            proposal = propose_matches(inputs.students, inputs.mentors, inputs.rules)
        except ChoosingInputError as error:
            raise ChoosingError("the matching step cannot run: " + "; ".join(error.problems)) from error
        earlier = choosing_repo.latest_run(session, round_.id)  # type: ignore[arg-type]
        if earlier is not None and earlier.state == "open":
            earlier.state = "superseded"
            session.add(earlier)
        run = _store(session, program_id, round_, proposal, now=now, actor=actor)
        audit.record(
            session,
            program_id=program_id,
            actor=actor,
            action="match.propose",
            at=now,
            target=f"round:{round_.key}",
            rows=len(proposal.matches),
            detail={
                "run": run.id,
                "matches": len(proposal.matches),
                "unmatched": len(proposal.unmatched),
                "students": proposal.summary.students,
            },
        )
        session.commit()
    return view(engine, program_id)  # type: ignore[return-value]


def _store(session: Session, program_id: str, round_: ChoosingRound, proposal: Proposal, *, now: datetime,
           actor: str) -> ProposalRun:
    run = ProposalRun(program_id=program_id, round_id=round_.id, run_at=now, run_by=actor,  # type: ignore[arg-type]
                      summary_json=_dump(list(proposal.summary.lines())),
                      unmatched_json=_dump(_unmatched(proposal)),
                      left_out_json=_dump([{"mentor": m.mentor_id, "code": m.code, "reason_text": m.reason}
                                           for m in proposal.left_out]))
    session.add(run)
    session.flush()
    taken = set(roster_repo.matches_by_key(session, program_id))
    for match in proposal.matches:
        reasons = {p.student_id: {"rank": p.choice_rank, "reason_text": p.reason,
                                  "warnings": list(p.warnings), "fit": p.fit.points}
                   for p in match.placements}
        key = match_key(match.mentor_ids, match.student_ids, match.model, taken)
        taken.add(key)
        session.add(ProposalRow(program_id=program_id, run_id=run.id, key=match.key, match_key=key,  # type: ignore[arg-type]
                                model=match.model, mentors_json=_dump(list(match.mentor_ids)),
                                students_json=_dump(list(match.student_ids)), reasons_json=_dump(reasons),
                                warnings_json=_dump(list(match.warnings))))
    return run


def _unmatched(proposal: Proposal) -> list[dict[str, object]]:
    """The students not proposed, with why, who still has room, and what to do next."""
    return [{"student": u.student_id, "code": u.code, "reason_text": u.reason,
             "suggestions": [{"mentors": list(s.mentor_ids), "fit": s.fit.points,
                              "places_open": s.places_open, "reason_text": s.reason} for s in u.suggestions],
             "next_steps": list(u.next_steps)} for u in proposal.unmatched]


def match_key(mentors: tuple[str, ...], students: tuple[str, ...], model: str, taken: set[str]) -> str:
    """A readable, unused key: ``dana-ana`` (one-to-one), ``raj-group``, ``lee-sam-team``."""
    if model == "one-to-one" and len(students) == 1:
        base = f"{mentors[0]}-{students[0]}"
    else:
        base = "-".join(mentors[:2]) + ("-team" if model == "team" else "-group")
    base = re.sub(r"[^a-z0-9._-]+", "-", base.lower()).strip("-")[:56] or "match"
    key, n = base, 2
    while key in taken:
        key, n = f"{base}-{n}", n + 1
    return key


def view(engine: Engine, program_id: str, run_id: int | None = None) -> ProposalView | None:
    """The latest run of the current round (or run ``run_id``), with names, for the desk and the CLI."""
    with Session(engine, expire_on_commit=False) as session:
        round_ = choosing_repo.current_round(session, program_id)
        run = (
            session.get(ProposalRun, run_id)
            if run_id
            else (choosing_repo.latest_run(session, round_.id) if round_ else None)
        )  # type: ignore[arg-type]
        if run is None or run.program_id != program_id:
            return None
        round_ = session.get(ChoosingRound, run.round_id)
        names = {p.key: p.display_name for p in roster_repo.people_by_key(session, program_id).values()}
        out = ProposalView(
            run=run,
            round=round_,
            summary=json.loads(run.summary_json),  # type: ignore[arg-type]
            unmatched=json.loads(run.unmatched_json),
            left_out=json.loads(run.left_out_json),
        )
        for row in choosing_repo.proposals(session, run.id):  # type: ignore[arg-type]
            out.lines.append(_line(row, names))
        for entry in out.unmatched + out.left_out:
            who = entry.get("student") or entry.get("mentor")
            entry["name"] = names.get(str(who), who)
        return out


def _line(row: ProposalRow, names: dict[str, str]) -> ProposalLine:
    mentors = json.loads(row.mentors_json)
    reasons = json.loads(row.reasons_json)
    students = [
        {
            "key": k,
            "name": names.get(k, k),
            **reasons.get(
                k, {"rank": None, "reason_text": "added by the coordinator", "warnings": [], "fit": None}
            ),
        }
        for k in json.loads(row.students_json)
    ]
    rule = MODEL_RULES.get(row.model)
    return ProposalLine(
        row=row,
        mentors=[(k, names.get(k, k)) for k in mentors],
        students=students,
        warnings=json.loads(row.warnings_json),
        ratio_ok=bool(rule and rule.allows(len(mentors), len(students))),
    )


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def as_dict(line: ProposalLine) -> dict[str, object]:
    """A proposal line as plain data (the CLI's --json)."""
    return {
        "key": line.row.key,
        "match_key": line.row.match_key,
        "model": line.row.model,
        "state": line.row.state,
        "mentors": [k for k, _ in line.mentors],
        "students": line.students,
        "warnings": line.warnings,
        "ratio_ok": line.ratio_ok,
        **({"match_id": line.row.match_id} if line.row.match_id else {}),
    }
