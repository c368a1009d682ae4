"""Hosts: the units students are proposed to — one mentor, or a team of mentors together.

A mentor alone offers one-to-one, small-group or large-group matches; mentors who share a team
id are proposed together (the team model, or two adults co-leading a large group). A host's
``seats`` is the most students its open matches can take under the best-fitting model it
offers, so the matching never puts more students with a host than some model's ratio allows;
``groups.py`` then splits those students into matches.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from bot.choosing.eligibility import NO_ALLOWED_MODEL, TEAM_INCOMPLETE, Block, mentor_block
from bot.choosing.profiles import MentorProfile, ProgramRules
from bot.choosing.ratios import SHARED_MODELS, SOLO_MODELS, TEAM, rule_for

TEAM_PREFIX = "team:"


@dataclass(frozen=True, slots=True)
class Host:
    """One unit students are proposed to, with what its mentors have in common pooled."""

    key: str  # the mentor id, or "team:<team id>"
    mentors: tuple[MentorProfile, ...]
    models: tuple[str, ...]  # models it can run, in the order to try them
    groups: int  # matches it can still start
    seats: int  # the most students those matches can take
    interests: frozenset[str]
    languages: frozenset[str]
    availability: frozenset[str]
    hobbies: frozenset[str]
    pathways: frozenset[str]
    genders: frozenset[str]
    grades: frozenset[int] | None  # the grades every mentor here takes; None: any grade

    @property
    def mentor_ids(self) -> tuple[str, ...]:
        return tuple(m.id for m in self.mentors)

    @property
    def display(self) -> str:
        """"Dana Ortiz (Acme)" or "the Acme team (Dana Ortiz, Lee Chu)"."""
        if len(self.mentors) == 1 and not self.key.startswith(TEAM_PREFIX):
            m = self.mentors[0]
            return f"{m.display} ({m.employer})" if m.employer else m.display
        names = ", ".join(m.display for m in self.mentors)
        return f"team {self.key[len(TEAM_PREFIX):]} ({names})"


@dataclass(frozen=True, slots=True)
class HostTable:
    """Every host, which host each mentor belongs to, and why the others were left out."""

    hosts: dict[str, Host]
    host_of: dict[str, str]  # mentor id -> host key
    left_out: dict[str, Block]  # mentor id -> why they cannot be proposed


def build_hosts(mentors: Sequence[MentorProfile], rules: ProgramRules) -> HostTable:
    hosts: dict[str, Host] = {}
    host_of: dict[str, str] = {}
    left_out: dict[str, Block] = {}
    teams: dict[str, list[MentorProfile]] = defaultdict(list)
    for mentor in sorted(mentors, key=lambda m: m.id):
        block = mentor_block(mentor, rules)
        if block is not None:
            left_out[mentor.id] = block
        elif mentor.team is not None:
            teams[mentor.team].append(mentor)
        else:
            host, why = _solo_host(mentor, rules)
            if host is None:
                left_out[mentor.id] = why
            else:
                hosts[host.key] = host
                host_of[mentor.id] = host.key
    for team_id in sorted(teams):
        host, why = _team_host(team_id, teams[team_id], rules)
        for member in teams[team_id]:
            if host is None:
                left_out[member.id] = why
            else:
                host_of[member.id] = host.key
        if host is not None:
            hosts[host.key] = host
    return HostTable(hosts, host_of, left_out)


def solo_host(mentor: MentorProfile, rules: ProgramRules) -> Host | None:
    """The host for one mentor on their own (no gates checked), or None if no model they offer fits."""
    return _solo_host(mentor, rules)[0]


def _solo_host(mentor: MentorProfile, rules: ProgramRules) -> tuple[Host | None, Block]:
    models = tuple(m for m in mentor.models if m in rules.models and m in SOLO_MODELS)
    if not models:
        offered = ", ".join(mentor.models) or "no model"
        hint = " (a team needs a team id shared with the other mentors)" if TEAM in mentor.models else ""
        return None, Block(NO_ALLOWED_MODEL, f"{mentor.display} offers {offered}{hint}, which this "
                                             f"program does not use alone; it uses {', '.join(rules.models)}")
    return _host(mentor.id, (mentor,), models, mentor.open_matches, rules), Block("", "")


def _team_host(team_id: str, members: list[MentorProfile],
               rules: ProgramRules) -> tuple[Host | None, Block]:
    count = len(members)
    shared = [m for m in SHARED_MODELS
              if m in rules.models and all(m in x.models for x in members)
              and rule_for(m, rules.max_group_size).takes_mentors(count)]
    if not shared:
        names = ", ".join(m.display for m in members)
        return None, Block(TEAM_INCOMPLETE, f"team {team_id} has {count} mentor{'s' * (count != 1)} who "
                                            f"can be proposed ({names}); a team needs at least 2 adults "
                                            "who all offer the team model (or 1–2 adults who all offer a "
                                            "large group) and that model allowed by the program")
    groups = min(m.open_matches for m in members)
    return _host(TEAM_PREFIX + team_id, tuple(members), tuple(shared), groups, rules), Block("", "")


def _host(key: str, mentors: tuple[MentorProfile, ...], models: tuple[str, ...], groups: int,
          rules: ProgramRules) -> Host:
    seats = max(groups * rule_for(m, rules.max_group_size).students_for(len(mentors))[1] for m in models)

    def pooled(name: str) -> frozenset[str]:
        return frozenset().union(*(getattr(m, name) for m in mentors))

    return Host(key=key, mentors=mentors, models=models, groups=groups, seats=seats,
                interests=pooled("interests"), languages=pooled("languages"),
                availability=pooled("availability"), hobbies=pooled("hobbies"),
                pathways=pooled("pathways"),
                genders=frozenset(m.gender for m in mentors if m.gender is not None),
                grades=_grades_taken(mentors))


def _grades_taken(mentors: tuple[MentorProfile, ...]) -> frozenset[int] | None:
    rules = [m.grades for m in mentors if m.grades]
    return frozenset.intersection(*rules) if rules else None
