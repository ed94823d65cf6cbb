"""scripts/test-summary.py: the last step of scripts/run-tests.sh reads the JUnit reports.

In CI (CI=true) any skipped test fails the run, and the skipped tests are named.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

REPORT = """<?xml version="1.0" encoding="utf-8"?>
<testsuites><testsuite name="pytest" errors="0" failures="0" skipped="{skipped}" tests="3">
<testcase classname="tests.a" name="test_one"/>
<testcase classname="tests.a" name="test_two"/>
<testcase classname="tests.b" name="test_three">{skip}</testcase>
</testsuite></testsuites>
"""


def summarise(tmp_path, skipped, ci):
    skip = '<skipped type="pytest.skip" message="samples not available"/>' if skipped else ""
    (tmp_path / "sqlite.xml").write_text(REPORT.format(skipped=int(skipped), skip=skip))
    env = {key: value for key, value in os.environ.items() if key != "CI"}
    if ci:
        env["CI"] = "true"
    return subprocess.run([sys.executable, ROOT / "scripts" / "test-summary.py", tmp_path],
                          env=env, capture_output=True, text=True, check=False)


def test_a_skipped_test_fails_the_run_in_ci(tmp_path):
    result = summarise(tmp_path, skipped=True, ci=True)
    assert result.returncode == 1
    assert "2 passed, 0 failed, 1 skipped" in result.stdout
    assert "tests.b.test_three: samples not available" in result.stdout


def test_a_skipped_test_is_reported_outside_ci(tmp_path):
    result = summarise(tmp_path, skipped=True, ci=False)
    assert result.returncode == 0
    assert "1 skipped" in result.stdout


def test_a_run_without_skips_passes_in_ci(tmp_path):
    result = summarise(tmp_path, skipped=False, ci=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 passed, 0 failed, 0 skipped" in result.stdout
