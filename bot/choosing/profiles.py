"""What the matching step reads: student and mentor profiles and the program's rules.

Plain frozen dataclasses, so the caller (roster import, desk, chat commands) builds them from its
own records and the matching step never touches a database. Free-text tags (career interests,
languages, availability, hobbies, pathway) are compared case-insensitively: they are folded to
lower case with single spaces when a profile is built, and lists or sets are accepted.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from bot.choosing.ratios import CHOOSABLE_MODELS, PEER, cap_problem


class ChoosingInputError(ValueError):
    """The profiles or rules cannot be matched as given; ``problems`` lists every reason."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        super().__init__("cannot propose matches: " + "; ".join(self.problems))


def fold(text: str) -> str:
    """One spelling per tag: lower case, single spaces, no outer blanks."""
    return " ".join(text.split()).casefold()


def _tags(values: Iterable[str]) -> frozenset[str]:
    if isinstance(values, str):  # a lone string would otherwise become a set of its letters
        values = [values]
    return frozenset(t for t in (fold(v) for v in values) if t)


def _set(obj: object, name: str, value: object) -> None:
    object.__setattr__(obj, name, value)  # normalising inside a frozen dataclass's __post_init__


@dataclass(frozen=True, slots=True)
class StudentProfile:
    """A student as the matching step sees them, with their ranked mentor choices (1st first)."""

    id: str
    grade: int
    name: str = ""
    interests: frozenset[str] = frozenset()  # career interests
    pathway: str = ""  # P-TECH pathway or CTE course
    languages: frozenset[str] = frozenset()
    availability: frozenset[str] = frozenset()  # program-defined slots, e.g. "tue-pm"
    hobbies: frozenset[str] = frozenset()
    gender: str | None = None
    gender_preference: str | None = None  # a gender, or "same"; read only if the program turns it on
    # (genders are compared as written: use one vocabulary for students and mentors, e.g. female/male)
    consent_signed: date | None = None  # the permission form (e.g. WBL travel and media consent)
    consent_expires: date | None = None  # None: the form does not expire
    choices: tuple[str, ...] = ()  # mentor ids, 1st choice first

    def __post_init__(self) -> None:
        for name in ("interests", "languages", "availability", "hobbies"):
            _set(self, name, _tags(getattr(self, name)))
        _set(self, "pathway", fold(self.pathway))
        _set(self, "choices", tuple(self.choices))
        for name in ("gender", "gender_preference"):
            value = getattr(self, name)
            _set(self, name, fold(value) or None if value is not None else None)

    @property
    def display(self) -> str:
        return self.name or self.id


@dataclass(frozen=True, slots=True)
class MentorProfile:
    """A mentor's offer: what they can take on, with whom, and whether they may be proposed yet.

    ``capacity`` counts matches: students for one-to-one, groups for the group models.
    ``current_matches`` is how many of those they already hold (a returning mentor mid-year).
    ``grades`` is a rule (the grades they will take; empty = any); ``pathways`` is a preference
    that adds to the fit. Mentors who mentor together (a team, or two adults co-leading a large
    group) share a ``team`` id and are proposed as one unit.
    """

    id: str
    name: str = ""
    employer: str = ""
    interests: frozenset[str] = frozenset()
    languages: frozenset[str] = frozenset()
    availability: frozenset[str] = frozenset()
    hobbies: frozenset[str] = frozenset()
    capacity: int = 1
    current_matches: int = 0
    models: tuple[str, ...] = ("one-to-one",)  # in the mentor's order of preference
    grades: frozenset[int] = frozenset()
    pathways: frozenset[str] = frozenset()
    gender: str | None = None
    team: str | None = None
    cleared_on: date | None = None
    clearance_expires: date | None = None  # None: does not expire
    trained_on: date | None = None  # orientation training completed

    def __post_init__(self) -> None:
        for name in ("interests", "languages", "availability", "hobbies", "pathways"):
            _set(self, name, _tags(getattr(self, name)))
        _set(self, "models", tuple(self.models))
        _set(self, "grades", frozenset(self.grades))
        _set(self, "gender", fold(self.gender) or None if self.gender is not None else None)
        _set(self, "team", self.team.strip() or None if self.team is not None else None)

    @property
    def display(self) -> str:
        return self.name or self.id

    @property
    def open_matches(self) -> int:
        return self.capacity - self.current_matches


@dataclass(frozen=True, slots=True)
class ProgramRules:
    """The program's rules for this round of choosing.

    ``as_of`` is the day the matches would start: consent and clearance must be valid then.
    Uncleared or untrained mentors and students without a valid permission form are never
    proposed; that is not a setting. ``max_group_size`` may make a model stricter than the guide
    (e.g. small groups of at most 3), never looser. ``draw_seed`` fixes the tie-break draw, so the
    same input always gives the same proposal.
    """

    as_of: date
    models: tuple[str, ...] = CHOOSABLE_MODELS
    grades: frozenset[int] = frozenset(range(9, 15))  # P-TECH 9-14
    max_choices: int = 3
    max_group_size: Mapping[str, int] = field(default_factory=dict)
    use_gender_preference: bool = False
    propose_by_fit: bool = True  # students whose choices cannot be honoured get the best fit with room
    fit_needs_shared_interest: bool = True  # ... but only a mentor sharing a career interest
    common_language: str = "english"  # sharing it earns no fit points: everyone does
    expiry_warning_days: int = 30
    draw_seed: str = ""

    def __post_init__(self) -> None:
        _set(self, "models", tuple(self.models))
        _set(self, "grades", frozenset(self.grades))
        _set(self, "common_language", fold(self.common_language))


def validate(students: Sequence[StudentProfile], mentors: Sequence[MentorProfile],
             rules: ProgramRules) -> None:
    """Raise ChoosingInputError listing every problem that makes the input unusable."""
    problems = _rule_problems(rules)
    problems += _duplicates("student", [s.id for s in students])
    problems += _duplicates("mentor", [m.id for m in mentors])
    for s in students:
        if len(s.choices) > rules.max_choices:
            problems.append(f"student '{s.id}' has {len(s.choices)} choices; this program takes at most "
                            f"{rules.max_choices}")
    for m in mentors:
        if m.capacity < 0 or m.current_matches < 0:
            problems.append(f"mentor '{m.id}' has a negative capacity or current match count")
        unknown = [x for x in m.models if x not in CHOOSABLE_MODELS]
        if unknown:
            problems.append(f"mentor '{m.id}' offers {', '.join(map(repr, unknown))}; models are "
                            f"{', '.join(CHOOSABLE_MODELS)}")
    if problems:
        raise ChoosingInputError(problems)


def _rule_problems(rules: ProgramRules) -> list[str]:
    problems: list[str] = []
    if PEER in rules.models:
        problems.append("peer mentoring is arranged by the coordinator (the peer mentor is a student with "
                        "their own permission form); leave 'peer' out of the models to propose")
    unknown = [m for m in rules.models if m not in CHOOSABLE_MODELS and m != PEER]
    if unknown:
        problems.append(f"unknown model(s) {', '.join(map(repr, unknown))}; "
                        f"use {', '.join(CHOOSABLE_MODELS)}")
    if not rules.models:
        problems.append("the program allows no mentoring model; allow at least one")
    if rules.max_choices < 1:
        problems.append("max_choices must be at least 1")
    for model, cap in rules.max_group_size.items():
        problem = cap_problem(model, cap)
        if problem:
            problems.append(problem)
    return problems


def _duplicates(kind: str, ids: list[str]) -> list[str]:
    seen: set[str] = set()
    twice = sorted({i for i in ids if i in seen or seen.add(i)})
    blank = [f"a {kind} has an empty id"] if any(not i for i in ids) else []
    return blank + [f"{kind} id '{i}' is used twice; every {kind} needs their own id" for i in twice]
