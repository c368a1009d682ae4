"""The program year's path on SQLite AND PostgreSQL: profiles imported, bios posted, choices,
the matching step, confirmation, a notice and a replacement in the same match."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session, select

from storage import repo
from storage.chain import verify
from storage.models_choosing import Proposal
from support.year_helpers import PROGRAM, YEAR_ROSTER


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    return request.getfixturevalue("sqlite_engine" if request.param == "sqlite" else "pg_engine")


async def test_from_profiles_to_a_replacement(make_harness, engine):
    h = await make_harness(roster=YEAR_ROSTER)
    core = h.app.core
    h.console.readers[h.console.ref("ns-choose")] = ["n-ana", "nora"]
    assert (await core.publish_bios(PROGRAM, actor="web:nora")).posted == 2
    await core.open_round(
        PROGRAM, key="2026-fall", starts_on=date(2026, 11, 2), actor="web:nora", open_now=True
    )
    await core.record_choices(PROGRAM, "ana", ["dana"], actor="web:nora")
    view = await core.propose_matches(PROGRAM, actor="web:nora")
    result = await core.confirm_proposals(PROGRAM, view.run.id, actor="web:nora", coordinator="nora")
    assert "dana-ana" in result.matches and not result.problems
    notice = await core.give_notice(
        PROGRAM, "sam-fay", "sam", last_day=date(2026, 12, 18), reason="a move", actor="web:nora"
    )
    await core.replace_mentor(PROGRAM, notice.departure.id, "raj", actor="web:nora")
    with Session(engine) as session:
        match = repo.match_by_key(session, "sam-fay", PROGRAM)
        assert [p.key for p, r in repo.members(session, match.id) if r == "mentor"] == ["raj"]
        assert {p.state for p in session.exec(select(Proposal))} == {"confirmed"}
        assert verify(session, PROGRAM) == []  # the log and the audit trail still chain
