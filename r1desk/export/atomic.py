"""Writing a file so that it is either all there or not there at all."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def fsync_folder(folder: Path) -> None:
    """Make the renames into `folder` durable (POSIX; elsewhere the rename is enough)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _refuse(path: Path) -> FileExistsError:
    return FileExistsError(
        f"{path} already exists; not overwriting it (confirm, or use --force to replace it)"
    )


def write_atomic(
    path: Path, data: str | bytes, *, overwrite: bool, sync_folder: bool = True
) -> None:
    """Write `data` (str as UTF-8) to `path` via a temp file in the same folder, fsync and rename.

    Refuses to replace an existing file unless `overwrite` is True (FileExistsError).
    The file is readable by its owner only (0600) on POSIX: conversations are private.
    `sync_folder=False` leaves the folder's fsync to the caller: a caller writing many files
    into one folder syncs it once, after the last (`fsync_folder`).
    """
    path = Path(path)
    if not overwrite and path.exists():
        raise _refuse(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    # mkstemp creates the file with mode 0600.
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name[:40]}.", suffix=".tmp")
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        if overwrite:
            temp.replace(path)
        else:
            _place_without_overwrite(temp, path)
        if sync_folder:
            fsync_folder(path.parent)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


def _place_without_overwrite(temp: Path, path: Path) -> None:
    """Rename that fails if `path` appeared meanwhile: a hard link is atomic about that."""
    try:
        os.link(temp, path)
    except FileExistsError:
        raise _refuse(path) from None
    except OSError:
        # File systems without hard links (FAT, some network shares): check, then rename.
        if path.exists():
            raise _refuse(path) from None
        temp.replace(path)
