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
CHOOSING_MODELS = ("one-to-one", "small-group", "team", "large-group")  # peer is arranged by hand
OPTIONAL_PROFILE_FIELDS = ("gender", "gender_preference")


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


MIN_EXPANSION = 100_000  # values a file may expand to through aliases at least (a district roster: ~50,000)
EXPANSION_FACTOR = 20  # ...and at most this many times the values it writes out


class _TooMuch(Exception):
    """The file's aliases (``*name``) expand to far more values than it writes (a "billion laughs")."""

    def __init__(self, line: int) -> None:
        self.line = line


def parse_yaml(text: str) -> tuple[Node | None, list[RosterProblem]]:
    """Parse ``text`` into a ``Node`` tree; a YAML error becomes one problem with its line.

    A hostile file cannot hang the import: nesting deeper than Python can follow, or anchors and
    aliases that repeat each other into millions of values, is one problem with its line."""
    try:
        return _parse_yaml(text)
    except RecursionError:
        return None, [RosterProblem(1, "the file nests lists or blocks deeper than any roster or calendar; "
                                       "see docs/roster.md for its shape")]
    except _TooMuch as exc:
        return None, [RosterProblem(exc.line, "the anchors (&name) and aliases (*name) here repeat each "
                                              "other into far more values than this file could hold; "
                                              "write the values out instead")]


def _parse_yaml(text: str) -> tuple[Node | None, list[RosterProblem]]:
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
    budget = [max(MIN_EXPANSION, EXPANSION_FACTOR * _written(root))]
    return _convert(root, SafeConstructor(), problems, budget), problems


def _written(root: yaml.Node) -> int:
    """How many distinct values the file writes (an alias counts once, however often it is used)."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack += [n for pair in node.value for n in pair]
        elif isinstance(node, yaml.SequenceNode):
            stack += node.value
    return len(seen)


def _convert(node: yaml.Node, constructor: SafeConstructor, problems: list[RosterProblem],
             budget: list[int]) -> Node:
    line = node.start_mark.line + 1
    budget[0] -= 1
    if budget[0] < 0:
        raise _TooMuch(line)
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
            out[key] = _convert(value_node, constructor, problems, budget)
            key_lines[key] = key_line
        return Node(line, out, key_lines)
    if isinstance(node, yaml.SequenceNode):
        return Node(line, [_convert(item, constructor, problems, budget) for item in node.value])
    try:
        value = constructor.construct_object(node)
    except (yaml.YAMLError, ValueError) as exc:  # e.g. an impossible date such as 2026-02-30
        problems.append(RosterProblem(line, f"cannot read the value '{node.value}' ({exc}); "
                                            "write dates as YYYY-MM-DD, e.g. 2026-09-08"))
        value = Unreadable(str(node.value))  # present but unreadable: no second "missing" problem
    return Node(line, value)


@dataclass(frozen=True, slots=True)
class Unreadable:
    """A value YAML could not read (reported already); it stands in so the key still counts as given."""

    text: str

    def __str__(self) -> str:
        return self.text


# ---- the typed roster ---------------------------------------------------------------------------


@dataclass(slots=True)
class RosterProfile:
    """A person's 'profile:' block (issue 14): what bios show and what the matching step reads."""

    line: int
    bio: str = ""
    title: str | None = None  # mentors
    interests: list[str] = field(default_factory=list)
    pathway: str | None = None  # students
    languages: list[str] = field(default_factory=list)
    availability: list[str] = field(default_factory=list)
    hobbies: list[str] = field(default_factory=list)
    gender: str | None = None
    gender_preference: str | None = None  # students
    capacity: int | None = None  # mentors
    models: list[str] = field(default_factory=list)  # mentors
    grades: list[int] = field(default_factory=list)  # mentors
    pathways: list[str] = field(default_factory=list)  # mentors
    team: str | None = None  # mentors
    key_lines: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ProgramPlace:
    """A channel the program posts to one side in (the choosing channel)."""

    side: str
    platform: str
    workspace: str
    channel: str
    line: int


@dataclass(slots=True)
class RosterYear:
    """The program's 'profiles:', 'choosing:' and 'commitment:' blocks (issue 14), with defaults."""

    optional_fields: list[str] = field(default_factory=list)  # gender, gender_preference
    genders: list[str] = field(default_factory=list)
    max_choices: int = 3
    models: list[str] = field(default_factory=lambda: list(CHOOSING_MODELS))
    max_group_size: dict[str, int] = field(default_factory=dict)
    after_meet_and_greet: bool = False
    channels: list[ProgramPlace] = field(default_factory=list)
    commitment_months: int = 12
    to_graduation: bool = False
    final_grade: int = 14
    renewal_notice_days: int = 45
    line: int = 0
    given: bool = False  # any of the three blocks is in the file


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
    employer: str | None = None  # mentors: stored on the profile (bios show it)
    profile: RosterProfile | None = None  # the 'profile:' block, when the file has one
    unreadable: set[str] = field(default_factory=set)  # keys given with a date mentorbot could not read


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
    committed_until: date | None = None  # the end of the committed time (default: from 'commitment')


@dataclass(slots=True)
class RosterProgram:
    id: str
    name: str
    timezone: str
    line: int
    policy: str | None = None  # absolute path, resolved against the roster file's folder
    review_channel: tuple[str, str, str] | None = None  # platform, workspace, channel
    retention: Schedule | None = None  # the retention schedule (bot.governance.schedule)
    escalate_to: str | None = None  # person id: an unacknowledged urgent alert is e-mailed to them
    escalate_after_minutes: int = 30
    emergency_line: str = "911"  # what a student in danger is told to call (the programs are in NY)
    year: RosterYear = field(default_factory=lambda: RosterYear())


@dataclass(slots=True)
class Roster:
    """A validated roster file."""

    program: RosterProgram
    people: list[RosterPerson]
    matches: list[RosterMatch]
    path: str = ""

    def person(self, key: str) -> RosterPerson | None:
        return next((p for p in self.people if p.id == key), None)
