"""Conversations and messages: storing, listing, editing, importing.

Every public method that writes commits before it returns, so a message the app has
stored survives a crash during the next network call. All SQL is parameterised.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from r1desk.domain import (
    INTERRUPTED_ERROR_TEXT,
    Conversation,
    ConversationSettings,
    Message,
    Role,
    utc_now,
)
from r1desk.storage import rows
from r1desk.storage._transaction import write_transaction
from r1desk.storage.checkpoint import WalCheckpointer
from r1desk.storage.db import open_database
from r1desk.storage.errors import ConversationNotFound, MessageNotFound
from r1desk.storage.search import SearchHit, search_messages

_IMPORT_BATCH = 5000

_LIST_CONVERSATIONS = """
    SELECT id, uid, title, created_at, updated_at, pinned, draft,
           system_prompt, max_tokens, temperature, top_p
    FROM conversations
    WHERE deleted_at IS NULL AND (:needle = '' OR instr(title_folded, :needle))
    ORDER BY pinned DESC, updated_at DESC, id DESC
    LIMIT :limit OFFSET :offset
"""

_COUNT_CONVERSATIONS = """
    SELECT count(*) FROM conversations
    WHERE deleted_at IS NULL AND (:needle = '' OR instr(title_folded, :needle))
"""

# How many listed conversations sort before :id (pinned first, then newest, then higher id).
_CONVERSATION_RANK = """
    SELECT (SELECT count(*) FROM conversations AS c
            WHERE c.deleted_at IS NULL AND (:needle = '' OR instr(c.title_folded, :needle))
              AND (c.pinned > t.pinned
                   OR (c.pinned = t.pinned AND (c.updated_at > t.updated_at
                        OR (c.updated_at = t.updated_at AND c.id > t.id)))))
    FROM conversations AS t
    WHERE t.id = :id AND t.deleted_at IS NULL
      AND (:needle = '' OR instr(t.title_folded, :needle))
"""

# length() of a TEXT value reads all of it, overflow pages included.
_READ_LIST_COLUMNS = """
    SELECT count(*), sum(length(uid) + length(title) + length(created_at) + length(updated_at)
                         + length(draft) + ifnull(length(system_prompt), 0))
    FROM conversations
"""

_TURNS = """
    SELECT role, content FROM messages
    WHERE conversation_id = ? AND (role = 'user' OR (role = 'assistant' AND status = 'complete'))
    ORDER BY id
"""

_GET_CONVERSATION = """
    SELECT id, uid, title, created_at, updated_at, pinned, draft,
           system_prompt, max_tokens, temperature, top_p
    FROM conversations
    WHERE id = ? AND deleted_at IS NULL
"""

_INSERT_CONVERSATION = """
    INSERT INTO conversations (uid, title, title_folded, created_at, updated_at, pinned, draft,
                               system_prompt, max_tokens, temperature, top_p)
    VALUES (:uid, :title, :title_folded, :created_at, :updated_at, :pinned, :draft,
            :system_prompt, :max_tokens, :temperature, :top_p)
    ON CONFLICT (uid) DO NOTHING
"""

_INSERT_MESSAGE = """
    INSERT INTO messages (conversation_id, role, content, reasoning, created_at, provider,
        model, prompt_tokens, completion_tokens, total_tokens, reasoning_tokens,
        credits_before, credits_after, elapsed_s, thought_s, status, error)
    VALUES (:conversation_id, :role, :content, :reasoning, :created_at, :provider,
        :model, :prompt_tokens, :completion_tokens, :total_tokens, :reasoning_tokens,
        :credits_before, :credits_after, :elapsed_s, :thought_s, :status, :error)
"""

_RENAME = "UPDATE conversations SET title = :title, title_folded = :folded WHERE id = :id"
_SET_DRAFT = "UPDATE conversations SET draft = :draft WHERE id = :id"
_UPDATE_MESSAGE = """
    UPDATE messages SET role = :role, content = :content, reasoning = :reasoning,
        created_at = :created_at, provider = :provider, model = :model,
        prompt_tokens = :prompt_tokens, completion_tokens = :completion_tokens,
        total_tokens = :total_tokens, reasoning_tokens = :reasoning_tokens,
        credits_before = :credits_before, credits_after = :credits_after,
        elapsed_s = :elapsed_s, thought_s = :thought_s, status = :status, error = :error,
        partial_content = ''
    WHERE id = :id
"""


@dataclass(frozen=True)
class ImportResult:
    added: int
    skipped: int


class Repository:
    """Conversations and messages over one connection made by `open_database`."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        conn.isolation_level = None  # transactions are explicit (write_transaction)
        conn.row_factory = sqlite3.Row
        self._conn = conn
        database = conn.execute("PRAGMA database_list").fetchone()[2]
        self.checkpointer = WalCheckpointer(Path(database)) if database else None

    @classmethod
    def open(cls, path: Path) -> Repository:
        return cls(open_database(path))

    def close(self) -> None:
        if self.checkpointer is not None:
            self.checkpointer.close()
        self._conn.close()

    @contextmanager
    def _write(self) -> Iterator[None]:
        """One write transaction (`write_transaction`); once it is committed, the log may
        be checkpointed in a worker thread."""
        with write_transaction(self._conn):
            yield
        if self.checkpointer is not None:
            self.checkpointer.after_commit()

    def __enter__(self) -> Repository:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # --- conversations -------------------------------------------------------------

    def create_conversation(
        self, title: str = "", settings: ConversationSettings | None = None
    ) -> Conversation:
        conversation = Conversation(title=title, settings=settings or ConversationSettings())
        with self._write():
            cursor = self._conn.execute(
                _INSERT_CONVERSATION, rows.conversation_params(conversation)
            )
        conversation.id = cursor.lastrowid
        return conversation

    def list_conversations(
        self, filter_text: str = "", *, offset: int = 0, limit: int | None = None
    ) -> list[Conversation]:
        """Visible conversations without messages: pinned first, then most recent activity.

        `filter_text` matches anywhere in the title, ignoring case; it is not a pattern.
        `offset` and `limit` select one page of that order (all of it when `limit` is None).
        """
        needle = rows.fold(filter_text.strip())
        params = {"needle": needle, "offset": offset, "limit": -1 if limit is None else limit}
        cursor = self._conn.execute(_LIST_CONVERSATIONS, params)
        return [rows.conversation_from_row(row) for row in cursor]

    def count_conversations(self, filter_text: str = "") -> int:
        """How many conversations `list_conversations(filter_text)` lists in all."""
        params = {"needle": rows.fold(filter_text.strip())}
        return int(self._conn.execute(_COUNT_CONVERSATIONS, params).fetchone()[0])

    def conversation_rank(self, conversation_id: int, filter_text: str = "") -> int | None:
        """Where a conversation stands in `list_conversations(filter_text)` (0 = first), or
        None if it is not listed there; lets a paged list read the page that holds it."""
        params = {"id": conversation_id, "needle": rows.fold(filter_text.strip())}
        row = self._conn.execute(_CONVERSATION_RANK, params).fetchone()
        return None if row is None else int(row[0])

    def verify_list_readable(self) -> None:
        """Read every value the conversation list shows, without building objects or sorting,
        so damage there surfaces at start-up (as sqlite3.DatabaseError), not as a crash later."""
        self._conn.execute(_READ_LIST_COLUMNS).fetchone()

    def get_conversation(self, conversation_id: int, *, with_messages: bool = True) -> Conversation:
        """A visible conversation; raises `ConversationNotFound` if missing or deleted."""
        row = self._conn.execute(_GET_CONVERSATION, (conversation_id,)).fetchone()
        if row is None:
            raise ConversationNotFound(conversation_id)
        conversation = rows.conversation_from_row(row)
        if with_messages:
            conversation.messages = self.messages(conversation_id)
        return conversation

    def rename_conversation(self, conversation_id: int, title: str) -> None:
        self._update_conversation(conversation_id, _RENAME, _title_values(title))

    def set_pinned(self, conversation_id: int, pinned: bool) -> None:
        self._update_conversation(
            conversation_id,
            "UPDATE conversations SET pinned = :pinned WHERE id = :id",
            {"pinned": int(pinned)},
        )

    def set_draft(self, conversation_id: int, text: str) -> None:
        """Keep the unsent composer text; does not move the conversation in the list.
        Saved whenever typing pauses, so without waiting for the disk (see `_unsynced`)."""
        with self._unsynced():
            self._update_conversation(conversation_id, _SET_DRAFT, {"draft": text})

    def set_conversation_settings(
        self, conversation_id: int, settings: ConversationSettings
    ) -> None:
        self._update_conversation(
            conversation_id,
            "UPDATE conversations SET system_prompt = :system_prompt,"
            " max_tokens = :max_tokens, temperature = :temperature, top_p = :top_p"
            " WHERE id = :id",
            rows.settings_params(settings),
        )

    def delete_conversation(self, conversation_id: int) -> None:
        """Soft delete: hidden everywhere until `restore_conversation` or `purge_deleted`."""
        self.delete_conversations([conversation_id])

    def restore_conversation(self, conversation_id: int) -> None:
        self.restore_conversations([conversation_id])

    def delete_conversations(self, conversation_ids: list[int]) -> None:
        """Soft delete several in one transaction: all of them, or none if one is missing."""
        self._set_deleted_at(conversation_ids, rows.to_db_time(utc_now()))

    def restore_conversations(self, conversation_ids: list[int]) -> None:
        self._set_deleted_at(conversation_ids, None)

    def _set_deleted_at(self, conversation_ids: list[int], at: str | None) -> None:
        with self._write():
            for conversation_id in conversation_ids:
                cursor = self._conn.execute(
                    "UPDATE conversations SET deleted_at = ? WHERE id = ?", (at, conversation_id)
                )
                _require(cursor, ConversationNotFound(conversation_id))

    def purge_deleted(self) -> int:
        """Remove soft-deleted conversations for good (their messages go too); returns count."""
        with self._write():
            cursor = self._conn.execute("DELETE FROM conversations WHERE deleted_at IS NOT NULL")
        return cursor.rowcount

    def all_conversation_ids(self) -> list[int]:
        """Ids of the visible conversations, oldest id first."""
        cursor = self._conn.execute(
            "SELECT id FROM conversations WHERE deleted_at IS NULL ORDER BY id"
        )
        return [row[0] for row in cursor]

    def conversation_ids_with_messages(self) -> list[int]:
        """Ids of the visible conversations holding at least one message, oldest id first."""
        cursor = self._conn.execute(
            "SELECT id FROM conversations AS c WHERE deleted_at IS NULL"
            " AND EXISTS (SELECT 1 FROM messages WHERE conversation_id = c.id) ORDER BY id"
        )
        return [row[0] for row in cursor]

    def conversation_count(self) -> int:
        """Visible (not soft-deleted) conversations."""
        row = self._conn.execute(
            "SELECT count(*) FROM conversations WHERE deleted_at IS NULL"
        ).fetchone()
        return int(row[0])

    def _update_conversation(self, conversation_id: int, sql: str, values: dict[str, Any]) -> None:
        """Run `sql` (one constant UPDATE of `values` WHERE id = :id); the row must exist."""
        with self._write():
            cursor = self._conn.execute(sql, {**values, "id": conversation_id})
        _require(cursor, ConversationNotFound(conversation_id))

    # --- messages ------------------------------------------------------------------

    def add_message(self, conversation_id: int, message: Message) -> Message:
        """Store `message`; returns a copy with its id. Moves the conversation to the top."""
        with self._write():
            return self._insert_message(conversation_id, message)

    def add_exchange(
        self, conversation_id: int, question: Message, reply: Message, *, title: str | None
    ) -> tuple[Message, Message]:
        """What sending stores: the user's `question`, the pending `reply` to it, the `title`
        (for a first message; None keeps the title) and the cleared draft. One transaction,
        so one wait for the disk where there were four: on a slow disk each took 10-30 ms of
        the window's time. Returns both messages with their ids."""
        with self._write():
            stored = self._insert_message(conversation_id, question)
            if title is not None:
                self._conn.execute(_RENAME, {**_title_values(title), "id": conversation_id})
            self._conn.execute(_SET_DRAFT, {"draft": "", "id": conversation_id})
            return stored, self._insert_message(conversation_id, reply)

    def _insert_message(self, conversation_id: int, message: Message) -> Message:
        """Insert `message` (inside a write transaction) and move its conversation to the top."""
        params = {**rows.message_params(message), "conversation_id": conversation_id}
        try:
            cursor = self._conn.execute(_INSERT_MESSAGE, params)
        except sqlite3.IntegrityError as exc:
            if "FOREIGN KEY" in str(exc):
                raise ConversationNotFound(conversation_id) from exc
            raise
        self._conn.execute(
            "UPDATE conversations SET updated_at = ? WHERE id = ?",
            (rows.to_db_time(utc_now()), conversation_id),
        )
        return dataclasses.replace(message, id=cursor.lastrowid, conversation_id=conversation_id)

    def update_message(self, message: Message) -> None:
        """Rewrite every field of a stored message (found by `message.id`)."""
        with self._write():
            cursor = self._conn.execute(
                _UPDATE_MESSAGE, {**rows.message_params(message), "id": message.id}
            )
        _require(cursor, MessageNotFound(message.id))

    def save_partial_reply(self, message: Message) -> None:
        """Keep the text a pending reply has received so far (content and reasoning only).

        Called every few seconds while a reply streams, so that an app that dies keeps all
        but the last moments of it; start-up (`mark_pending_interrupted`) then moves the
        content where it belongs. Until then it waits in `partial_content`, which search does
        not index: indexing the whole reply again on every save cost up to 10 ms.
        Not fsync'd (see `_unsynced`); the final write is. A reply that is no longer pending
        is left alone.
        """
        with self._unsynced(), self._write():
            self._conn.execute(
                "UPDATE messages SET partial_content = ?, reasoning = ?"
                " WHERE id = ? AND status = 'pending'",
                (message.content, message.reasoning, message.id),
            )

    @contextmanager
    def _unsynced(self) -> Iterator[None]:
        """Commits that must survive the app dying, not the power going: in WAL mode with
        synchronous NORMAL they reach the OS, not the disk, and so never stall the window
        waiting for an fsync (10-30 ms on a slow disk). The next durable commit syncs them."""
        self._conn.execute("PRAGMA synchronous = NORMAL")
        try:
            yield
        finally:
            self._conn.execute("PRAGMA synchronous = FULL")

    def delete_message(self, message_id: int) -> None:
        with self._write():
            self._conn.execute("DELETE FROM messages WHERE id = ?", (message_id,))

    def delete_messages_from(self, conversation_id: int, message_id: int) -> int:
        """Delete this message and every later one in its conversation (edit and resend)."""
        with self._write():
            found = self._conn.execute(
                "SELECT 1 FROM messages WHERE id = ? AND conversation_id = ?",
                (message_id, conversation_id),
            ).fetchone()
            if found is None:
                raise MessageNotFound(message_id)
            cursor = self._conn.execute(
                "DELETE FROM messages WHERE conversation_id = ? AND id >= ?",
                (conversation_id, message_id),
            )
        return cursor.rowcount

    def messages(self, conversation_id: int) -> list[Message]:
        """A conversation's messages, oldest first, in one query."""
        cursor = self._conn.execute(
            "SELECT * FROM messages WHERE conversation_id = ? ORDER BY id", (conversation_id,)
        )
        return [rows.message_from_row(row) for row in cursor]

    def turns(self, conversation_id: int) -> list[Message]:
        """What a model is sent, oldest first: the user's messages and the complete replies,
        role and content only. Lighter than `messages` (no reasoning, times or usage are read
        or parsed): it runs on every send, and a long conversation has thousands of rows."""
        cursor = self._conn.execute(_TURNS, (conversation_id,))
        return [Message(Role(role), content) for role, content in cursor]

    def message_count(self) -> int:
        """Every stored message, including those of soft-deleted conversations."""
        return int(self._conn.execute("SELECT count(*) FROM messages").fetchone()[0])

    def mark_pending_interrupted(self) -> int:
        """At start-up: replies a crash left PENDING become INTERRUPTED, with the text saved
        while they streamed; returns how many."""
        with self._write():
            cursor = self._conn.execute(
                "UPDATE messages SET status = 'interrupted', error = ?,"
                " content = CASE partial_content WHEN '' THEN content ELSE partial_content END,"
                " partial_content = ''"
                # The literal 'pending' lets SQLite use the partial index messages_pending.
                " WHERE status = 'pending'",
                (INTERRUPTED_ERROR_TEXT,),
            )
        return cursor.rowcount

    # --- search --------------------------------------------------------------------

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Full-text search over message content; see `r1desk.storage.search`."""
        return search_messages(self._conn, query, limit)

    # --- import --------------------------------------------------------------------

    def import_conversations(self, conversations: Iterable[Conversation]) -> ImportResult:
        """Add conversations with their messages in ONE transaction (all or nothing).

        A conversation whose `uid` is already stored is skipped, so importing the same file
        twice adds nothing. Times, titles and messages are kept as given; ids are new.
        """
        added = skipped = 0
        pending: list[dict[str, Any]] = []
        with self._write():
            for conversation in conversations:
                cursor = self._conn.execute(
                    _INSERT_CONVERSATION, rows.conversation_params(conversation)
                )
                if cursor.rowcount == 0:  # ON CONFLICT (uid) DO NOTHING
                    skipped += 1
                    continue
                added += 1
                pending.extend(
                    {**rows.message_params(message), "conversation_id": cursor.lastrowid}
                    for message in conversation.messages
                )
                if len(pending) >= _IMPORT_BATCH:
                    self._conn.executemany(_INSERT_MESSAGE, pending)
                    pending.clear()
            self._conn.executemany(_INSERT_MESSAGE, pending)
        return ImportResult(added=added, skipped=skipped)


def _require(cursor: sqlite3.Cursor, error: Exception) -> None:
    if cursor.rowcount == 0:
        raise error


def _title_values(title: str) -> dict[str, str]:
    return {"title": title, "folded": rows.fold(title)}
