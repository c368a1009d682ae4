"""The matching step as the coordinator runs it, through storage: time to propose (read every
profile and choice from the database, run ``bot.choosing``, store the run with every reason) and
to confirm every proposal (the roster's rules and ``MatchWriter`` per match, one transaction).

    .venv/bin/python benchmarks/matching_stored.py                 # 2,000 students x 600 mentors
    .venv/bin/python benchmarks/matching_stored.py --students 500 --mentors 150

The synthetic program is ``benchmarks/matching.py``'s (same seed, same popularity), written into a
fresh SQLite file (WAL, as in production) as a roster of people, profiles and choices. Prints wall
and CPU time per step and the machine's load (2 shared cores: the load matters).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from faker import Faker
from sqlmodel import Session

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

from matching import AS_OF, make_mentors, make_students  # noqa: E402

from bot.matching.confirm import confirm  # noqa: E402
from bot.matching.proposals import propose  # noqa: E402
from storage.db import open_database, sqlite_url  # noqa: E402
from storage.models import Person, Program  # noqa: E402
from storage.models_choosing import Choice, ChoosingRound, Profile  # noqa: E402

PROGRAM = "bench-ptech"
NOW = datetime(2025, 9, 1, 15, 0, tzinfo=UTC)


def seed(engine, students, mentors) -> None:  # type: ignore[no-untyped-def]
    """People, profiles, a closed round and the students' choices, as the desk and chat leave them."""
    with Session(engine) as session:
        session.add(Program(id=PROGRAM, name="Benchmark P-TECH", created_at=NOW, updated_at=NOW))
        session.flush()  # no ORM relationships: the program row must exist before its people
        session.add(Person(program_id=PROGRAM, key="coord", role="coordinator", display_name="Coordinator"))
        # a mentor without orientation training counts as not cleared here (no training records)
        people = {m.id: Person(program_id=PROGRAM, key=m.id, role="mentor", display_name=m.name,
                               cleared_on=m.trained_on and m.cleared_on) for m in mentors}
        people |= {s.id: Person(program_id=PROGRAM, key=s.id, role="student", display_name=s.name,
                                grade=s.grade, consent_received=s.consent_signed) for s in students}
        session.add_all(people.values())
        session.flush()
        session.add_all(profile_of(people[p.id].id, p) for p in [*mentors, *students])  # type: ignore[arg-type]
        round_ = ChoosingRound(program_id=PROGRAM, key="bench", state="closed", starts_on=AS_OF,
                               created_at=NOW)
        session.add(round_)
        session.flush()
        session.add_all(Choice(program_id=PROGRAM, round_id=round_.id, student_id=people[s.id].id,  # type: ignore[arg-type]
                               rank=rank, mentor_id=people[m].id, made_at=NOW)  # type: ignore[arg-type]
                        for s in students for rank, m in enumerate(s.choices, start=1))
        session.commit()


def profile_of(person_id: int, p) -> Profile:  # type: ignore[no-untyped-def]
    """A profile row from the synthetic mentor or student."""
    lists = {f"{name}_json": json.dumps(sorted(getattr(p, name)))
             for name in ("interests", "languages", "availability", "hobbies")}
    if hasattr(p, "capacity"):  # a mentor
        lists |= {"models_json": json.dumps(list(p.models)), "grades_json": json.dumps(sorted(p.grades)),
                  "pathways_json": json.dumps(sorted(p.pathways))}
        return Profile(person_id=person_id, program_id=PROGRAM, employer=p.employer, capacity=p.capacity,
                       gender=p.gender, team=p.team, bio_text="A mentor.", bio_state="ok", updated_at=NOW,
                       **lists)
    return Profile(person_id=person_id, program_id=PROGRAM, pathway=p.pathway, gender=p.gender,
                   updated_at=NOW, **lists)


def timed(label: str, fn):  # type: ignore[no-untyped-def]
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    print(f"{label:<44} {time.perf_counter() - wall:6.2f} s wall  {time.process_time() - cpu:6.2f} s CPU")
    return result


def main() -> None:
    from storage.encryption import install_keyring
    from storage.keyring import KeyRing, new_secret

    install_keyring(KeyRing.single(new_secret()))  # a throwaway key for the sealed columns (issue 15)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=2000)
    parser.add_argument("--mentors", type=int, default=600)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng, fake = random.Random(args.seed), Faker()
    Faker.seed(args.seed)
    mentors = make_mentors(args.mentors, rng, fake)
    students = make_students(args.students, mentors, rng, fake, no_choices=False)
    print(f"{args.students} students x {args.mentors} mentors; load average "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory() as folder:
        engine = open_database(sqlite_url(Path(folder) / "bench.db"))
        timed("write the program (people, profiles, choices)", lambda: seed(engine, students, mentors))
        view = timed("propose (read, match, store every reason)",
                     lambda: propose(engine, PROGRAM, now=NOW, actor="bench"))
        print(f"  {len(view.lines)} proposed matches, {len(view.unmatched)} students not proposed")
        done = timed("confirm every proposal (rules + MatchWriter)",
                     lambda: confirm(engine, PROGRAM, view.run.id, now=NOW, actor="bench",
                                     coordinator="coord"))
        print(f"  {len(done.matches)} matches written, {len(done.problems)} refused by the roster's rules")
        engine.dispose()


if __name__ == "__main__":
    main()
