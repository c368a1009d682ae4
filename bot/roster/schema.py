"""Roster file shapes: line-aware YAML nodes, problems with line numbers, and the typed roster."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from bot.filecheck import FileProblems, LineProblem
from bot.governance.schedule import Schedule

ROLES = ("coordinator", "mentor", "student", "teacher")
MODELS = ("one-to-one", "small-group", "team", "large-group", "peer")
STATUSES = ("proposed", "active", "paused", "ended")
SIDES = ("mentor", "student")


RosterProblem = LineProblem


class RosterError(FileProblems):
    """The roster file has problems; nothing was written. ``problems`` lists all of them."""


@dataclass(slots=True)
class Node:
    """A YAML value with the 1-based line it starts on.

    ``value`` is ``dict[str, Node]`` for mappings (``key_lines`` gives each key's line),
    ``list[Node]`` for sequences, or a plain scalar (str, int, bool, date, None...).
    """

    line: int
    value: Any
    key_lines: dict[str, int] = field(default_factory=dict)

    @property
    def is_map(self) -> bool:
        return isinstance(self.value, dict)

    @property
    def is_list(self) -> bool:
        return isinstance(self.value, list)


_YAML_FIX = (
    "check the indentation (spaces, not tabs; items of a list start with '- ' at the same column) "
    "and put quotes around values that contain ': ' or ' #'"
)


def parse_yaml(text: str) -> tuple[Node | None, list[RosterProblem]]:
    """Parse ``text`` into a ``Node`` tree; a YAML error becomes one problem with its line."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        what = exc.problem or "unreadable"
        if exc.context and exc.context_mark is not None and exc.context_mark.line + 1 != line:
            what += f" ({exc.context} that starts on line {exc.context_mark.line + 1})"
        elif exc.context:
            what = f"{exc.context}: {what}"
        return None, [RosterProblem(line, f"this is not valid YAML: {what}; {_YAML_FIX}")]
    except yaml.YAMLError as exc:
        return None, [RosterProblem(1, f"this is not valid YAML ({exc}); {_YAML_FIX}")]
    if root is None:
        return None, [RosterProblem(1, "the file is empty; start it with 'program:' (see docs/roster.md)")]
    problems: list[RosterProblem] = []
    return _convert(root, SafeConstructor(), problems), problems


def _convert(node: yaml.Node, constructor: SafeConstructor, problems: list[RosterProblem]) -> Node:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        constructor.flatten_mapping(node)  # resolves YAML merge keys (<<: *anchor)
        out: dict[str, Node] = {}
        key_lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(RosterProblem(key_line, "a key must be a plain word such as 'name'"))
                continue
            key = str(constructor.construct_object(key_node))
            if key in out:
                problems.append(RosterProblem(
                    key_line,
                    f"'{key}' appears twice in the same block (first on line {key_lines[key]}); "
                    "keep one of them",
                ))
                continue
            out[key] = _convert(value_node, constructor, problems)
            key_lines[key] = key_line
        return Node(line, out, key_lines)
    if isinstance(node, yaml.SequenceNode):
        return Node(line, [_convert(item, constructor, problems) for item in node.value])
    try:
        value = constructor.construct_object(node)
    except (yaml.YAMLError, ValueError) as exc:  # e.g. an impossible date such as 2026-02-30
        problems.append(RosterProblem(line, f"cannot read the value '{node.value}' ({exc}); "
                                            "write dates as YYYY-MM-DD, e.g. 2026-09-08"))
        value = None
    return Node(line, value)


# ---- the typed roster ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Account:
    """A person's account on one platform workspace."""

    platform: str
    workspace: str
    user: str
    line: int


@dataclass(slots=True)
class RosterPerson:
    id: str
    name: str
    role: str
    line: int
    email: str | None = None
    avatar_url: str | None = None
    grade: int | None = None
    consent_received: date | None = None
    consent_recorded_by: str | None = None
    cleared: date | None = None
    active: bool = True
    accounts: list[Account] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class RosterChannel:
    side: str
    platform: str
    workspace: str
    channel: str
    line: int


@dataclass(slots=True)
class RosterMatch:
    id: str
    model: str
    status: str
    line: int
    started: date | None = None
    ended: date | None = None
    coordinator: str | None = None
    grade: int | None = None
    mentors: list[str] = field(default_factory=list)
    students: list[str] = field(default_factory=list)
    channels: list[RosterChannel] = field(default_factory=list)
    member_lines: dict[str, int] = field(default_factory=dict)  # person id -> line in this match
    lists_given: bool = True  # both 'mentors:' and 'students:' are present


@dataclass(slots=True)
class RosterProgram:
    id: str
    name: str
    timezone: str
    line: int
    policy: str | None = None  # absolute path, resolved against the roster file's folder
    review_channel: tuple[str, str, str] | None = None  # platform, workspace, channel
    retention: Schedule | None = None  # the retention schedule (bot.governance.schedule)


@dataclass(slots=True)
class Roster:
    """A validated roster file."""

    program: RosterProgram
    people: list[RosterPerson]
    matches: list[RosterMatch]
    path: str = ""

    def person(self, key: str) -> RosterPerson | None:
        return next((p for p in self.people if p.id == key), None)
