"""Turn the wrk outputs of scripts/bench-http.sh into BENCHMARKS.md's "HTTP throughput"."""

import os
import re
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.bench.conftest import write_section  # noqa: E402

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def millis(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(number) * UNITS[unit]


def parse(path):
    text = path.read_text()
    field = dict(re.findall(r"^(name|path|status): (.*)$", text, re.M))
    latency = {p: millis(v) for p, v in re.findall(r"^\s+(50|99)%\s+(\S+)$", text, re.M)}
    rate = re.search(r"Requests/sec:\s+([\d.]+)", text)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    errors = (int(non_2xx.group(1)) if non_2xx else 0) + (
        sum(int(n) for n in sockets.groups()) if sockets else 0)
    return {
        "name": field["name"], "path": field["path"], "status": field["status"],
        "rps": float(rate.group(1)) if rate else 0.0,
        "p50": latency.get("50"), "p99": latency.get("99"), "errors": errors,
    }


def table(rows, ceiling):
    lines = ["| page | status | req/s | p50 ms | p99 ms | errors | share of ceiling |",
             "|---|---|---:|---:|---:|---:|---:|"]
    for row in rows:
        share = f"{100 * row['rps'] / ceiling:.1f} %" if ceiling else "–"
        lines.append(f"| {row['name']} (`{row['path']}`) | {row['status']} | {row['rps']:.1f} | "
                     f"{row['p50'] or 0:.1f} | {row['p99'] or 0:.1f} | {row['errors']} | {share} |")
    return "\n".join(lines)


def main(folder, seconds):
    results = {mode: [parse(p) for p in sorted(Path(folder).glob(f"{mode}-*.txt"))]
               for mode in ("off", "on")}
    body = [
        f"`make bench-http`, {date.today().isoformat()}, {os.cpu_count()} cores: gunicorn "
        "(2 sync workers, production settings, SQLite, Redis page cache), demo content plus "
        f"{os.environ.get('BENCH_MODELS', '2000')} generated models; wrk with 2 threads and "
        f"8 connections, {seconds} s per page after a warm-up, on the same machine as the "
        "server (so wrk takes part of the 2 cores). The ceiling is a whitenoise static file "
        "through the same server.",
    ]
    for mode, title in (("off", "Page cache off (every request renders)"),
                        ("on", "Page cache on (warm, shared Redis cache)")):
        rows = results[mode]
        ceiling = next((r["rps"] for r in rows if r["name"].startswith("static")), 0)
        body += [f"### {title}", table(rows, ceiling)]
    write_section("HTTP throughput", "\n\n".join(body))
    print("\n\n".join(body))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
