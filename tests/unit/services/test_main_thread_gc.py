"""Garbage is collected by the GUI thread's timer, never by whichever thread allocates."""

from __future__ import annotations

import gc
import threading
import weakref

from pytestqt.qtbot import QtBot

from r1desk.services.main_thread_gc import MainThreadGarbageCollector


class Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cyclic collector frees it


def test_cycles_are_freed_by_the_timer_on_the_main_thread(qtbot: QtBot) -> None:
    collector = MainThreadGarbageCollector()
    collector.start()
    try:
        assert not gc.isenabled()
        gc.collect()
        probe = Node()
        freed_in: list[str] = []
        weakref.finalize(probe, lambda: freed_in.append(threading.current_thread().name))
        del probe
        # Plenty of allocation in another thread: automatic collection would run there.
        worker = threading.Thread(target=lambda: [Node() for _ in range(50_000)], name="worker")
        worker.start()
        worker.join()
        assert freed_in == []
        qtbot.waitUntil(lambda: bool(freed_in), timeout=5000)
        assert freed_in == [threading.main_thread().name]
    finally:
        collector.stop()
        gc.disable()  # the test suite keeps automatic collection off (tests/conftest.py)


def test_cached_source_lines_are_let_go(qtbot: QtBot) -> None:
    import linecache

    import r1desk.services.main_thread_gc as module

    assert linecache.getlines(module.__file__)  # what a traceback or inspect leaves behind
    assert module.__file__ in linecache.cache
    collector = MainThreadGarbageCollector()
    collector.start()
    try:
        qtbot.waitUntil(lambda: module.__file__ not in linecache.cache, timeout=5000)
        assert linecache.getlines(module.__file__)  # still readable on demand
    finally:
        collector.stop()
        gc.disable()


def test_after_the_freeze_new_cycles_are_still_collected(qtbot: QtBot) -> None:
    collector = MainThreadGarbageCollector()
    collector.start()
    try:
        collector.freeze()
        assert gc.get_freeze_count() > 1000  # modules, classes, the test suite itself
        probe = Node()
        freed: list[bool] = []
        weakref.finalize(probe, lambda: freed.append(True))
        del probe
        for _ in range(3):  # enough young objects for the next tick to collect
            [Node() for _ in range(1000)]
        qtbot.waitUntil(lambda: bool(freed), timeout=5000)
    finally:
        collector.stop()
        gc.unfreeze()
        gc.disable()
