"""The running bot's daily data care: retention applied, then each program's chain head posted to the
coordinators' channel once a day and appended to the owner-only head file; every table declared."""

from __future__ import annotations

import stat
from datetime import UTC, datetime

import pytest
from pydantic import ValidationError
from sqlmodel import Session, SQLModel

import storage.all_models  # noqa: F401
from bot.settings import Settings
from storage import chain, governance
from storage.chain_anchor import heads_in_file, problem_with
from support.governance_helpers import program_file


async def test_daily_data_care_publishes_the_head_to_the_channel_and_the_file(
    make_harness, engine, clock, tmp_path
):
    clock.now = datetime(2026, 10, 13, 11, 0, tzinfo=UTC)
    h = await make_harness(
        roster=program_file(tmp_path, retention={"messages": {"keep_days": 0, "after": "written"}})
    )
    await h.say("dana", "dana-ana-mentor", "Hello from October")
    heads = tmp_path / "outside" / "heads.log"
    heads.parent.mkdir()
    h.app.core.settings = Settings(_env_file=None, chain_head_file=heads, data_dir=tmp_path / "var")
    clock.advance(days=1)
    published = await h.app.core.daily_data_care()
    await h.app.delivery.run_once()
    assert stat.S_IMODE(heads.stat().st_mode) == 0o600
    ((line_no, _, head),) = heads_in_file(heads)
    assert head == published[0].head
    posts = [p.text for p in h.console.visible("coordinators") if p.by_bot and "Daily chain head" in p.text]
    assert len(posts) == 1 and head in posts[0]
    with Session(engine) as session:
        assert head == chain.head(session, "riverside-ptech")  # yesterday's message was erased first
        assert head.startswith("riverside-ptech@m1.") and problem_with(session, head) is None
    await h.app.core.daily_data_care()  # the same day again: another line, no second post
    await h.app.delivery.run_once()
    assert len(heads_in_file(heads)) == 2
    assert len([p for p in h.console.visible("coordinators") if "Daily chain head" in p.text]) == 1


def test_a_head_file_inside_data_dir_is_refused(tmp_path):
    with pytest.raises(ValidationError, match="inside DATA_DIR"):
        Settings(_env_file=None, data_dir=tmp_path, chain_head_file=tmp_path / "heads.log")


def test_every_table_declares_how_its_data_lives_and_dies():
    missing = sorted(set(SQLModel.metadata.tables) - set(governance.REGISTRY))
    assert missing == [], (
        f"tables without @personal(...) or @program_data(...): {missing} "
        "(storage/governance.py, /work/notes/i15a-api.md)"
    )
    for declared in governance.personal_tables():
        spec = declared.personal
        assert spec is not None
        if spec.retention or spec.follows:
            assert spec.erase == "delete" or "erased_by" in declared.table.c, declared.name
        if spec.anchored:
            assert {"content_salt", "erased_by"} <= set(declared.table.c.keys()), declared.name
        if spec.scope is not None:
            governance.scope_clause(declared, "p")  # the path to the program resolves
