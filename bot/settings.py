"""All configuration, from the environment and ``.env``: one typed object, validated at start.

Nothing else in mentorbot reads ``os.environ`` (STYLE.md point 8). Every key is documented in
``.env.example``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_DATA_DIR = Path("var")


class Settings(BaseSettings):
    """mentorbot's settings. Field names map to upper-case environment variables."""

    # env_ignore_empty: `KEY=` (as .env.example ships most keys) means "not set", i.e. the default
    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", env_ignore_empty=True
    )

    # Storage
    data_dir: Path = Field(default=DEFAULT_DATA_DIR, description="Folder for the SQLite file and exports")
    database_url: str | None = Field(
        default=None, description="SQLAlchemy URL; empty = SQLite file data_dir/mentorbot.db"
    )

    # Encryption at rest (issue 15): the key ring that seals personal-data columns. A key file
    # OUTSIDE data_dir (`mentorbot keys init PATH` makes one; `mentorbot keys rotate` updates it), or
    # ENCRYPTION_KEY (base64, `mentorbot keys new`) with older keys still being read in
    # ENCRYPTION_OLD_KEYS (comma-separated). Never in the database, never in the repository.
    encryption_key_file: Path | None = None
    encryption_key: SecretStr | None = None
    encryption_old_keys: SecretStr | None = None

    # Backups (issue 15): where `mentorbot backup` writes, and how many days a backup is kept
    backup_dir: Path | None = Field(default=None, description="empty = data_dir/backups")
    backup_keep_days: int = Field(default=35, ge=1)
    # the running bot takes a backup every day at this UTC time (HH:MM); empty = only `mentorbot backup`
    backup_daily_at: str | None = Field(default=None, pattern=r"^([01]\d|2[0-3]):[0-5]\d$")
    # PostgreSQL: the folder of pg_dump/pg_restore/psql matching the server's major version (empty = PATH)
    pg_bin_dir: Path | None = None

    # Schema upgrades: None = SQLite migrates at start (one process), PostgreSQL does not (replicas
    # must never race): run `mentorbot migrate` before starting them. True/False forces either way.
    migrate_on_start: bool | None = None

    # Programs: roster files imported at start-up by `mentorbot run` (optional)
    program_file: Path | None = None

    # Delivery worker
    delivery_poll_seconds: float = 0.5
    delivery_max_attempts: int = 12
    # How long a claimed delivery stays reserved for its worker; renewed every third of it while the
    # worker lives, so a killed process's deliveries move on within this many seconds.
    delivery_lease_seconds: float = Field(default=10.0, gt=0)
    # Replicas: a relayed copy waits this long after it was queued, so that an earlier message of the
    # same channel that another replica recorded a moment late still goes out first. 0 = at once.
    delivery_order_window_seconds: float = Field(default=0.0, ge=0)

    # Slack (issue 4)
    slack_bot_token: str | None = None
    slack_app_token: str | None = None
    slack_signing_secret: str | None = None
    slack_mode: Literal["socket", "http"] = "socket"
    slack_api_url: str = "https://slack.com/api/"
    slack_http_host: str = "127.0.0.1"
    slack_http_port: int = 3000

    # Discord (issue 5)
    discord_token: str | None = None
    discord_api_base: str | None = None
    discord_gateway_url: str | None = None
    # How a held/blocked sender is told on Discord: "reply" (a short reply on their own side of the
    # match, with a ✋ reaction on their message) or "dm" (a direct message, falling back to reply).
    discord_notice_mode: Literal["reply", "dm"] = "reply"
    # Members with this Discord role count as the coordinator when channels are checked.
    discord_coordinator_role: str = "Coordinator"
    # Seconds discord.py waits for the servers' data after connecting before it reports ready.
    discord_guild_ready_timeout: float = Field(default=2.0, ge=0)
    # Gateway sharding for replicas: this process is shard DISCORD_SHARD_ID of DISCORD_SHARD_COUNT
    # (Discord sends a server's events to shard (server id >> 22) % count; direct messages to 0).
    discord_shard_id: int | None = Field(default=None, ge=0)
    discord_shard_count: int | None = Field(default=None, ge=1)

    # Coordinator web pages (issue 7)
    web_host: str = "127.0.0.1"
    web_port: int = 8080
    web_base_url: str | None = None
    web_secret_key: str | None = None

    # Student data over its whole life (issue 15, docs/data-protection.md)
    chain_head_file: Path | None = Field(
        default=None, description="Append-only file of published chain heads, outside DATA_DIR")
    unrouted_retention_days: int = Field(default=30, ge=0, description="Messages from unknown people")
    retention_daily: bool = True  # the running bot applies each program's retention schedule daily

    # E-mail (issue 12): urgent alerts, their escalation and the weekly digest to coordinators
    smtp_host: str | None = None
    smtp_port: int = 587
    smtp_security: Literal["starttls", "ssl", "none"] = "starttls"
    smtp_user: str | None = None
    smtp_password: str | None = None
    smtp_from: str | None = None
    smtp_timeout_seconds: float = Field(default=20.0, gt=0)
    mail_poll_seconds: float = Field(default=15.0, gt=0)

    # Operations (issue 16)
    log_level: str = "INFO"
    log_format: Literal["text", "json"] = "text"
    replica_name: str | None = None  # in logs and job claims; default: host name and process id
    # SIGTERM: stop taking events, finish or release deliveries in flight, exit within this bound.
    shutdown_grace_seconds: float = Field(default=20.0, gt=0)
    # /readyz fails when an outbox row has been due longer than this (0 = no outbox check).
    ready_outbox_max_age_seconds: float = Field(default=900.0, ge=0)
    metrics_token: str | None = None  # when set, /metrics asks for "Authorization: Bearer <token>"

    @field_validator("slack_api_url")
    @classmethod
    def _trailing_slash(cls, value: str) -> str:
        return value if value.endswith("/") else value + "/"

    @model_validator(mode="after")
    def _shards_together(self) -> Settings:
        if (self.discord_shard_id is None) != (self.discord_shard_count is None):
            raise ValueError("set DISCORD_SHARD_ID and DISCORD_SHARD_COUNT together (or neither)")
        if self.discord_shard_id is not None and self.discord_shard_id >= (self.discord_shard_count or 1):
            raise ValueError(f"DISCORD_SHARD_ID must be below DISCORD_SHARD_COUNT "
                             f"({self.discord_shard_id} >= {self.discord_shard_count}): shards count from 0")
        return self

    @property
    def migrates_on_start(self) -> bool:
        """Whether ``mentorbot run`` upgrades the schema itself (SQLite yes, PostgreSQL only if told)."""
        if self.migrate_on_start is not None:
            return self.migrate_on_start
        return self.resolved_database_url.startswith("sqlite")

    @model_validator(mode="after")
    def _head_file_outside_data(self) -> Settings:
        """A head file inside DATA_DIR would travel with the data it is meant to check."""
        if self.chain_head_file is not None:
            head, data = self.chain_head_file.expanduser().resolve(), self.data_dir.expanduser().resolve()
            if head == data or data in head.parents:
                raise ValueError(f"CHAIN_HEAD_FILE {self.chain_head_file} is inside DATA_DIR "
                                 f"{self.data_dir}; "
                                 "put it on another disk or in a folder only the operator can write "
                                 "(docs/data-protection.md)")
        return self

    @property
    def resolved_database_url(self) -> str:
        """The database to use: ``DATABASE_URL``, or the embedded SQLite file."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'mentorbot.db').resolve()}"

    @property
    def resolved_backup_dir(self) -> Path:
        return self.backup_dir or self.data_dir / "backups"

    @property
    def encryption_configured(self) -> bool:
        return bool(self.encryption_key_file or self.encryption_key)

    @property
    def slack_configured(self) -> bool:
        return bool(self.slack_bot_token)

    @property
    def discord_configured(self) -> bool:
        return bool(self.discord_token)

    @property
    def email_configured(self) -> bool:
        return bool(self.smtp_host and self.smtp_from)
