"""The write-ahead log is copied back into the database in a worker thread, not by commits."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from r1desk.domain import Message, Role
from r1desk.storage import Repository, checkpoint
from r1desk.storage.checkpoint import THREAD_NAME, WalCheckpointer

REPLY = "A long reply, as R1 writes them. " * 3_000  # ~100 KB: ~25 pages of log each


def _store_replies(repo: Repository, count: int) -> None:
    conversation = repo.create_conversation("Long replies")
    assert conversation.id is not None
    for number in range(count):
        repo.add_message(conversation.id, Message(Role.ASSISTANT, f"{number} {REPLY}"))


def _log_frames(db_path: Path) -> int:
    """Frames in the log now (checkpointing them, with a connection of its own)."""
    conn = sqlite3.connect(db_path)
    try:
        busy, frames, _done = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    finally:
        conn.close()
    assert busy == 0
    return int(frames)


def _open_checkpointing_every(
    seconds: float, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Repository, WalCheckpointer]:
    """The repository, with checkpoints at most every `seconds`, and its checkpointer."""
    monkeypatch.setattr(checkpoint, "MIN_INTERVAL_S", seconds)
    repo = Repository.open(db_path)
    assert repo.checkpointer is not None
    return repo, repo.checkpointer


def test_commits_on_the_apps_connection_never_checkpoint(db_path: Path) -> None:
    # SQLite's default checkpoints from the commit that takes the log past 1,000 pages:
    # on the GUI thread, one commit in a dozen took 9-14 ms instead of 2-4.
    repo = Repository.open(db_path)
    repo.checkpointer = None  # nothing else checkpoints either
    _store_replies(repo, 60)  # ~6,500 pages of log, with the full-text index
    # Never copied back and started again: with SQLite's default it would hold under ~1,100.
    assert _log_frames(db_path) > 2_000
    repo.close()


def test_a_worker_thread_checkpoints_after_commits(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo, checkpointer = _open_checkpointing_every(0.0, db_path, monkeypatch)
    for _batch in range(15):  # ~1,500 pages of log in all, with pauses as a chat has
        _store_replies(repo, 4)
        checkpointer.wait()
    assert checkpointer.last_thread == THREAD_NAME
    busy, frames, done = checkpointer.last_result or (1, 0, 0)
    assert busy == 0 and frames > 0 and done == frames
    # Each checkpoint let the next commit start the log again: it stays short.
    assert _log_frames(db_path) < 1_000
    repo.close()


def test_checkpoints_run_at_most_once_per_interval_and_close_ends_the_wait(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo, checkpointer = _open_checkpointing_every(60.0, db_path, monkeypatch)
    _store_replies(repo, 5)
    deadline = time.monotonic() + 5
    while checkpointer.checkpoints == 0 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert checkpointer.checkpoints == 1
    _store_replies(repo, 5)
    time.sleep(0.3)
    assert checkpointer.checkpoints == 1  # the next one waits for the interval
    started = time.monotonic()
    repo.close()  # does not sit out the interval
    assert time.monotonic() - started < 5
