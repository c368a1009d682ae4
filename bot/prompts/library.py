"""The starter library: prompts for weeks with no classroom topic, so a program has prompts from day one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import yaml

LIBRARY_FILE = Path(__file__).with_name("library.yml")


@dataclass(frozen=True, slots=True)
class LibraryPrompt:
    id: str
    theme: str
    skill: str
    prompt: str
    follow_up: str | None = None


@cache
def library() -> tuple[LibraryPrompt, ...]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when built in: 10x faster, same data
    data = yaml.load(LIBRARY_FILE.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 - a safe loader
    return tuple(
        LibraryPrompt(
            id=p["id"], theme=p["theme"], skill=p["skill"], prompt=p["prompt"], follow_up=p.get("follow_up")
        )
        for p in data["prompts"]
    )


def for_week(week_start: date) -> LibraryPrompt:
    """The library prompt of a week: consecutive weeks take consecutive prompts, the same for everyone."""
    prompts = library()
    return prompts[(week_start.toordinal() // 7) % len(prompts)]
