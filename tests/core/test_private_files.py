"""Issue 12 item 8: DATA_DIR is 0700 and every file in it — the database, its WAL and SHM, exports,
the desk's secret key — is owner-only from the moment it is created, under any umask."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.settings import Settings
from bot.web.auth import secret_key
from storage.db import make_engine, sqlite_url, upgrade
from storage.private_files import open_private, private_dir, write_private

MENTORBOT = str(Path(sys.executable).with_name("mentorbot"))


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def loose_umask():  # type: ignore[no-untyped-def]
    """The most permissive umask: whatever is private is private because it was created so."""
    old = os.umask(0)
    yield
    os.umask(old)


@pytest.fixture
def no_chmod(monkeypatch):  # type: ignore[no-untyped-def]
    """Creating a private file must not rely on a chmod afterwards (a window where others can open it)."""
    def refuse(*_args, **_kw):  # type: ignore[no-untyped-def]
        raise AssertionError("a new file or folder was chmod-ed after creation")
    monkeypatch.setattr(os, "chmod", refuse)
    monkeypatch.setattr(os, "fchmod", refuse)


def test_the_database_its_wal_and_shm_are_owner_only_from_creation(tmp_path, loose_umask, no_chmod):
    data = tmp_path / "var"
    engine = make_engine(sqlite_url(data / "mentorbot.db"))
    with engine.connect() as conn:  # keep a connection open so the WAL and SHM exist
        conn.execute(text("CREATE TABLE t (x TEXT)"))
        conn.execute(text("INSERT INTO t VALUES ('a minor''s message')"))
        conn.commit()
        assert mode(data) == 0o700
        for name in ("mentorbot.db", "mentorbot.db-wal", "mentorbot.db-shm"):
            assert (data / name).exists(), name
            assert mode(data / name) == 0o600, name
    engine.dispose()


def test_an_older_readable_database_and_data_dir_are_tightened(tmp_path):
    data = tmp_path / "var"
    data.mkdir(mode=0o755)
    os.chmod(data, 0o755)
    engine = make_engine(sqlite_url(data / "mentorbot.db"))
    upgrade(engine)
    engine.dispose()
    os.chmod(data / "mentorbot.db", 0o644)
    private_dir(data)
    make_engine(sqlite_url(data / "mentorbot.db")).dispose()
    assert mode(data) == 0o700 and mode(data / "mentorbot.db") == 0o600


def test_the_desk_secret_key_is_owner_only_from_creation(tmp_path, loose_umask, no_chmod):
    settings = Settings(_env_file=None, data_dir=tmp_path / "var")
    key = secret_key(settings)
    assert len(key) > 40
    assert mode(tmp_path / "var") == 0o700
    [key_file] = [p for p in (tmp_path / "var").iterdir()]
    assert mode(key_file) == 0o600


def test_the_helpers_create_private_files_and_replace_readable_ones(tmp_path, loose_umask):
    exports = tmp_path / "exports" / "2026"
    with open_private(exports / "a.csv") as handle:
        handle.write("seq,text\n")
    assert mode(tmp_path / "exports") == 0o700 and mode(exports) == 0o700
    assert mode(exports / "a.csv") == 0o600
    old = tmp_path / "old.json"
    old.write_text("{}")
    os.chmod(old, 0o644)
    write_private(old, '{"messages": []}')
    assert mode(old) == 0o600 and old.read_text() == '{"messages": []}'
    with open_private(old, "a") as handle:
        handle.write("\n")
    assert mode(old) == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp file left


def test_cli_data_dir_database_and_export_are_owner_only(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_", "DATABASE_"))}
    env["DATA_DIR"] = str(tmp_path / "var")
    roster = Path(__file__).resolve().parents[2] / "examples" / "sample-program.yml"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([MENTORBOT, *args], capture_output=True, text=True, env=env, cwd=tmp_path,
                              timeout=120, preexec_fn=lambda: os.umask(0o022))

    assert run("program", "import", str(roster)).returncode == 0
    result = run("transcript", "dana-ana", "--format", "csv", "--output", str(tmp_path / "out" / "t.csv"))
    assert result.returncode == 0, result.stderr
    assert mode(tmp_path / "var") == 0o700
    assert {p.name: mode(p) for p in (tmp_path / "var").iterdir()} == {"mentorbot.db": 0o600}
    assert mode(tmp_path / "out" / "t.csv") == 0o600
