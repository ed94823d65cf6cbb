"""The project's import structure: no import circles, checked by import-linter.

grimp, import-linter's graph, also reads imports inside functions, so an import
moved into a function to dodge a circle still breaks the contract.

The contracts live in pyproject.toml ([tool.importlinter]); scripts/run-tests.sh
runs them too, so `make test` fails when an import circle appears.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_are_kept():
    lint_imports = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run(
        [lint_imports, "--no-cache", "--no-logo"], cwd=ROOT, capture_output=True, text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout

