"""A throwaway PostgreSQL cluster for the tests: initdb into a temporary folder, started on a
free loopback port, stopped and removed at the end. As root it runs as ``nobody`` (the server
refuses root). Set CORROBORATE_TEST_POSTGRES=postgresql://... to use a server of your own."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import count
from pathlib import Path

__all__ = ["ENV", "binaries", "cluster", "database"]

ENV = "CORROBORATE_TEST_POSTGRES"


def binaries() -> Path | None:
    """The folder of initdb and pg_ctl: on PATH, else Debian's newest under /usr/lib/postgresql."""
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(found).parent
    debian = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"),
                    key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0)
    return debian[-1].parent if debian else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def cluster(bin_dir: Path) -> Iterator[str]:
    """A running cluster's URL (user postgres, trusted on loopback only), stopped after."""
    home = Path(tempfile.mkdtemp(prefix="corroborate-pg-"))
    data, port = home / "data", _free_port()
    as_user: list[str] = []
    if os.geteuid() == 0:
        os.chmod(home, 0o755)
        shutil.chown(home, "nobody")
        as_user = ["runuser", "-u", "nobody", "--"]

    def run(*args: str) -> None:
        subprocess.run([*as_user, *args], check=True, capture_output=True, timeout=120, cwd=home)

    try:
        run(str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
            "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
        options = (f"-p {port} -h 127.0.0.1 -k {home} -c fsync=off -c synchronous_commit=off "
                   "-c full_page_writes=off")
        run(str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(home / "log"),
            "-w", "-t", "60", "start")
        try:
            yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
        finally:
            run(str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop")
    finally:
        shutil.rmtree(home, ignore_errors=True)


_databases = count()


@contextmanager
def database(server: str) -> Iterator[str]:
    """The URL of a new, empty database on the server at ``server``, dropped after."""
    import psycopg

    name = f"corroborate_test_{os.getpid()}_{next(_databases)}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{server.rpartition('/')[0]}/{name}"
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
