from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from r1desk.export.atomic import write_atomic


def test_writes_text_as_utf8(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    write_atomic(path, "中文 🚀\n", overwrite=False)
    assert path.read_text(encoding="utf-8") == "中文 🚀\n"


def test_refuses_to_overwrite_without_the_flag(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("precious")
    with pytest.raises(FileExistsError, match=r"already exists.*--force"):
        write_atomic(path, "new", overwrite=False)
    assert path.read_text() == "precious"
    assert list(tmp_path.iterdir()) == [path]  # no temp file left behind


def test_overwrites_with_the_flag(tmp_path: Path) -> None:
    path = tmp_path / "a.bin"
    path.write_bytes(b"old")
    write_atomic(path, b"\x00new", overwrite=True)
    assert path.read_bytes() == b"\x00new"
    assert list(tmp_path.iterdir()) == [path]


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_file_is_private(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    write_atomic(path, "{}", overwrite=False)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_failed_write_leaves_nothing(tmp_path: Path) -> None:
    path = tmp_path / "missing-folder" / "a.md"
    with pytest.raises(FileNotFoundError):
        write_atomic(path, "x", overwrite=True)
    assert not path.parent.exists()


def test_a_file_that_appears_meanwhile_is_not_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.md"
    real_fsync = os.fsync

    def racing_fsync(fd: int) -> None:  # another program creates the file mid-write
        real_fsync(fd)
        if not path.exists():
            path.write_text("theirs")

    monkeypatch.setattr(os, "fsync", racing_fsync)
    with pytest.raises(FileExistsError):
        write_atomic(path, "mine", overwrite=False)
    assert path.read_text() == "theirs"
    assert list(tmp_path.iterdir()) == [path]
