"""Checkpoints of the write-ahead log, run in a worker thread.

A checkpoint copies the log's pages back into the database file and syncs it. SQLite runs
one from whichever commit takes the log past 1,000 pages, on the thread that commits: the
GUI thread. There it made one commit in a dozen 9-14 ms instead of 2-4 on a fast disk, and
would take far longer on a slow one. The app's connection leaves checkpoints to this class
(`db.SAFETY_NET_PAGES` keeps SQLite's own for a log that grows anyway): a commit only sets
an event (starting a thread made the committer wait for it to run, up to 5 ms here); one
long-lived thread then runs a PASSIVE checkpoint on its own connection, at most once per
MIN_INTERVAL_S. A PASSIVE checkpoint never waits for, nor blocks, the app's reads and writes.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

log = logging.getLogger(__name__)

MIN_INTERVAL_S = 2.0
THREAD_NAME = "r1desk-checkpoint"


class WalCheckpointer:
    def __init__(self, database: Path) -> None:
        self._database = database
        self._due = threading.Event()  # a commit since the last checkpoint started
        self._closing = threading.Event()
        self._idle = threading.Condition()
        self._busy = False
        self._thread: threading.Thread | None = None
        self.checkpoints = 0
        # (busy, frames in the log, frames checkpointed) of the last checkpoint, and where it ran
        self.last_result: tuple[int, int, int] | None = None
        self.last_thread = ""

    def after_commit(self) -> None:
        """Ask for a checkpoint; never waits (the thread is started by the first commit)."""
        with self._idle:
            self._busy = True
        self._due.set()
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name=THREAD_NAME, daemon=True)
            self._thread.start()

    def wait(self, timeout_s: float = 10.0) -> None:
        """Until no checkpoint is asked for or running (at most `timeout_s`)."""
        with self._idle:
            self._idle.wait_for(lambda: not self._busy, timeout_s)

    def close(self, timeout_s: float = 10.0) -> None:
        """Stop the thread, after the checkpoint it may be running."""
        self._closing.set()
        self._due.set()
        if self._thread is not None:
            self._thread.join(timeout_s)

    def _run(self) -> None:
        while True:
            self._due.wait()
            if self._closing.is_set():
                return
            self._due.clear()
            self._checkpoint()
            with self._idle:
                self._busy = self._due.is_set()
                self._idle.notify_all()
            self._closing.wait(MIN_INTERVAL_S)  # at most one per interval; close() ends it

    def _checkpoint(self) -> None:
        try:
            conn = sqlite3.connect(self._database, timeout=5.0)
            try:
                busy, frames, done = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
            finally:
                conn.close()
        except sqlite3.Error as error:  # the next commit asks again; SQLite's own is the net
            log.warning("Could not checkpoint the database log: %s", error)
            return
        self.checkpoints += 1
        self.last_result = (busy, frames, done)
        self.last_thread = threading.current_thread().name
