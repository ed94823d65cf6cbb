"""Declared dependencies are used where they are declared; one HTML-to-text function.

A runtime dependency that no application code imports is dead weight in every
deployment; a library only the tests use belongs in the dev extras.
"""

import ast
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_PACKAGES = ("portal", "models_library", "training")
# Distribution name -> the module it is imported as, for libraries imported in Python.
IMPORTED_AS = {"beautifulsoup4": "bs4", "lxml": "lxml", "PyYAML": "yaml", "nh3": "nh3",
               "pytest-xdist": "xdist", "dj-database-url": "dj_database_url"}


def _declared(group=None):
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = project["optional-dependencies"][group] if group else project["dependencies"]
    return {re.split(r"[\[<>=~! ]", requirement, maxsplit=1)[0]
            for requirement in requirements}


def _imported_modules(folders):
    modules = set()
    for folder in folders:
        for path in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    modules |= {alias.name.split(".")[0] for alias in node.names}
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    modules.add(node.module.split(".")[0])
    return modules


def test_runtime_libraries_imported_in_python_are_imported_by_the_application():
    app_imports = _imported_modules(APP_PACKAGES)
    unused = [name for name in _declared() & IMPORTED_AS.keys()
              if IMPORTED_AS[name] not in app_imports]
    assert unused == []


def test_libraries_the_application_imports_are_runtime_dependencies():
    app_imports = _imported_modules(APP_PACKAGES)
    undeclared = [name for name, module in IMPORTED_AS.items()
                  if module in app_imports and name not in _declared()]
    assert undeclared == []


def test_libraries_only_tests_import_are_dev_dependencies():
    app_imports = _imported_modules(APP_PACKAGES)
    test_imports = _imported_modules(["tests"])
    assert "bs4" in test_imports and "bs4" not in app_imports
    assert "beautifulsoup4" in _declared("dev")
    assert "beautifulsoup4" not in _declared()


def test_dev_plugins_are_used():
    declared = _declared("dev")
    runner = (ROOT / "scripts" / "run-tests.sh").read_text(encoding="utf-8")
    if "pytest-xdist" in declared:
        assert re.search(r"pytest .*-n ", runner), "pytest-xdist is declared but never used"


def test_one_html_to_text_function():
    """HTML (pages, rich text) becomes text in one place: portal.text.html_to_text."""
    converters = []
    for folder in (*APP_PACKAGES, "tests"):
        for path in (ROOT / folder).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if (isinstance(node, ast.FunctionDef) and not node.name.startswith("test_")
                        and re.search(r"(html|rich).*to_?text", node.name)):
                    calls = {call.func.id for call in ast.walk(node)
                             if isinstance(call, ast.Call) and isinstance(call.func, ast.Name)}
                    if "html_to_text" not in calls:  # a wrapper that reuses it is fine
                        converters.append(f"{path.relative_to(ROOT)}:{node.name}")
    assert converters == ["portal/text.py:html_to_text"]
