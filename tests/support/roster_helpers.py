"""A small valid roster (with known line numbers), variants of it, and a database snapshot."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, select
from sqlmodel import SQLModel

import storage.all_models  # noqa: F401  (every table in the metadata)
from bot.app import platform_names
from bot.roster import importer


def import_roster(engine: Engine, path: str | Path, now: datetime | None = None) -> importer.ImportSummary:
    """``bot.roster.importer.import_roster`` with every platform mentorbot ships (as the CLI does)."""
    return importer.import_roster(engine, path, platforms=platform_names(), now=now)


def load_roster(path: str | Path) -> importer.Roster:
    """``bot.roster.importer.load_roster`` with every platform mentorbot ships (as the CLI does)."""
    return importer.load_roster(path, platforms=platform_names())

BASE = """\
program:
  id: test-program
  name: Test Program
  timezone: America/New_York
people:
  - {id: coord, name: Casey Coord, role: coordinator}
  - {id: mia, name: Mia Mentor, role: mentor, cleared: 2026-08-01}
  - {id: max, name: Max Mentor, role: mentor, cleared: 2026-08-01}
  - {id: sol, name: Sol Student, role: student, grade: 10, consent: 2026-09-01}
  - {id: tia, name: Tia Student, role: student, grade: 9, consent: 2026-09-01}
  - {id: uma, name: Uma Student, role: student, grade: 9, consent: 2026-09-01}
  - {id: vic, name: Vic Student, role: student, grade: 9, consent: 2026-09-01}
  - {id: wes, name: Wes Student, role: student, grade: 12, consent: 2026-09-01}
matches:
  - id: mia-sol
    model: one-to-one
    status: active
    mentors: [mia]
    students: [sol]
    channels:
      - {side: mentor, platform: console, workspace: demo, channel: mia-sol-m}
      - {side: student, platform: console, workspace: demo, channel: mia-sol-s}
"""
# line 15 is the match, 16 its model, 17 status, 18 mentors, 19 students, 21/22 its channels


def variant(lines: dict[int, str] | None = None, append: str = "") -> str:
    """BASE with whole lines replaced (1-based) and text appended at the end."""
    out = BASE.splitlines()
    for number, text in (lines or {}).items():
        out[number - 1] = text
    return "\n".join(out) + "\n" + append


def write(tmp_path: Path, text: str, name: str = "roster.yml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def snapshot(engine: Engine) -> dict[str, list[tuple]]:
    """Every row of every table, to prove an import wrote nothing."""
    out: dict[str, list[tuple]] = {}
    with engine.connect() as conn:
        for table in SQLModel.metadata.sorted_tables:
            rows = conn.execute(select(table)).all()
            out[table.name] = sorted(tuple(map(repr, r)) for r in rows)
    return out
