"""merge encryption at rest with issues 12, 14 and 15a: seal their personal free text

Revision ID: enc_0002
Revises: enc_0001, gov_0002
Create Date: 2027-01-20 10:00:00

A merge revision: ``enc_0001`` (issue 15's encryption at rest) and ``gov_0002`` (issue 15's
governance over the tables of issues 12 and 14) were added side by side. The personal free text
those branches stored in plain columns is sealed here the way ``enc_0001`` sealed the message log
(storage/encryption.py, AES-256-GCM under the ring's current key): bios and profile details,
matching reasons, departure reasons and what students were told, legal-hold reasons, coordinator
e-mails (address, name, subject, body), check-in notes, reflections and their questions, mentor
feedback, training and consent notes, the guardian's name, and gate-override reasons.

The chain is not touched: none of these rows is chained, and the review item's anchors commit to
fields that are not sealed here (``override_reason`` is not in ``chain_format.ANCHORED``).

Values of columns that were ``SafeText``/``SafeString`` are already in their stored (escaped) form;
the others are escaped before sealing, as ``EncryptedText`` does on write (storage.safe_text).
On PostgreSQL the columns become TEXT (sealed values are longer than a VARCHAR(200) allowed).
Downgrade opens every value again (it needs the key too); the columns stay TEXT.
"""
from alembic import op

from storage import reseal
from storage.encryption import keyring_of
from storage.keyring import KeyRingError
from storage.safe_text import escape, unescape

revision = 'enc_0002'
down_revision = ('enc_0001', 'gov_0002')
branch_labels = None
depends_on = None

# Fixed here (not read from the models) so the migration means the same thing forever:
# table -> (its integer primary key, the columns sealed, those stored escaped already)
SEALED = {
    "reviewitem": ("id", ["override_reason"], {"override_reason"}),
    "profile": ("person_id", ["bio_text", "job_title", "employer", "hobbies_json", "gender",
                              "gender_preference", "bio_check_json"], set()),
    "proposal_run": ("id", ["summary_json", "unmatched_json", "left_out_json"], set()),
    "proposal": ("id", ["reasons_json", "warnings_json"], set()),
    "departure": ("id", ["reason_text", "student_message_text"], set()),
    "legal_hold": ("id", ["reason", "release_reason"], set()),
    "mail_message": ("id", ["to_address", "to_name", "subject", "body"], {"body"}),
    "checkin_answer": ("id", ["note_text"], {"note_text"}),
    "reflection_prompt": ("id", ["question_text"], {"question_text"}),
    "reflection": ("id", ["question_text", "reflection_text"], {"question_text", "reflection_text"}),
    "mentor_feedback": ("id", ["feedback_text"], {"feedback_text"}),
    "training_record": ("id", ["note_text"], {"note_text"}),
    "consent_form": ("id", ["guardian_name", "note_text"], {"note_text"}),
}


def _rewrite(change) -> None:  # type: ignore[no-untyped-def]
    connection = op.get_bind()
    for table, (key, columns, escaped) in SEALED.items():
        for rows in reseal.batches(connection, table, columns, key=key):
            new = [{"id": row["id"], **{c: None if row[c] is None else change(row[c], c in escaped)
                                        for c in columns}} for row in rows]
            reseal.write(connection, table, new, key=key)


def upgrade() -> None:
    connection = op.get_bind()
    ring = keyring_of(connection.dialect)  # no key configured: stops here, saying what to set
    if connection.dialect.name == 'postgresql':
        quote = connection.dialect.identifier_preparer.quote
        for table, (_key, columns, _escaped) in SEALED.items():
            changes = ", ".join(f"ALTER COLUMN {quote(c)} TYPE TEXT" for c in columns)
            op.execute(f"ALTER TABLE {quote(table)} {changes}")

    def seal(value: str, stored: bool) -> str:
        if _sealed(ring, value):  # already sealed (written by code that had this column sealed): kept
            return value
        return ring.seal(value if stored else escape(value))

    _rewrite(seal)


def _sealed(ring, value: str) -> bool:  # type: ignore[no-untyped-def]
    if not value.startswith("e1."):
        return False
    try:
        ring.open(value)
    except KeyRingError:
        return False
    return True


def downgrade() -> None:
    ring = keyring_of(op.get_bind().dialect)
    _rewrite(lambda value, stored: ring.open(value) if stored else unescape(ring.open(value)))
