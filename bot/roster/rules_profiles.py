"""Roster rules across profiles (issue 14): the program's optional fields and its one gender
vocabulary, models the program allows, teams of at least two mentors, stricter group caps only.

Genders are compared as written by the matching step, so "female" and "woman" would never meet:
the program lists its vocabulary once (``profiles.genders``) and every profile uses it.
"""

from __future__ import annotations

from collections import defaultdict

from bot.choosing.ratios import cap_problem
from bot.roster.rules import Add
from bot.roster.schema import Roster, RosterPerson, RosterProblem, RosterProfile, RosterYear
from bot.roster.validate import did_you_mean

PREFERENCE_WORDS = ("same", "any")


def check_profiles(roster: Roster, add: Add) -> None:
    """Every cross-entry problem of the profiles and the program's choosing blocks."""
    year = roster.program.year
    _check_year(year, add)
    teams: dict[str, list[RosterPerson]] = defaultdict(list)
    for person in roster.people:
        if person.profile is None:
            continue
        _check_optional(person, person.profile, year, add)
        for model in person.profile.models:
            if model not in year.models:
                add(
                    RosterProblem(
                        person.profile.key_lines.get("models", person.profile.line),
                        f"'{person.id}' offers {model}, which this program does not use "
                        f"(choosing.models: {', '.join(year.models)}); remove it or add it there",
                    )
                )
        if person.profile.team:
            teams[person.profile.team].append(person)
    for team, members in sorted(teams.items()):
        if len(members) == 1:
            lone = members[0]
            add(
                RosterProblem(
                    lone.profile.key_lines.get("team", lone.line),  # type: ignore[union-attr]
                    f"team '{team}' has only '{lone.id}'; a team is two or more mentors "
                    "who mentor together: give the others the same team, or remove 'team'",
                )
            )


def _check_year(year: RosterYear, add: Add) -> None:
    if any(f in year.optional_fields for f in ("gender", "gender_preference")) and not year.genders:
        add(
            RosterProblem(
                year.line,
                "the program turns on gender in profiles but lists no genders; add "
                "'genders: [female, male, nonbinary]' (your words) under 'profiles'",
            )
        )
    for model, cap in year.max_group_size.items():
        problem = cap_problem(model, cap)
        if problem:
            add(RosterProblem(year.line, f"choosing.max_group_size: {problem}"))


def _check_optional(person: RosterPerson, profile: RosterProfile, year: RosterYear, add: Add) -> None:
    for name in ("gender", "gender_preference"):
        value = getattr(profile, name)
        if value is None:
            continue
        line = profile.key_lines.get(name, profile.line)
        if name not in year.optional_fields:
            add(
                RosterProblem(
                    line,
                    f"the program does not ask for '{name}' ('{person.id}'); add it to "
                    "profiles.optional_fields of the program, or remove the line",
                )
            )
            continue
        allowed = list(year.genders) + (list(PREFERENCE_WORDS) if name == "gender_preference" else [])
        if year.genders and value.casefold() not in allowed:
            add(
                RosterProblem(
                    line,
                    f"the {name.replace('_', ' ')} of '{person.id}' is '{value}', which is "
                    f"not in the program's genders ({', '.join(year.genders)}); "
                    f"{did_you_mean(value.casefold(), allowed)}",
                )
            )
