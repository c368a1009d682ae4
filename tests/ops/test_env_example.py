"""The shipped .env.example, copied to .env as its first line says, is a working configuration."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import Settings

EXAMPLE = Path(__file__).resolve().parents[2] / ".env.example"


def _entries() -> dict[str, str]:
    entries = {}
    for line in EXAMPLE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#") and "=" in line:
            key, _, value = line.partition("=")
            entries[key.strip()] = value.strip()
    return entries


def test_a_copy_of_env_example_loads_and_every_empty_entry_means_the_default(tmp_path, monkeypatch):
    for name in Settings.model_fields:
        monkeypatch.delenv(name.upper(), raising=False)
    env_file = tmp_path / ".env"
    env_file.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    copied = Settings(_env_file=env_file)  # type: ignore[call-arg]
    defaults = Settings(_env_file=None)  # type: ignore[call-arg]
    empty = [key for key, value in _entries().items() if value == ""]
    assert empty, "the example leaves optional settings empty"
    for key in empty:
        assert getattr(copied, key.lower()) == getattr(defaults, key.lower()), key


@pytest.mark.parametrize(
    "key", ["DISCORD_SHARD_ID", "BACKUP_DAILY_AT", "MIGRATE_ON_START", "CHAIN_HEAD_FILE"]
)
def test_an_empty_setting_in_the_environment_is_not_set(key, monkeypatch):
    monkeypatch.setenv(key, "")
    monkeypatch.delenv("DISCORD_SHARD_COUNT", raising=False)
    assert getattr(Settings(_env_file=None), key.lower()) is None  # type: ignore[call-arg]
