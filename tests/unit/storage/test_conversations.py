"""Conversations: ordering, filtering, settings, soft delete, cascade."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from r1desk.domain import ConversationSettings, Message, Role
from r1desk.storage import ConversationNotFound, Repository


def _titles(repo: Repository, filter_text: str = "") -> list[str]:
    return [c.title for c in repo.list_conversations(filter_text)]


def _cid(repo: Repository, title: str) -> int:
    conversation_id = repo.create_conversation(title).id
    assert conversation_id is not None
    return conversation_id


def test_created_conversation_reads_back(repo: Repository) -> None:
    settings = ConversationSettings(system_prompt="Be brief.", max_tokens=512, temperature=0.6)
    created = repo.create_conversation("Plans", settings)
    loaded = repo.get_conversation(created.id or 0)
    assert loaded.title == "Plans"
    assert loaded.uid == created.uid
    assert loaded.settings == settings
    assert loaded.created_at == created.created_at
    assert loaded.created_at.utcoffset() is not None
    assert loaded.messages == []


def test_list_is_pinned_first_then_most_recent_activity(repo: Repository) -> None:
    old, middle, new = (_cid(repo, t) for t in ("old", "middle", "new"))
    repo.add_message(old, Message(Role.USER, "bump old"))
    assert _titles(repo) == ["old", "new", "middle"]
    repo.set_pinned(middle, True)
    assert _titles(repo) == ["middle", "old", "new"]
    repo.set_pinned(middle, False)
    assert _titles(repo) == ["old", "new", "middle"]
    assert repo.list_conversations()[0].messages == []
    assert new in repo.all_conversation_ids()


def test_saving_a_draft_does_not_reorder(repo: Repository) -> None:
    first, second = _cid(repo, "first"), _cid(repo, "second")
    before = _titles(repo)
    repo.set_draft(first, "half-written question")
    assert _titles(repo) == before
    assert repo.get_conversation(first).draft == "half-written question"
    assert repo.get_conversation(second).draft == ""


def test_filter_is_a_case_insensitive_substring_not_a_pattern(repo: Repository) -> None:
    for title in ("Rust borrow checker", "100% sure", "snake_case names", "ÄRGER im Büro", "x"):
        _cid(repo, title)
    assert _titles(repo, "BORROW") == ["Rust borrow checker"]
    assert _titles(repo, "%") == ["100% sure"]
    assert _titles(repo, "_") == ["snake_case names"]
    assert _titles(repo, "ärger") == ["ÄRGER im Büro"]
    assert _titles(repo, "nothing like this") == []
    assert len(_titles(repo, "  ")) == 5


def test_filter_finds_a_renamed_conversation_by_its_new_title_only(repo: Repository) -> None:
    cid = _cid(repo, "Draft about SQLite")
    repo.rename_conversation(cid, "Straße nach Köln")
    assert _titles(repo, "STRASSE") == ["Straße nach Köln"]  # casefold: ß is ss
    assert _titles(repo, "sqlite") == []
    assert repo.conversation_rank(cid, "köln") == 0
    assert repo.conversation_rank(cid, "sqlite") is None


def test_rename_and_settings(repo: Repository) -> None:
    cid = _cid(repo, "before")
    repo.rename_conversation(cid, "after")
    repo.set_conversation_settings(cid, ConversationSettings(top_p=0.9))
    loaded = repo.get_conversation(cid)
    assert loaded.title == "after"
    assert loaded.settings == ConversationSettings(top_p=0.9)


def test_missing_conversation_raises(repo: Repository) -> None:
    with pytest.raises(ConversationNotFound):
        repo.get_conversation(12345)
    with pytest.raises(ConversationNotFound):
        repo.rename_conversation(12345, "x")
    with pytest.raises(ConversationNotFound):
        repo.add_message(12345, Message(Role.USER, "orphan"))
    assert repo.message_count() == 0


def test_soft_delete_hides_then_restore_brings_back(repo: Repository) -> None:
    keep, gone = _cid(repo, "keep"), _cid(repo, "gone")
    repo.add_message(gone, Message(Role.USER, "findable words"))
    repo.delete_conversation(gone)
    assert _titles(repo) == ["keep"]
    assert repo.conversation_count() == 1
    assert repo.all_conversation_ids() == [keep]
    assert repo.search("findable") == []
    with pytest.raises(ConversationNotFound):
        repo.get_conversation(gone)

    repo.restore_conversation(gone)
    assert _titles(repo) == ["gone", "keep"]
    assert [m.content for m in repo.get_conversation(gone).messages] == ["findable words"]
    assert len(repo.search("findable")) == 1


def test_purge_removes_deleted_conversations_and_their_messages(repo: Repository) -> None:
    keep, gone = _cid(repo, "keep"), _cid(repo, "gone")
    repo.add_message(keep, Message(Role.USER, "kept words"))
    repo.add_message(gone, Message(Role.USER, "purged words"))
    repo.delete_conversation(gone)
    assert repo.purge_deleted() == 1
    assert repo.purge_deleted() == 0
    assert repo.message_count() == 1
    with pytest.raises(ConversationNotFound):
        repo.restore_conversation(gone)
    assert [hit.message_id for hit in repo.search("words")] == [m.id for m in repo.messages(keep)]


def test_deleting_a_conversation_row_cascades_to_messages(db_path: Path) -> None:
    with Repository.open(db_path) as repo:
        cid = _cid(repo, "x")
        repo.add_message(cid, Message(Role.USER, "one"))
        repo.add_message(cid, Message(Role.ASSISTANT, "two"))
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA foreign_keys = ON")
    with conn:
        conn.execute("DELETE FROM conversations WHERE id = ?", (cid,))
    conn.close()
    with Repository.open(db_path) as repo:
        assert repo.message_count() == 0
        assert repo.messages(cid) == []
        assert repo.search("one") == []


def test_rank_count_and_pages_agree_with_the_whole_list(repo: Repository) -> None:
    ids = [_cid(repo, f"chat {n}") for n in range(12)]
    repo.set_pinned(ids[3], True)
    repo.add_message(ids[0], Message(Role.USER, "bump"))
    repo.delete_conversation(ids[5])
    whole = repo.list_conversations()
    assert [c.id for c in repo.list_conversations(offset=4, limit=3)] == [c.id for c in whole[4:7]]
    for position, conversation in enumerate(whole):
        assert conversation.id is not None
        assert repo.conversation_rank(conversation.id) == position
    assert repo.conversation_rank(ids[5]) is None  # deleted
    assert repo.conversation_rank(999_999) is None
    matching = repo.list_conversations("chat 1")  # "chat 1", "chat 10", "chat 11"
    assert [repo.conversation_rank(c.id or 0, "chat 1") for c in matching] == [0, 1, 2]
    assert repo.conversation_rank(ids[2], "chat 1") is None  # filtered out
    assert repo.count_conversations() == len(whole) == 11  # the deleted one is not counted
    assert repo.count_conversations(" CHAT 1") == len(matching) == 3
    assert repo.count_conversations("no such title") == 0


def test_a_draft_is_saved_without_waiting_for_the_disk(db_path: Path) -> None:
    # Saved whenever typing pauses; an fsync there made the composer lag on slow disks.
    with Repository.open(db_path) as repo:
        cid = repo.create_conversation("chat").id
        assert cid is not None
        statements: list[str] = []
        repo._conn.set_trace_callback(statements.append)
        repo.set_draft(cid, "half a thought")
        repo._conn.set_trace_callback(None)
        commit = statements.index("COMMIT")
        assert "PRAGMA synchronous = NORMAL" in statements[:commit]
        assert statements[-1] == "PRAGMA synchronous = FULL"  # later writes are durable
        assert repo._conn.execute("PRAGMA synchronous").fetchone()[0] == 2
    with Repository.open(db_path) as repo:
        assert repo.get_conversation(cid, with_messages=False).draft == "half a thought"
