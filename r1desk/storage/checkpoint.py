"""Checkpoints of the write-ahead log, run in a worker thread.

A checkpoint copies the log's pages back into the database file and syncs it. SQLite runs
one from whichever commit takes the log past 1,000 pages, on the thread that commits: the
GUI thread. There it made one commit in a dozen 9-14 ms instead of 2-4 on a fast disk, and
would take far longer on a slow one. The app's connection leaves checkpoints to this class
(`db.SAFETY_NET_PAGES` keeps SQLite's own for a log that grows anyway): after a commit, at
most once per MIN_INTERVAL_S, a thread opens its own connection and runs a PASSIVE
checkpoint, which never waits for, nor blocks, the app's reads and writes.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from pathlib import Path

log = logging.getLogger(__name__)

MIN_INTERVAL_S = 2.0
THREAD_NAME = "r1desk-checkpoint"


class WalCheckpointer:
    def __init__(self, database: Path) -> None:
        self._database = database
        self._thread: threading.Thread | None = None
        self._started = -MIN_INTERVAL_S
        # (busy, frames in the log, frames checkpointed) of the last checkpoint, and where it ran
        self.last_result: tuple[int, int, int] | None = None
        self.last_thread = ""

    def after_commit(self) -> None:
        """Start a checkpoint unless one is running or one started less than
        MIN_INTERVAL_S ago (the next commit after that starts it)."""
        now = time.monotonic()
        running = self._thread is not None and self._thread.is_alive()
        if running or now - self._started < MIN_INTERVAL_S:
            return
        self._started = now
        self._thread = threading.Thread(target=self._checkpoint, name=THREAD_NAME, daemon=True)
        self._thread.start()

    def wait(self, timeout_s: float = 10.0) -> None:
        """Let a running checkpoint finish (before the app's connection closes)."""
        if self._thread is not None:
            self._thread.join(timeout_s)

    def _checkpoint(self) -> None:
        try:
            conn = sqlite3.connect(self._database, timeout=5.0)
            try:
                busy, frames, done = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
            finally:
                conn.close()
        except sqlite3.Error as error:  # the next commit tries again; SQLite's own is the net
            log.warning("Could not checkpoint the database log: %s", error)
            return
        self.last_result = (busy, frames, done)
        self.last_thread = threading.current_thread().name
