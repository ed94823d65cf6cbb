"""Settings are safe by default and production refuses to start half-configured."""

import os
import subprocess
import sys

from tests.conftest import ROOT

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "DJANGO_SECRET_KEY": "x7#Qm2!vT9pL0zR4wY8kB1nC6hJ3dF5sG0aE2uI7oP9lK4jH6gD8fS1",
    "DJANGO_ALLOWED_HOSTS": "tyokykyportaali.example.fi",
    "DATABASE_URL": "sqlite:////tmp/portal-deploy-check.sqlite3",
    "MEDIA_ROOT": "/tmp/portal-media",
    "WAGTAILADMIN_BASE_URL": "https://tyokykyportaali.example.fi",
    "PORTAL_FEEDBACK_EMAIL": "palaute@tyokykyportaali.example.fi",
}


def run_manage(env_overrides, *args):
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.pop("DATABASE_URL", None)
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_base_settings_are_safe_by_default():
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    code = (
        "import portal.settings.base as s;"
        "print(s.DEBUG, s.SECRET_KEY, s.ALLOWED_HOSTS, s.X_FRAME_OPTIONS)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.stdout.strip() == "False None [] DENY"


def test_production_check_deploy_is_clean():
    result = run_manage(PRODUCTION_ENV, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_names_the_missing_variable():
    for variable in ("DJANGO_SECRET_KEY", "DATABASE_URL", "MEDIA_ROOT", "PORTAL_FEEDBACK_EMAIL"):
        env = {key: value for key, value in PRODUCTION_ENV.items() if key != variable}
        result = run_manage(env, "check")
        assert result.returncode != 0
        assert f"The environment variable {variable} is required" in result.stderr


def test_search_engine_is_switched_on_by_environment_alone():
    env = {**PRODUCTION_ENV, "SEARCH_ENGINE_URL": "http://127.0.0.1:9250"}
    code = "from django.conf import settings; print(settings.WAGTAILSEARCH_BACKENDS['default'])"
    result = run_manage(env, "shell", "-c", code)
    assert "opensearch3" in result.stdout
    result = run_manage({**env, "SEARCH_ENGINE": "elasticsearch"}, "shell", "-c", code)
    assert "elasticsearch9" in result.stdout
    result = run_manage({**env, "SEARCH_ENGINE": "solr"}, "check")
    assert result.returncode != 0 and "SEARCH_ENGINE must be one of" in result.stderr


def test_security_headers_on_public_pages(client, demo_site):
    response = client.get("/fi/")
    assert response.status_code == 200
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_production_static_files_are_compressed_with_hashed_names(tmp_path):
    env = {**PRODUCTION_ENV, "STATIC_ROOT": str(tmp_path)}
    result = run_manage(env, "collectstatic", "--no-input", "-v0")
    assert result.returncode == 0, result.stderr
    hashed = list((tmp_path / "css").glob("portal.*.css"))
    assert hashed, "no hashed stylesheet"
    assert (tmp_path / "css" / f"{hashed[0].name}.gz").exists()
    code = "from django.templatetags.static import static; print(static('css/portal.css'))"
    result = run_manage(env, "shell", "-c", code)
    assert result.stdout.strip().splitlines()[-1] == f"/static/css/{hashed[0].name}"


def test_production_refuses_malformed_values_naming_the_variable():
    cases = [
        ("DJANGO_ALLOWED_HOSTS", "*"),
        ("DJANGO_ALLOWED_HOSTS", ","),
        ("DJANGO_ALLOWED_HOSTS", "tyokykyportaali.example.fi,*"),
        ("DJANGO_HSTS_SECONDS", "vuosi"),
        ("DJANGO_HSTS_SECONDS", "-5"),
        ("DATABASE_URL", "postgres://portal@db:notaport/portal"),
        ("DATABASE_URL", "tietokanta"),
        ("DATABASE_URL", "postgres://db.example.fi"),
    ]
    for variable, value in cases:
        result = run_manage({**PRODUCTION_ENV, variable: value}, "check")
        assert result.returncode != 0, (variable, value)
        assert "ImproperlyConfigured" in result.stderr, (variable, value)
        assert f"The environment variable {variable}" in result.stderr, (variable, value)
        assert "Traceback" in result.stderr  # Django's start-up error, not a half-started site
