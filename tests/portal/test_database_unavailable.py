"""While the database cannot be reached, visitors get a 503 with Retry-After, then recovery."""

import os
import subprocess
import sys

import pytest
from django.db import OperationalError, connection
from django.test import Client

from tests.conftest import ROOT


def refuse_every_query(execute, sql, params, many, context):
    # What psycopg raises when PostgreSQL restarts under a live connection.
    raise OperationalError("server closed the connection unexpectedly")


@pytest.mark.django_db
def test_unreachable_database_answers_503_and_the_site_recovers(demo_site):
    client = Client(raise_request_exception=False)
    with connection.execute_wrapper(refuse_every_query):
        page = client.get("/fi/")
        api = client.get("/api/v2/pages/")
    assert page.status_code == 503
    assert page["Retry-After"] == "30"
    html = page.content.decode()
    assert "Palvelu ei ole hetkeen käytettävissä" in html
    assert "Traceback" not in html and "OperationalError" not in html
    assert api.status_code == 503 and api["Retry-After"] == "30"
    assert api["Content-Type"] == "application/json"
    assert api.json() == {"message": "the database is unavailable; try again shortly"}
    # the database is back: the same process serves pages again
    assert client.get("/fi/").status_code == 200
    assert client.get("/api/v2/pages/").status_code == 200


def test_a_database_that_cannot_be_opened_answers_503(tmp_path):
    """A real failure: the database file's folder does not exist (no mock involved)."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(DJANGO_SETTINGS_MODULE="portal.settings.test",
               DATABASE_URL=f"sqlite:///{tmp_path / 'missing' / 'db.sqlite3'}")
    code = (
        "import django; django.setup();"
        "from django.test import Client; c = Client(raise_request_exception=False);"
        "r = c.get('/fi/'); a = c.get('/api/v2/pages/');"
        "print(r.status_code, r['Retry-After'], a.status_code, a['Content-Type'],"
        " 'Traceback' in r.content.decode())"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.stdout.split() == ["503", "30", "503", "application/json", "False"], (
        result.stdout + result.stderr)
