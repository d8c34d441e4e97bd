"""Writing a file that only its user may read, all at once."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_private_file_atomically(path: Path, text: str) -> None:
    """Readers see the old file or the new one, never half of one. New file is 0600."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if os.name == "posix":
            tmp.chmod(0o600)  # mkstemp already does, but say it where it matters
        tmp.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
