"""A throw-away PostgreSQL server for the tests and the benchmark: initdb + pg_ctl in a
temporary folder, listening on a Unix socket there and on a free local TCP port.

initdb refuses to run as root: as root the server runs as an unprivileged account (the
``nobody`` user), which owns the temporary folder. Local socket connections are trusted;
TCP connections need a password (scram-sha-256), which the access tests use.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ADMIN = "baogao_admin"  # the superuser of the test cluster (the office's DBA)
ADMIN_PASSWORD = "admin-secret"  # only for the TCP tests; the socket is trusted
DATABASE = "office"


def pg_binaries() -> Path | None:
    """The folder with initdb and pg_ctl: on PATH, or where Debian's `postgresql` puts them."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(os.path.realpath(found)).parent
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    return None


def why_not() -> str | None:
    """Why no server can be started here (None when one can)."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed (pip install -c constraints.txt -e .[test])"
    if pg_binaries() is None:
        return "PostgreSQL (initdb, pg_ctl) is not installed: scripts/install_system_deps.sh installs `postgresql`"
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        return "running as root without runuser: initdb cannot run as root"
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class PgTestServer:
    folder: Path
    port: int
    binaries: Path
    run_as: str | None  # the account the server runs as (None: ourselves)

    @property
    def socket_dir(self) -> Path:
        return self.folder / "socket"

    def dsn(self, user: str = ADMIN, database: str = DATABASE) -> str:
        """Over the trusted socket: no password."""
        return f"postgresql://{user}@/{database}?host={self.socket_dir}&port={self.port}"

    def tcp_dsn(self, user: str, database: str = DATABASE) -> str:
        return f"postgresql://{user}@127.0.0.1:{self.port}/{database}"

    def _as_server_user(self, command: list[str]) -> list[str]:
        return ["runuser", "-u", self.run_as, "--", *command] if self.run_as else command

    def _pg_ctl(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        command = [str(self.binaries / "pg_ctl"), "-D", str(self.folder / "data"), *args]
        return subprocess.run(self._as_server_user(command), capture_output=True, text=True, check=check, timeout=120)

    # The tests' server: small and without fsync (its data is thrown away). The benchmark starts
    # one as an office would run it (benchmarks/library_backends.py: OFFICE_SERVER).
    settings: str = "-c fsync=off -c max_connections=60 -c shared_buffers=32MB"

    def start(self) -> None:
        options = f"-c listen_addresses=127.0.0.1 -c port={self.port} -c unix_socket_directories={self.socket_dir}"
        options += " " + self.settings
        self._pg_ctl("-w", "-l", str(self.folder / "server.log"), "-o", options, "start")

    def stop(self) -> None:
        self._pg_ctl("-w", "-m", "fast", "stop", check=False)

    @property
    def running(self) -> bool:
        return self._pg_ctl("status", check=False).returncode == 0


def start_server(settings: str | None = None) -> PgTestServer:
    binaries = pg_binaries()
    assert binaries is not None
    folder = Path(tempfile.mkdtemp(prefix="baogao-pg-"))
    run_as = None
    if os.geteuid() == 0:
        run_as = "nobody"
        account = pwd.getpwnam(run_as)
        os.chmod(folder, 0o755)
        for path in (folder, *(folder / name for name in ("data", "socket"))):
            path.mkdir(exist_ok=True)
            os.chown(path, account.pw_uid, account.pw_gid)
    else:
        (folder / "socket").mkdir()
    server = PgTestServer(folder, _free_port(), binaries, run_as)
    if settings is not None:
        server.settings = settings
    password_file = folder / "pw"
    password_file.write_text(ADMIN_PASSWORD + "\n")
    if run_as:
        os.chown(password_file, pwd.getpwnam(run_as).pw_uid, -1)
    initdb = [
        str(binaries / "initdb"), "-D", str(folder / "data"), "-U", ADMIN, f"--pwfile={password_file}",
        "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync",
    ]
    subprocess.run(server._as_server_user(initdb), capture_output=True, text=True, check=True, timeout=300)
    log = folder / "server.log"
    log.touch()
    if run_as:
        os.chown(log, pwd.getpwnam(run_as).pw_uid, -1)
    server.start()
    import psycopg

    with psycopg.connect(server.dsn(database="postgres"), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {DATABASE}")
    return server


@contextlib.contextmanager
def running_server(settings: str | None = None) -> Iterator[PgTestServer]:
    server = start_server(settings)
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(server.folder, ignore_errors=True)


def fresh_database(server: PgTestServer, name: str) -> str:
    """A new empty database on the server; returns its admin DSN."""
    import psycopg

    with psycopg.connect(server.dsn(database="postgres"), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return server.dsn(database=name)


def set_up_library(server: PgTestServer, database: str, members: dict[str, str]) -> str:
    """A fresh database with the library set up (``server init``) and these clerks
    (role → unit) registered; returns the admin DSN."""
    from core.library.postgres.connection import ServerConnection, settings_from_dsn
    from core.library.postgres.migrations import add_member, init_server

    admin_dsn = fresh_database(server, database)
    admin = ServerConnection(settings_from_dsn(admin_dsn))
    admin.connect()
    try:
        init_server(admin)
        for role, unit in members.items():
            add_member(admin, role, unit)
    finally:
        admin.close()
    return admin_dsn


_databases = iter(range(1, 1_000_000))


def clerk_library(server: PgTestServer, cache_folder: Path, role: str = "clerk_a", unit: str = "**区委组织部"):  # type: ignore[no-untyped-def]
    """A Library on a new database of the server, opened as a clerk of ``unit``."""
    from core.library.office import OfficeLibrary
    from core.library.postgres.connection import settings_from_dsn

    database = f"lib_{os.getpid()}_{next(_databases)}"
    set_up_library(server, database, {role: unit})
    return OfficeLibrary(settings_from_dsn(server.dsn(user=role, database=database)), cache_folder)
