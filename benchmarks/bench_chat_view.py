"""Chat view: first paint of a 5,000-message conversation, scrolling it end to end, and
dragging the window narrower with it open.

Baseline, measured in the same run: a plain QListView over 5,000 one-line strings (each
message's first line). Offscreen; a scroll frame is one page-up step of the scroll bar, as a
user's Page Up or a click above the slider makes it: move, paint, and apply the exact heights
of rows seen for the first time. The conversation is scrolled end to end PASSES times, each
time in a new view; the worst frame is the median of the passes' worst frames (one pass's
worst is often the machine: the plain list's reaches 20-30 ms on these VMs), and the note
gives how much of it was GUI-thread CPU. A resize step is one 10 px width change and its paint,
at the bottom of the last pass's conversation (the plain list's, for the baseline).
Run alone: `python -m benchmarks.bench_chat_view` (prints the results as JSON).
"""

from __future__ import annotations

import ctypes
import json
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any, NamedTuple

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import QAbstractItemView, QAbstractSlider, QApplication, QListView

from benchmarks.report import make_result
from r1desk.app import set_qt_environment
from r1desk.domain import Message, Role, utc_now
from r1desk.render.message_card import cached_markdown
from r1desk.ui.chat_view import ChatView

MESSAGES = 5_000
SIZE = (900, 700)
FIRST_PAINT_BUDGET_MS = 150.0
FRAME_MEAN_BUDGET_MS = 16.0
FRAME_P95_BUDGET_MS = 16.0
FRAME_MAX_BUDGET_MS = 16.0
RESIZE_STEP_BUDGET_MS = 16.0
RESIZE_STEPS = 20
PASSES = 3

_WORDS = ["the", "model", "answer", "reasoning", "python", "list", "value", "function"]
_WORDS += ["return", "result", "data", "token", "stream", "credits", "request", "error"]
_WORDS += ["query", "table", "column", "index", "cache", "layout", "paint", "window"]


def generate_messages(count: int = MESSAGES, seed: int = 1234) -> list[Message]:
    """A deterministic conversation: short questions, answers with lists, tables and code."""
    rng = random.Random(seed)
    start = utc_now() - timedelta(days=30)

    def sentence() -> str:
        words = [rng.choice(_WORDS) for _ in range(rng.randint(6, 18))]
        return " ".join(words).capitalize() + "."

    messages: list[Message] = []
    for i in range(count):
        created = start + timedelta(seconds=30 * i)
        if i % 2 == 0:
            text = " ".join(sentence() for _ in range(rng.randint(1, 3)))
            messages.append(Message(Role.USER, text, id=i + 1, created_at=created))
            continue
        parts = [
            " ".join(sentence() for _ in range(rng.randint(2, 5))) for _ in range(rng.randint(1, 4))
        ]
        if rng.random() < 0.4:
            parts.append("- **" + rng.choice(_WORDS) + "**: " + sentence() + "\n- `x = 1`")
        if rng.random() < 0.3:
            body = "\n".join(
                f"    value_{k} = compute({k}, '{rng.choice(_WORDS)}')"
                for k in range(rng.randint(3, 15))
            )
            parts.append(f"```python\ndef step():\n{body}\n    return value_0\n```")
        if rng.random() < 0.1:
            parts.append("| name | value |\n|---|---|\n| a | 1 |\n| b | 2 |")
        reasoning = " ".join(sentence() for _ in range(rng.randint(3, 10)))
        messages.append(
            Message(
                Role.ASSISTANT,
                "\n\n".join(parts),
                reasoning=reasoning,
                id=i + 1,
                created_at=created,
                model="deepseek-r1",
                elapsed_s=rng.uniform(3, 60),
                credits_before=10.0,
                credits_after=10.0 - rng.uniform(0.001, 0.05),
            )
        )
    return messages


_SPARE_REFERENCES: list[object] = []


def _hold_singletons() -> None:
    """PySide6 6.12 on CPython < 3.12 drops a reference to None/True/False on some calls (they
    are immortal from 3.12 on); spare references, held for the life of the process, keep a
    long run from freeing them and aborting."""
    if sys.version_info < (3, 12) and not _SPARE_REFERENCES:
        _SPARE_REFERENCES.extend([None, True, False] * 500_000)
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(_SPARE_REFERENCES))  # never freed, even at exit


def _settle(app: QApplication, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.005)


def _ms(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


class Frame(NamedTuple):
    wall_ms: float
    cpu_ms: float  # the GUI thread's


def _scroll_frames(view: QAbstractItemView, app: QApplication) -> list[Frame]:
    """Page up from the bottom to the top; one frame = move, then paint and settle heights."""
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())
    app.processEvents()
    frames: list[Frame] = []
    while bar.value() > bar.minimum():
        wall, cpu = time.perf_counter(), time.thread_time()
        bar.triggerAction(QAbstractSlider.SliderAction.SliderPageStepSub)
        app.processEvents()  # runs the paint, and the height corrections it triggers
        frames.append(Frame((time.perf_counter() - wall) * 1000, (time.thread_time() - cpu) * 1000))
    return frames


def _drag_narrower(view: QAbstractItemView, app: QApplication) -> list[float]:
    """The window's edge dragged 10 px per event-loop pass; each step's resize and paint."""
    width, height = SIZE

    steps: list[float] = []
    for k in range(1, RESIZE_STEPS + 1):
        start = time.perf_counter()
        view.resize(width - 10 * k, height)
        app.processEvents()
        steps.append((time.perf_counter() - start) * 1000)
    return steps


def _worst(passes: list[list[Frame]]) -> Frame:
    """The median pass's worst frame (by wall time)."""
    worst = sorted((max(frames) for frames in passes), key=lambda frame: frame.wall_ms)
    return worst[len(worst) // 2]


def _result(
    case: str, value: float, baseline: float, budget: float, note: str = ""
) -> dict[str, Any]:
    return make_result(case, value, "ms", baseline, budget, note=note, digits=2)


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


def run() -> list[dict[str, Any]]:
    _hold_singletons()
    set_qt_environment()  # as run_gui does (the plain list baseline gets it too)
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    messages = generate_messages()

    plain = QListView()
    plain.resize(*SIZE)
    plain.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    plain.show()
    app.processEvents()
    strings = QStringListModel([m.content.split("\n", 1)[0][:80] for m in messages])

    def open_plain() -> None:
        plain.setModel(strings)
        plain.scrollToBottom()
        plain.grab()

    base_open = _ms(open_plain)
    base_passes = [_scroll_frames(plain, app) for _ in range(PASSES)]
    plain.scrollToBottom()
    base_drag = _drag_narrower(plain, app)

    opened: list[float] = []
    passes: list[list[Frame]] = []
    for _ in range(PASSES):
        cached_markdown.cache_clear()  # each pass renders every message anew
        view = ChatView()
        view.resize(*SIZE)
        view.show()
        _settle(app, 0.5)  # as after start-up: the view has warmed up the renderer when idle

        def open_chat(view: ChatView = view) -> None:
            view.set_messages(messages)
            view.grab()

        opened.append(_ms(open_chat))
        passes.append(_scroll_frames(view, app))
        view.scrollToBottom()
        _settle(app, 0.1)
        drag = _drag_narrower(view, app)
        time.sleep(0.2)  # the drag has paused: the rows off screen are re-estimated
        settle_ms = _ms(app.processEvents)
        view.close()
        view.deleteLater()
        _settle(app, 0.1)
    plain.close()
    frames = [frame.wall_ms for frames in passes for frame in frames]
    base_frames = [frame.wall_ms for frames in base_passes for frame in frames]
    worst, base_worst = _worst(passes), _worst(base_passes)
    return [
        _result(
            "chat_view.first_paint_5000",
            opened[0],  # later passes' are faster: Qt's font and glyph caches are warm
            base_open,
            FIRST_PAINT_BUDGET_MS,
        ),
        _result(
            "chat_view.scroll_frame_mean",
            statistics.fmean(frames),
            statistics.fmean(base_frames),
            FRAME_MEAN_BUDGET_MS,
        ),
        _result("chat_view.scroll_frame_p95", _p95(frames), _p95(base_frames), FRAME_P95_BUDGET_MS),
        _result(
            "chat_view.scroll_frame_max",
            worst.wall_ms,
            base_worst.wall_ms,
            FRAME_MAX_BUDGET_MS,
            note=f"median of {PASSES} passes' worst frames; of the median one's "
            f"{worst.wall_ms:.1f} ms, {worst.cpu_ms:.1f} ms was GUI-thread CPU (the plain "
            f"list's: {base_worst.cpu_ms:.1f} of {base_worst.wall_ms:.1f} ms); the most CPU "
            f"in any frame: {max(f.cpu_ms for frames in passes for f in frames):.1f} ms",
        ),
        _result(
            "chat_view.resize_step",
            statistics.median(drag),
            statistics.median(base_drag),
            RESIZE_STEP_BUDGET_MS,
            note=f"median of {RESIZE_STEPS} steps of a drag 10 px narrower, at the bottom; "
            f"worst {max(drag):.1f} ms (plain list {max(base_drag):.1f}); once the drag "
            f"pauses, the other rows are re-estimated in {settle_ms:.0f} ms",
        ),
    ]


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
