"""Import of 10,000 conversations (r1desk JSON made by the exporter) and export of all of them
to Markdown (one file each, written atomically as the app does), in conversations per second.

Baselines, same run, same data: `json.loads` of the import file (for import) and `json.dumps`
of the decoded document (for export), also in conversations per second; the ratio says what
fraction of bare JSON speed the app keeps. Informational: the issue sets no budget.
Run alone: `python -m benchmarks.bench_transfer`.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from pathlib import Path

from benchmarks.data import generate_conversations, quick_mode
from benchmarks.report import Result, make_result
from r1desk.export.json_export import conversations_to_json
from r1desk.services.transfer import export_conversations, import_file
from r1desk.storage import Repository

MESSAGES_PER_CONVERSATION = 10


def _rate(count: int, seconds: float) -> float:
    return count / seconds if seconds > 0 else float("inf")


def run() -> list[Result]:
    count = 1_000 if quick_mode() else 10_000
    folder = Path(tempfile.mkdtemp(prefix="r1desk-bench-transfer-"))
    try:
        source = folder / "conversations.json"
        conversations = list(
            generate_conversations(count, count * MESSAGES_PER_CONVERSATION, seed=11)
        )
        source.write_text(conversations_to_json(conversations), "utf-8")
        del conversations
        size_mb = source.stat().st_size / 1e6

        start = time.perf_counter()
        document = json.loads(source.read_text("utf-8"))
        loads_s = time.perf_counter() - start
        start = time.perf_counter()
        json.dumps(document)
        dumps_s = time.perf_counter() - start
        del document

        with Repository.open(folder / "r1desk.sqlite3") as repo:
            start = time.perf_counter()
            result = import_file(repo, source)
            import_s = time.perf_counter() - start
            assert result.added == count, result
            start = time.perf_counter()
            written = export_conversations(repo, None, "md", folder / "markdown")
            export_s = time.perf_counter() - start
            assert len(written) == count, len(written)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    detail = f"{count:,} conversations × {MESSAGES_PER_CONVERSATION} messages"
    return [
        make_result(
            "transfer.import_json",
            _rate(count, import_s),
            "conv/s",
            _rate(count, loads_s),
            note=f"{detail}, {size_mb:.0f} MB file; {import_s:.1f} s in all",
            digits=0,
        ),
        make_result(
            "transfer.export_markdown",
            _rate(count, export_s),
            "conv/s",
            _rate(count, dumps_s),
            note=f"{detail}, one .md file each (fsync'd); {export_s:.1f} s in all",
            digits=0,
        ),
    ]


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
