"""All configuration, from the environment and ``.env``: one typed object, validated at start.

Nothing else in mentorbot reads ``os.environ`` (STYLE.md point 8). Every key is documented in
``.env.example``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_DATA_DIR = Path("var")


class Settings(BaseSettings):
    """mentorbot's settings. Field names map to upper-case environment variables."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

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

    # Programs: roster files imported at start-up by `mentorbot run` (optional)
    program_file: Path | None = None

    # Delivery worker
    delivery_poll_seconds: float = 0.5
    delivery_max_attempts: int = 12
    # How long a claimed delivery stays reserved for its worker; renewed every third of it while the
    # worker lives, so a killed process's deliveries move on within this many seconds.
    delivery_lease_seconds: float = Field(default=10.0, gt=0)

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

    # Coordinator web pages (issue 7)
    web_host: str = "127.0.0.1"
    web_port: int = 8080
    web_base_url: str | None = None
    web_secret_key: str | None = None

    log_level: str = "INFO"

    @field_validator("slack_api_url")
    @classmethod
    def _trailing_slash(cls, value: str) -> str:
        return value if value.endswith("/") else value + "/"

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
