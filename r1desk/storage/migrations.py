"""The schema, versioned with `PRAGMA user_version`.

`MIGRATIONS[n]` takes a database from version n to n + 1. Never edit a released step;
append a new one. All pending steps run in one transaction, so a failed upgrade leaves
the file as it was.

Full-text search indexes message *content* only, not reasoning: reasoning is the model's
long, repetitive scratch work (often many times the size of the answer), so indexing it
would multiply the index size and flood results with near-duplicates of words the user
never saw in the chat. Users search for what was said.

Times are stored as ISO 8601 UTC text with microseconds ("2026-01-31T12:00:00.000000+00:00"):
readable in any SQLite browser, exact on round trip, and fixed-width so text order is time order.
"""

from __future__ import annotations

import sqlite3

from r1desk.storage._transaction import write_transaction
from r1desk.storage.errors import SchemaTooNewError

_V1 = (
    """
    CREATE TABLE conversations (
        id            INTEGER PRIMARY KEY,
        uid           TEXT    NOT NULL UNIQUE,
        title         TEXT    NOT NULL DEFAULT '',
        created_at    TEXT    NOT NULL,
        updated_at    TEXT    NOT NULL,
        pinned        INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
        draft         TEXT    NOT NULL DEFAULT '',
        system_prompt TEXT,
        max_tokens    INTEGER,
        temperature   REAL,
        top_p         REAL,
        deleted_at    TEXT
    )
    """,
    # The sidebar: visible conversations, pinned first, newest first.
    """
    CREATE INDEX conversations_listing
        ON conversations (pinned DESC, updated_at DESC) WHERE deleted_at IS NULL
    """,
    """
    CREATE TABLE messages (
        id                INTEGER PRIMARY KEY,
        conversation_id   INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        role              TEXT    NOT NULL,
        content           TEXT    NOT NULL,
        reasoning         TEXT    NOT NULL DEFAULT '',
        created_at        TEXT    NOT NULL,
        provider          TEXT    NOT NULL DEFAULT '',
        model             TEXT    NOT NULL DEFAULT '',
        prompt_tokens     INTEGER,
        completion_tokens INTEGER,
        total_tokens      INTEGER,
        reasoning_tokens  INTEGER,
        credits_before    REAL,
        credits_after     REAL,
        elapsed_s         REAL,
        status            TEXT    NOT NULL DEFAULT 'complete',
        error             TEXT    NOT NULL DEFAULT ''
    )
    """,
    # A conversation's messages in order (id = insertion order, immune to clock jumps).
    "CREATE INDEX messages_by_conversation ON messages (conversation_id, id)",
    # Start-up finds replies a crash left pending without scanning every message.
    "CREATE INDEX messages_pending ON messages (status) WHERE status = 'pending'",
    # External content: the text lives once, in `messages`; the index only holds tokens.
    # Prefix indexes for 1-3 characters keep `a*`, `co*` fast (search as you type) at the
    # price of a larger index; longer prefixes expand to few terms and need none.
    """
    CREATE VIRTUAL TABLE messages_fts USING fts5 (
        content,
        content = 'messages',
        content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '1 2 3'
    )
    """,
    """
    CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
        INSERT INTO messages_fts (rowid, content) VALUES (new.id, new.content);
    END
    """,
    """
    CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, content)
            VALUES ('delete', old.id, old.content);
    END
    """,
    """
    CREATE TRIGGER messages_fts_update AFTER UPDATE OF content ON messages
    WHEN old.content IS NOT new.content BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, content)
            VALUES ('delete', old.id, old.content);
        INSERT INTO messages_fts (rowid, content) VALUES (new.id, new.content);
    END
    """,
)

# The conversation-list filter matches `title_folded`, the title as `str.casefold()` folds it:
# folding 10,000 titles on every keystroke through a Python function took three times as long
# as the whole query without it. The repository writes both columns together; `r1_casefold`
# (registered by `open_database`) fills in the titles stored before this step.
_V2 = (
    "ALTER TABLE conversations ADD COLUMN title_folded TEXT NOT NULL DEFAULT ''",
    "UPDATE conversations SET title_folded = r1_casefold(title)",
)

# The text of a reply that is still streaming, saved every few seconds so that a crash keeps
# it (see Repository.save_partial_reply). Kept out of `content` until start-up moves it there:
# every write to `content` indexes it for search again, 2-10 ms for a long reply.
_V3 = ("ALTER TABLE messages ADD COLUMN partial_content TEXT NOT NULL DEFAULT ''",)

# The list's filter and its count read the folded titles from the listing index instead of the
# table's rows, which hold drafts and system prompts too: the count of a filter's matches over
# 10,000 titles took 5 ms, 1.7 ms from the index, and a filter matching nothing as long.
_V4 = (
    "DROP INDEX conversations_listing",
    """
    CREATE INDEX conversations_listing
        ON conversations (pinned DESC, updated_at DESC, title_folded) WHERE deleted_at IS NULL
    """,
)

# How long R1 reasoned before its answer began (Message.thought_s): "Thought for n s" showed
# the whole reply's time, answer included.
_V5 = ("ALTER TABLE messages ADD COLUMN thought_s REAL",)

MIGRATIONS: tuple[tuple[str, ...], ...] = (_V1, _V2, _V3, _V4, _V5)
LATEST_VERSION = len(MIGRATIONS)


def schema_version(conn: sqlite3.Connection) -> int:
    version: int = conn.execute("PRAGMA user_version").fetchone()[0]
    return version


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the schema up to `LATEST_VERSION`; a no-op (no write) when it already is."""
    if _check(schema_version(conn)) == LATEST_VERSION:
        return LATEST_VERSION
    with write_transaction(conn):
        # Read again under the write lock: another instance may have just migrated.
        version = _check(schema_version(conn))
        for number in range(version + 1, LATEST_VERSION + 1):
            for statement in MIGRATIONS[number - 1]:
                conn.execute(statement)
            # PRAGMA takes no parameters; `number` is an int from our own table.
            conn.execute(f"PRAGMA user_version = {int(number)}")
    return LATEST_VERSION


def _check(version: int) -> int:
    if version > LATEST_VERSION:
        raise SchemaTooNewError(version, LATEST_VERSION)
    return version
