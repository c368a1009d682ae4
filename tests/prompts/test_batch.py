"""The fast paths of the weekly fan-out write exactly what the plain paths would: the same stored
values as SQLAlchemy's own INSERT, the same commitments and chain hashes as ``storage.chain_format``,
the same prompt text as the reference composer."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, text
from sqlmodel import Session, SQLModel

from bot.prompts.compose import Composer, WeekPrompt, fill, first_name, join_names
from storage import chain_format
from storage.bulk import insert_many
from storage.chain import verify
from storage.chain_bulk import ChainDigester, append_log_rows, lock_head
from storage.encryption import encrypted_columns, keyring_of
from storage.models import Delivery, Match, MessageLog, Program
from storage.models_prompts import PromptPost

NOW = datetime(2026, 10, 19, 13, 0, 0, 123456, tzinfo=UTC)
NY_NOW = NOW.astimezone(ZoneInfo("America/New_York"))  # the same instant, another zone
ODD_TEXTS = [
    "plain",
    "Zoë's café — “quotes” and 'apostrophes' ½ ✓ 你好 🙂",
    'backslash \\ and "double quotes" and a tab\tand\nnew lines\r\n',
    "control \x01\x1f\x7f and \u2028 line separator \u00a0nbsp",  # (PostgreSQL refuses NUL in text)
    "",
    "{mentor} braces } {",
]


def _program(engine: Engine, matches: int = 3) -> list[int]:
    with Session(engine) as session:
        session.add(Program(id="p1", name="P", created_at=NOW, updated_at=NOW))
        session.flush()
        rows = [
            Match(program_id="p1", key=f"m{i}", model="one-to-one", status="active") for i in range(matches)
        ]
        session.add_all(rows)
        session.commit()
        return [m.id for m in rows]  # type: ignore[misc]


def _raw(engine: Engine, table: str, skip: tuple[str, ...]) -> list[tuple]:  # type: ignore[type-arg]
    """Stored values as the driver returns them (no SQLAlchemy type processing), ordered by id.

    Sealed columns are randomized, so each is checked to be sealed and given back opened."""
    ring = keyring_of(engine)
    sealed = {column for table_name, column in encrypted_columns(SQLModel.metadata) if table_name == table}
    with engine.connect() as conn:
        result = conn.exec_driver_sql(f"SELECT * FROM {table} ORDER BY id")
        names = list(result.keys())
        keep = [i for i, name in enumerate(names) if name not in skip]

        def stored(name: str, value: object) -> object:
            if name not in sealed or value is None:
                return value
            assert str(value).startswith(f"e1.{ring.current_id}."), f"{table}.{name} is not sealed: {value!r}"
            return ring.open(str(value))

        return [tuple(stored(names[i], row[i]) for i in keep) for row in result.all()]


def test_insert_many_stores_what_sqlalchemy_stores(engine) -> None:  # type: ignore[no-untyped-def]
    # Over 60 lines by design: the same rows through both insert paths, compared column by column.
    match_ids = _program(engine, 2)
    common = {
        "program_id": "p1",
        "review_id": None,
        "alert_id": None,
        "ref_delivery_id": None,
        "kind": "prompt",
        "user_id": None,
        "sender_name": "mentorbot",
        "sender_avatar": None,
        "thread_id": None,
        "state": "pending",
        "attempts": 0,
        "next_attempt_at": NY_NOW,
        "lease_until": None,
        "last_error": None,
        "platform_message_id": None,
        "created_at": NOW,
        "sent_at": None,
    }
    own = [
        {"message_id": None, "platform": "slack", "workspace": "T1", "channel": f"C{i}", "text": t}
        for i, t in enumerate(ODD_TEXTS)
    ]
    with Session(engine) as session:
        table = Delivery.__table__  # type: ignore[attr-defined]
        core = [{**common, **row, "idempotency_key": f"core:{i}"} for i, row in enumerate(own)]
        session.execute(table.insert(), core)
        fast = [{**row, "idempotency_key": f"fast:{i}"} for i, row in enumerate(own)]
        insert_many(session, table, fast, common=common, ignore_on=["idempotency_key"])
        # a duplicate key is ignored, and only the new row comes back
        again = [{**own[0], "idempotency_key": "fast:0"}, {**own[1], "idempotency_key": "fast:new"}]
        key = ("idempotency_key",)
        back = insert_many(session, table, again, common=common, ignore_on=list(key), returning=key)
        assert back == [("fast:new",)]
        session.commit()
    stored = _raw(engine, "delivery", skip=("id", "idempotency_key"))
    n = len(ODD_TEXTS)
    assert stored[n : 2 * n] == stored[:n]
    assert len(stored) == 2 * n + 1

    # dates, booleans and datetimes given per row (no shared values), with insert-or-ignore + RETURNING
    posts = [
        {
            "program_id": "p1",
            "match_id": match_id,
            "week_start": date(2026, 10, 19) + timedelta(days=7 * week),
            "status": "posted",
            "source": "library",
            "topic_id": None,
            "reason": None,
            "via": "schedule",
            "scheduled_for": NY_NOW,
            "decided_at": NOW + timedelta(seconds=week),
            "late": bool(week % 2),
        }
        for week in range(2)
        for match_id in match_ids
    ]
    with Session(engine) as session:
        table = PromptPost.__table__  # type: ignore[attr-defined]
        session.execute(table.insert(), posts[:2])
        got = insert_many(session, table, posts, ignore_on=["program_id", "match_id", "week_start"],
                          returning=("match_id", "week_start"))
        session.commit()
    assert len(got) == 2  # the first week's two rows existed already
    stored = _raw(engine, "prompt_post", skip=("id",))
    assert len(stored) == 4
    with Session(engine) as session:  # the same stored form as SQLAlchemy's own insert, row for row
        session.execute(text("DELETE FROM prompt_post"))
        session.execute(PromptPost.__table__.insert(), posts)  # type: ignore[attr-defined]
        session.commit()
    assert _raw(engine, "prompt_post", skip=("id",)) == stored


def _log_values(i: int, body: str) -> dict:  # type: ignore[type-arg]
    return {
        "program_id": "p1",
        "seq": i + 1,
        "kind": "prompt",
        "match_id": i if i % 3 else None,
        "channel_id": None,
        "platform": "mentorbot",
        "workspace": "p1",
        "channel": f"match-{i}-ç",
        "platform_message_id": "prompt:2026-10-19",
        "thread_id": None,
        "dedupe_key": f"prompt:p1:{i}:2026-10-19",
        "original_id": None,
        "sender_person_id": None,
        "sender_platform_id": "mentorbot",
        "sender_name": "mentorbot",
        "sender_role": "system",
        "text": body,
        "attachment_count": i % 2,
        "sent_at": NY_NOW,
        "received_at": NOW + timedelta(microseconds=i),
        "decision": "allow",
        "alert": bool(i % 2),
        "hits_json": '[{"rule": "é"}]',
        "notice": None if i % 2 else "note ✓",
        "prev_hash": f"{i:064x}",
    }


def test_chain_digester_matches_chain_format() -> None:
    rng = random.Random(6)
    alphabet = "aZ09 \"\\/\n\t\x00\x7féçß✓🙂你{}’\u2028"
    bodies = ODD_TEXTS + ["NUL \x00 too"]
    bodies += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80))) for _ in range(200)]
    shared_sets: list[set[str]] = [
        set(),
        {"program_id", "kind", "platform", "sent_at", "hits_json", "alert", "notice"},
    ]
    for shared_names in shared_sets:
        for i, body in enumerate(bodies):
            values = {**_log_values(i, body), "id": 1000 + i}
            common = {name: values[name] for name in shared_names}
            own = {k: v for k, v in values.items() if k not in common}
            ChainDigester(common).seal(own)
            row = MessageLog(**values, row_hash="")
            expected = chain_format.commitment(own["content_salt"], chain_format.content_of("message", row))
            assert own["commitment"] == expected, body
            assert own["row_hash"] == chain_format.row_hash("message", row, expected), body


def test_appended_rows_verify_and_read_back_with_the_same_hashes(engine) -> None:  # type: ignore[no-untyped-def]
    _program(engine, 0)
    shared = ("program_id", "kind", "platform", "sent_at")
    common = {k: v for k, v in _log_values(0, "").items() if k in shared}
    rows = [{k: v for k, v in _log_values(i, body).items() if k not in common and k != "seq"}
            for i, body in enumerate(ODD_TEXTS * 3)]
    for row in rows:
        row.pop("prev_hash")
        row["match_id"] = None
    with Session(engine) as session:
        head = lock_head(session, "p1")
        ids = append_log_rows(session, head, rows[:5], common=common)
        head = lock_head(session, "p1")
        ids += append_log_rows(session, head, rows[5:], common=common)
        session.commit()
    with Session(engine) as session:
        assert verify(session, "p1") == []
        stored = [session.get(MessageLog, i) for i in ids]
        assert [m.seq for m in stored] == list(range(1, len(rows) + 1))  # type: ignore[union-attr]
        assert [m.text for m in stored] == [r["text"] for r in rows]  # type: ignore[union-attr]


def _reference_compose(week: WeekPrompt, *, mentors: list[str], students: list[str]) -> str:
    """compose() as it was before the Composer (the definition of the text)."""
    mentors = [first_name(m) for m in mentors]
    students = [first_name(s) for s in students]
    hello = f"Hi {join_names(mentors + students)}!" if mentors or students else "Hi!"
    if week.source == "calendar":
        course = f" ({week.course})" if week.course else ""
        head = f"{hello} This week in class{course}: {week.topic}."
    else:
        head = f"{hello} Here's this week's conversation starter."
    lines = [head, fill(week.prompt, mentors=mentors, students=students)]
    if week.follow_up:
        lines.append("Follow-up: " + fill(week.follow_up, mentors=mentors, students=students))
    if week.skill:
        lines.append(f"Professional skill to practise: {week.skill}.")
    return "\n".join(lines)


def test_composer_writes_the_reference_text() -> None:
    rng = random.Random(7)
    names = ["Raj Patel", "Ben T.", "Zoë", "  ", "", "Ana-María López", "{students}", "s}", "{", "李 雷"]
    weeks = [
        WeekPrompt(
            source="library",
            prompt="{students}, ask {mentor} about a first job.",
            skill="career planning",
            follow_up="{everyone}: what surprised you? {mentors}/{student}",
        ),
        WeekPrompt(
            source="calendar",
            prompt="{student{mentor}s} and {unknown} {{everyone}}",
            course="Biology",
            topic="Cells",
            skill="",
            follow_up=None,
        ),
        WeekPrompt(
            source="calendar", prompt="No placeholders.", topic="Sketch", skill="communication", follow_up=""
        ),
    ]
    for week in weeks:
        composer = Composer(week)
        for _ in range(300):
            mentors = rng.sample(names, rng.randint(0, 2))
            students = rng.sample(names, rng.randint(0, 3))
            assert composer(mentors=mentors, students=students) == _reference_compose(
                week, mentors=mentors, students=students
            ), (week, mentors, students)


def test_the_library_reads_the_same_with_libyaml() -> None:
    import yaml

    from bot.prompts.library import LIBRARY_FILE, library

    data = yaml.safe_load(LIBRARY_FILE.read_text(encoding="utf-8"))
    assert [(p.id, p.prompt, p.follow_up, p.skill) for p in library()] == [
        (p["id"], p["prompt"], p.get("follow_up"), p["skill"]) for p in data["prompts"]
    ]
