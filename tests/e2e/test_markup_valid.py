"""Every public page type in fi/sv/en and every stylesheet pass the Nu Html
Checker (npm vnu-jar, pinned in package-lock.json) with 0 errors."""

import json
import shutil
import subprocess

import pytest

from tests.conftest import ROOT
from tests.e2e.page_types import LANGUAGES, build_demo_site, public_page_types

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
STYLESHEETS = sorted((ROOT / "static" / "css").glob("*.css"))


def run_checker(paths):
    java = shutil.which("java")
    assert java, "the Nu Html Checker needs Java 11 or newer on PATH"
    assert VNU_JAR.exists(), "vnu.jar is missing: run `make assets` (npm ci) first"
    result = subprocess.run(
        [
            java,
            "-jar",
            str(VNU_JAR),
            "--errors-only",
            "--format",
            "json",
            "--also-check-css",
            *map(str, paths),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    return [
        message for message in messages if message.get("type") in {"error", "non-document-error"}
    ]


def describe(message):
    where = message.get("url", "").rsplit("/", 1)[-1]
    line = message.get("lastLine", "?")
    return f"{where}:{line}: {message.get('message')} | {message.get('extract', '')!r}"


def test_the_checker_finds_errors(tmp_path):
    """The check can fail: a page with an unclosed element and a bad attribute is reported."""
    broken = tmp_path / "broken.html"
    broken.write_text(
        '<!DOCTYPE html><html lang="fi"><head><title>x</title></head>'
        '<body><p id="a" id="a"><span></p></body></html>'
    )
    assert run_checker([broken])


@pytest.mark.django_db
def test_every_public_page_type_and_stylesheet_is_valid(client, tmp_path):
    build_demo_site()
    documents = []
    for language in LANGUAGES:
        for name, path in public_page_types(language):
            response = client.get(path)
            assert response.status_code in {200, 404}, (name, path, response.status_code)
            document = tmp_path / f"{name}-{language}.html"
            document.write_bytes(response.content)
            documents.append(document)
    errors = run_checker([*documents, *STYLESHEETS])
    assert not errors, "\n".join(describe(message) for message in errors)
