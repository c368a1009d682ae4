"""Shared fixtures: offline guard, fresh migrated databases (SQLite and PostgreSQL), the sample
program, and a console-backed app with a controllable clock."""

from __future__ import annotations

import atexit
import itertools
import os
import shutil
import socket
import tempfile
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from storage.db import make_engine, sqlite_url, upgrade
from storage.encryption import install_keyring
from storage.keyring import KeyRing, RingKey, format_ring, new_secret

REPO = Path(__file__).resolve().parent.parent
SAMPLE_ROSTER = REPO / "examples" / "sample-program.yml"
LOOPBACK = {"127.0.0.1", "::1", "localhost"}

# -- the test key ring: one key file outside every test's DATA_DIR, for this process and the
#    `mentorbot` subprocesses the CLI tests start (they inherit ENCRYPTION_KEY_FILE) -------------------

TEST_KEY_DIR = Path(tempfile.mkdtemp(prefix="mentorbot-test-keys-"))
TEST_KEY_FILE = TEST_KEY_DIR / "keys"
TEST_KEY_FILE.touch(mode=0o600)
TEST_KEY_FILE.write_text(format_ring([RingKey(new_secret(), "current", date(2026, 9, 1))]))
os.environ["ENCRYPTION_KEY_FILE"] = str(TEST_KEY_FILE)
os.environ["MENTORBOT_AUDIT_STRICT"] = "1"  # an undeclared audit action fails the test (storage/audit.py)
install_keyring(KeyRing.from_file(TEST_KEY_FILE))
atexit.register(shutil.rmtree, TEST_KEY_DIR, ignore_errors=True)


# -- network guard (STYLE.md point 7): tests talk to 127.0.0.1 only ---------------------------------

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


def _check_address(sock: socket.socket, address: object) -> None:
    if sock.family == getattr(socket, "AF_UNIX", None):
        return
    host = address[0] if isinstance(address, tuple) else address
    if host not in LOOPBACK and not str(host).startswith("127."):
        raise RuntimeError(f"test tried to reach {address!r}: tests may only connect to 127.0.0.1")


def _guarded_connect(self: socket.socket, address: object) -> None:
    _check_address(self, address)
    return _real_connect(self, address)


def _guarded_connect_ex(self: socket.socket, address: object) -> int:
    _check_address(self, address)
    return _real_connect_ex(self, address)


@pytest.fixture(autouse=True)
def offline_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", _guarded_connect_ex)


# -- databases ------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated SQLite file per session; each test gets a copy."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    engine = make_engine(sqlite_url(path))
    upgrade(engine)
    engine.dispose()  # closing the last connection checkpoints the WAL into the file
    import sqlite3

    with sqlite3.connect(path) as raw:
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def sqlite_engine(sqlite_template: Path, tmp_path: Path) -> Iterator[Engine]:
    path = tmp_path / "mentorbot.db"
    shutil.copy(sqlite_template, path)
    engine = make_engine(sqlite_url(path))
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def pg_cluster():  # type: ignore[no-untyped-def]
    """A throwaway PostgreSQL on 127.0.0.1 for the whole session (fails in CI if unavailable)."""
    from support.pg import find_pg_bin, start_cluster

    if find_pg_bin() is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL binaries are missing on CI: .ci/run must install postgresql")
        pytest.skip("PostgreSQL binaries not installed here (apt-get install postgresql); CI runs these")
    cluster = start_cluster()
    admin = create_engine(cluster.admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("CREATE DATABASE mb_template"))
    template = make_engine(cluster.url("mb_template"))
    upgrade(template)
    template.dispose()
    yield cluster, admin
    admin.dispose()
    cluster.stop()


_pg_counter = itertools.count(1)


@pytest.fixture
def pg_engine(pg_cluster) -> Iterator[Engine]:  # type: ignore[no-untyped-def]
    cluster, admin = pg_cluster
    name = f"mb_test_{os.getpid()}_{next(_pg_counter)}"
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name} TEMPLATE mb_template"))
    engine = make_engine(cluster.url(name))
    yield engine
    engine.dispose()
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request: pytest.FixtureRequest) -> Engine:
    """A fresh migrated database: every test using it runs on SQLite and on PostgreSQL."""
    return request.getfixturevalue("sqlite_engine" if request.param == "sqlite" else "pg_engine")


# -- time and the app -----------------------------------------------------------------------------


class FakeClock:
    """A clock tests move by hand; starts on a school Tuesday at 15:00 New York time."""

    def __init__(self, start: datetime | None = None):
        self.now = start or datetime(2026, 10, 13, 19, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def sample_roster_path() -> Path:
    return SAMPLE_ROSTER


# -- a running core over the console adapter -------------------------------------------------------


class Harness:
    """The sample program loaded, the core built with the console adapter, and helpers to drive it."""

    def __init__(self, app, console, clock):  # type: ignore[no-untyped-def]
        self.app, self.console, self.clock = app, console, clock

    async def say(self, user: str, channel: str, text: str, **kw) -> str:  # type: ignore[no-untyped-def]
        message_id = await self.console.say(user, channel, text, **kw)
        await self.app.delivery.run_once()
        return message_id

    def seen_in(self, channel: str) -> list[str]:
        return [p.text for p in self.console.visible(channel) if p.by_bot]


@pytest.fixture
def make_harness(engine: Engine, clock: FakeClock, sample_roster_path: Path):  # type: ignore[no-untyped-def]
    """Build a started core on the test database; ``policy`` defaults to the predictable fake."""
    from adapters.console import ConsoleAdapter
    from bot.app import build_app
    from bot.relay.policy_cache import PolicyBook
    from bot.settings import Settings
    from support.fake_policy import FakePolicy
    from support.roster_helpers import import_roster

    started = []

    async def factory(policy=None, roster: Path | None = None) -> Harness:  # type: ignore[no-untyped-def]
        import_roster(engine, roster or sample_roster_path)
        console = ConsoleAdapter(workspace="demo", clock=clock)
        book = PolicyBook(loader=lambda _path: policy or FakePolicy())
        app = build_app(Settings(_env_file=None), adapters={"console": console}, engine=engine,
                        clock=clock, policies=book)
        await console.start(app.core)
        started.append(app)
        return Harness(app, console, clock)

    return factory


# -- a parallel run (`make test`: pytest-xdist on two workers) --------------------------------------
#
# The tests that take a minute of wall clock (real processes killed and restarted, hundreds of
# hostile strings through both platforms, the command-line suites) start first, so the other worker
# runs everything else meanwhile instead of one of them running alone at the end. The policy tests
# run on one worker: most share the session's primed policy-corpus fixture (tests/policies/conftest.py,
# ~2,500 messages through the encoder), which would otherwise be paid once per worker. Neither
# changes what any test does, and a run without xdist (`pytest tests/<area>`) is ordered the same.

LONG_FIRST = (
    "tests/reliability/test_crash_cycles.py",
    "tests/reliability/test_replicas.py",
    "tests/reliability/test_naughty_strings.py",
    "tests/prompts/test_cli.py",
    "tests/governance/test_cli.py",
    "tests/core/test_cli.py",
    "tests/prompts/test_school_year.py",
    "tests/roster/test_cli.py",
)
ONE_WORKER = "tests/policies/"


def _starts_late(item: pytest.Item) -> int:
    for rank, prefix in enumerate(LONG_FIRST):
        if item.nodeid.startswith(prefix):
            return rank
    return len(LONG_FIRST)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    items.sort(key=_starts_late)  # stable: the rest keep their order


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log):  # type: ignore[no-untyped-def]
    """xdist's scope scheduling with one scope for the policy folder and one per other test (the
    biggest scope first, then collection order). xdist's own ``xdist_group`` marks cannot do this
    here: pytest 9.2 no longer reads the node ids xdist 3.8 rewrites for them."""
    from xdist.scheduler import LoadScopeScheduling

    class PolicyFolderTogether(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return ONE_WORKER if nodeid.startswith(ONE_WORKER) else nodeid

    return PolicyFolderTogether(config, log)
