"""Retention over a large message log: the dry run and the apply, on SQLite (issue 15: ≤ 60 s for 1M).

    .venv/bin/python benchmarks/retention.py --messages 1000000
    .venv/bin/python benchmarks/retention.py --messages 1000000 --copies     # each message also has a
                                                                             # delivered outbox copy

A year of chat in ``--matches`` one-to-one matches, chained the way the relay chains it (format 2:
ids, salts, commitments; the full-text index kept by its triggers), is written to a fresh SQLite
file. Every match ended more than the schedule's 30 days ago except ``--keep`` percent, and one
match is under a legal hold. Then the program's retention is planned (the dry-run report) and
applied (one erasure per rule: contents blanked, the search index cleared, tombstones marked,
one chained audit event), and the chains are verified. Each phase prints its wall time.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert  # noqa: E402
from sqlmodel import Session  # noqa: E402

from bot.governance import legal_holds, retention  # noqa: E402
from bot.governance.schedule import Rule, Schedule  # noqa: E402
from storage.chain_bulk import append_log_rows, lock_head  # noqa: E402
from storage.db import open_database, sqlite_url  # noqa: E402
from storage.models import Delivery, Match, MatchMember, Person, Program  # noqa: E402

START = datetime(2025, 9, 8, 14, 0, tzinfo=UTC)
NOW = datetime(2026, 9, 1, 12, 0, tzinfo=UTC)
WORDS = ["we", "talked", "about", "circuits", "resistors", "my", "internship", "the", "robotics", "club",
         "and", "next", "quiz"]


def seed(engine, matches: int, keep_percent: int) -> None:  # type: ignore[no-untyped-def]
    schedule = Schedule(
        {"messages": Rule("messages", 30, "match_end"), "outbox": Rule("outbox", 30, "written")}
    )
    with engine.begin() as db:
        db.execute(
            insert(Program.__table__),
            [
                {
                    "id": "bench",
                    "name": "Bench",
                    "timezone": "America/New_York",
                    "retention_json": schedule.to_json(),
                    "created_at": START,
                    "updated_at": START,
                }
            ],
        )
        db.execute(
            insert(Person.__table__),
            [
                {
                    "id": i + 1,
                    "program_id": "bench",
                    "key": f"p{i}",
                    "role": "mentor" if i % 2 == 0 else "student",
                    "display_name": f"Person {i}",
                    "active": True,
                }
                for i in range(2 * matches)
            ],
        )
        kept = max(1, matches * keep_percent // 100)
        db.execute(
            insert(Match.__table__),
            [
                {
                    "id": m + 1,
                    "program_id": "bench",
                    "key": f"m{m}",
                    "model": "one-to-one",
                    "status": "active" if m < kept else "ended",
                    "ended_on": None if m < kept else date(2026, 6, 20),
                    "prompts_paused": False,
                }
                for m in range(matches)
            ],
        )
        db.execute(
            insert(MatchMember.__table__),
            [
                {"match_id": m + 1, "person_id": 2 * m + 1 + side, "role": ("mentor", "student")[side]}
                for m in range(matches)
                for side in (0, 1)
            ],
        )
    legal_holds.place(engine, "bench", match_key=f"m{kept}", reason="bench hold", actor="bench", now=START)


def write_messages(engine, total: int, matches: int, copies: bool, batch: int = 20000) -> None:  # type: ignore[no-untyped-def]
    step = (NOW - START - timedelta(days=60)) / total
    for first in range(0, total, batch):
        count = min(batch, total - first)
        rows = []
        for n in range(first, first + count):
            m, sender = n % matches, n % 2
            at = START + step * n
            rows.append(
                {
                    "kind": "message",
                    "match_id": m + 1,
                    "channel": f"m{m}-{sender}",
                    "platform_message_id": str(n),
                    "dedupe_key": f"console:demo:{n}",
                    "sender_person_id": 2 * m + 1 + sender,
                    "sender_platform_id": f"u{2 * m + sender}",
                    "sender_name": f"Person {2 * m + sender}",
                    "sender_role": ("mentor", "student")[sender],
                    "text": " ".join(WORDS[(n + k) % len(WORDS)] for k in range(8)) + f" #{n}",
                    "sent_at": at,
                    "received_at": at,
                    "decision": "allow",
                }
            )
        with Session(engine) as session:
            ids = append_log_rows(
                session,
                lock_head(session, "bench"),
                rows,
                common={"platform": "console", "workspace": "demo"},
            )
            if copies:
                session.execute(
                    insert(Delivery.__table__),
                    [
                        {
                            "idempotency_key": f"relay:{i}",
                            "program_id": "bench",
                            "message_id": i,
                            "kind": "relay",
                            "platform": "console",
                            "workspace": "demo",
                            "channel": "copy",
                            "text": r["text"],
                            "sender_name": r["sender_name"],
                            "state": "sent",
                            "attempts": 1,
                            "next_attempt_at": r["sent_at"],
                            "created_at": r["sent_at"],
                            "sent_at": r["sent_at"],
                        }
                        for i, r in zip(ids, rows, strict=True)
                    ],
                )
            session.commit()


def install_bench_key(cache: Path | None) -> None:
    """A throwaway key ring for the sealed columns (issue 15); kept beside a seed cache so a
    cached database opens again next time."""
    from storage.encryption import install_keyring
    from storage.keyring import KeyRing, new_secret

    key_file = cache / "bench.key" if cache else None
    if key_file is not None and key_file.exists():
        secret = key_file.read_bytes()
    else:
        secret = new_secret()
        if key_file is not None:
            key_file.parent.mkdir(parents=True, exist_ok=True)
            key_file.write_bytes(secret)
            key_file.chmod(0o600)
    install_keyring(KeyRing.single(secret))


def prepare(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """A fresh SQLite copy of the seeded database (written now, or copied from ``--seed-cache``)."""
    install_bench_key(args.seed_cache)
    folder = Path(tempfile.mkdtemp(prefix="mb-retention-"))
    name = f"seed-{args.messages}-{args.matches}-{args.keep}-{int(args.copies)}.db"
    cached = args.seed_cache / name if args.seed_cache else None
    if cached is not None and cached.exists():
        shutil.copy(cached, folder / "bench.db")
        print(f"reused {cached}")
        return open_database(sqlite_url(folder / "bench.db"))
    engine = open_database(sqlite_url(folder / "bench.db"))
    started = time.perf_counter()
    seed(engine, args.matches, args.keep)
    write_messages(engine, args.messages, args.matches, args.copies)
    copies = " + copies" if args.copies else ""
    print(f"wrote {args.messages:,} chained messages{copies} in {time.perf_counter() - started:.1f} s")
    if cached is not None:
        engine.dispose()  # the last connection checkpoints the WAL into the file
        cached.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(folder / "bench.db", cached)
        engine = open_database(sqlite_url(folder / "bench.db"))
    return engine


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--matches", type=int, default=2000)
    parser.add_argument("--keep", type=int, default=10, help="percent of matches still active")
    parser.add_argument("--copies", action="store_true", help="one delivered outbox copy per message")
    parser.add_argument("--seed-cache", type=Path, help="keep the written database here; reuse it next time")
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}")
    engine = prepare(args)

    started, cpu = time.perf_counter(), time.process_time()
    plan = retention.plan_all(engine, NOW)[0]
    dry, dry_cpu = time.perf_counter() - started, time.process_time() - cpu
    for rule in plan.rules:
        print(
            f"  dry run, rule {rule.rule.name}: "
            + ", ".join(
                f"{t.rows:,} {t.table}" + (f" ({t.held_back:,} held)" if t.held_back else "")
                for t in rule.tables
            )
        )
    print(f"dry run (the report): {dry:.1f} s wall, {dry_cpu:.1f} s CPU")

    started, cpu = time.perf_counter(), time.process_time()
    plans, _ = retention.apply_all(engine, actor="benchmark", now=NOW)
    applied, applied_cpu = time.perf_counter() - started, time.process_time() - cpu
    erased = sum(n for rule in plans[0].rules for n in rule.erased.values())
    print(f"apply: {erased:,} rows erased in {applied:.1f} s wall, {applied_cpu:.1f} s CPU "
          f"(load {os.getloadavg()[0]:.1f})")
    print(f"RETENTION RUN (dry run + apply) over {args.messages:,} messages: {dry + applied:.1f} s wall, "
          f"{dry_cpu + applied_cpu:.1f} s CPU")

    started = time.perf_counter()
    with Session(engine) as session:
        from storage.chain_verify import verify_program

        report = verify_program(session, "bench")
    print(
        f"audit verify afterwards: {len(report.breaks)} breaks, erasures "
        f"{[(e.rule, e.rows) for e in report.erasures]} in {time.perf_counter() - started:.1f} s"
    )


if __name__ == "__main__":
    main()
