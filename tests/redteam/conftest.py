"""Red-team probes: attacks and careless use through the real entry points (desk, relay, CLI)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.web import create_web_app
from policies.engine import load_policy
from support.desk import Desk
from support.roster_helpers import import_roster

OTHER_PROGRAM = Path(__file__).parents[1] / "web" / "other-program.yml"


@pytest.fixture
async def desk(make_harness, engine, tmp_path):  # type: ignore[no-untyped-def]
    harness = await make_harness()
    import_roster(engine, OTHER_PROGRAM)
    harness.app.settings.data_dir = tmp_path
    return Desk(harness, create_web_app(harness.app.core))


@pytest.fixture(scope="session")
def real_policy():  # type: ignore[no-untyped-def]
    """The shipped policy's rules layer: the probes test what the product really reads."""
    return load_policy(rules_only=True)
