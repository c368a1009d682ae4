"""Fixtures for the weekly-prompt tests: the sample program with a term and the sample topic calendar."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from support.prompt_helpers import PROGRAM, REPO, TERM, TOPICS


@pytest.fixture
def setup_program(engine, clock):  # type: ignore[no-untyped-def]
    """Import the sample roster (unless a harness did), a term, and the sample topic calendar."""
    from sqlmodel import Session

    from bot.prompts.settings import set_schedule
    from bot.prompts.topics import import_topics
    from storage.models import Program
    from support.roster_helpers import import_roster

    def go(*, roster: bool = True, topics: bool = True, **schedule) -> None:  # type: ignore[no-untyped-def]
        if roster:
            import_roster(engine, REPO / "examples" / "sample-program.yml")
        with Session(engine) as session:  # the program exists from before the school year
            program = session.get(Program, PROGRAM)
            program.created_at = datetime(2026, 8, 1, tzinfo=UTC)
            session.add(program)
            session.commit()
        settings = {"term_start": TERM[0], "term_end": TERM[1]} | schedule
        before_term = datetime(2026, 8, 2, tzinfo=UTC)
        set_schedule(engine, PROGRAM, actor="test", clock=lambda: before_term, **settings)
        if topics:
            import_topics(engine, TOPICS, clock=clock, actor="test")

    return go
