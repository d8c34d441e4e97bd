"""The benchmark report: rows, the Markdown table, the README block and merging (no timings)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks import report


def test_a_ratio_budget_judges_the_ratio_not_the_value() -> None:
    row = report.make_result("startup.x", 0.5, "s", 0.2, 2.0, budget_of="ratio")
    assert row["ratio"] == 2.5
    assert row["ok"] is False
    assert report.make_result("startup.x", 0.3, "s", 0.2, 2.0, budget_of="ratio")["ok"] is True


def test_a_given_ratio_is_judged_instead_of_value_over_baseline() -> None:
    # Paired rounds: 0.45 / 0.2 = 2.25 overall, but the rounds' own ratios had a median of 1.9.
    row = report.make_result("startup.x", 0.45, "s", 0.2, 2.0, budget_of="ratio", ratio=1.9)
    assert row["ratio"] == 1.9
    assert row["ok"] is True


def test_an_absolute_budget_judges_the_value_and_no_budget_means_no_verdict() -> None:
    assert report.make_result("search.x", 49.0, "ms", 0.1, 50.0)["ok"] is True
    assert report.make_result("search.x", 51.0, "ms", 0.1, 50.0)["ok"] is False
    informational = report.make_result("transfer.x", 900.0, "conv/s", 20_000.0)
    assert informational["ok"] is None
    assert informational["ratio"] == 0.04


def test_the_table_has_one_row_per_case_with_units_budgets_and_verdicts() -> None:
    rows = [
        report.make_result("startup.empty", 0.7, "s", 0.2, 2.0, budget_of="ratio"),
        report.make_result("search.common", 12.4, "ms", 0.03, 50.0),
        report.make_result("transfer.import", 947.0, "conv/s", 24_092.0),
    ]
    lines = report.markdown_table(rows).splitlines()
    assert lines[0] == "| case | value | baseline | ratio | budget | ok |"
    assert len(lines) == 2 + len(rows)
    assert lines[2] == "| `startup.empty` | 0.7 s | 0.2 s | 3.5× | ≤ 2× baseline | **NO** |"
    assert lines[3] == "| `search.common` | 12.4 ms | 0.03 ms | 413× | ≤ 50 ms | yes |"
    assert lines[4] == "| `transfer.import` | 947 conv/s | 24,092 conv/s | 0.04× | — | — |"


def test_a_failed_module_shows_as_a_row_without_numbers() -> None:
    row: report.Result = {"case": "startup.failed", "value": None, "unit": "", "ok": False}
    row.update(baseline=None, ratio=None, budget=None, note="Xvfb did not start")
    text = report.markdown_report([row], {"cpu": "cpu", "cores": 2})
    assert "| `startup.failed` | — | — | — | — | **NO** |" in text
    assert "- `startup.failed`: Xvfb did not start" in text
    assert "cpu (2 cores)" in text


@pytest.mark.parametrize(
    ("value", "text"),
    [(0.0123, "0.012"), (0.123, "0.12"), (1.234, "1.23"), (12.34, "12.3"), (1234.5, "1,234")],
)
def test_numbers_keep_about_three_significant_digits(value: float, text: str) -> None:
    assert report.format_number(value) == text


def test_the_readme_block_is_replaced_and_the_rest_kept() -> None:
    text = f"intro\n{report.START_MARK}\nold table\n{report.END_MARK}\noutro\n"
    new = report.replace_block(text, "| new |\n")
    assert new == f"intro\n{report.START_MARK}\n| new |\n{report.END_MARK}\noutro\n"
    assert report.replace_block(new, "| newer |").count(report.START_MARK) == 1


def test_a_readme_without_markers_is_refused_not_overwritten() -> None:
    with pytest.raises(ValueError, match="benchmarks:start"):
        report.replace_block("no markers here", "| table |")


def test_rerunning_one_module_replaces_only_its_rows() -> None:
    previous = [
        {"case": "a.one", "module": "a"},
        {"case": "b.one", "module": "b"},
        {"case": "b.two", "module": "b"},
    ]
    fresh = [{"case": "b.three", "module": "b"}]
    merged = report.merge_results(previous, fresh, {"b"})
    assert [r["case"] for r in merged] == ["a.one", "b.three"]


def test_rows_rerun_later_say_when_they_were_measured(tmp_path: Path) -> None:
    machine = {"cpu": "Test CPU", "cores": 2, "date": "2026-01-01 09:00 UTC"}
    first = report.stamp(
        [{"case": "a.one", "module": "a"}, {"case": "b.one", "module": "b"}],
        "2026-01-01 08:00 UTC",
    )
    json_path, _ = report.write_report(first, {**machine, "date": "2026-01-01 08:00 UTC"}, tmp_path)
    assert "Measured 2026-01-01 08:00 UTC on Test CPU" in report.markdown_report(first, machine)

    fresh = report.stamp([{"case": "b.one", "module": "b"}], machine["date"])
    merged = report.merge_results(
        report.read_results(json_path), fresh, {"b"}, report.read_date(json_path)
    )
    line = report.machine_line(machine, [*merged, {"case": "c.one", "module": "c"}])
    assert line.startswith(
        "Measured 2026-01-01 09:00 UTC (the rows of `a` at 2026-01-01 08:00 UTC) on Test CPU"
    )


def test_written_report_round_trips_and_updates_the_readme(tmp_path: Path) -> None:
    rows = [report.make_result("search.common", 12.4, "ms", 0.03, 50.0)]
    machine = {"cpu": "Test CPU", "cores": 2, "python": "3.11", "date": "2026-01-01 00:00 UTC"}
    json_path, md_path = report.write_report(rows, machine, tmp_path / "results")
    assert report.read_results(json_path) == rows
    assert json.loads(json_path.read_text())["machine"]["cpu"] == "Test CPU"
    assert "| `search.common` |" in md_path.read_text()
    readme = tmp_path / "README.md"
    readme.write_text(f"# r1desk\n{report.START_MARK}\n(not measured yet)\n{report.END_MARK}\n")
    report.update_readme(readme, rows, machine)
    text = readme.read_text()
    assert "(not measured yet)" not in text
    assert "Test CPU (2 cores)" in text and "| `search.common` |" in text


def test_missing_or_broken_results_read_as_no_rows(tmp_path: Path) -> None:
    assert report.read_results(tmp_path / "absent.json") == []
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    assert report.read_results(broken) == []
