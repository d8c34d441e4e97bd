"""Cold start to the main window's first paint on a real X server, and resident memory.

An Xvfb server is started on a free display for the run and stopped at its end. Each launch
is a fresh `python -m r1desk --data-dir D --api-base FAKE` (key from SEGMIND_API_KEY, so the
start-up balance check goes to a loopback fake server and no keyring is asked). "Visible" is
watched from outside, with Xlib and the DAMAGE extension: the time from spawning the process
to the first drawing into its first mapped top-level window (first paint, which comes after
the map). Resident memory is VmRSS from /proc 2 s after that.

r1desk's bytecode is compiled first, as a wheel install does.

Baseline, same run, interleaved with the app launches: a bare PySide6 QMainWindow of the same
size started by the same Python. Cases: an empty data dir, 10,000 conversations / 500,000
messages (the first conversation, ~50 messages, is opened), and the same database with its
5,000-message conversation restored as the last one open, and the 10,000-conversation data dir
as a normal restart finds it (one `--smoke-test` run closed its window first, leaving
`first-paint.json` and the window state; the other cases' launches are killed with SIGKILL,
so they never have them). Medians of the repetitions; a start-up ratio is the median of each
round's ratio to that round's bare launch.
Run alone: `python -m benchmarks.bench_startup`.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.data import cached_database, data_dir_with, quick_mode
from benchmarks.report import Result, make_result
from benchmarks.xwatch import XWatcher, start_xvfb
from tests.fakes.server import FakeServer

START_BUDGET_RATIO = 2.0
MEMORY_BUDGET_RATIO = 1.6
OPEN_BIG_MEMORY_BUDGET_MB = 150.0
SETTLE_S = 2.0
REPEATS = 9
LAUNCH_TIMEOUT_S = 60.0
KEY = "bench"
BARE_WINDOW = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("bare window")
window.resize(1100, 720)
window.show()
sys.exit(app.exec())
"""


@dataclass
class Launch:
    visible_s: float
    mapped_s: float
    rss_mb: float


@dataclass
class Variant:
    name: str
    command: Callable[[], list[str]]
    launches: list[Launch] = field(default_factory=list)

    def median(self, attribute: str) -> float:
        return float(statistics.median(getattr(launch, attribute) for launch in self.launches))

    def ratios(self, bare: Variant) -> list[float]:
        """Each round's first paint / the bare launch of the same round, sorted."""
        pairs = zip(self.launches, bare.launches, strict=True)
        return sorted(app.visible_s / base.visible_s for app, base in pairs)

    def paired_ratio(self, bare: Variant) -> float:
        """The median of `ratios`: the machine's speed drifts between rounds, and the two
        launches of a round share their moment."""
        return float(statistics.median(self.ratios(bare)))


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for {pid}")


def launch(command: list[str], env: dict[str, str], watcher: XWatcher, log: Path) -> Launch:
    watcher.drain()
    with log.open("wb") as errors:
        started = time.perf_counter()
        process = subprocess.Popen(command, env=env, stdout=errors, stderr=errors)
        try:
            mapped, painted = watcher.wait_for_first_paint(started + LAUNCH_TIMEOUT_S)
            if mapped is None:
                tail = log.read_text(errors="replace")[-500:]
                raise RuntimeError(f"no window within {LAUNCH_TIMEOUT_S} s: {tail}")
            visible = painted if painted is not None else mapped
            time.sleep(max(0.0, visible + SETTLE_S - time.perf_counter()))
            if process.poll() is not None:
                raise RuntimeError(f"exited with {process.returncode}: {log.read_text()[-500:]}")
            memory = rss_mb(process.pid)
        finally:
            # SIGKILL: on SIGTERM the app closes as Quit does and would leave first-paint.json
            # and its window state, turning the next first start of a shared data dir into a
            # restart.
            process.kill()
            process.wait()
    return Launch(visible - started, mapped - started, memory)


def compile_bytecode() -> None:
    """Write r1desk's .pyc files, as installing a wheel does (PYTHONDONTWRITEBYTECODE may be
    set here, which would make every launch compile the sources again)."""
    import r1desk

    package = Path(r1desk.__file__).parent
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True)


def run() -> list[Result]:
    compile_bytecode()
    quick = quick_mode()
    repeats = 2 if quick else REPEATS
    db = cached_database(1_000, 50_000, 500) if quick else cached_database()
    big = f"{db.conversations:,} conversations / {db.messages:,} messages"
    work = Path(tempfile.mkdtemp(prefix="r1desk-bench-startup-"))
    xvfb, display = start_xvfb()
    server = FakeServer()
    server.valid_keys = {KEY}
    server.start()
    try:
        env = {
            k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")
        }
        env.update(DISPLAY=display, SEGMIND_API_KEY=KEY)
        app = [sys.executable, "-m", "r1desk", "--api-base", server.base_url, "--data-dir"]
        full = data_dir_with(db.path, work / "full")
        opened = data_dir_with(db.path, work / "opened", last_conversation=db.big_conversation_id)
        restarted = data_dir_with(db.path, work / "restarted")
        subprocess.run([*app, str(restarted), "--smoke-test"], env=env, timeout=120, check=True)
        fresh = iter(range(1000))
        variants = [
            Variant("bare", lambda: [sys.executable, "-c", BARE_WINDOW]),
            Variant("empty", lambda: [*app, str(work / f"empty-{next(fresh)}")]),
            Variant("full", lambda: [*app, str(full)]),
            Variant("opened", lambda: [*app, str(opened)]),
            Variant("restarted", lambda: [*app, str(restarted)]),
        ]
        with XWatcher(display) as watcher:
            for variant in variants:  # warm-up: page cache, .pyc files, fontconfig cache
                launch(variant.command(), env, watcher, work / "warm-up.log")
            for _ in range(repeats):
                for variant in variants:
                    log = work / f"{variant.name}.log"
                    variant.launches.append(launch(variant.command(), env, watcher, log))
    finally:
        server.stop()
        xvfb.terminate()
        xvfb.wait(5)
        shutil.rmtree(work, ignore_errors=True)

    bare, empty, full_db, big_open, restart = variants
    base_s, base_mb = bare.median("visible_s"), bare.median("rss_mb")

    def start_note(variant: Variant, what: str) -> str:
        ratios = variant.ratios(bare)
        return (
            f"{what}; first paint, median of {repeats}; ratio: median of {repeats} rounds' "
            f"ratios to the bare launch of the same round ({ratios[0]:.2f}-{ratios[-1]:.2f}; "
            f"window mapped at {variant.median('mapped_s'):.2f} s, bare window at "
            f"{bare.median('mapped_s'):.2f} s)"
        )

    def start_result(case: str, variant: Variant, what: str, budget: bool = True) -> Result:
        return make_result(
            case,
            variant.median("visible_s"),
            "s",
            base_s,
            START_BUDGET_RATIO if budget else None,
            budget_of="ratio" if budget else "value",
            ratio=variant.paired_ratio(bare),
            note=start_note(variant, what),
        )

    opened_what = f"{big}, its {db.big_conversation_messages:,}-message conversation restored"
    return [
        start_result("startup.empty_data_dir", empty, "empty --data-dir"),
        start_result("startup.10k_conversations", full_db, big),
        start_result(
            "startup.10k_restarted", restart, f"{big}, after a run that closed its window normally"
        ),
        start_result("startup.open_5000_messages", big_open, opened_what, budget=False),
        make_result(
            "memory.empty_data_dir",
            empty.median("rss_mb"),
            "MB",
            base_mb,
            MEMORY_BUDGET_RATIO,
            budget_of="ratio",
            note="VmRSS 2 s after first paint",
            digits=1,
        ),
        make_result(
            "memory.10k_conversations",
            full_db.median("rss_mb"),
            "MB",
            base_mb,
            MEMORY_BUDGET_RATIO,
            budget_of="ratio",
            digits=1,
        ),
        make_result(
            "memory.open_5000_messages",
            big_open.median("rss_mb"),
            "MB",
            base_mb,
            OPEN_BIG_MEMORY_BUDGET_MB,
            digits=1,
        ),
    ]


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
