"""A thin list model over the conversation's messages, one row per message.

Each row carries a `key` that is unique for the lifetime of the model (messages may not have a
database id yet) and a `version` bumped on every replacement; the delegate caches by both.

The model is a QStringListModel (one empty string per row) only so that its row count is
answered in C++. QTreeView lays out every row again when one is added, and asks the model for
each row's index twice; each index asks for the row count. With a Python `rowCount` that was
two Python calls per row: a send into 5,000 messages took 54 ms, 22 ms without them.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
)

from r1desk.domain import Message, MessageStatus, Role

MessageRole = Qt.ItemDataRole.UserRole + 1

_ModelIndex = QModelIndex | QPersistentModelIndex


def speaker(message: Message) -> str:
    names = {
        Role.USER: QCoreApplication.translate("MessageListModel", "You"),
        Role.ASSISTANT: "R1",
        Role.SYSTEM: QCoreApplication.translate("MessageListModel", "System"),
    }
    return names[message.role]


@dataclass
class Row:
    key: int
    message: Message
    version: int = 0
    expanded: bool | None = None  # reasoning shown? None: the view's default


class MessageListModel(QStringListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []
        self._keys = itertools.count(1)
        self.expanded_default = False  # reasoning shown for rows without a choice of their own
        # Connected before any view: the rows are gone by the time a view hears of it.
        self.rowsRemoved.connect(self._drop_rows)

    # Qt model interface. `flags` stays QStringListModel's (in C++, as the layout asks it for
    # every row too): its rows are editable and draggable, but the view edits and drags nothing.

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        message = entry.message
        if role == Qt.ItemDataRole.DisplayRole:
            return message.content
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{speaker(message)}: {message.content}"
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return self.describe(entry)
        if role == MessageRole:
            return message
        return None

    def describe(self, entry: Row) -> str:
        """What a screen reader hears besides the text: status and the reasoning's state."""
        parts: list[str] = []
        message = entry.message
        if message.status is MessageStatus.PENDING:
            parts.append(self.tr("R1 is thinking"))
        elif message.status is MessageStatus.FAILED:
            parts.append(self.tr("Failed: {reason}").format(reason=message.error or ""))
        elif message.status is MessageStatus.INTERRUPTED:
            parts.append(self.tr("Stopped, reply incomplete"))
        if message.reasoning:
            expanded = self.expanded_default if entry.expanded is None else entry.expanded
            parts.append(
                self.tr("Reasoning expanded; Space hides it")
                if expanded
                else self.tr("Reasoning collapsed; Space shows it")
            )
        return ". ".join(parts)

    # Python-side interface used by the view
    def row(self, row: int) -> Row:
        return self._rows[row]

    def messages(self) -> list[Message]:
        return [r.message for r in self._rows]

    def set_messages(self, messages: list[Message]) -> None:
        self._rows = [Row(next(self._keys), m) for m in messages]
        self.setStringList([""] * len(self._rows))

    def append(self, message: Message) -> int:
        row = len(self._rows)
        self._rows.append(Row(next(self._keys), message))  # before the views hear of it
        self.insertRows(row, 1)
        return row

    def replace(self, row: int, message: Message, *, notify: bool = True) -> None:
        """Put `message` in `row` (same key, new version); `notify=False` defers dataChanged."""
        entry = self._rows[row]
        entry.message = message
        entry.version += 1
        if notify:
            self.notify_changed(row)

    def notify_changed(self, row: int) -> None:
        """Tell the view a row's content or height changed (it re-asks only that row's size)."""
        index = self.index(row)
        self.dataChanged.emit(index, index)

    def remove(self, row: int) -> None:
        self.removeRows(row, 1)  # _drop_rows takes it out of self._rows

    def _drop_rows(self, _parent: QModelIndex, first: int, last: int) -> None:
        del self._rows[first : last + 1]

    def find(self, message: Message) -> int:
        """The row holding this exact object, else the row with its id; -1 if neither."""
        for i in range(len(self._rows) - 1, -1, -1):
            if self._rows[i].message is message:
                return i
        return self.find_id(message.id) if message.id is not None else -1

    def find_id(self, message_id: int) -> int:
        for i in range(len(self._rows) - 1, -1, -1):
            if self._rows[i].message.id == message_id:
                return i
        return -1

    def find_key(self, key: int) -> int:
        for i in range(len(self._rows) - 1, -1, -1):
            if self._rows[i].key == key:
                return i
        return -1
