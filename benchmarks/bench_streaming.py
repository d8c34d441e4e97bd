"""Event-loop stalls while a reply streams at 200 chunks/s into a 1,000-message conversation.

The real window, wired as `r1desk` wires it (build_context, MainWindow, one qasync loop, the
garbage collector on the GUI thread with start-up's objects frozen, after_first_paint run), runs
offscreen with the 1,000-message conversation open and the "custom" OpenAI-compatible provider
(streaming) pointed at the fake server. The fake runs in its own process, so its Python never
competes with the app for the GIL, and sends one SSE event every 5 ms (its own sleep polls
every 10 ms, so the benchmark's copy keeps an exact pace). A 1 ms QTimer probe records when it
fires; a stall is the gap between two ticks. The send is made from a timer after the probe
has started, as a key press would be, so that its own work falls inside a gap (until the
seventh session it ran before the first tick, and its cost went unmeasured). Baseline, same
run: the same probe for as long, same window, nothing streaming. Median of 5 replies. The
probe also reads the GUI thread's CPU time: a gap's CPU is the app's own work in it, the rest
is the machine running something else (the note gives the worst gap's CPU and the largest
CPU of any gap).
`streaming.long_reply`: the same for a 60 KB answer written as models write (paragraphs, lists,
code), 28 characters per event (median of 3): the cost of an update must not grow with the reply.
The fake makes that answer itself (`long_reply`) for a short prompt, so the measure is the reply's.
Run alone: `python -m benchmarks.bench_streaming`.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring
from PySide6.QtWidgets import QApplication

from benchmarks.data import TextMaker, data_dir_with, generate_conversations, quick_mode
from benchmarks.report import Result, make_result
from r1desk.app import build_context, make_event_loop, set_qt_environment, shutdown
from r1desk.paths import AppPaths
from r1desk.services.context import AppContext
from r1desk.services.main_thread_gc import MainThreadGarbageCollector
from r1desk.settings import Settings, save_settings
from r1desk.storage import Repository
from r1desk.ui.main_window import MainWindow
from tests.unit.memory_keyring import MemoryKeyring

CHUNK_DELAY_S = 0.005
MAX_BUDGET_MS = 16.0
P99_BUDGET_MS = 8.0
HISTORY = 1_000
IDLE_S = 3.0
SEND_AFTER_MS = 20
LONG_REPLY_CHARS = 60_000  # as long as R1's longest answers
LONG_PROMPT = "Explain everything about the event loop, at length."


def serve(piece_chars: int, long_chars: int) -> None:
    """In the fake server's own process: print the OpenAI base URL, serve until stdin closes.
    LONG_PROMPT is answered with `long_reply(long_chars)`."""
    from tests.fakes import replies
    from tests.fakes.handler import FakeHandler
    from tests.fakes.server import FakeServer

    answer_for = replies.answer_for
    long_answer = ("Writing it out in full.", long_reply(long_chars))
    replies.answer_for = lambda text: long_answer if text == LONG_PROMPT else answer_for(text)

    def exact_sleep(self: FakeHandler, seconds: float) -> bool:
        """Keep an even pace: each event `seconds` after the one before, not after the write."""
        now = time.perf_counter()
        due = max(now, getattr(self, "due", now)) + seconds
        self.due = due  # type: ignore[attr-defined]
        time.sleep(due - now)
        return True

    FakeHandler._sleep = exact_sleep  # type: ignore[method-assign]
    FakeHandler.disable_nagle_algorithm = True
    with FakeServer() as server:
        server.chunk_delay = CHUNK_DELAY_S
        server.piece_chars = piece_chars
        print(server.openai_base_url, flush=True)
        sys.stdin.read()


def gaps_ms(ticks: list[float]) -> list[float]:
    return [(b - a) * 1000 for a, b in itertools.pairwise(ticks)]


def p99(values: list[float]) -> float:
    return statistics.quantiles(values, n=100)[-1]


@dataclass
class Round:
    idle: list[float]  # probe gaps (ms) with nothing streaming
    streaming: list[float]  # probe gaps (ms) from send until the reply is stored
    busy: list[float]  # GUI-thread CPU time (ms) in each of those gaps
    updates: list[float]  # when each streamed update reached the controller's signal


async def measure(
    window: MainWindow,
    ctx: AppContext,
    collector: MainThreadGarbageCollector,
    prompt: str,
    rounds: int,
) -> list[Round]:
    from PySide6.QtCore import Qt, QTimer

    ticks: list[float] = []
    cpu: list[float] = []
    updates: list[float] = []
    probe = QTimer()
    probe.setTimerType(Qt.TimerType.PreciseTimer)
    probe.setInterval(1)

    def tick() -> None:
        ticks.append(time.perf_counter())
        cpu.append(time.thread_time())

    probe.timeout.connect(tick)
    ctx.chat.message_updated.connect(lambda _message: updates.append(time.perf_counter()))
    conversation = window.current_id
    assert conversation is not None
    window.after_first_paint()  # as run_gui does: the start-up balance check readies the client
    await asyncio.sleep(1.0)  # first paint and start-up work (the renderer's loading) are done
    collector.freeze()  # as run_gui does once start-up is over
    results = []
    for _ in range(rounds):
        ticks.clear()
        probe.start()
        await asyncio.sleep(IDLE_S)
        probe.stop()
        idle = gaps_ms(ticks)
        ticks.clear()
        cpu.clear()
        updates.clear()
        probe.start()
        # Sent from a later event-loop pass, as a key press would be: the send's own work
        # (storing, adding the rows, laying them out) falls inside a measured gap.
        await send_later(window, prompt)
        started = time.perf_counter()
        while ctx.chat.is_busy(conversation) and time.perf_counter() - started < 120:
            await asyncio.sleep(0.01)
        probe.stop()
        if window.chat.banner.isVisible() or len(updates) < 10:
            raise RuntimeError(f"the reply did not stream ({len(updates)} updates)")
        results.append(Round(idle, gaps_ms(ticks), gaps_ms(cpu), list(updates)))
    return results


async def send_later(window: MainWindow, prompt: str) -> None:
    """Send `prompt` from a timer SEND_AFTER_MS from now; returns once it is sent."""
    from PySide6.QtCore import QTimer

    sent = asyncio.Event()

    def send() -> None:
        window.send(prompt)
        sent.set()

    QTimer.singleShot(SEND_AFTER_MS, send)
    await sent.wait()


def stream_replies(prompt: str, repeats: int, piece_chars: int, long_chars: int = 0) -> list[Round]:
    """Send `prompt` `repeats` times to a fresh fake that streams `piece_chars` per event (and
    answers LONG_PROMPT with `long_chars` of text)."""
    serve_args = ["--serve", str(piece_chars), str(long_chars)]
    fake = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.bench_streaming", *serve_args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert fake.stdout is not None and fake.stdin is not None
    base_url = fake.stdout.readline().strip()
    keyring.set_keyring(MemoryKeyring())
    with tempfile.TemporaryDirectory(prefix="r1desk-bench-stream-") as tmp:
        folder = data_dir_with(None, Path(tmp) / "data", last_conversation=1)
        paths = AppPaths.for_data_dir(folder)
        with Repository.open(paths.database) as repo:
            repo.import_conversations(generate_conversations(1, HISTORY, seed=5))
        save_settings(
            paths.settings_file,
            Settings(provider="custom", api_base=base_url, model="deepseek-reasoner"),
        )
        set_qt_environment()  # as run_gui does
        app = QApplication.instance() or QApplication([])
        assert isinstance(app, QApplication)
        loop = make_event_loop(app)
        asyncio.set_event_loop(loop)
        ctx, _ = build_context(paths)
        window = MainWindow(ctx)
        window.restore()
        window.show()
        collector = MainThreadGarbageCollector(app)  # as run_gui: GC on the GUI thread
        collector.start()
        try:
            with loop:
                rounds: list[Round] = loop.run_until_complete(
                    measure(window, ctx, collector, prompt, repeats)
                )
                window.close()
                loop.run_until_complete(shutdown(ctx))
        finally:
            collector.stop()
            fake.stdin.close()
            fake.wait(10)
    return rounds


def long_reply(chars: int) -> str:
    """An answer of `chars` as models write them (paragraphs, lists, code)."""
    text = TextMaker(11)
    replies: list[str] = []
    while sum(len(r) + 2 for r in replies) < chars:
        replies.append(text.reply())
    return "\n\n".join(replies)


def stall_results(name: str, rounds: list[Round], what: str) -> list[Result]:
    rates = [len(r.updates) / (r.updates[-1] - r.updates[0]) for r in rounds]
    worst = max((max(r.streaming), r) for r in rounds)
    worst_cpu = worst[1].busy[worst[1].streaming.index(worst[0])]
    most_cpu = max(max(r.busy) for r in rounds)
    note = (
        f"median of {len(rounds)} {what} of {len(rounds[0].updates)} streamed updates into "
        f"{HISTORY:,} messages, received at {statistics.median(rates):.0f}/s (sent at "
        f"{1 / CHUNK_DELAY_S:.0f}/s); worst stall of all rounds {worst[0]:.1f} ms, of which "
        f"{worst_cpu:.1f} ms GUI-thread CPU; most CPU in any gap {most_cpu:.1f} ms"
    )

    def median_of(pick: Callable[[list[float]], float], which: str) -> float:
        return statistics.median(pick(getattr(r, which)) for r in rounds)

    return [
        make_result(
            f"{name}.max_stall",
            median_of(max, "streaming"),
            "ms",
            median_of(max, "idle"),
            MAX_BUDGET_MS,
            note=note,
        ),
        make_result(
            f"{name}.p99_stall",
            median_of(p99, "streaming"),
            "ms",
            median_of(p99, "idle"),
            P99_BUDGET_MS,
        ),
    ]


def run() -> list[Result]:
    quick = quick_mode()
    words = 200 if quick else 600  # the fake's answer repeats the prompt three times
    prompt = " ".join(f"streamed{k % 50} word" for k in range(words // 2))
    short = stream_replies(prompt, repeats=1 if quick else 5, piece_chars=7)
    chars = 8_000 if quick else LONG_REPLY_CHARS
    long = stream_replies(LONG_PROMPT, repeats=1 if quick else 3, piece_chars=28, long_chars=chars)
    return [
        *stall_results("streaming", short, "replies"),
        *stall_results("streaming.long_reply", long, f"{chars // 1000} KB replies"),
    ]


if __name__ == "__main__":
    if sys.argv[1:2] == ["--serve"]:
        serve(int(sys.argv[2]), int(sys.argv[3]))
    else:
        print(json.dumps(run(), indent=2))
