"""Ctrl+F inside a conversation: find text in its messages, step through matches."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget


def find_matches(texts: list[tuple[int, str]], query: str) -> list[tuple[int, int]]:
    """(message id, n-th occurrence in that message) for every case-insensitive match."""
    needle = query.casefold()
    if not needle:
        return []
    return [
        (message_id, n) for message_id, text in texts for n in range(text.casefold().count(needle))
    ]


class FindBar(QWidget):
    """Emits `match_selected(message_id)` when a match becomes current; `closed()` on Esc.

    Enter / F3: next match; Shift+Enter / Shift+F3: previous (wrapping around). The window
    should route F3 / Shift+F3 to `find_next` / `find_previous` when focus is elsewhere.
    """

    match_selected = Signal(int)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._texts: list[tuple[int, str]] = []
        self._matches: list[tuple[int, int]] = []
        self._current = -1
        self.query = QLineEdit(self)
        self.query.setPlaceholderText(self.tr("Find in conversation"))
        self.query.setAccessibleName(self.tr("Find in conversation"))
        self.count = QLabel(self)
        self.count.setAccessibleName(self.tr("Match count"))
        self.count.setMinimumWidth(
            self.count.fontMetrics().horizontalAdvance(self._count_text(999, 999))
        )
        self.previous_button = self._button(
            "↑", self.tr("Previous match"), self.tr("Previous match (Shift+Enter)")
        )
        self.next_button = self._button("↓", self.tr("Next match"), self.tr("Next match (Enter)"))
        self.close_button = self._button(
            "✕", self.tr("Close find bar"), self.tr("Close find bar (Esc)")
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.query, 1)
        for widget in (self.count, self.previous_button, self.next_button, self.close_button):
            layout.addWidget(widget)
        self.query.textChanged.connect(self._query_changed)
        self.previous_button.clicked.connect(self.find_previous)
        self.next_button.clicked.connect(self.find_next)
        self.close_button.clicked.connect(self.close_bar)
        self._update_label()

    def _button(self, symbol: str, name: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(symbol)
        button.setToolTip(tip)
        button.setAccessibleName(name)
        button.setAutoRaise(True)
        return button

    # -- public -------------------------------------------------------------------------------

    def set_haystack(self, texts: list[tuple[int, str]]) -> None:
        """The messages to search (id, text). Keeps the current match when it still exists;
        does not emit (new text arriving must not move the view)."""
        current = self.current_match()
        self._texts = list(texts)
        self._matches = find_matches(self._texts, self.query.text())
        if current in self._matches:
            self._current = self._matches.index(current)
        elif self._matches:
            self._current = min(max(self._current, 0), len(self._matches) - 1)
        else:
            self._current = -1
        self._update_label()

    def clear(self) -> None:
        """Forget the messages and the query (e.g. another conversation was opened)."""
        self._texts = []
        self.query.clear()

    def activate(self) -> None:
        """Show the bar with the query selected, ready to type."""
        self.show()
        self.query.setFocus()
        self.query.selectAll()

    def current_match(self) -> tuple[int, int] | None:
        """(message id, n-th occurrence in that message) of the current match."""
        return self._matches[self._current] if self._current >= 0 else None

    def find_next(self) -> None:
        self._step(1)

    def find_previous(self) -> None:
        self._step(-1)

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    # -- internals ----------------------------------------------------------------------------

    def _query_changed(self) -> None:
        self._matches = find_matches(self._texts, self.query.text())
        self._current = 0 if self._matches else -1
        self._update_label()
        self._emit_current()

    def _step(self, direction: int) -> None:
        if not self._matches:
            return
        self._current = (self._current + direction) % len(self._matches)
        self._update_label()
        self._emit_current()

    def _emit_current(self) -> None:
        match = self.current_match()
        if match is not None:
            self.match_selected.emit(match[0])

    def _update_label(self) -> None:
        if not self.query.text():
            self.count.setText("")
        elif not self._matches:
            self.count.setText(self.tr("No matches"))
        else:
            self.count.setText(self._count_text(self._current + 1, len(self._matches)))
        for button in (self.previous_button, self.next_button):
            button.setEnabled(bool(self._matches))

    def _count_text(self, current: int, total: int) -> str:
        return self.tr("{current} of {total}").format(current=current, total=total)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        backwards = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F3):
            self._step(-1 if backwards else 1)
        elif key == Qt.Key.Key_Escape:
            self.close_bar()
        else:
            super().keyPressEvent(event)
