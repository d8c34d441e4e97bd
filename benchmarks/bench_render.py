"""Markdown rendering: a 100 KB reply with tables, lists and code, first render (no caches).

Baseline, measured in the same run: plain markdown-it (CommonMark, no highlighting, no rules
of ours) on the same text. Run alone: `python -m benchmarks.bench_render`.
"""

from __future__ import annotations

import json
import statistics
import time
from typing import Any

from markdown_it import MarkdownIt

from r1desk.render import render_markdown, warm_up

BUDGET_MS = 100.0
REPLY_CHARS = 100_000


def generate_reply(seed: int) -> str:
    """Deterministic; `seed` varies the code so no cache can serve a later run."""
    para = (
        f"The **quick** brown fox {seed} jumps over the lazy dog and calls `fox.jump()` again, "
        "because the first attempt did not quite work as expected in this case. "
    ) * 3
    code = "".join(
        f"def handler_{seed}_{k}(event):\n    return process(event.data)  # {k}\n"
        for k in range(12)
    )
    section = (
        f"## Section\n\n{para}\n\n- first item with `code`\n- second item\n- third item\n\n"
        f"{para}\n\n| column | value |\n|---|---|\n| a | 1 |\n| b | 2 |\n\n```python\n{code}```\n\n"
    )
    return (section * (REPLY_CHARS // len(section) + 1))[:REPLY_CHARS]


def _median_ms(render: Any, texts: list[str]) -> float:
    times = []
    for text in texts:
        start = time.perf_counter()
        render(text)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def run() -> list[dict[str, Any]]:
    warm_up()
    texts = [generate_reply(seed) for seed in range(5)]
    plain = MarkdownIt("commonmark").enable("table")
    baseline = _median_ms(plain.render, texts)
    value = _median_ms(render_markdown, texts)
    return [
        {
            "case": "render.markdown_100kb_median",
            "value": round(value, 2),
            "unit": "ms",
            "baseline": round(baseline, 2),
            "ratio": round(value / baseline, 2),
            "budget": BUDGET_MS,
            "ok": value <= BUDGET_MS,
        }
    ]


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
