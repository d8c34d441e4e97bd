"""What can go wrong in the storage layer, as exceptions the app can tell apart."""

from __future__ import annotations

from pathlib import Path


class StorageError(Exception):
    """Base class for every storage error."""


class DatabaseCorruptError(StorageError):
    """The file is not an SQLite database, or it is damaged.

    The app can offer to `move_aside(path)` the file and start with an empty one.
    """

    def __init__(self, path: Path) -> None:
        super().__init__(f"The database file is damaged or is not a database: {path}")
        self.path = path


class SchemaTooNewError(StorageError):
    """The file was written by a newer version of the app (downgrade)."""

    def __init__(self, found: int, supported: int) -> None:
        super().__init__(
            f"The database has schema version {found}; this version of the app "
            f"understands up to {supported}. Please update the app."
        )
        self.found = found
        self.supported = supported


class ConversationNotFound(StorageError):
    def __init__(self, conversation_id: int) -> None:
        super().__init__(f"No conversation with id {conversation_id}")
        self.conversation_id = conversation_id


class MessageNotFound(StorageError):
    def __init__(self, message_id: int | None) -> None:
        super().__init__(f"No message with id {message_id}")
        self.message_id = message_id
