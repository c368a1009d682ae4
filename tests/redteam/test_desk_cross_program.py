"""Every desk route, discovered from the app itself (not a hand-kept table), attacked by another
program's coordinator with riverside's ids, and every state-changing POST sent without its CSRF
token: nothing of riverside's may be shown or changed."""

from __future__ import annotations

import hashlib
import json
import re

from sqlalchemy import inspect as sa_inspect
from sqlalchemy import text
from sqlmodel import Session, select

from storage.models import Alert, ReviewItem
from support.desk import served

# What a riverside id / key is for each path parameter.
RIVERSIDE_PARAMS = {
    "key": None,  # depends on the route: a match or a person
    "student": "ana", "fmt": "csv", "run_id": "1", "departure_id": "1",
}
WHATS = {
    "/year/{what}": ["expectations", "ack", "term", "settings"],
    "/records/{what}": ["consent", "training", "module", "clearance", "person"],
    "/people/{key}/year/{what}": ["reflection", "skills", "feedback"],
}
EXPORT_FORMATS = ["csv", "json", "html", "pdf"]
# A superset of the fields the desk's forms send, all naming riverside's people and matches.
FORM = {
    "decision": "approve", "note": "x", "reason": "checked by phone", "gate": "consent.missing",
    "action_taken": "Called home", "body": "x", "match": "dana-ana", "person": "ana", "mentor": "dana",
    "student": "ana", "text": "hello", "ratings": "teamwork 3", "match_mentor": "dana-ana/dana",
    "last_day": "2027-06-01", "replacement": "raj", "outcome": "ended", "until": "2027-06-01",
    "key": "dana-ana", "name": "x", "role": "student", "signed_on": "2026-09-01",
    "form_type": "district", "guardian": "g", "module": "orientation", "completed_on": "2026-09-01",
    "cleared_on": "2026-09-01", "rank1": "dana", "match_key": "dana-ana", "drop": "1",
    "signal": "1", "audience": "students", "action": "open", "starts_on": "2026-09-01",
}
NOT_PROGRAM_DATA = ("/signin", "/signout", "/healthz", "/readyz", "/metrics")
RIVERSIDE_WORDS = ("a secret for Dana", "Dana Whitfield", "Riverside")


def _riverside_fingerprint(engine) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """A hash of every row of every table that belongs to riverside (has its program id), plus the
    whole of the tables without a program column that hold people's records."""
    out = {}
    inspector = sa_inspect(engine)
    # job_claim and roster_generation are database-wide (no program's records): the generation
    # moves with every program's roster change, the intruder's own program's included
    skip = ("alembic_version", "audit_log", "desk_session", "desk_invite", "job_claim", "roster_generation")
    tables = {name: [c["name"] for c in inspector.get_columns(name)]
              for name in sorted(inspector.get_table_names())
              if name not in skip and not name.startswith("message_fts")}  # the search index
    with engine.connect() as conn:
        for name, cols in tables.items():
            where = " WHERE program_id = 'riverside-ptech'" if "program_id" in cols else ""
            rows = conn.execute(text(f'SELECT * FROM "{name}"{where}')).fetchall()  # noqa: S608
            out[name] = hashlib.sha256(json.dumps(sorted(map(str, rows))).encode()).hexdigest()
    return out


def _paths(desk) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return sorted((method, path) for method, path in served(desk.app) if path not in NOT_PROGRAM_DATA)


def _concrete(path: str, ids: dict[str, str]) -> list[str]:
    whats = WHATS.get(path, [None])
    urls = []
    for what in whats:
        url = path
        if "{key}" in url:
            person_route = url.startswith(("/people", "/profiles", "/bios"))
            url = url.replace("{key}", "ana" if person_route else "dana-ana")
        if what is not None:
            url = url.replace("{what}", what)
        for name, value in {**RIVERSIDE_PARAMS, **ids}.items():
            if value is not None:
                url = url.replace("{" + name + "}", value)
        if ".{fmt}" in path:
            urls += [url.replace(".csv", f".{fmt}") for fmt in EXPORT_FORMATS]
        else:
            urls.append(url)
    assert all("{" not in u for u in urls), urls
    return urls


async def _seed(desk, engine) -> dict[str, str]:  # type: ignore[no-untyped-def]
    await desk.h.say("ana", "dana-ana-student", "a secret for Dana")  # held
    await desk.h.say("ana", "dana-ana-student", "I want to hurt myself")  # alert
    with Session(engine) as session:
        review = session.exec(select(ReviewItem)).one().id
        alert = session.exec(select(Alert)).one().id
    return {"review_id": str(review), "alert_id": str(alert)}


async def test_another_programs_coordinator_reads_and_changes_nothing_on_any_route(desk, engine) -> None:  # type: ignore[no-untyped-def]
    ids = await _seed(desk, engine)
    before = _riverside_fingerprint(engine)
    client = await desk.signed_in("quinn")
    token = desk.csrf_of((await client.get("/")).text)
    leaks = []
    paths = _paths(desk)
    assert len(paths) > 40  # the whole desk, not a hand-kept subset
    for method, path in paths:
        for url in _concrete(path, ids):
            if method == "GET":
                response = await client.get(url)
            else:
                response = await client.post(url, data={"csrf": token, **FORM})
            body = response.text + response.headers.get("location", "")
            if any(word in body for word in RIVERSIDE_WORDS):
                leaks.append((method, url, response.status_code))
    await client.aclose()
    assert leaks == []
    after = _riverside_fingerprint(engine)
    changed = [t for t in after if after[t] != before.get(t)]
    assert changed == [], f"another program's coordinator changed {changed}"


async def test_no_state_changing_post_is_accepted_without_the_csrf_token(desk, engine) -> None:  # type: ignore[no-untyped-def]
    ids = await _seed(desk, engine)
    client = await desk.signed_in("okafor")
    before = _riverside_fingerprint(engine)
    accepted = []
    for method, path in _paths(desk):
        if method != "POST":
            continue
        for url in _concrete(path, ids):
            for data in ({k: v for k, v in FORM.items()}, {**FORM, "csrf": "forged"}):
                response = await client.post(url, data=data)
                if response.status_code != 403:
                    accepted.append((url, response.status_code, "csrf" in data))
    await client.aclose()
    assert accepted == []
    assert _riverside_fingerprint(engine) == before


def test_fingerprint_sees_a_change(sqlite_engine, sample_roster_path) -> None:  # type: ignore[no-untyped-def]
    """The fingerprint above is not blind: a riverside row changing changes it."""
    from support.roster_helpers import import_roster

    engine = sqlite_engine
    import_roster(engine, sample_roster_path)
    before = _riverside_fingerprint(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE person SET display_name = 'x' WHERE program_id = 'riverside-ptech'"))
    assert _riverside_fingerprint(engine) != before
    assert re.fullmatch(r"[0-9a-f]{64}", before["person"])
