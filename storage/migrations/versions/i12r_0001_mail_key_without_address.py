"""e-mail keys name the recipient by person id, not by address

Revision ID: i12r_0001
Revises: enc_0002
Create Date: 2026-12-04 23:50:00

``mail_message.key`` is the e-mail queue's exactly-once key (a plain unique column). Issue 12 wrote
it as ``<purpose>:<alert or digest>:<address>``, so the coordinator's address sat in plain text
next to the sealed ``to_address`` (issue 15b). From now on it ends in ``person-<id>``
(``bot.mail.plan.mail_key``). This revision rewrites the existing keys the same way: the row's
sealed ``to_address`` is opened and matched against the program's people (their sealed e-mail);
a row whose address belongs to nobody any more ends in ``mail-<row id>`` instead. Keys erased by
retention (``erased-mail-<id>``) are left alone.

Nothing is sent twice across the change: a row keeps its state, and the planner queues an e-mail
only for an alert (or digest week) that has no e-mail of that purpose yet, whatever the keys say.
SQLite runs with ``secure_delete``, so the old keys do not linger in freed pages.
Downgrade writes the address back into the key (it needs the key ring, as the upgrade does).
"""
from typing import Any

import sqlalchemy as sa
from alembic import op

from storage.encryption import keyring_of
from storage.safe_text import unescape

revision = 'i12r_0001'
down_revision = 'enc_0002'
branch_labels = None
depends_on = None

ERASED = "erased-mail-"


def _prefix(row: Any) -> str:
    """``<purpose>:<alert or digest>`` as issue 12 wrote it (fixed here, whatever the code says later)."""
    if row.alert_id is not None:
        return f"{row.purpose}:alert:{row.alert_id}"
    return f"{row.purpose}:digest:{row.program_id}:{row.digest_week}"


def _mail_rows(connection: sa.Connection) -> list[Any]:
    return list(connection.execute(sa.text(
        "SELECT id, key, purpose, alert_id, program_id, digest_week, to_address FROM mail_message "
        "ORDER BY id")))


def _set_keys(connection: sa.Connection, keys: dict[int, str]) -> None:
    if keys:
        connection.execute(sa.text("UPDATE mail_message SET key = :key WHERE id = :id"),
                           [{"id": row_id, "key": key} for row_id, key in keys.items()])


def upgrade() -> None:
    connection = op.get_bind()
    rows = [row for row in _mail_rows(connection) if not row.key.startswith(ERASED)]
    if not rows:
        return
    ring = keyring_of(connection.dialect)  # no key configured: stops here, saying what to set
    people: dict[tuple[str, str], int] = {}
    for person in connection.execute(sa.text(
            "SELECT id, program_id, email FROM person WHERE email IS NOT NULL ORDER BY id")):
        people.setdefault((person.program_id, ring.open(person.email).strip().lower()), person.id)
    keys: dict[int, str] = {}
    taken: set[str] = set()
    for row in rows:
        person_id = people.get((row.program_id, ring.open(row.to_address).strip().lower()))
        key = f"{_prefix(row)}:person-{person_id}" if person_id is not None else None
        if key is None or key in taken:  # nobody has the address now, or two rows for one person
            key = f"{_prefix(row)}:mail-{row.id}"
        keys[row.id] = key
        taken.add(key)
    _set_keys(connection, keys)


def downgrade() -> None:
    connection = op.get_bind()
    rows = [row for row in _mail_rows(connection) if not row.key.startswith(ERASED)]
    if rows:
        ring = keyring_of(connection.dialect)
        _set_keys(connection, {row.id: f"{_prefix(row)}:{unescape(ring.open(row.to_address))}"[:200]
                               for row in rows})
