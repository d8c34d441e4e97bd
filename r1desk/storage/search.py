"""Full-text search over message content (FTS5), fast on half a million messages.

Only the newest `SEARCH_WINDOW` matches are ranked (bm25): a word found in most of 500,000
messages still answers in milliseconds, and rare words are ranked in full. Soft-deleted
conversations are filtered after the window, so a search can return fewer than `limit` hits
while many deleted-but-not-purged messages match; purge keeps that rare.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime

from r1desk.domain import Role
from r1desk.storage.rows import from_db_time

HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"
SEARCH_WINDOW = 2000
_SNIPPET_BATCH = 500
_WORD = re.compile(r"\w")

_SEARCH = """
    WITH hits AS (
        SELECT rowid AS message_id, rank AS score
        FROM messages_fts WHERE messages_fts MATCH :query
        ORDER BY rowid DESC LIMIT :window
    )
    SELECT m.id, m.conversation_id, c.title, m.role, m.created_at
    FROM hits
    JOIN messages AS m ON m.id = hits.message_id
    JOIN conversations AS c ON c.id = m.conversation_id
    WHERE c.deleted_at IS NULL
    ORDER BY hits.score, m.created_at DESC, m.id DESC
    LIMIT :limit
"""

# One FTS pass over the hits' rowid range: a prefix query pays its term expansion once,
# not once per hit. The unary + keeps the IN list out of FTS5 (which would re-run per id).
_SNIPPETS = """
    SELECT rowid, snippet(messages_fts, 0, ?, ?, '…', 16)
    FROM messages_fts
    WHERE messages_fts MATCH ? AND rowid BETWEEN ? AND ? AND +rowid IN ({placeholders})
"""


@dataclass(frozen=True)
class SearchHit:
    conversation_id: int
    message_id: int
    conversation_title: str
    role: Role
    snippet: str  # matches wrapped in HIGHLIGHT_START / HIGHLIGHT_END
    created_at: datetime


def search_messages(conn: sqlite3.Connection, query: str, limit: int = 50) -> list[SearchHit]:
    """Best match first, ties newest first. Never raises for any query text.

    FTS5 syntax works (`foo*`, `"a phrase"`, `a OR b`); text that is not valid syntax
    (unbalanced quotes, a bare `AND`, `-`, `col:`...) is searched as plain words instead.
    """
    if not query.strip() or limit <= 0:
        return []
    try:
        return _search(conn, query, limit)
    except sqlite3.OperationalError:  # FTS5 syntax error, unknown column, ...
        plain = plain_words_query(query)
        return _search(conn, plain, limit) if plain else []


def plain_words_query(text: str) -> str:
    """Each whitespace-separated word as a quoted phrase, implicitly ANDed.

    Operators lose their meaning; a trailing `*` still means "prefix". Words without a
    letter or digit are dropped (they cannot match a token). "" if nothing is left.
    """
    parts = []
    for raw in text.replace("\x00", " ").split():  # SQLite ends a string at NUL
        word = raw.rstrip("*")
        if _WORD.search(word):
            quoted = '"' + word.replace('"', '""') + '"'
            parts.append(quoted + "*" if raw.endswith("*") else quoted)
    return " ".join(parts)


def _search(conn: sqlite3.Connection, fts_query: str, limit: int) -> list[SearchHit]:
    found = conn.execute(
        _SEARCH, {"query": fts_query, "window": SEARCH_WINDOW, "limit": limit}
    ).fetchall()
    snippets = _snippets(conn, fts_query, [row[0] for row in found])
    return [
        SearchHit(
            conversation_id=conversation_id,
            message_id=message_id,
            conversation_title=title,
            role=Role(role),
            snippet=snippets.get(message_id, ""),
            created_at=from_db_time(created_at),
        )
        for message_id, conversation_id, title, role, created_at in found
    ]


def _snippets(conn: sqlite3.Connection, fts_query: str, message_ids: list[int]) -> dict[int, str]:
    snippets: dict[int, str] = {}
    for start in range(0, len(message_ids), _SNIPPET_BATCH):
        ids = message_ids[start : start + _SNIPPET_BATCH]
        # Only "?" placeholders are formatted in; every value is bound.
        sql = _SNIPPETS.format(placeholders=", ".join("?" * len(ids)))
        params = [HIGHLIGHT_START, HIGHLIGHT_END, fts_query, min(ids), max(ids), *ids]
        for message_id, snippet in conn.execute(sql, params):
            snippets[message_id] = snippet
    return snippets
