"""An access request after a busy year: how long finding every audit event about one student takes.

    .venv/bin/python benchmarks/access_request.py --messages 200000 --events 100000

The retention benchmark's program (``--matches`` one-to-one matches, ``--messages`` chained
messages; benchmarks/retention.py) gets ``--events`` chained audit events of the kinds a year
writes: transcript reads and person views of every match and student, review-page views listing
held messages, searches, and glance pages over the program. Then one student's access request is
answered (``bot.governance.access_request.answer``) and the time is printed, with how many events
it listed about them and how many pages that showed every student.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import retention as year_bench  # noqa: E402
from sqlmodel import Session  # noqa: E402

from bot.governance.access_request import answer  # noqa: E402
from storage import audit  # noqa: E402


def write_events(engine, total: int, matches: int, batch: int = 5000) -> None:  # type: ignore[no-untyped-def]
    """A mix of what a year of desk use writes, spread over every match and student."""
    step = (year_bench.NOW - year_bench.START) / max(total, 1)
    for first in range(0, total, batch):
        with Session(engine) as session:
            for n in range(first, min(first + batch, total)):
                m, at = n % matches, year_bench.START + step * n
                kind = n % 5
                target, action, detail = {
                    0: (f"match:m{m}", "transcript.read", {}),
                    1: (f"person:p{2 * m + 1}", "profile.view", {}),
                    2: ("program:bench", "review.view", {"holds": [n % 997]}),
                    3: ("search", "search", {"q": "circuits", "matches": [f"match:m{(m + 1) % matches}"]}),
                    4: ("program:bench", "glance.view", {}),
                }[kind]
                audit.record(
                    session,
                    program_id="bench",
                    actor="web:okafor",
                    action=action,
                    at=at,
                    target=target,
                    detail=detail,
                )
            session.commit()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=200_000)
    parser.add_argument("--matches", type=int, default=500)
    parser.add_argument("--events", type=int, default=100_000)
    args = parser.parse_args()
    year_bench.install_bench_key(None)
    folder = Path(tempfile.mkdtemp(prefix="mb-access-"))
    engine = year_bench.open_database(year_bench.sqlite_url(folder / "bench.db"))
    started = time.perf_counter()
    year_bench.seed(engine, args.matches, keep_percent=50)
    year_bench.write_messages(engine, args.messages, args.matches, copies=False)
    write_events(engine, args.events, args.matches)
    print(
        f"wrote {args.messages:,} messages and {args.events:,} audit events "
        f"in {time.perf_counter() - started:.1f} s"
    )
    started = time.perf_counter()
    done = answer(
        engine,
        "bench",
        "p3",
        requester="bench parent",
        relationship="parent",
        actor="bench",
        path=folder / "p3.zip",
        now=year_bench.NOW + timedelta(days=1),
    )
    took = time.perf_counter() - started
    import json
    import zipfile

    with zipfile.ZipFile(done.path) as z:
        record = json.loads(z.read("record.json"))
    print(
        f"access request for p3: {took:.2f} s; {len(record['access_log'])} events about them, "
        f"{len(record['pages_listing_every_student'])} pages that showed every student, "
        f"{len(record['messages_they_wrote'])} messages they wrote"
    )
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
