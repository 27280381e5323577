"""A real, throwaway PostgreSQL server for the library tests (no mock stands in for it).

``initdb`` makes a cluster in a temporary folder and ``pg_ctl`` starts it on a free loopback
port, with fsync off (the data is thrown away). PostgreSQL refuses to run as root, so under
root (CI containers) the server runs as the unprivileged user ``nobody``, through ``runuser``
or ``setpriv``, in a folder that user owns. Each test gets a fresh schema of its own, named in
the URL's ``options`` (the library sees only its URL). The server is stopped and its folder
removed at the end of the session. Without the server binaries the tests skip with the reason
(and fail under ``.ci/run``, which installs Debian's ``postgresql``).
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

#: As in conftest: under .ci/run a missing server fails instead of skipping.
REQUIRE_CLIENTS = os.environ.get("REFMAN_REQUIRE_CLIENTS") == "1"
_COUNTER = itertools.count(1)


def server_binaries() -> Path | None:
    """The folder of initdb and pg_ctl: ``REFMAN_PG_BIN``, Debian's newest, or the PATH's."""
    candidates = [os.environ.get("REFMAN_PG_BIN", "")]
    candidates += sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]), reverse=True
    )
    found = shutil.which("pg_ctl")
    candidates.append(os.path.dirname(os.path.realpath(found)) if found else "")
    for folder in candidates:
        if (
            folder
            and os.path.isfile(os.path.join(folder, "initdb"))
            and os.path.isfile(os.path.join(folder, "pg_ctl"))
        ):
            return Path(folder)
    return None


def _as_user() -> list[str]:
    """The command prefix that drops root to ``nobody`` (nothing when not root)."""
    if os.geteuid() != 0:
        return []
    if shutil.which("runuser"):
        return ["runuser", "-u", "nobody", "--"]
    if shutil.which("setpriv"):
        return ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"]
    raise RuntimeError("running as root, and neither runuser nor setpriv can drop to an unprivileged user")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    """One PostgreSQL cluster; ``url()`` gives a URL to a fresh, empty schema."""

    def __init__(self, binaries: Path) -> None:
        self.bin = binaries
        self.prefix = _as_user()
        self.folder = Path(tempfile.mkdtemp(prefix="refman-pg-"))
        self.data = self.folder / "data"
        self.port = _free_port()
        if self.prefix:
            import pwd

            user = pwd.getpwnam("nobody")
            os.chown(self.folder, user.pw_uid, user.pw_gid)
        self.folder.chmod(0o700)

    def _run(self, *args: str) -> None:
        done = subprocess.run(
            [*self.prefix, *args], capture_output=True, text=True, cwd=self.folder, check=False
        )
        if done.returncode != 0:
            raise RuntimeError(f"{Path(args[0]).name} failed: {(done.stderr or done.stdout).strip()[-500:]}")

    def start(self) -> Server:
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "refman", "--auth=trust",
                  "-E", "UTF8", "--no-locale", "-N")  # fmt: skip
        options = f"-k {self.folder} -p {self.port} -c listen_addresses=127.0.0.1 -c fsync=off " \
                  "-c synchronous_commit=off -c full_page_writes=off"  # fmt: skip
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options,
                  "-l", str(self.folder / "log"), "-w", "-t", "60", "start")  # fmt: skip
        return self

    def stop(self) -> None:
        try:
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def base_url(self) -> str:
        return f"postgresql://refman@127.0.0.1:{self.port}/postgres"

    def url(self) -> str:
        """A URL to a new empty schema (the library sees its own schema only)."""
        import psycopg

        name = f"t{os.getpid()}_{next(_COUNTER)}"
        with psycopg.connect(self.base_url(), autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {name}")
        return f"{self.base_url()}?options=-csearch_path%3D{name}"


@pytest.fixture(scope="session")
def postgres_server():
    """The session's PostgreSQL server, started on first use and stopped at the end."""
    binaries = server_binaries()
    if binaries is None:
        if REQUIRE_CLIENTS:
            pytest.fail("PostgreSQL (initdb, pg_ctl) is required under .ci/run but is not installed")
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) not installed")
    try:
        server = Server(binaries).start()
    except (RuntimeError, OSError) as exc:
        if REQUIRE_CLIENTS:
            raise
        pytest.skip(f"cannot start a throwaway PostgreSQL server: {exc}")
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def library(request, tmp_path) -> str:
    """A fresh, empty library on each backend: a path, or a URL to its own schema."""
    if request.param == "sqlite":
        return str(tmp_path / "library.sqlite")
    return request.getfixturevalue("postgres_server").url()
