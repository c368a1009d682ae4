"""Where coordinators reach the desk, for sign-in links and e-mails.

``WEB_BASE_URL`` when set (a proxy, a school's host name); otherwise the address the desk last
started on, which ``mentorbot web --port 9000`` and ``mentorbot run`` remember in DATA_DIR, so
``coordinator invite`` prints the port the desk really runs on (issue 12 item 9); otherwise
WEB_HOST:WEB_PORT.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from bot.settings import Settings
from storage.private_files import write_private

ADDRESS_FILE = "desk-address"


def remember_desk_address(settings: Settings, url: str) -> None:
    with contextlib.suppress(OSError):  # a read-only DATA_DIR must not stop the desk
        write_private(Path(settings.data_dir) / ADDRESS_FILE, url.rstrip("/") + "\n")


def desk_url(settings: Settings) -> str:
    if settings.web_base_url:
        return settings.web_base_url.rstrip("/")
    with contextlib.suppress(OSError):
        remembered = (Path(settings.data_dir) / ADDRESS_FILE).read_text(encoding="utf-8").strip()
        if remembered.startswith(("http://", "https://")):
            return remembered
    return f"http://{settings.web_host}:{settings.web_port}"
