"""Opening the file: pragmas, permissions, migrations, corruption, two instances."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from r1desk.domain import Message, Role
from r1desk.storage import (
    DatabaseCorruptError,
    Repository,
    SchemaTooNewError,
    move_aside,
    open_database,
)
from r1desk.storage.migrations import LATEST_VERSION

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def _pragma(conn: sqlite3.Connection, name: str) -> object:
    return conn.execute(f"PRAGMA {name}").fetchone()[0]


def test_open_sets_pragmas_for_durability_and_concurrency(db_path: Path) -> None:
    conn = open_database(db_path)
    try:
        assert _pragma(conn, "journal_mode") == "wal"
        assert _pragma(conn, "synchronous") == 2  # FULL
        assert _pragma(conn, "foreign_keys") == 1
        assert _pragma(conn, "busy_timeout") == 5000
        assert _pragma(conn, "user_version") == LATEST_VERSION
    finally:
        conn.close()


@posix_only
def test_new_data_dir_and_files_are_private(db_path: Path) -> None:
    old_umask = os.umask(0o022)
    try:
        with Repository.open(db_path) as repo:
            repo.add_message(repo.create_conversation("x").id or 0, Message(Role.USER, "hi"))
            wal = db_path.with_name(db_path.name + "-wal")
            assert wal.exists()
            assert stat.S_IMODE(wal.stat().st_mode) == 0o600
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(db_path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


@posix_only
def test_existing_world_readable_file_is_tightened(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o755)
    path = shared / "r1desk.sqlite3"
    path.touch()
    path.chmod(0o644)
    open_database(path).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(shared.stat().st_mode) == 0o755  # an existing dir is left alone


def test_migration_from_empty_file_creates_schema(db_path: Path) -> None:
    db_path.parent.mkdir()
    db_path.touch()
    conn = open_database(db_path)
    try:
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    finally:
        conn.close()
    assert {"conversations", "messages", "messages_fts"} <= names


def test_reopening_is_a_no_op_and_keeps_data(db_path: Path) -> None:
    with Repository.open(db_path) as repo:
        conversation = repo.create_conversation("kept")
    conn = open_database(db_path)
    try:
        changes_before = conn.total_changes
        assert _pragma(conn, "user_version") == LATEST_VERSION
        assert conn.total_changes == changes_before
        assert conn.in_transaction is False
    finally:
        conn.close()
    with Repository.open(db_path) as repo:
        assert repo.get_conversation(conversation.id or 0).title == "kept"


def test_upgrade_from_version_1_makes_old_titles_filterable(db_path: Path) -> None:
    from r1desk.storage.migrations import MIGRATIONS

    db_path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(db_path)
    for statement in MIGRATIONS[0]:
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.execute(
        "INSERT INTO conversations (uid, title, created_at, updated_at)"
        " VALUES ('u1', 'Große ÉTUDE', '2026-01-01T00:00:00.000000+00:00',"
        " '2026-01-01T00:00:00.000000+00:00')"
    )
    conn.commit()
    conn.close()
    with Repository.open(db_path) as repo:
        assert [c.title for c in repo.list_conversations("grosse étude")] == ["Große ÉTUDE"]
        assert repo.list_conversations("other") == []
    conn = sqlite3.connect(db_path)
    assert _pragma(conn, "user_version") == LATEST_VERSION
    # The filter reads the folded titles from the listing index, not from the table.
    columns = [row[2] for row in conn.execute("PRAGMA index_info(conversations_listing)")]
    assert columns == ["pinned", "updated_at", "title_folded"]
    conn.close()


def test_newer_schema_is_refused(db_path: Path) -> None:
    open_database(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()
    with pytest.raises(SchemaTooNewError):
        open_database(db_path)


def test_garbage_file_is_reported_as_corrupt(db_path: Path) -> None:
    db_path.parent.mkdir()
    db_path.write_bytes(os.urandom(8192))
    with pytest.raises(DatabaseCorruptError) as info:
        open_database(db_path)
    assert info.value.path == db_path


def test_damaged_schema_page_is_reported_as_corrupt(db_path: Path) -> None:
    with Repository.open(db_path) as repo:
        repo.create_conversation("x")
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    data = bytearray(db_path.read_bytes())
    data[100:4096] = os.urandom(3996)  # page 1 after the header: the schema table
    db_path.write_bytes(bytes(data))
    with pytest.raises(DatabaseCorruptError):
        open_database(db_path)


def test_move_aside_lets_the_app_start_fresh(db_path: Path) -> None:
    db_path.parent.mkdir()
    db_path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(DatabaseCorruptError):
        open_database(db_path)
    wal = db_path.with_name(db_path.name + "-wal")
    wal.write_bytes(b"stale wal")

    moved = move_aside(db_path)

    assert moved.parent == db_path.parent
    assert moved.name.startswith(db_path.name + ".corrupt-")
    assert moved.read_bytes().startswith(b"this is not a database")
    assert moved.with_name(moved.name + "-wal").read_bytes() == b"stale wal"
    assert not db_path.exists() and not wal.exists()
    with Repository.open(db_path) as repo:
        assert repo.conversation_count() == 0


def test_move_aside_twice_in_one_second_keeps_both(db_path: Path) -> None:
    db_path.parent.mkdir()
    db_path.write_bytes(b"first")
    first = move_aside(db_path)
    db_path.write_bytes(b"second")
    second = move_aside(db_path)
    assert first != second
    assert first.read_bytes() == b"first" and second.read_bytes() == b"second"


def test_two_instances_write_alternately_without_locking_errors(db_path: Path) -> None:
    with Repository.open(db_path) as one, Repository.open(db_path) as two:
        conversation = one.create_conversation("shared")
        cid = conversation.id or 0
        for i in range(50):
            writer = one if i % 2 == 0 else two
            writer.add_message(cid, Message(Role.USER, f"message {i}"))
            reader = two if i % 2 == 0 else one
            assert reader.messages(cid)[-1].content == f"message {i}"
        two.rename_conversation(cid, "renamed by two")
        assert one.get_conversation(cid, with_messages=False).title == "renamed by two"
        assert len(one.messages(cid)) == 50


def test_second_instance_waits_for_the_first_writer(db_path: Path) -> None:
    """A write while another connection holds a read snapshot must not fail."""
    with Repository.open(db_path) as one, Repository.open(db_path) as two:
        cid = one.create_conversation("x").id or 0
        reader = open_database(db_path)
        try:
            reader.execute("BEGIN")
            reader.execute("SELECT count(*) FROM messages").fetchone()  # holds a snapshot
            one.add_message(cid, Message(Role.USER, "written during a read"))
            two.add_message(cid, Message(Role.USER, "and another"))
            reader.execute("COMMIT")
        finally:
            reader.close()
        assert [m.content for m in one.messages(cid)] == ["written during a read", "and another"]


def test_upgrade_to_version_5_keeps_replies_and_measures_thinking_from_now_on(
    db_path: Path,
) -> None:
    from r1desk.storage.migrations import MIGRATIONS

    db_path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(db_path)
    for version in MIGRATIONS[:4]:
        for statement in version:
            conn.execute(statement.replace("r1_casefold(title)", "lower(title)"))
    conn.execute("PRAGMA user_version = 4")
    conn.commit()
    conn.close()
    with Repository.open(db_path) as repo:
        cid = repo.create_conversation("old").id or 0
        old = repo.add_message(cid, Message(Role.ASSISTANT, "answer", elapsed_s=40.0))
        new = repo.add_message(
            cid, Message(Role.ASSISTANT, "answer", elapsed_s=40.0, thought_s=12.5)
        )
        stored = {m.id: m for m in repo.messages(cid)}
    assert stored[old.id].thought_s is None  # unknown: shown as before, the whole 40 s
    assert stored[new.id].thought_s == 12.5
    conn = sqlite3.connect(db_path)
    assert _pragma(conn, "user_version") == LATEST_VERSION == 5
    conn.close()
