"""Property tests over random small programs: whatever the input, the proposal keeps the rules.

Ratios and capacities are never exceeded; nobody uncleared, untrained or without a valid form
is proposed; the result is stable (no student and mentor would both rather be together); nobody
is left out while a suitable mentor has room; the same input always gives the same proposal.
"""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings

from bot.choosing import MODEL_RULES, Proposal, StudentProfile, propose_matches
from bot.choosing.byfit import fit_allows
from bot.choosing.eligibility import student_block
from bot.choosing.fit import draw, explain_fit, fit_points
from bot.choosing.hosts import build_hosts
from bot.choosing.results import ordinal
from support.choosing_helpers import programs


@settings(max_examples=300, deadline=None)
@given(programs())
def test_ratios_capacities_and_gates_always_hold(program) -> None:
    students, mentors, rules = program
    proposal = propose_matches(students, mentors, rules)
    by_id = {m.id: m for m in mentors}
    people = {s.id: s for s in students}
    matches_of: Counter[str] = Counter()
    for match in proposal.matches:
        rule = MODEL_RULES[match.model]
        cap = rules.max_group_size.get(match.model, rule.max_students)
        most = cap * len(match.mentor_ids) if rule.per_mentor else cap
        assert match.model in rules.models
        assert rule.takes_mentors(len(match.mentor_ids))
        assert 1 <= len(match.placements) <= most, (match, most)
        if len(match.placements) < rule.min_students:
            assert match.warnings, "a match below its model's minimum must say so"
        for mid in match.mentor_ids:
            matches_of[mid] += 1
            m = by_id[mid]
            assert m.cleared_on is not None and m.trained_on is not None
            assert m.clearance_expires is None or m.clearance_expires >= rules.as_of
        for placed in match.placements:
            s = people[placed.student_id]
            assert student_block(s, rules) is None  # a valid form, a grade the program takes
            assert all(not by_id[mid].grades or s.grade in by_id[mid].grades for mid in match.mentor_ids)
    for mid, count in matches_of.items():
        assert count <= by_id[mid].open_matches, f"{mid} has more matches than places"
    placed = [p.student_id for m in proposal.matches for p in m.placements]
    unplaced = [u.student_id for u in proposal.unmatched]
    assert sorted(placed + unplaced) == sorted(people), "every student is proposed or listed, once"


@settings(max_examples=300, deadline=None)
@given(programs())
def test_no_blocking_pair(program) -> None:
    """No student prefers a chosen mentor who has room for them or holds someone who fits worse."""
    students, mentors, rules = program
    proposal = propose_matches(students, mentors, rules)
    table = build_hosts(mentors, rules)
    places = {p.host_key: p for p in proposal.places}
    holders: dict[str, list[str]] = {}
    for match in proposal.matches:
        key = table.host_of[match.mentor_ids[0]]
        holders.setdefault(key, []).extend(match.student_ids)
    for s in students:
        if student_block(s, rules) is not None:
            continue
        placed = proposal.placement_of(s.id)
        my_rank = placed.choice_rank if placed is not None and placed.choice_rank else 99
        for rank, mid in enumerate(s.choices, start=1):
            if rank >= my_rank or mid not in table.host_of:
                continue
            key = table.host_of[mid]
            host = table.hosts[key]
            if any(m.grades and s.grade not in m.grades for m in host.mentors):
                continue  # not an acceptable pair
            if placed is not None and proposal.match_of(s.id).mentor_ids == host.mentor_ids:
                continue  # placed there by a higher-ranked choice of the same team
            assert places[key].open == 0, f"{s.id} chose {key} ({ordinal(rank)}), which has room"
            mine = (fit_points(s, host, rules), draw(rules.draw_seed, s.id, key), s.id)
            for other in holders.get(key, []):
                other_fit = fit_points(_get(students, other), host, rules)
                theirs = (other_fit, draw(rules.draw_seed, other, key), other)
                assert theirs > mine, f"{key} holds {other} over {s.id}, who chose it {ordinal(rank)}"


@settings(max_examples=250, deadline=None)
@given(programs())
def test_nobody_left_out_while_a_suitable_mentor_has_room(program) -> None:
    students, mentors, rules = program
    proposal = propose_matches(students, mentors, rules)
    table = build_hosts(mentors, rules)
    open_hosts = [table.hosts[p.host_key] for p in proposal.places if p.open > 0]
    for left in proposal.unmatched:
        s = _get(students, left.student_id)
        if student_block(s, rules) is not None or not rules.propose_by_fit:
            continue
        for host in open_hosts:
            shares = bool(s.interests & host.interests) or not rules.fit_needs_shared_interest
            assert not (fit_allows(s, host, rules) and shares), f"{s.id} left out while {host.key} has room"
        assert left.reason and left.next_steps


@settings(max_examples=250, deadline=None)
@given(programs())
def test_reasons_name_the_choice_and_fit_placements_keep_the_rules(program) -> None:
    students, mentors, rules = program
    proposal = propose_matches(students, mentors, rules)
    for match in proposal.matches:
        for placed in match.placements:
            s = _get(students, placed.student_id)
            if placed.choice_rank is not None:
                assert f"{ordinal(placed.choice_rank)} choice" in placed.reason
                assert s.choices[placed.choice_rank - 1] in match.mentor_ids
            else:
                assert placed.reason.startswith("Proposed by fit")
                if rules.fit_needs_shared_interest:
                    assert placed.fit.shared_interests
            assert f"(fit {placed.fit.points})" in placed.reason


@settings(max_examples=300, deadline=None)
@given(programs())
def test_same_input_same_proposal_in_any_order(program) -> None:
    students, mentors, rules = program
    first = propose_matches(students, mentors, rules)
    again = propose_matches(list(reversed(students)), list(reversed(mentors)), rules)
    assert first == again
    assert isinstance(first, Proposal)


@settings(max_examples=250, deadline=None)
@given(programs())
def test_fast_fit_score_agrees_with_its_explanation(program) -> None:
    students, mentors, rules = program
    for host in build_hosts(mentors, rules).hosts.values():
        for s in students:
            assert fit_points(s, host, rules) == explain_fit(s, host, rules).points


def _get(students: list[StudentProfile], sid: str) -> StudentProfile:
    return next(s for s in students if s.id == sid)

