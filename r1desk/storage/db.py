"""Opening the database file: private permissions, pragmas, migrations, corruption.

Durability, in short (the reasons are next to each pragma in `_configure`):

- `journal_mode=WAL` + `synchronous=FULL`: a commit returns only after the log is fsync'ed, so
  a stored message survives a crash *and* a power cut; a torn write at the end of the log is
  discarded by SQLite's checksums on the next open, never applied half-way.
- Every write is one explicit transaction (`_transaction.write_transaction`): the user's
  message, the pending reply and the finished reply are each committed before the next await.
- `busy_timeout=5000`: a second process on the same file waits for the lock instead of failing
  with "database is locked" (the GUI also keeps to one instance per data dir).
- A file that is damaged anyway (disk fault, a copy cut short) raises `DatabaseCorruptError`;
  the app then `move_aside()`s it with a timestamp, keeps it for recovery, and starts fresh.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from datetime import datetime
from pathlib import Path

from r1desk.storage.errors import DatabaseCorruptError
from r1desk.storage.migrations import migrate
from r1desk.storage.rows import fold

_POSIX = os.name == "posix"
_SIDE_FILES = ("-wal", "-shm", "-journal")
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26
SAFETY_NET_PAGES = 10_000  # ~40 MB of log; SQLite's default is 1,000


def open_database(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) the database at `path` and bring its schema up to date.

    The connection is in autocommit mode (`isolation_level=None`): the repository opens
    every write transaction itself. Raises `DatabaseCorruptError` for a damaged file.
    """
    path = Path(path)
    _make_private_dir(path.parent)
    _make_private_file(path)
    conn = sqlite3.connect(path, timeout=5.0, isolation_level=None)
    try:
        _configure(conn)
        migrate(conn)
    except sqlite3.DatabaseError as exc:
        conn.close()
        if _is_corruption(exc):
            raise DatabaseCorruptError(path) from exc
        raise
    except BaseException:
        conn.close()
        raise
    return conn


def _configure(conn: sqlite3.Connection) -> None:
    # Two app instances on one data dir wait up to 5 s for each other's write lock
    # instead of failing with "database is locked".
    conn.execute("PRAGMA busy_timeout = 5000")
    conn.create_function("r1_casefold", 1, fold, deterministic=True)  # for migrations
    conn.execute("PRAGMA foreign_keys = ON")
    # WAL: readers never block the writer, and a commit is one append to the log.
    conn.execute("PRAGMA journal_mode = WAL")
    # FULL: a commit is fsync'ed before it returns, so a message the app has stored
    # survives a power cut (NORMAL in WAL mode only survives an app crash). With WAL
    # this costs one fsync per commit, which is cheap at chat speed.
    conn.execute("PRAGMA synchronous = FULL")
    # Checkpoints run in a worker thread (checkpoint.WalCheckpointer); SQLite runs its own,
    # from the committing thread, only for a log that has grown this large anyway.
    conn.execute(f"PRAGMA wal_autocheckpoint = {SAFETY_NET_PAGES}")
    # Touch the schema, so a file with a valid header but a damaged catalogue fails here.
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()


def is_corruption(exc: BaseException) -> bool:
    """True when an sqlite3 error means the file is damaged (not, say, locked or full)."""
    return isinstance(exc, sqlite3.DatabaseError) and _is_corruption(exc)


def _is_corruption(exc: sqlite3.DatabaseError) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)  # Python >= 3.11
    if code is not None:
        return code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
    text = str(exc).lower()
    return "not a database" in text or "malformed" in text


def _make_private_dir(directory: Path) -> None:
    if directory.is_dir():
        return  # not ours to change (it may be a shared folder chosen by the user)
    directory.mkdir(parents=True, mode=0o700, exist_ok=True)
    if _POSIX:
        directory.chmod(0o700)  # mkdir's mode is filtered by the umask


def _make_private_file(path: Path) -> None:
    """Create the file as 0600 before SQLite does; -wal/-shm copy its permissions."""
    if not _POSIX:
        return
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    if path.stat().st_mode & 0o077:
        path.chmod(0o600)


def move_aside(path: Path) -> Path:
    """Rename a damaged database (and its -wal/-shm) out of the way; return the new path.

    The result is `<name>.corrupt-YYYYmmdd-HHMMSS` (local time) next to the original, kept
    for recovery; the next `open_database(path)` then starts with an empty database.
    Close every connection to the file first.
    """
    path = Path(path)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while target.exists():
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
        counter += 1
    path.rename(target)
    for suffix in _SIDE_FILES:
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.rename(target.with_name(target.name + suffix))
    return target
