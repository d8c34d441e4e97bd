"""The app's qasync loop: worker threads start when work is waiting, not before."""

from __future__ import annotations

import asyncio
import threading

from PySide6.QtWidgets import QApplication

from r1desk.app import WORKER_THREAD_NAME, WORKER_THREADS, make_event_loop


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
