"""scripts/postgres.sh starts a working server from a checkout in a private folder.

A fresh clone often lies below a folder only its owner may enter (a home folder,
pytest's own temp folder). Run as root, the server runs as the `postgres` user,
which cannot enter such a folder: the script must still start a cluster, serve
queries and clean up after itself.
"""

import os
import shutil
import socket
import subprocess
from pathlib import Path

import psycopg
import pytest

ROOT = Path(__file__).resolve().parents[2]


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def private_checkout(tmp_path):
    parent = tmp_path / "private"
    parent.mkdir(mode=0o700)
    parent.chmod(0o700)  # whatever the umask says
    checkout = parent / "clone"
    (checkout / "scripts").mkdir(parents=True)
    shutil.copy2(ROOT / "scripts" / "postgres.sh", checkout / "scripts" / "postgres.sh")
    return checkout


def test_server_starts_from_a_checkout_below_a_private_folder(private_checkout):
    if not list(Path("/usr/lib/postgresql").glob("*/bin/initdb")):
        pytest.fail("PostgreSQL server binaries are missing: run scripts/system-deps.sh test")
    script = private_checkout / "scripts" / "postgres.sh"
    env = {**os.environ, "PORTAL_PG_PORT": str(_free_port())}
    env.pop("PORTAL_PG_DATA", None)
    try:
        started = subprocess.run([script, "start"], env=env, capture_output=True, text=True,
                                 timeout=120, check=False)
        assert started.returncode == 0, started.stderr
        url = started.stdout.strip().splitlines()[-1]
        with psycopg.connect(url) as connection:
            assert connection.execute("SELECT current_user").fetchone() == ("portal",)
    finally:
        data_dir = subprocess.run([script, "datadir"], env=env, capture_output=True,
                                  text=True, check=True).stdout.strip()
        subprocess.run([script, "purge"], env=env, capture_output=True, timeout=60,
                       check=False)
    assert not Path(data_dir).exists()
