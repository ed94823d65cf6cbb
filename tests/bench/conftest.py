import os
import platform
import re
from datetime import date
from pathlib import Path

import pytest
from django.db import connection

BENCHMARKS = Path(__file__).resolve().parents[2] / "BENCHMARKS.md"


def machine_facts():
    import os

    return (f"{os.cpu_count()} cores, Python {platform.python_version()}, "
            f"{connection.vendor} database, {date.today().isoformat()}")


def load_note(before, after):
    """What the machine's load says about the times measured between ``before`` and
    ``after`` (load averages)."""
    cores = os.cpu_count() or 1
    note = (f"Load average {before:.1f} at the start and {after:.1f} at the end, on {cores} "
            "cores")
    # A benchmark keeps one core busy itself, and the load average trails by a minute (the
    # benchmark run before it): only a load above the number of cores means other work.
    if max(before, after) > cores:
        return note + (": the machine was busy with other work, so these times are higher "
                       "than on an idle machine.")
    return note + " (otherwise idle)."


def write_section(title, body):
    """Replace (or add) the ``## title`` section of BENCHMARKS.md."""
    text = BENCHMARKS.read_text(encoding="utf-8") if BENCHMARKS.exists() else (
        "# Benchmarks\n\nNumbers from `make bench` on the development machine. They are "
        "measurements, not assertions: no test fails on them.\n")
    section = f"## {title}\n\n{body.strip()}\n"
    pattern = re.compile(rf"^## {re.escape(title)}\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(text):
        text = pattern.sub(section + "\n", text)
    else:
        text = text.rstrip() + "\n\n" + section
    BENCHMARKS.write_text(text.rstrip() + "\n", encoding="utf-8")


@pytest.fixture
def record_benchmark():
    return write_section
