"""A mentor's bio is checked before students read it, but the post students read also carries the
job title, employer, interests and languages: contact details there must not reach them either."""

from __future__ import annotations

import pytest

from support.year_helpers import PROGRAM, YEAR_ROSTER


@pytest.fixture
def engine(sqlite_engine):  # type: ignore[no-untyped-def]
    return sqlite_engine


@pytest.mark.parametrize("field", ["title", "employer", "interests", "languages"])
async def test_contact_details_in_any_posted_profile_field_do_not_reach_students(make_harness, field) -> None:  # type: ignore[no-untyped-def]
    h = await make_harness(roster=YEAR_ROSTER)
    core = h.app.core
    h.console.readers[h.console.ref("ns-choose")] = ["n-ana", "n-ben", "nora"]
    await core.save_profile(PROGRAM, "dana", {"bio": "I design power grids and love teaching.",
                                              field: "call me 555-201-3344"}, actor="web:nora")
    posted = await core.publish_bios(PROGRAM, actor="web:nora")
    await h.app.delivery.run_once()
    assert not any("555-201-3344" in text for text in h.seen_in("ns-choose"))
    assert dict(posted.not_posted)["dana"].startswith("refused")
