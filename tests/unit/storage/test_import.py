"""Import: all or nothing, idempotent, keeps times and messages as given."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from r1desk.domain import Conversation, Message, MessageStatus, Role, Usage
from r1desk.storage import ImportResult, Repository

_T0 = datetime(2024, 6, 1, 8, 30, tzinfo=timezone.utc)


def _conversation(n: int, messages: int = 2) -> Conversation:
    return Conversation(
        title=f"imported {n}",
        uid=f"uid-{n}",
        created_at=_T0 + timedelta(hours=n),
        updated_at=_T0 + timedelta(hours=n, minutes=5),
        pinned=n == 0,
        messages=[
            Message(
                Role.USER if i % 2 == 0 else Role.ASSISTANT,
                f"conversation {n} message {i}",
                reasoning="because" if i % 2 else "",
                created_at=_T0 + timedelta(hours=n, minutes=i),
                usage=Usage(total_tokens=i) if i % 2 else None,
            )
            for i in range(messages)
        ],
    )


def test_import_keeps_everything_as_given(repo: Repository) -> None:
    source = _conversation(0, messages=4)
    assert repo.import_conversations([source]) == ImportResult(added=1, skipped=0)

    (listed,) = repo.list_conversations()
    loaded = repo.get_conversation(listed.id or 0)
    assert (loaded.uid, loaded.title, loaded.pinned) == (source.uid, source.title, True)
    assert (loaded.created_at, loaded.updated_at) == (source.created_at, source.updated_at)
    assert [(m.role, m.content, m.reasoning, m.created_at, m.usage) for m in loaded.messages] == [
        (m.role, m.content, m.reasoning, m.created_at, m.usage) for m in source.messages
    ]
    assert len(repo.search("message")) == 4


def test_importing_the_same_file_twice_adds_nothing(repo: Repository) -> None:
    batch = [_conversation(n) for n in range(3)]
    assert repo.import_conversations(batch) == ImportResult(added=3, skipped=0)
    assert repo.import_conversations(batch) == ImportResult(added=0, skipped=3)
    assert repo.import_conversations([*batch, _conversation(3)]) == ImportResult(1, 3)
    assert repo.conversation_count() == 4
    assert repo.message_count() == 8


def test_duplicate_uid_inside_one_import_is_added_once(repo: Repository) -> None:
    assert repo.import_conversations([_conversation(1), _conversation(1)]) == ImportResult(1, 1)


def test_import_ordering_uses_the_given_times(repo: Repository) -> None:
    repo.create_conversation("made today")
    repo.import_conversations([_conversation(n) for n in (1, 2)])
    assert [c.title for c in repo.list_conversations()] == [
        "made today",
        "imported 2",
        "imported 1",
    ]


def test_a_failing_source_leaves_nothing_behind(repo: Repository) -> None:
    def source() -> Iterator[Conversation]:
        yield _conversation(1)
        yield _conversation(2)
        raise ValueError("the file is truncated")

    with pytest.raises(ValueError, match="truncated"):
        repo.import_conversations(source())
    assert repo.conversation_count() == 0
    assert repo.message_count() == 0
    assert repo.search("message") == []


def test_a_bad_conversation_mid_import_rolls_back_the_good_ones(repo: Repository) -> None:
    repo.create_conversation("already here")
    broken = _conversation(2)
    broken.messages.append(Message(Role.USER, None, status=MessageStatus.COMPLETE))  # type: ignore[arg-type]
    with pytest.raises(sqlite3.IntegrityError):  # NOT NULL content
        repo.import_conversations([_conversation(1), broken, _conversation(3)])
    assert [c.title for c in repo.list_conversations()] == ["already here"]
    assert repo.message_count() == 0
    # and the repository is still usable afterwards
    assert repo.import_conversations([_conversation(1)]) == ImportResult(1, 0)


def test_ten_thousand_conversations_import_quickly(db_path: Path) -> None:
    batch = [_conversation(n, messages=2) for n in range(10_000)]
    with Repository.open(db_path) as repo:
        started = time.perf_counter()
        assert repo.import_conversations(batch) == ImportResult(added=10_000, skipped=0)
        elapsed = time.perf_counter() - started
        assert repo.conversation_count() == 10_000
        listing = repo.list_conversations()
        assert len(listing) == 10_000
        assert listing[0].title == "imported 0"  # pinned
        assert listing[1].title == "imported 9999"
        assert len(repo.list_conversations("imported 99")) == 111
    assert elapsed < 10, f"import took {elapsed:.1f}s"  # generous: slow CI disks
