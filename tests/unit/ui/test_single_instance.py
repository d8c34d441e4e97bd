"""One r1desk per data dir: a start-up never waits for an owner that does not exist.

(The hand-over between two running processes: tests/e2e/test_crash_recovery.py.)
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from r1desk.ui.single_instance import LOCK_NAME, SingleInstance


def test_a_lock_left_by_a_killed_process_is_taken_over_at_once(
    qapp: QApplication, tmp_path: Path
) -> None:
    dead_pid = 2**22 + 12345  # above the default pid_max: no such process
    (tmp_path / LOCK_NAME).write_text(f"{dead_pid}\nr1desk\n{os.uname().nodename}\n")
    started = time.monotonic()
    instance = SingleInstance(tmp_path)
    assert instance.acquire()
    instance.release()
    assert time.monotonic() - started < 1.0


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_an_unwritable_data_dir_does_not_wait_for_an_owner(
    qapp: QApplication, tmp_path: Path
) -> None:
    tmp_path.chmod(0o500)
    try:
        started = time.monotonic()
        assert SingleInstance(tmp_path).acquire()
        assert time.monotonic() - started < 1.0
    finally:
        tmp_path.chmod(0o700)


def test_a_missing_data_dir_does_not_wait_for_an_owner(qapp: QApplication, tmp_path: Path) -> None:
    started = time.monotonic()
    assert SingleInstance(tmp_path / "not-made-yet").acquire()
    assert time.monotonic() - started < 1.0
