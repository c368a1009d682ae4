"""Proposing by fit: for students none of whose choices can be honoured, and for suggestions.

After the choices are settled, the places still open go to the students left over, best fit
first across the whole round (the pair with the highest score is proposed first, then the next
among those still free, ties by the fixed draw). Nobody who chose a mentor loses a place to this:
a mentor with room left after the choices turned nobody away. The program's rules still hold:
the mentor's grades, a gender preference the program reads (asked for means required here, since
the student did not pick this mentor), a language in common when both list languages, and (by
default) at least one shared career interest, because this is career mentoring.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from operator import itemgetter

from bot.choosing.eligibility import languages_apart, wants_gender
from bot.choosing.fit import draw, fit_points
from bot.choosing.hosts import Host
from bot.choosing.profiles import ProgramRules, StudentProfile
from bot.choosing.state import RoundState


def fit_allows(student: StudentProfile, host: Host, rules: ProgramRules) -> bool:
    """The rules for a mentor the student did not choose (the fit threshold aside)."""
    if host.grades is not None and student.grade not in host.grades:
        return False
    wanted = wants_gender(student, rules)
    if wanted is not None and wanted not in host.genders:
        return False
    return not languages_apart(student, host.languages)


def place_by_fit(students: Sequence[StudentProfile], room: dict[str, int], state: RoundState) -> None:
    """Fill ``state.by_fit`` (and ``best_by_fit``) from ``room`` (host -> open seats), which it uses up."""
    rules = state.rules
    open_hosts = sorted(key for key, free in room.items() if free > 0)
    index = _interest_index(open_hosts, state) if rules.fit_needs_shared_interest else None
    pairs: list[tuple[int, str, str]] = []  # (fit points, then the draw, as one int), student, host
    for student in students:
        if index is None:
            candidates: Iterable[str] = open_hosts
        else:
            candidates = sorted({key for interest in student.interests for key in index.get(interest, ())})
        for key in candidates:
            host = state.table.hosts[key]
            if fit_allows(student, host, rules):
                order = fit_points(student, host, rules) << 64 | draw(rules.draw_seed, student.id, key)
                pairs.append((order, student.id, key))
    pairs.sort(key=itemgetter(0), reverse=True)  # best fit first; ties by the draw
    for _, student_id, key in pairs:
        state.best_by_fit.setdefault(student_id, key)
        if student_id not in state.by_fit and room[key] > 0:
            state.by_fit[student_id] = key
            room[key] -= 1


def _interest_index(open_hosts: Iterable[str], state: RoundState) -> dict[str, list[str]]:
    """Career interest -> hosts with room that list it."""
    index: dict[str, list[str]] = defaultdict(list)
    for key in open_hosts:
        for interest in state.table.hosts[key].interests:
            index[interest].append(key)
    return index


def suggest_hosts(student: StudentProfile, room: Mapping[str, int], state: RoundState,
                  limit: int = 3) -> list[str]:
    """The best-fitting hosts with room for a student left without a proposal, best first.

    The shared-interest threshold is dropped here: the coordinator decides, with the reasons.
    """
    ranked = []
    for key, free in room.items():
        host = state.table.hosts[key]
        if free > 0 and fit_allows(student, host, state.rules):
            tie = draw(state.rules.draw_seed, student.id, key)
            ranked.append((-state.points(student.id, key), -tie, key))
    ranked.sort()
    return [key for _, _, key in ranked[:limit]]
