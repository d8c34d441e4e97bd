"""SQLite storage (stdlib sqlite3, no Qt): schema, migrations, repository, full-text search."""

from r1desk.storage.db import move_aside, open_database
from r1desk.storage.errors import (
    ConversationNotFound,
    DatabaseCorruptError,
    MessageNotFound,
    SchemaTooNewError,
    StorageError,
)
from r1desk.storage.repository import ImportResult, Repository
from r1desk.storage.search import HIGHLIGHT_END, HIGHLIGHT_START, SearchHit

__all__ = [
    "HIGHLIGHT_END",
    "HIGHLIGHT_START",
    "ConversationNotFound",
    "DatabaseCorruptError",
    "ImportResult",
    "MessageNotFound",
    "Repository",
    "SchemaTooNewError",
    "SearchHit",
    "StorageError",
    "move_aside",
    "open_database",
]
