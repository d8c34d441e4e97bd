"""Global search over 500,000 messages (10,000 conversations), in the app and from the CLI.

`Repository.search` (what the search dialog calls) for a common word, a rare word, a prefix
and a phrase: the median of several runs each, and the median over the four. Baseline, same
run, same database: `SELECT id FROM messages LIMIT 50`. The CLI case times
`r1desk search WORD` in a subprocess; its baseline is `python -c pass`. The list-filter case
times the conversation list's filter (one keystroke's queries: the first page and, when that is
full, the count of matches) for a common and a missing title substring; the missing one reads
every title.
Run alone: `python -m benchmarks.bench_search`.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.data import SEARCH_QUERIES, cached_database, quick_mode
from benchmarks.report import Result, make_result
from r1desk.storage import Repository
from r1desk.ui.conversation_list import PAGE_SIZE

FIRST_RESULTS_BUDGET_MS = 50.0
FILTER_BUDGET_MS = 16.0  # one keystroke in the list filter must not cost a frame
FILTER_NEEDLES = ("e", "no title has this")


def median_ms(fn: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def run() -> list[Result]:
    quick = quick_mode()
    db = cached_database(1_000, 50_000, 500) if quick else cached_database()
    repeats = 3 if quick else 7
    size = f"{db.messages:,} messages"
    rows: list[Result] = []
    with Repository.open(db.path) as repo:
        conn = repo._conn  # the same connection for the baseline query
        repo.search("warm up the page cache")

        def baseline_query() -> None:
            conn.execute("SELECT id FROM messages LIMIT 50").fetchall()

        timings: list[float] = []
        baselines: list[float] = []
        for name, query in SEARCH_QUERIES.items():
            hits = len(repo.search(query))
            baseline = median_ms(baseline_query, repeats)
            value = median_ms(lambda q=query: repo.search(q), repeats)  # type: ignore[misc]
            timings.append(value)
            baselines.append(baseline)
            rows.append(
                make_result(
                    f"search.{name}",
                    value,
                    "ms",
                    baseline,
                    FIRST_RESULTS_BUDGET_MS,
                    note=f"`{query}` over {size}: {hits} hits (limit 50)",
                )
            )
        rows.append(list_filter(repo, baseline_query, repeats, db.conversations))
    rows.insert(
        0,
        make_result(
            "search.first_results_median",
            statistics.median(timings),
            "ms",
            statistics.median(baselines),
            FIRST_RESULTS_BUDGET_MS,
        ),
    )
    rows.append(cli_search(db.path.parent, 3 if quick else 5))
    return rows


def list_filter(
    repo: Repository, baseline_query: Callable[[], object], repeats: int, conversations: int
) -> Result:
    def keystrokes() -> None:  # as the list's model: the first page, the count if it is full
        for needle in FILTER_NEEDLES:
            if len(repo.list_conversations(needle, limit=PAGE_SIZE)) == PAGE_SIZE:
                repo.count_conversations(needle)

    baseline = median_ms(baseline_query, repeats)
    value = median_ms(keystrokes, repeats) / len(FILTER_NEEDLES)
    needles = " and ".join(f"`{needle}`" for needle in FILTER_NEEDLES)
    return make_result(
        "search.list_filter",
        value,
        "ms",
        baseline,
        FILTER_BUDGET_MS,
        note=(
            f"conversation-list filter, first {PAGE_SIZE} of {conversations:,} titles and "
            f"their count: {needles}"
        ),
    )


def cli_search(data_dir: Path, repeats: int) -> Result:
    def cli() -> None:
        command = [sys.executable, "-m", "r1desk", "search", SEARCH_QUERIES["common_word"]]
        subprocess.run([*command, "--data-dir", str(data_dir)], check=True, capture_output=True)

    def bare() -> None:
        subprocess.run([sys.executable, "-c", "pass"], check=True)

    bare()
    cli()
    baseline = median_ms(bare, repeats) / 1000
    value = median_ms(cli, repeats) / 1000
    return make_result(
        "search.cli_subprocess", value, "s", baseline, note="`r1desk search stream`, whole process"
    )


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
