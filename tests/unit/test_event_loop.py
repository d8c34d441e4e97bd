"""The app's qasync loop: worker threads start when work is waiting, not before; quit signals
close the window once."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import threading

import pytest
from PySide6.QtWidgets import QApplication

from r1desk.app import (
    QUIT_SIGNALS,
    WORKER_THREAD_NAME,
    WORKER_THREADS,
    close_on_quit_signals,
    make_event_loop,
)


def _workers() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith(WORKER_THREAD_NAME)]


def _thread_name() -> str:
    return threading.current_thread().name


def test_worker_threads_start_on_demand_and_stay_few(qapp: QApplication) -> None:
    before = threading.active_count()
    loop = make_event_loop(qapp)
    try:
        assert threading.active_count() == before  # qasync's own executor starts ten here

        async def many() -> list[str]:
            return list(await asyncio.gather(*(asyncio.to_thread(_thread_name) for _ in range(20))))

        names = loop.run_until_complete(many())
        assert all(name.startswith(WORKER_THREAD_NAME) for name in names)
        assert 1 <= len(_workers()) <= WORKER_THREADS
    finally:
        loop.close()
    assert _workers() == []


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_a_quit_signal_closes_once_and_gives_the_next_one_back(qapp: QApplication) -> None:
    numbers = [getattr(signal, name) for name in QUIT_SIGNALS]
    before = {number: signal.getsignal(number) for number in numbers}
    signal.signal(signal.SIGHUP, lambda *_: None)  # without the loop's handler: nothing happens
    loop = make_event_loop(qapp)
    closes: list[str] = []
    try:
        close_on_quit_signals(loop, lambda: closes.append("closed"))
        os.kill(os.getpid(), signal.SIGHUP)
        loop.run_until_complete(asyncio.sleep(0.2))
        assert closes == ["closed"]
        # A second signal, from an impatient user or the session, ends the process at once.
        assert all(signal.getsignal(number) is signal.SIG_DFL for number in numbers)
    finally:
        loop.close()
        for number, handler in before.items():
            signal.signal(number, handler)
