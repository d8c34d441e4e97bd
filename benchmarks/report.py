"""The results files and the README table: JSON for tools, Markdown for people.

A result is a dict: case, value, unit, baseline, ratio (value / baseline), budget, ok, plus
optional keys: `budget_of` ("value", the default, or "ratio": the budget is a multiple of the
baseline), `module` (the bench_* module that measured it) and `note`.
"""

from __future__ import annotations

import json
import os
import platform
import re
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

Result = dict[str, Any]
START_MARK = "<!-- benchmarks:start -->"
END_MARK = "<!-- benchmarks:end -->"
_BLOCK = re.compile(re.escape(START_MARK) + r".*?" + re.escape(END_MARK), re.DOTALL)


def make_result(
    case: str,
    value: float,
    unit: str,
    baseline: float | None,
    budget: float | None = None,
    *,
    budget_of: str = "value",
    note: str = "",
    digits: int = 3,
    ratio: float | None = None,
) -> Result:
    """One row; `ok` compares `value` (or the ratio, for `budget_of="ratio"`) with `budget`,
    and is None when the case has no budget (it is reported for information). The ratio is
    `value / baseline` unless given (e.g. the median of paired ratios)."""
    if ratio is None:
        ratio = value / baseline if baseline else None
    measured = ratio if budget_of == "ratio" else value
    row: Result = {
        "case": case,
        "value": round(value, digits),
        "unit": unit,
        "baseline": None if baseline is None else round(baseline, digits),
        "ratio": None if ratio is None else round(ratio, 2),
        "budget": budget,
        "ok": None if budget is None or measured is None else measured <= budget,
    }
    if budget_of != "value":
        row["budget_of"] = budget_of
    if note:
        row["note"] = note
    return row


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine_info() -> dict[str, Any]:
    """What the numbers were measured on; Qt versions without starting Qt."""
    try:
        import PySide6
        from PySide6 import QtCore

        pyside, qt = PySide6.__version__, QtCore.qVersion()
    except ImportError:
        pyside = qt = "not installed"
    return {
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "pyside6": pyside,
        "qt": qt,
        "sqlite": __import__("sqlite3").sqlite_version,
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "argv": " ".join(sys.argv[1:]),
    }


def machine_line(machine: dict[str, Any], results: list[Result] | None = None) -> str:
    return (
        f"Measured {_when(machine, results or [])} on {machine.get('cpu', '?')} "
        f"({machine.get('cores', '?')} cores), {machine.get('os', '?')}, "
        f"Python {machine.get('python', '?')}, PySide6 {machine.get('pyside6', '?')} "
        f"(Qt {machine.get('qt', '?')}), SQLite {machine.get('sqlite', '?')}."
    )


def _when(machine: dict[str, Any], results: list[Result]) -> str:
    """When the rows were measured: after `--only`, not all in the same run."""
    dates: dict[str, list[str]] = {}
    for r in results:
        modules = dates.setdefault(r.get("measured") or machine.get("date", "?"), [])
        if r.get("module") and r["module"] not in modules:
            modules.append(r["module"])
    if len(dates) < 2:
        return str(next(iter(dates), machine.get("date", "?")))
    main = max(dates, key=lambda date: len(dates[date]))
    later = "; ".join(
        f"{', '.join(f'`{m}`' for m in modules)} at {date}"
        for date, modules in sorted(dates.items())
        if date != main
    )
    return f"{main} (the rows of {later})"


def format_number(value: float | None) -> str:
    """Three significant digits, no exponent: 0.0123, 1.23, 123, 12345."""
    if value is None:
        return "—"
    if value == 0:
        return "0"
    magnitude = abs(value)
    if magnitude >= 100:
        return f"{value:,.0f}"
    if magnitude >= 1:
        return f"{value:.3g}"
    return f"{value:.2g}" if magnitude >= 0.01 else f"{value:.2e}"


def format_quantity(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    return f"{format_number(value)} {unit}".rstrip()


def format_budget(result: Result) -> str:
    budget = result.get("budget")
    if budget is None:
        return "—"
    op = "≥" if result.get("budget_op") == ">=" else "≤"
    if result.get("budget_of") == "ratio":
        return f"{op} {format_number(budget)}× baseline"
    return f"{op} {format_quantity(budget, result.get('unit', ''))}"


def format_ok(ok: object) -> str:
    if ok is None:
        return "—"
    return "yes" if ok else "**NO**"


def markdown_table(results: list[Result]) -> str:
    lines = [
        "| case | value | baseline | ratio | budget | ok |",
        "| --- | ---: | ---: | ---: | --- | :---: |",
    ]
    for r in results:
        unit = r.get("unit", "")
        ratio = r.get("ratio")
        cells = [
            f"`{r['case']}`",
            format_quantity(r.get("value"), unit),
            format_quantity(r.get("baseline"), unit),
            "—" if ratio is None else f"{format_number(ratio)}×",
            format_budget(r),
            format_ok(r.get("ok")),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def notes_list(results: list[Result]) -> str:
    """One bullet per result that carries a note (what was measured, why it missed)."""
    return "\n".join(f"- `{r['case']}`: {r['note']}" for r in results if r.get("note"))


def markdown_report(results: list[Result], machine: dict[str, Any]) -> str:
    parts = [markdown_table(results), "", machine_line(machine, results)]
    notes = notes_list(results)
    if notes:
        parts += ["", notes]
    return "\n".join(parts) + "\n"


def replace_block(text: str, block: str) -> str:
    """`text` with everything between the benchmark markers replaced by `block`.

    Raises ValueError when the markers are missing, rather than losing the table.
    """
    if not _BLOCK.search(text):
        raise ValueError(f"no {START_MARK} ... {END_MARK} block found")
    replacement = f"{START_MARK}\n{block.strip()}\n{END_MARK}"
    return _BLOCK.sub(lambda _: replacement, text, count=1)


def merge_results(
    previous: list[Result], fresh: list[Result], modules: set[str], previous_date: str = ""
) -> list[Result]:
    """Keep the previous rows of modules not run this time (each with the date it was
    measured); the new rows replace the rest."""
    kept = [
        {**r, "measured": r.get("measured") or previous_date}
        for r in previous
        if r.get("module") not in modules
    ]
    return kept + fresh


def stamp(results: list[Result], date: str) -> list[Result]:
    """Each row with the date it was measured."""
    return [{**r, "measured": date} for r in results]


def write_report(
    results: list[Result], machine: dict[str, Any], folder: Path, stem: str = "latest"
) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    json_path, md_path = folder / f"{stem}.json", folder / f"{stem}.md"
    payload = {"machine": machine, "results": results}
    json_path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", "utf-8")
    md_path.write_text(markdown_report(results, machine), "utf-8")
    return json_path, md_path


def read_results(path: Path) -> list[Result]:
    results = _read(path).get("results")
    return results if isinstance(results, list) else []


def read_date(path: Path) -> str:
    """When the report at `path` was written ("" if unknown)."""
    machine = _read(path).get("machine")
    return str(machine.get("date", "")) if isinstance(machine, dict) else ""


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def update_readme(readme: Path, results: list[Result], machine: dict[str, Any]) -> None:
    text = readme.read_text("utf-8")
    readme.write_text(replace_block(text, markdown_report(results, machine)), "utf-8")
