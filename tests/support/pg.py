"""A throwaway PostgreSQL cluster on 127.0.0.1 in a temp folder, for the storage and relay tests.

initdb refuses to run as root, so as root the cluster is created and run as the ``postgres``
system user that Debian's package creates.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

PG_BIN_CANDIDATES = ["/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/17/bin"]


def find_pg_bin() -> Path | None:
    for candidate in PG_BIN_CANDIDATES:
        if Path(candidate, "initdb").exists():
            return Path(candidate)
    found = shutil.which("initdb")
    return Path(found).resolve().parent if found else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class PgCluster:
    bin_dir: Path
    data_dir: Path
    port: int
    run_as: str | None
    options: str = ""  # the server options it was started with

    @property
    def admin_url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def _run(self, *args: str) -> None:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self.run_as:
            command = ["runuser", "-u", self.run_as, "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=60)

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data_dir), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.data_dir.parent, ignore_errors=True)

    def pause(self) -> None:
        """Stop the server as a crash would (connections cut), keeping its data for ``resume``."""
        self._run("pg_ctl", "-D", str(self.data_dir), "-m", "immediate", "-w", "stop")

    def resume(self) -> None:
        """Start the paused server again on the same port and data."""
        self._run("pg_ctl", "-D", str(self.data_dir), "-o", self.options, "-l",
                  str(self.data_dir.parent / "log"), "-w", "-t", "60", "start")


def start_cluster() -> PgCluster:
    bin_dir = find_pg_bin()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL binaries not found (apt-get install postgresql)")
    base = Path(tempfile.mkdtemp(prefix="mentorbot-pg-"))
    data = base / "data"
    run_as = "postgres" if os.geteuid() == 0 else None
    if run_as:
        shutil.chown(base, user=run_as)
    port = _free_port()
    cluster = PgCluster(bin_dir=bin_dir, data_dir=data, port=port, run_as=run_as)
    cluster._run("initdb", "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                 "--locale=C.UTF-8")
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {base} -c fsync=off -c full_page_writes=off"
    cluster.options = options
    cluster._run("pg_ctl", "-D", str(data), "-o", options, "-l", str(base / "log"), "-w", "-t", "60", "start")
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return cluster
        except OSError:
            time.sleep(0.1)
    cluster.stop()
    raise RuntimeError("PostgreSQL did not start")
