"""Roster rules across entries: unique ids, references, roles, the models' ratios, consent, clearance.

The ratios come from the program guides in /work/shared/seeds (P-TECH Career Mentoring Guide and
the NYC CTE Career Mentoring Fact Sheet): traditional 1:1; small group one adult to as many as
four students; team several adults, no more than 1:4; large group one or two adults to seven to
ten students; peer: older students mentoring other students.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.roster.schema import Roster, RosterMatch, RosterPerson, RosterProblem
from bot.roster.validate import did_you_mean

Add = Callable[[RosterProblem], None]


def check_roster(roster: Roster) -> list[RosterProblem]:
    """Every cross-entry problem of a shape-valid roster."""
    problems: list[RosterProblem] = []
    add = problems.append
    people: dict[str, RosterPerson] = {}
    for person in roster.people:
        if person.id in people:
            add(RosterProblem(person.line, f"person id '{person.id}' is used twice (first on line "
                                           f"{people[person.id].line}); give each person their own id"))
        else:
            people[person.id] = person
    coordinators = [p for p in people.values() if p.role == "coordinator"]
    if not coordinators and all(p.role for p in people.values()):  # a mistyped role is reported already
        add(RosterProblem(roster.program.line, "the program has no coordinator; add a person with "
                                               "'role: coordinator' under people"))
    _check_accounts(roster, add)
    _check_escalation(roster, people, add)
    for person in people.values():
        rec = person.consent_recorded_by
        recorder = people.get(rec) if rec is not None else None
        if rec is not None and (recorder is None or recorder.role not in ("coordinator", "teacher", "")):
            add(RosterProblem(person.line, f"consent of '{person.id}' is recorded_by '{rec}', who is not a "
                                           "coordinator or teacher of this program; "
                                           + _ref_fix(rec, [p for p in people.values()
                                                            if p.role in ("coordinator", "teacher")])))
    seen_matches: dict[str, int] = {}
    for match in roster.matches:
        if match.id in seen_matches:
            add(RosterProblem(match.line, f"match id '{match.id}' is used twice (first on line "
                                          f"{seen_matches[match.id]}); give each match its own id"))
            continue
        seen_matches[match.id] = match.line
        check_match(match, people, coordinators, add)
    _check_channels(roster, add)
    from bot.roster.rules_profiles import check_profiles  # issue 14; it imports this module

    check_profiles(roster, add)
    return problems


def _ref_fix(key: str, candidates: list[RosterPerson]) -> str:
    return did_you_mean(key, [p.id for p in candidates]) if candidates else "add them under people"


def _check_escalation(roster: Roster, people: dict[str, RosterPerson], add: Add) -> None:
    """The second contact for unacknowledged urgent alerts: an adult of the program with an e-mail."""
    key = roster.program.escalate_to
    if key is None:
        return
    person = people.get(key)
    adults = [p for p in people.values() if p.role in ("coordinator", "teacher")]
    if person is None or person.role not in ("coordinator", "teacher"):
        add(RosterProblem(roster.program.line, f"escalate_to '{key}' is not a coordinator or teacher of this "
                                               f"program; {_ref_fix(key, adults)}"))
    elif not person.email:
        add(RosterProblem(person.line, f"'{key}' is the program's escalate_to contact but has no email; add "
                                       "'email: name@school.org' so escalated alerts reach them"))


def _check_accounts(roster: Roster, add: Add) -> None:
    owners: dict[tuple[str, str, str], tuple[str, int]] = {}
    for person in roster.people:
        for acc in person.accounts:
            key = (acc.platform, acc.workspace, acc.user)
            if key in owners:
                owner, line = owners[key]
                add(RosterProblem(acc.line, f"the {acc.platform} account '{acc.user}' in workspace "
                                            f"'{acc.workspace}' is already {owner}'s (line {line}); "
                                            "one account belongs to one person"))
            else:
                owners[key] = (person.id, acc.line)


def _check_channels(roster: Roster, add: Add) -> None:
    used: dict[tuple[str, str, str], str] = {}
    review = roster.program.review_channel
    if review is not None:
        used[review] = f"the coordinators' review channel (line {roster.program.line})"
    for place in roster.program.year.channels:
        key = (place.platform, place.workspace, place.channel)
        if key in used:
            add(RosterProblem(place.line, f"channel '{place.channel}' is already {used[key]}; the choosing "
                                          "channel needs its own channel"))
        used[key] = f"a choosing channel of the program (line {place.line})"
    for match in roster.matches:
        for ch in match.channels:
            key = (ch.platform, ch.workspace, ch.channel)
            if key in used:
                add(RosterProblem(ch.line, f"channel '{ch.channel}' ({ch.platform}, workspace "
                                           f"'{ch.workspace}') is already {used[key]}; every match needs "
                                           "its own channels, one per side"))
            else:
                used[key] = f"a {ch.side} channel of match '{match.id}' (line {ch.line})"


def check_match(match: RosterMatch, people: dict[str, RosterPerson],
                 coordinators: list[RosterPerson], add: Add) -> None:
    name = f"match '{match.id}'"
    active = match.status == "active"
    if match.coordinator is None:
        if len(coordinators) == 1:
            match.coordinator = coordinators[0].id
        elif active and coordinators:  # with none, the missing coordinator is reported once
            add(RosterProblem(match.line, f"{name} is active but names no coordinator; add "
                                          "'coordinator: <id>' (the program has several)"))
    elif people.get(match.coordinator) is None or people[match.coordinator].role not in ("coordinator", ""):
        fix = _ref_fix(match.coordinator, coordinators)
        add(RosterProblem(match.line, f"{name} has coordinator '{match.coordinator}', who is not a "
                                      f"coordinator of this program; {fix}"))
    mentor_role = "student" if match.model == "peer" else "mentor"
    known: dict[str, list[RosterPerson]] = {"mentors": [], "students": []}
    for side, ids, want in (("mentors", match.mentors, mentor_role), ("students", match.students, "student")):
        for pid in ids:
            line = match.member_lines[pid]
            person = people.get(pid)
            if person is None:
                add(RosterProblem(line, f"{name} lists '{pid}' under {side}, but nobody has that id; "
                                        + did_you_mean(pid, list(people))))
                continue
            if not person.role:  # its role is misspelled, reported on the person
                continue
            if person.role != want:
                hint = ""
                if match.model == "peer":
                    hint = " (peer mentors are older students)"
                elif person.role == "student":
                    hint = " (for students mentoring students use model: peer)"
                add(RosterProblem(line, f"'{pid}' is a {person.role} but is listed under {side} of {name}; "
                                        f"{side} must be {want}s{hint}"))
                continue
            known[side].append(person)
            if active:
                _check_active_member(name, person, line, add)
    if match.lists_given:  # a missing 'mentors:'/'students:' line is reported already
        _check_ratio(match, known["mentors"], known["students"], add)
    if active:
        sides = {ch.side for ch in match.channels}
        for side in ("mentor", "student"):
            if side not in sides:
                add(RosterProblem(match.line, f"{name} is active but has no {side}-side channel; add one "
                                              f"under channels ('- {{side: {side}, platform: ..., "
                                              "workspace: ..., channel: ...}') or set status: proposed"))


def _check_active_member(name: str, person: RosterPerson, line: int, add: Add) -> None:
    if not person.active:
        add(RosterProblem(line, f"'{person.id}' is marked 'active: false' but is in active {name}; "
                                "take them out of the match or pause it"))
    if person.role == "student" and person.consent_received is None and "consent" not in person.unreadable:
        add(RosterProblem(line, f"{name} is active but student '{person.id}' has no consent date; add "
                                f"'consent: {{received: YYYY-MM-DD}}' to '{person.id}' (line {person.line}) "
                                "once the permission form is on file, or set the match to status: proposed"))
    if person.role == "mentor" and person.cleared is None and "cleared" not in person.unreadable:
        add(RosterProblem(line, f"{name} is active but mentor '{person.id}' has no clearance date; add "
                                f"'cleared: YYYY-MM-DD' to '{person.id}' (line {person.line}) once the "
                                "program has cleared them, or set the match to status: proposed"))


def _check_ratio(match: RosterMatch, mentors: list[RosterPerson],
                 students: list[RosterPerson], add: Add) -> None:
    m, s = len(match.mentors), len(match.students)
    counts = f"{m} mentor{'s' if m != 1 else ''} and {s} student{'s' if s != 1 else ''}"
    name = f"match '{match.id}' is {match.model} but has {counts}"
    fix: str | None = None
    if match.model == "one-to-one" and (m, s) != (1, 1):
        fix = ("one-to-one is exactly 1 mentor and 1 student; for more students use "
               "small-group (up to 4) or team")
    elif match.model == "small-group":
        if m != 1:
            fix = "a small group has exactly 1 mentor; with several mentors use model: team"
        elif s > 4:
            fix = "small groups have at most 4 students; split the group, or use large-group for 7–10"
        elif s < 2:
            fix = "a small group has 2 to 4 students; with one student use model: one-to-one"
    elif match.model == "team":
        if m < 2:
            fix = "a team has at least 2 mentors; with one mentor use small-group or one-to-one"
        elif s < 1 or s > 4 * m:
            fix = (f"a team has 1 to 4 students per mentor (here at most {4 * m}); "
                   "add a mentor or move students")
    elif match.model == "large-group":
        if not 1 <= m <= 2:
            fix = "a large group has 1 or 2 mentors; with more use several groups or model: team"
        elif not 7 <= s <= 10:
            fix = "a large group has 7 to 10 students; for up to 4 use small-group, otherwise split the group"
    elif match.model == "peer" and (m < 1 or s < 1):
        fix = "a peer match needs at least 1 peer mentor (an older student) and 1 student"
    if fix is not None:
        add(RosterProblem(match.line, f"{name}; {fix}"))
        return
    if match.model == "peer" and len(mentors) == m and len(students) == s:
        for mentor in mentors:
            for student in students:
                if mentor.grade is None or student.grade is None:
                    missing = mentor if mentor.grade is None else student
                    add(RosterProblem(match.member_lines[missing.id],
                                      f"peer match '{match.id}' needs the grade of '{missing.id}' to check "
                                      f"the mentor is older; add 'grade: N' to '{missing.id}' "
                                      f"(line {missing.line})"))
                    return
                if mentor.grade <= student.grade:
                    add(RosterProblem(match.member_lines[mentor.id],
                                      f"in peer match '{match.id}' the mentor '{mentor.id}' (grade "
                                      f"{mentor.grade}) is not in a higher grade than '{student.id}' "
                                      f"(grade {student.grade}); peer mentors are older students"))
                    return
