"""Sum up the JUnit XML reports of a test run; fail on skipped tests in CI.

Usage: python scripts/test-summary.py DIR   (scripts/run-tests.sh passes var/test-logs)
Exit status 1 when no test ran, or when CI is set (CI=true) and any test was skipped:
in CI every test must run against the real servers.
"""

import os
import pathlib
import sys
import xml.etree.ElementTree as ET

total = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
skipped = []
for xml in sorted(pathlib.Path(sys.argv[1]).glob("*.xml")):
    root = ET.parse(xml).getroot()
    suite = root if root.tag == "testsuite" else root.find("testsuite")
    counts = {key: int(suite.get(key, 0)) for key in total}
    for key in total:
        total[key] += counts[key]
    for case in suite.iter("testcase"):
        reason = case.find("skipped")
        # A strict xfail ran and failed as recorded (a known, pinned shortfall); a pass
        # would fail the suite. It is not a test left unrun.
        if reason is not None and reason.get("type") != "pytest.xfail":
            skipped.append(f"{xml.stem}: {case.get('classname')}.{case.get('name')}: "
                           f"{reason.get('message', '')}")
    print(f"{xml.stem}: {counts['tests']} tests, "
          f"{counts['failures'] + counts['errors']} failed, {counts['skipped']} skipped")
failed = total["failures"] + total["errors"]
passed = total["tests"] - failed - total["skipped"]
if total["tests"] == 0:
    sys.exit("no tests ran")
print(f"{passed} passed, {failed} failed, {total['skipped']} skipped")
if skipped and os.environ.get("CI", "").lower() in ("1", "true", "yes"):
    print("Skipped tests are not allowed in CI:", *skipped, sep="\n  ")
    sys.exit(1)
