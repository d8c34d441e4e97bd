"""Messages: every field survives a round trip; edits, deletes, crash recovery."""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from r1desk.domain import INTERRUPTED_ERROR_TEXT, Conversation, Message, MessageStatus, Role, Usage
from r1desk.storage import MessageNotFound, Repository


def _cid(repo: Repository) -> int:
    conversation_id = repo.create_conversation("chat").id
    assert conversation_id is not None
    return conversation_id


def _full_message() -> Message:
    return Message(
        role=Role.ASSISTANT,
        content="The answer is 42. 🚀 ünïcödé\n```py\nprint('hi')\n```",
        reasoning="Let me think… step 1, step 2.",
        created_at=datetime(2025, 3, 4, 5, 6, 7, 891011, tzinfo=timezone(timedelta(hours=9))),
        provider="segmind",
        model="deepseek-r1",
        usage=Usage(
            prompt_tokens=12, completion_tokens=340, total_tokens=352, reasoning_tokens=200
        ),
        credits_before=10.123456789,
        credits_after=9.987654321,
        elapsed_s=12.5,
        status=MessageStatus.FAILED,
        error="The server took too long to answer.",
    )


def test_every_field_round_trips_through_the_file(db_path: Path) -> None:
    original = _full_message()
    with Repository.open(db_path) as repo:
        cid = _cid(repo)
        stored = repo.add_message(cid, original)
    assert stored.id is not None and stored.conversation_id == cid
    assert original.id is None  # the caller's object is not modified

    with Repository.open(db_path) as repo:
        (loaded,) = repo.messages(cid)
    assert loaded == stored
    assert loaded.created_at == original.created_at
    assert loaded.created_at.tzinfo == timezone.utc
    assert loaded.cost == pytest.approx(10.123456789 - 9.987654321)


def test_minimal_message_keeps_its_empty_fields(repo: Repository) -> None:
    cid = _cid(repo)
    stored = repo.add_message(cid, Message(Role.USER, ""))
    (loaded,) = repo.messages(cid)
    assert loaded == stored
    assert loaded.usage is None and loaded.credits_before is None and loaded.elapsed_s is None


def test_naive_datetime_is_taken_as_utc(repo: Repository) -> None:
    cid = _cid(repo)
    repo.add_message(cid, Message(Role.USER, "x", created_at=datetime(2024, 1, 1, 12, 0)))
    (loaded,) = repo.messages(cid)
    assert loaded.created_at == datetime(2024, 1, 1, 12, 0, tzinfo=timezone.utc)


def test_messages_come_back_oldest_first_and_bump_the_conversation(repo: Repository) -> None:
    cid = _cid(repo)
    created = repo.get_conversation(cid).updated_at
    for i in range(5):
        repo.add_message(cid, Message(Role.USER if i % 2 == 0 else Role.ASSISTANT, f"m{i}"))
    assert [m.content for m in repo.messages(cid)] == [f"m{i}" for i in range(5)]
    assert repo.get_conversation(cid).updated_at > created


def test_pending_reply_completes_via_update(repo: Repository) -> None:
    cid = _cid(repo)
    pending = repo.add_message(cid, Message(Role.ASSISTANT, "", status=MessageStatus.PENDING))
    done = dataclasses.replace(
        pending,
        content="done",
        reasoning="thought",
        status=MessageStatus.COMPLETE,
        usage=Usage(total_tokens=9),
    )
    repo.update_message(done)
    assert repo.messages(cid) == [done]


def test_update_of_unknown_message_raises(repo: Repository) -> None:
    with pytest.raises(MessageNotFound):
        repo.update_message(Message(Role.USER, "x", id=999))


def test_delete_message(repo: Repository) -> None:
    cid = _cid(repo)
    first = repo.add_message(cid, Message(Role.USER, "first"))
    repo.add_message(cid, Message(Role.ASSISTANT, "second"))
    repo.delete_message(first.id or 0)
    assert [m.content for m in repo.messages(cid)] == ["second"]


def test_delete_messages_from_cuts_the_tail_of_one_conversation(repo: Repository) -> None:
    cid, other = _cid(repo), _cid(repo)
    stored = [repo.add_message(cid, Message(Role.USER, f"m{i}")) for i in range(5)]
    repo.add_message(other, Message(Role.USER, "other conversation"))
    assert repo.delete_messages_from(cid, stored[2].id or 0) == 3
    assert [m.content for m in repo.messages(cid)] == ["m0", "m1"]
    assert [m.content for m in repo.messages(other)] == ["other conversation"]


def test_delete_messages_from_refuses_a_message_of_another_conversation(
    repo: Repository,
) -> None:
    cid, other = _cid(repo), _cid(repo)
    foreign = repo.add_message(other, Message(Role.USER, "foreign"))
    repo.add_message(cid, Message(Role.USER, "mine"))
    with pytest.raises(MessageNotFound):
        repo.delete_messages_from(cid, foreign.id or 0)
    assert repo.message_count() == 2


def test_pending_replies_left_by_a_crash_become_interrupted(db_path: Path) -> None:
    with Repository.open(db_path) as repo:
        cid = _cid(repo)
        repo.add_message(cid, Message(Role.USER, "question"))
        repo.add_message(cid, Message(Role.ASSISTANT, "", status=MessageStatus.PENDING))
    # the app "crashed" here; next start:
    with Repository.open(db_path) as repo:
        assert repo.mark_pending_interrupted() == 1
        assert repo.mark_pending_interrupted() == 0
        question, reply = repo.messages(cid)
    assert question.status is MessageStatus.COMPLETE and question.error == ""
    assert reply.status is MessageStatus.INTERRUPTED
    assert reply.error == INTERRUPTED_ERROR_TEXT


def test_a_partial_reply_saved_while_streaming_survives_the_crash(db_path: Path) -> None:
    with Repository.open(db_path) as repo:
        cid = _cid(repo)
        pending = repo.add_message(cid, Message(Role.ASSISTANT, "", status=MessageStatus.PENDING))
        partial = dataclasses.replace(pending, content="The answer so f", reasoning="First, I")
        repo.save_partial_reply(partial)
        assert repo._conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL again
        assert repo.search("answer") == []  # not indexed on every save: only once, below
    with Repository.open(db_path) as repo:
        repo.mark_pending_interrupted()
        (reply,) = repo.messages(cid)
        assert repo.search("answer")[0].message_id == reply.id
    assert reply.status is MessageStatus.INTERRUPTED
    assert (reply.content, reply.reasoning) == ("The answer so f", "First, I")


def test_a_late_partial_save_never_overwrites_the_finished_reply(repo: Repository) -> None:
    cid = _cid(repo)
    pending = repo.add_message(cid, Message(Role.ASSISTANT, "", status=MessageStatus.PENDING))
    done = dataclasses.replace(pending, content="Full answer.", status=MessageStatus.COMPLETE)
    repo.update_message(done)
    repo.save_partial_reply(dataclasses.replace(pending, content="Full ans"))
    (reply,) = repo.messages(cid)
    assert (reply.content, reply.status) == ("Full answer.", MessageStatus.COMPLETE)


def test_the_final_write_leaves_no_partial_copy_in_the_file(db_path: Path) -> None:
    with Repository.open(db_path) as repo:
        cid = _cid(repo)
        pending = repo.add_message(cid, Message(Role.ASSISTANT, "", status=MessageStatus.PENDING))
        repo.save_partial_reply(dataclasses.replace(pending, content="half of a secret plan"))
        done = dataclasses.replace(pending, content="Done.", status=MessageStatus.COMPLETE)
        repo.update_message(done)
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT partial_content FROM messages").fetchall() == [("",)]


def test_five_thousand_messages_load_in_one_go(repo: Repository) -> None:
    cid = _cid(repo)
    big = Conversation(
        title="long chat",
        messages=[Message(Role.USER, f"message {i}", reasoning="r" * 50) for i in range(5000)],
    )
    repo.import_conversations([big])
    (loaded_id,) = [c.id for c in repo.list_conversations("long chat")]
    messages = repo.messages(loaded_id or 0)
    assert len(messages) == 5000
    assert messages[0].content == "message 0" and messages[-1].content == "message 4999"
    assert repo.messages(cid) == []


def test_turns_are_what_a_model_is_sent(repo: Repository) -> None:
    cid = _cid(repo)
    for message in (
        Message(Role.USER, "first question"),
        Message(Role.ASSISTANT, "first answer", reasoning="long scratch work"),
        Message(Role.USER, "second question"),
        Message(Role.ASSISTANT, "half an answ", status=MessageStatus.INTERRUPTED),
        Message(Role.ASSISTANT, "", status=MessageStatus.FAILED, error="HTTP 500"),
        Message(Role.USER, "third question"),
        Message(Role.ASSISTANT, "", status=MessageStatus.PENDING),
    ):
        repo.add_message(cid, message)
    turns = repo.turns(cid)
    assert [(m.role, m.content) for m in turns] == [
        (Role.USER, "first question"),
        (Role.ASSISTANT, "first answer"),
        (Role.USER, "second question"),
        (Role.USER, "third question"),
    ]
    assert all(m.reasoning == "" for m in turns)  # reasoning is never sent back


def _commits(repo: Repository) -> list[str]:
    """Every COMMIT the repository's own connection runs from now on."""
    seen: list[str] = []
    repo._conn.set_trace_callback(lambda sql: seen.append(sql) if sql == "COMMIT" else None)
    return seen


def test_sending_stores_question_reply_title_and_draft_in_one_commit(repo: Repository) -> None:
    conversation_id = repo.create_conversation("").id
    assert conversation_id is not None
    repo.set_draft(conversation_id, "half-typed")
    commits = _commits(repo)
    pending = Message(Role.ASSISTANT, "", status=MessageStatus.PENDING, model="deepseek-r1")
    question, reply = repo.add_exchange(
        conversation_id, Message(Role.USER, "Why is the sky blue?"), pending, title="Sky"
    )
    assert commits == ["COMMIT"]  # one wait for the disk, not four
    stored = repo.get_conversation(conversation_id)
    assert [m.id for m in stored.messages] == [question.id, reply.id]
    assert [m.status for m in stored.messages] == [MessageStatus.COMPLETE, MessageStatus.PENDING]
    assert stored.title == "Sky" and stored.draft == ""
    assert [c.id for c in repo.list_conversations("sky")] == [conversation_id]

    repo.add_exchange(conversation_id, Message(Role.USER, "And at dusk?"), pending, title=None)
    assert repo.get_conversation(conversation_id, with_messages=False).title == "Sky"


def test_a_send_that_cannot_be_stored_whole_leaves_nothing_half_done(repo: Repository) -> None:
    conversation_id = repo.create_conversation("").id
    assert conversation_id is not None
    repo.set_draft(conversation_id, "my long question")
    repo._conn.execute(  # the disk fills up between the two inserts, as it were
        "CREATE TEMP TRIGGER no_reply BEFORE INSERT ON messages WHEN NEW.role = 'assistant' "
        "BEGIN SELECT RAISE(ABORT, 'disk full'); END"
    )
    question = Message(Role.USER, "my long question")
    pending = Message(Role.ASSISTANT, "", status=MessageStatus.PENDING)
    with pytest.raises(sqlite3.IntegrityError):
        repo.add_exchange(conversation_id, question, pending, title="T")
    stored = repo.get_conversation(conversation_id)
    assert stored.messages == []
    assert stored.draft == "my long question"  # the composer still has it after a restart
    assert stored.title == ""
