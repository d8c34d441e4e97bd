"""`python -m benchmarks [--quick] [--only NAME ...]`: run the benchmarks, write the report.

Each `benchmarks/bench_*.py` module runs in its own Python process (one Qt application, one
crash, one memory footprint each) and returns rows from `run()`. A full run writes
`benchmarks/results/latest.json` and `latest.md` and refreshes the README table; `--only`
replaces just those modules' rows. `--quick` (smaller data, a smoke test) writes `quick.*`
and leaves the README alone, so the published table always comes from full-size data.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import report

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results"
README = ROOT / "README.md"
QUICK_ENV = "R1DESK_BENCH_QUICK"
MODULE_TIMEOUT_S = 900


def module_names() -> list[str]:
    return sorted(path.stem.removeprefix("bench_") for path in HERE.glob("bench_*.py"))


def run_child(name: str, out: Path) -> int:
    """In the child process: run one module and write its rows as JSON."""
    module = importlib.import_module(f"benchmarks.bench_{name}")
    rows = module.run()
    out.write_text(json.dumps(rows), "utf-8")
    return 0


def run_module(name: str, quick: bool) -> list[report.Result]:
    env = {**os.environ, QUICK_ENV: "1" if quick else ""}
    with tempfile.TemporaryDirectory(prefix="r1desk-bench-") as tmp:
        out = Path(tmp) / "rows.json"
        command = [sys.executable, "-m", "benchmarks", "--child", name, "--out", str(out)]
        started = time.perf_counter()
        try:
            done = subprocess.run(
                command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=MODULE_TIMEOUT_S
            )
            failure = (
                "" if done.returncode == 0 else _tail(done.stderr) or f"exit {done.returncode}"
            )
        except subprocess.TimeoutExpired:
            failure = f"timed out after {MODULE_TIMEOUT_S} s"
        took = time.perf_counter() - started
        rows: list[report.Result] = json.loads(out.read_text("utf-8")) if out.exists() else []
    print(f"  {name}: {len(rows)} rows in {took:.0f} s", file=sys.stderr)
    if failure:
        print(f"  {name} FAILED: {failure}", file=sys.stderr)
        rows.append(_failed_row(name, failure))
    for row in rows:
        row["module"] = name
    return rows


def _tail(text: str, lines: int = 3) -> str:
    return " / ".join(line.strip() for line in text.strip().splitlines()[-lines:])


def _failed_row(name: str, failure: str) -> report.Result:
    return {
        "case": f"{name}.failed",
        "value": None,
        "unit": "",
        "baseline": None,
        "ratio": None,
        "budget": None,
        "ok": False,
        "note": failure,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small data: a smoke run")
    parser.add_argument(
        "--only", action="append", metavar="NAME", help=f"one of {', '.join(module_names())}"
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return run_child(args.child, args.out)

    names = module_names()
    chosen = args.only or names
    unknown = sorted(set(chosen) - set(names))
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}; choose from {', '.join(names)}")
    results: list[report.Result] = []
    for name in chosen:
        print(f"running {name}{' (quick)' if args.quick else ''}...", file=sys.stderr)
        results += run_module(name, args.quick)

    stem = "quick" if args.quick else "latest"
    machine = report.machine_info()
    results = report.stamp(results, machine["date"])
    if args.only:
        previous = RESULTS / f"{stem}.json"
        results = report.merge_results(
            report.read_results(previous), results, set(chosen), report.read_date(previous)
        )
        results.sort(key=lambda r: names.index(r["module"]) if r.get("module") in names else 0)
    json_path, md_path = report.write_report(results, machine, RESULTS, stem)
    if not args.quick:
        report.update_readme(README, results, machine)
    print(report.markdown_report(results, machine))
    print(f"wrote {json_path} and {md_path}", file=sys.stderr)
    return 0 if all(r.get("ok") is not False for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
