"""How ``mentorbot run`` logs: readable lines by default, one JSON object per line with ``LOG_FORMAT=json``
(for Loki, Elasticsearch, CloudWatch and friends), each line naming the replica that wrote it."""

from __future__ import annotations

import json
import logging
import os
import socket
import sys
from datetime import UTC, datetime

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"


def process_name(configured: str | None = None) -> str:
    """This replica's name in logs and job claims: ``REPLICA_NAME``, else host and process id."""
    return configured or f"{socket.gethostname()}/{os.getpid()}"


class JsonFormatter(logging.Formatter):
    """One JSON object per record: time (UTC, ISO 8601), level, logger, message, replica, error."""

    def __init__(self, replica: str) -> None:
        super().__init__()
        self.replica = replica

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "replica": self.replica,
        }
        if record.exc_info:
            entry["error"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def configure_logging(*, level: str, fmt: str, replica: str) -> None:
    """Send every log record to stderr in the chosen format (replacing earlier handlers)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter(replica) if fmt == "json" else logging.Formatter(TEXT_FORMAT))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level.upper())
