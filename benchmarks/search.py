"""Desk search latency at scale on SQLite (FTS5) and PostgreSQL (tsvector + GIN).

    .venv/bin/python benchmarks/search.py --rows 1000000 [--engines sqlite,postgres] [--runs 300]
                                          [--fresh 5000] [--scan]

Bulk-generates realistic messages (Zipf-distributed vocabulary, 4 programs x 500 matches, one mentor
and two students per match, two years of time) straight into message_log — on SQLite the FTS5
index is built once after the rows by the migration's backfill statement; on PostgreSQL every
secondary index is rebuilt after COPY, then VACUUM (ANALYZE) — then measures
the desk's own query function (``storage.search.search_messages``, the one the /search route uses)
for: filtered to one match, filtered to one student (sender), and program-wide newest 50. Each
query cycles over a common, a medium and a rare word. Prints p50/p95 in milliseconds. ``--fresh N``
then inserts N more messages row by row (triggers and indexes live, no VACUUM: PostgreSQL's
index-only scans then fetch the heap for those rows) and measures again.

Message text, sender names and people's names are sealed at rest (issue 15), so rows are written
sealed with a throwaway key and carry their blind-index tokens, as the app writes them; the indexes
are over the tokens (migration enc_0001). ``--scan`` also measures the alternative that was not
chosen — decrypt-and-scan: read the scope's newest rows, open each, test the words in Python, until
50 hit (``scan_search`` below) — with a tenth of the runs, as it is slow where it matters.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime, timedelta
from itertools import accumulate, islice
from pathlib import Path
from statistics import quantiles

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests")]

from sqlalchemy import text  # noqa: E402
from sqlmodel import Session  # noqa: E402

from storage import blind_index  # noqa: E402
from storage.db import make_engine, sqlite_url, upgrade  # noqa: E402
from storage.encryption import install_keyring  # noqa: E402
from storage.keyring import KeyRing, new_secret  # noqa: E402
from storage.search import SearchFilters, load_hits, search_messages  # noqa: E402

RING = KeyRing.single(new_secret())  # a throwaway key: the benchmark's data is generated
install_keyring(RING)

PROGRAMS = 4
MATCHES_PER_PROGRAM = 500
VOCAB = 5000
WORDS = {"common": "w3", "medium": "w60", "rare": "w2500"}
START = datetime(2024, 9, 1, tzinfo=UTC)
COLUMNS = ("id, program_id, seq, kind, match_id, platform, workspace, channel, platform_message_id, "
           "sender_person_id, sender_platform_id, sender_name, sender_role, text, attachment_count, "
           "sent_at, received_at, decision, alert, hits_json, prev_hash, row_hash, search_tokens")


def vocabulary() -> tuple[list[str], list[float]]:
    words = [f"w{i}" for i in range(VOCAB)]
    return words, [1 / (i + 1) for i in range(VOCAB)]


def seed_roster(session: Session) -> dict[str, list]:
    """Programs, people and matches via plain inserts; returns ids for the message generator."""
    matches, students = [], []
    person_id = match_id = 0
    for p in range(PROGRAMS):
        program = f"bench-{p}"
        session.execute(text("INSERT INTO program (id, name, timezone, created_at, updated_at) VALUES "
                             "(:id, :name, 'America/New_York', :now, :now)"),
                        {"id": program, "name": f"Bench program {p}", "now": START})
        for m in range(MATCHES_PER_PROGRAM):
            match_id += 1
            session.execute(text("INSERT INTO match (id, program_id, key, model, status, prompts_paused) "
                                 "VALUES (:id, :p, :k, 'one-to-one', 'active', false)"),
                            {"id": match_id, "p": program, "k": f"m{m}"})
            people = []
            for role in ("mentor", "student", "student"):
                person_id += 1
                session.execute(text("INSERT INTO person (id, program_id, key, role, display_name, active) "
                                     "VALUES (:id, :p, :k, :r, :n, true)"),
                                {"id": person_id, "p": program, "k": f"u{person_id}", "r": role,
                                 "n": RING.seal(f"Person {person_id}")})
                session.execute(text("INSERT INTO matchmember (match_id, person_id, role) "
                                     "VALUES (:m, :u, :r)"), {"m": match_id, "u": person_id, "r": role})
                people.append((person_id, role))
                if role == "student":
                    students.append((program, person_id))
            matches.append((program, match_id, people))
    session.commit()
    return {"matches": matches, "students": students}


def messages(rows: int, roster: dict[str, list], seed: int = 7):  # type: ignore[no-untyped-def]
    rng = random.Random(seed)
    words, weights = vocabulary()
    cumulative = list(accumulate(weights))  # what choices() would rebuild per call (5,000 adds)
    matches = roster["matches"]
    # program 0 is the big district program: half of all messages
    big = [m for m in matches if m[0] == "bench-0"]
    seqs: dict[str, int] = {}
    step = timedelta(days=730) / rows
    for i in range(1, rows + 1):
        program, match_id, people = rng.choice(big) if rng.random() < 0.5 else rng.choice(matches)
        person, role = rng.choice(people)
        seqs[program] = seqs.get(program, 0) + 1
        body = " ".join(rng.choices(words, cum_weights=cumulative, k=rng.randint(4, 18)))
        decision = "hold" if rng.random() < 0.03 else "allow"
        at = START + step * i
        yield (i, program, seqs[program], "message", match_id, "console", "bench", f"c{match_id}", f"x{i}",
               person, f"u{person}", RING.seal(f"Person {person}"), role, RING.seal(body), 0, at, at,
               decision, False, RING.seal("[]"), "", "", blind_index.tokens(RING, program, body))


def _migration(name: str):  # type: ignore[no-untyped-def]
    """A migration module by file name (its DDL is reused so the benchmark cannot drift from it)."""
    path = next((REPO / "storage" / "migrations" / "versions").glob(f"{name}_*.py"))
    spec = importlib.util.spec_from_file_location(f"bench_{name}", path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def batched(items: Iterable[tuple], size: int) -> Iterator[list[tuple]]:
    batch: list[tuple] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _sqlite_row(row: tuple) -> tuple:
    return tuple(v.isoformat(sep=" ").replace("+00:00", "") if isinstance(v, datetime) else v for v in row)


def load_sqlite(path: Path, rows: Callable[[dict[str, list]], Iterable[tuple]]):  # type: ignore[no-untyped-def]
    """Rows first with the FTS5 insert trigger and the non-constraint indexes dropped, then the
    indexes rebuilt from their own SQL and the FTS5 index built by one INSERT ... SELECT (the
    migration's own backfill statement), then the trigger put back."""
    engine = make_engine(sqlite_url(path))
    upgrade(engine)
    with Session(engine) as session:
        roster = seed_roster(session)
    index = _migration("enc_0001")._sqlite_index("search_tokens")
    trigger = next(sql for sql in index if "message_fts_ai" in sql)
    backfill = index[-1]
    raw = engine.raw_connection()
    cursor = raw.cursor()
    marks = ", ".join("?" for _ in COLUMNS.split(","))
    cursor.execute("PRAGMA cache_size = -1000000")  # 1 GB for the load (default: 2 MB)
    indexes = cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                             "AND tbl_name = 'message_log' AND sql IS NOT NULL").fetchall()
    cursor.execute("BEGIN")
    cursor.execute("DROP TRIGGER message_fts_ai")
    for name, _sql in indexes:
        cursor.execute(f"DROP INDEX {name}")
    for batch in batched((_sqlite_row(r) for r in rows(roster)), 50_000):
        cursor.executemany(f"INSERT INTO message_log ({COLUMNS}) VALUES ({marks})", batch)
    for _name, sql in indexes:
        cursor.execute(sql)
    cursor.execute(backfill)
    cursor.execute(trigger)
    cursor.execute("COMMIT")
    cursor.execute("ANALYZE")
    raw.close()
    return engine, roster


def load_postgres(url: str, rows: Callable[[dict[str, list]], Iterable[tuple]]):  # type: ignore[no-untyped-def]
    """COPY with only the constraint indexes in place, then every other index of message_log
    rebuilt from its own definition, then VACUUM (ANALYZE) — what autovacuum does in production,
    and what sets the visibility map the index-only search scans need."""
    engine = make_engine(url)
    upgrade(engine)
    with Session(engine) as session:
        roster = seed_roster(session)
    raw = engine.raw_connection()
    with raw.cursor() as cursor:
        cursor.execute(
            "SELECT i.relname, pg_get_indexdef(x.indexrelid) FROM pg_index x "
            "JOIN pg_class i ON i.oid = x.indexrelid "
            "LEFT JOIN pg_constraint c ON c.conindid = x.indexrelid "
            "WHERE x.indrelid = 'message_log'::regclass AND c.oid IS NULL")
        indexes = cursor.fetchall()
        for name, _definition in indexes:
            cursor.execute(f"DROP INDEX {name}")
        with cursor.copy(f"COPY message_log ({COLUMNS}) FROM STDIN") as copy:
            for row in rows(roster):
                copy.write_row(row)
        cursor.execute("SET maintenance_work_mem = '512MB'")
        for _name, definition in indexes:
            cursor.execute(definition)
    raw.commit()
    raw.close()
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM (ANALYZE) message_log"))
    return engine, roster


def add_fresh(engine, rows: list[tuple]) -> None:  # type: ignore[no-untyped-def]
    """New messages through plain INSERTs (triggers and every index live), not vacuumed."""
    sqlite = engine.dialect.name == "sqlite"
    raw = engine.raw_connection()
    cursor = raw.cursor()
    marks = ", ".join(("?" if sqlite else "%s") for _ in COLUMNS.split(","))
    if sqlite:
        cursor.execute("BEGIN")
    cursor.executemany(f"INSERT INTO message_log ({COLUMNS}) VALUES ({marks})",
                       [_sqlite_row(r) for r in rows] if sqlite else rows)
    if sqlite:
        cursor.execute("COMMIT")
    else:
        raw.commit()
    raw.close()


def scan_search(session: Session, program_id: str, filters: SearchFilters,  # type: ignore[no-untyped-def]
                limit: int = 50, chunk: int = 1000):
    """The alternative to a blind index: the scope's rows newest first through the btrees, each text
    opened and its words tested in Python, until ``limit`` hit (no index of the words at all)."""
    terms = set(filters.terms)
    where = "program_id = :program AND kind != 'delete'"
    if filters.match_id is not None:
        where += " AND match_id = :match"
    if filters.person_id is not None:
        where += " AND sender_person_id = :person"
    params: dict[str, object] = {"program": program_id, "match": filters.match_id,
                                 "person": filters.person_id, "chunk": chunk}
    found: list[int] = []
    before = None
    while len(found) < limit:
        bound = " AND id < :before" if before is not None else ""
        rows = session.execute(text(f"SELECT id, text FROM message_log WHERE {where}{bound} "
                                    "ORDER BY id DESC LIMIT :chunk"), {**params, "before": before}).all()
        for row_id, sealed in rows:
            if terms <= set(blind_index.words(RING.open(sealed))):
                found.append(row_id)
                if len(found) == limit:
                    break
        if len(rows) < chunk:
            break
        before = rows[-1][0]
    return load_hits(session, program_id, found)


def measure(engine, roster, runs: int, search=search_messages) -> dict[str, tuple[float, float]]:  # type: ignore[no-untyped-def]
    rng = random.Random(11)
    big = [m for m in roster["matches"] if m[0] == "bench-0"]
    big_students = [s for s in roster["students"] if s[0] == "bench-0"]
    kinds = {
        "one match": lambda w: ("bench-0", SearchFilters(text=w, match_id=rng.choice(big)[1])),
        "one student": lambda w: ("bench-0", SearchFilters(text=w, person_id=rng.choice(big_students)[1])),
        "program-wide newest 50": lambda w: ("bench-0", SearchFilters(text=w)),
    }
    results = {}
    with Session(engine) as session:
        for name, make in kinds.items():
            timings = []
            for i in range(runs):
                program, filters = make(list(WORDS.values())[i % len(WORDS)])
                started = time.perf_counter()
                search(session, program, filters)
                timings.append((time.perf_counter() - started) * 1000)
                session.rollback()
            cuts = quantiles(timings, n=100)
            results[name] = (cuts[49], cuts[94])
    return results


def report(engine_name: str, rows: int, load_s: float | None,
           results: dict[str, tuple[float, float]]) -> None:
    loaded = f" (loaded in {load_s:.0f} s)" if load_s is not None else ""
    print(f"\n{engine_name}: {rows:,} messages{loaded}", flush=True)
    for name, (p50, p95) in results.items():
        print(f"  {name:<24} p50 {p50:7.2f} ms   p95 {p95:7.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--engines", default="sqlite,postgres")
    parser.add_argument("--fresh", type=int, default=0,
                        help="then insert this many more messages (not vacuumed) and measure again")
    parser.add_argument("--scan", action="store_true",
                        help="also measure decrypt-and-scan (the alternative to the blind index)")
    args = parser.parse_args()

    def bulk(roster):  # type: ignore[no-untyped-def]
        return islice(messages(args.rows + args.fresh, roster), args.rows)

    def scan(engine, roster, name: str) -> None:  # type: ignore[no-untyped-def]
        if args.scan:
            runs = max(30, args.runs // 10)
            report(f"{name} — decrypt-and-scan instead of the index ({runs} runs)", args.rows, None,
                   measure(engine, roster, runs, search=scan_search))

    def fresh(engine, roster, name: str) -> None:  # type: ignore[no-untyped-def]
        if args.fresh:
            add_fresh(engine, list(islice(messages(args.rows + args.fresh, roster), args.rows, None)))
            report(f"{name} + {args.fresh:,} new messages, not vacuumed", args.rows + args.fresh, None,
                   measure(engine, roster, args.runs))

    with tempfile.TemporaryDirectory(prefix="mentorbot-bench-") as folder:
        if "sqlite" in args.engines:
            started = time.perf_counter()
            engine, roster = load_sqlite(Path(folder) / "bench.db", bulk)
            load = time.perf_counter() - started
            report("SQLite FTS5", args.rows, load, measure(engine, roster, args.runs))
            scan(engine, roster, "SQLite")
            fresh(engine, roster, "SQLite FTS5")
            engine.dispose()
        if "postgres" in args.engines:
            from support.pg import start_cluster

            cluster = start_cluster()
            try:
                admin = make_engine(cluster.admin_url)
                with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                    conn.execute(text("CREATE DATABASE bench"))
                started = time.perf_counter()
                engine, roster = load_postgres(cluster.url("bench"), bulk)
                report("PostgreSQL GIN", args.rows, time.perf_counter() - started,
                       measure(engine, roster, args.runs))
                scan(engine, roster, "PostgreSQL")
                fresh(engine, roster, "PostgreSQL GIN")
                engine.dispose()
                admin.dispose()
            finally:
                cluster.stop()


if __name__ == "__main__":
    main()
