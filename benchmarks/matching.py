"""Choosing mentors: time to propose matches for a large program, and how many choices are honoured.

    .venv/bin/python benchmarks/matching.py                       # 2,000 students x 600 mentors
    .venv/bin/python benchmarks/matching.py --repeat 5 --seed 7
    .venv/bin/python benchmarks/matching.py --skew 0.3            # milder popularity
    .venv/bin/python benchmarks/matching.py --no-choices          # worst case: everyone by fit

A synthetic program, reproducible from ``--seed``: 16 career fields, students in grades 9-14
with 1-3 career interests, a pathway, languages and free slots; mentors from 80 employers
(Faker company names) offering one-to-one (most), small groups, large groups, or teams of 2-5
colleagues; some not yet cleared or trained, some taking only certain grades; a few students
without a permission form. Students pick up to three mentors, mostly among those sharing a
career interest and weighted by a Zipf-like popularity, so popular mentors are heavily
oversubscribed (as after a meet-and-greet). Times ``propose_matches`` end to end (gates,
deferred acceptance, fit, groups, every reason and suggestion), wall and CPU, and prints the
machine's load, which matters on the shared 2-core machine.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

from faker import Faker

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.choosing import (  # noqa: E402
    MentorProfile,
    ProgramRules,
    Proposal,
    StudentProfile,
    propose_matches,
)

FIELDS = ["software", "cybersecurity", "networking", "data science", "nursing", "health informatics",
          "mechanical engineering", "electrical engineering", "advanced manufacturing", "finance",
          "business", "graphic design", "construction", "energy", "automotive", "law"]
PATHWAYS = {"computer science": FIELDS[:4], "health": FIELDS[4:6], "engineering": FIELDS[6:9],
            "business": FIELDS[9:11], "design": FIELDS[11:12], "trades": FIELDS[12:15], "law": FIELDS[15:]}
SLOTS = [f"{day}-{part}" for day in ("mon", "tue", "wed", "thu", "fri") for part in ("am", "pm")]
HOBBIES = ["chess", "basketball", "soccer", "music", "gaming", "drawing", "robotics", "cooking",
           "dance", "photography", "reading", "running"]
LANGUAGES = (("Spanish", 0.3), ("Chinese", 0.08), ("Bengali", 0.05), ("Arabic", 0.04),
             ("Haitian Creole", 0.03))
GENDERS = ("female", "male", "female", "male", "nonbinary")  # one vocabulary for both sides
AS_OF = date(2025, 9, 15)


def languages(rng: random.Random) -> list[str]:
    out = ["English"]
    for lang, share in LANGUAGES:
        if rng.random() < share:
            out.append(lang)
    return out


def make_mentors(count: int, rng: random.Random, fake: Faker) -> list[MentorProfile]:
    employers = [fake.unique.company() for _ in range(80)]
    mentors: list[MentorProfile] = []
    team_no = 0
    while len(mentors) < count:
        employer = rng.choice(employers)
        fields = rng.sample(FIELDS, rng.choice((1, 2, 2, 3)))
        kind = rng.random()
        if kind < 0.08:  # a team of colleagues from one employer
            team_no += 1
            size = min(rng.randint(2, 5), count - len(mentors))
            for _ in range(size):
                mentors.append(_mentor(len(mentors), rng, fake, employer, fields, ("team",), 1,
                                       team=f"{employer.split()[0].lower()}-{team_no}"))
            continue
        if kind < 0.62:
            models, capacity = ("one-to-one",), rng.choice((1, 1, 2, 2, 3))
        elif kind < 0.80:
            models, capacity = ("small-group",), rng.choice((1, 1, 2))
        elif kind < 0.95:
            models, capacity = ("one-to-one", "small-group"), rng.choice((1, 2))
        else:
            models, capacity = ("large-group",), 1
        mentors.append(_mentor(len(mentors), rng, fake, employer, fields, models, capacity))
    return mentors[:count]


def _mentor(number: int, rng: random.Random, fake: Faker, employer: str, fields: list[str],
            models: tuple[str, ...], capacity: int, team: str | None = None) -> MentorProfile:
    cleared = rng.random() < 0.95
    return MentorProfile(
        id=f"m{number:04d}", name=fake.name(), employer=employer, interests=fields,
        languages=languages(rng), availability=rng.sample(SLOTS, rng.randint(1, 4)),
        hobbies=rng.sample(HOBBIES, rng.randint(0, 3)), capacity=capacity, models=models,
        grades=frozenset(range(11, 15)) if rng.random() < 0.1 else frozenset(),
        pathways=frozenset(p for p, f in PATHWAYS.items() if set(f) & set(fields) and rng.random() < 0.5),
        gender=rng.choice(GENDERS), team=team,
        cleared_on=AS_OF - timedelta(days=rng.randint(10, 400)) if cleared else None,
        trained_on=AS_OF - timedelta(days=rng.randint(5, 300)) if rng.random() < 0.94 else None)


def make_students(count: int, mentors: list[MentorProfile], rng: random.Random, fake: Faker,
                  no_choices: bool, skew: float = 0.7) -> list[StudentProfile]:
    popularity = {m.id: 1 / (rank + 1) ** skew for rank, m in enumerate(rng.sample(mentors, len(mentors)))}
    by_field = {f: [m for m in mentors if f in m.interests] for f in FIELDS}
    students = []
    for number in range(count):
        pathway = rng.choice(list(PATHWAYS))
        extra = rng.sample(FIELDS, rng.randint(0, 2))
        interests = list(dict.fromkeys(rng.sample(PATHWAYS[pathway], 1) + extra))
        pool = [m for f in interests for m in by_field[f]] if rng.random() < 0.8 else mentors
        wanted = 0 if no_choices else rng.choices((0, 1, 2, 3), (5, 3, 7, 85))[0]
        choices = _pick(pool or mentors, popularity, wanted, rng)
        signed = rng.random() < 0.96
        students.append(StudentProfile(
            id=f"s{number:05d}", grade=rng.choices(range(9, 15), (30, 25, 20, 15, 5, 5))[0],
            name=fake.first_name(), interests=interests, pathway=pathway, languages=languages(rng),
            availability=rng.sample(SLOTS, rng.randint(1, 4)), hobbies=rng.sample(HOBBIES, rng.randint(0, 3)),
            gender=rng.choice(GENDERS),
            consent_signed=AS_OF - timedelta(days=rng.randint(1, 200)) if signed else None,
            consent_expires=AS_OF + timedelta(days=rng.randint(-20, 365)), choices=choices))
    return students


def _pick(pool: list[MentorProfile], popularity: dict[str, float], wanted: int,
          rng: random.Random) -> tuple[str, ...]:
    chosen: list[str] = []
    weights = [popularity[m.id] for m in pool]
    for _ in range(wanted * 4):
        if len(chosen) >= wanted:
            break
        pick = rng.choices(pool, weights)[0].id
        if pick not in chosen:
            chosen.append(pick)
    return tuple(chosen)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=2000)
    parser.add_argument("--mentors", type=int, default=600)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--skew", type=float, default=0.7,
                        help="Zipf exponent of mentors' popularity (0: all equally popular)")
    parser.add_argument("--no-choices", action="store_true", help="nobody chooses: all proposed by fit")
    parser.add_argument("--against-library", action="store_true",
                        help="also solve the choices with the 'matching' package and compare")
    args = parser.parse_args()
    rng, fake = random.Random(args.seed), Faker("en_US")
    Faker.seed(args.seed)
    mentors = make_mentors(args.mentors, rng, fake)
    students = make_students(args.students, mentors, rng, fake, args.no_choices, args.skew)
    rules = ProgramRules(as_of=AS_OF, draw_seed=f"bench-{args.seed}")
    print(f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, Python "
          f"{platform.python_version()}; load average before: {_load()}")
    walls, cpus = [], []
    proposal = None
    for _ in range(args.repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        proposal = propose_matches(students, mentors, rules)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    assert proposal is not None
    print(f"{len(students)} students x {len(mentors)} mentors, {args.repeat} runs: propose_matches "
          f"median {statistics.median(walls):.3f} s wall (min {min(walls):.3f}, max {max(walls):.3f}); "
          f"CPU median {statistics.median(cpus):.3f} s; load average after: {_load()}")
    _report(proposal, students, mentors)
    if args.against_library:
        _against_library(students, mentors, rules)


def _report(proposal: Proposal, students: list[StudentProfile], mentors: list[MentorProfile]) -> None:
    for line in proposal.summary.lines():
        print(line)
    models = Counter(m.model for m in proposal.matches)
    print("Matches by model: " + ", ".join(f"{n} {model}" for model, n in sorted(models.items())))
    print(f"Mentors left out: {dict(sorted(Counter(x.code for x in proposal.left_out).items()))}; "
          f"matches with a warning: {sum(1 for m in proposal.matches if m.warnings)}")
    three = {s.id for s in students if len(s.choices) == 3}
    if not three:
        return
    ranks = Counter(p.choice_rank for m in proposal.matches for p in m.placements if p.student_id in three)
    got = ", ".join(f"{100 * ranks.get(r, 0) / len(three):.1f} % choice {r}" for r in (1, 2, 3))
    print(f"Students who named three mentors ({len(three)}): {got}; "
          f"{100 * ranks.get(None, 0) / len(three):.1f} % by fit")
    firsts = Counter(s.choices[0] for s in students if s.choices)
    seats = {mid: p.seats for p in proposal.places for mid in p.mentor_ids}
    over = [mid for mid, n in firsts.items() if n > seats.get(mid, 0)]
    top, named = firsts.most_common(1)[0]
    print(f"Demand: {len(over)} of {len(mentors)} mentors are named 1st by more students than they have "
          f"places; the most popular is named 1st by {named} for {seats.get(top, 0)} place(s). "
          f"Places in all: {sum(p.seats for p in proposal.places)}.")


def _against_library(students: list[StudentProfile], mentors: list[MentorProfile],
                     rules: ProgramRules) -> None:
    """Cross-check the choices step: daffidwilde's ``matching`` on the same preferences and priorities."""
    here = Path(__file__).resolve().parent
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != here]  # this file is matching.py too
    try:
        import matching
        from matching.games import HospitalResident
    except ImportError:
        print("--against-library needs the 'matching' package (pip install matching in a scratch venv)")
        return
    from bot.choosing.choices import resolve_choices
    from bot.choosing.deferred import deferred_acceptance
    from bot.choosing.eligibility import student_block
    from bot.choosing.hosts import build_hosts
    from bot.choosing.state import RoundState

    table = build_hosts(mentors, rules)
    state = RoundState(rules, {s.id: s for s in students}, {m.id: m for m in mentors}, table)
    prefs = {s.id: resolve_choices(s, table, state.mentors).hosts for s in students
             if student_block(s, rules) is None}
    prefs = {sid: hosts for sid, hosts in prefs.items() if hosts}
    seats = {key: host.seats for key, host in table.hosts.items()}
    started = time.perf_counter()
    ours = deferred_acceptance(prefs, seats, state.priority)
    ours_s = time.perf_counter() - started
    ranked = {key: sorted((sid for sid, hosts in prefs.items() if key in hosts),
                          key=lambda sid, key=key: state.priority(sid, key), reverse=True) for key in seats}
    ranked = {key: sids for key, sids in ranked.items() if sids}
    sys.setrecursionlimit(100_000)  # its deep copy needs this at 2,000 x 600 (matching issue #139)
    started = time.perf_counter()
    game = HospitalResident.create_from_dictionaries(prefs, ranked, {k: seats[k] for k in ranked})
    built = time.perf_counter() - started
    solved = game.solve(optimal="resident")
    theirs = {r.name: h.name for h, residents in solved.items() for r in residents}
    total = time.perf_counter() - started
    print(f"Against matching {matching.__version__}: "
          f"{'identical' if theirs == ours else 'DIFFERENT'} ({len(ours)} placed by choice); ours "
          f"{ours_s * 1000:.1f} ms, theirs {total:.3f} s ({built:.3f} s building the game)")


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


if __name__ == "__main__":
    main()
