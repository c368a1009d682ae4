"""The glance page judges a peer mentor (a student) by consent, not by adult clearance."""

from __future__ import annotations

from datetime import date

from bot.web.views_glance import GlanceRow
from storage.models import Person

FORM = date(2026, 9, 1)


def person(role: str, **kw) -> Person:  # type: ignore[no-untyped-def]
    return Person(program_id="p", key=role, role=role, display_name=role.title(), **kw)


def row(mentor: Person) -> GlanceRow:
    return GlanceRow(key="ivy-ana", model="peer", status="active", mentors=[mentor],
                     students=[person("student", consent_received=FORM)])


def test_peer_mentor_with_a_form_on_file_is_fine():
    peer = row(person("student", consent_received=FORM))
    assert peer.clearance_ok and peer.consent_ok


def test_peer_mentor_without_a_form_is_a_consent_problem_not_a_clearance_one():
    peer = row(person("student"))
    assert peer.clearance_ok and not peer.consent_ok


def test_adult_mentor_still_needs_clearance():
    assert not row(person("mentor")).clearance_ok
    assert row(person("mentor", cleared_on=FORM)).clearance_ok
