"""The box where the user writes: Enter sends, Shift+Enter starts a new line."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QToolTip,
    QWidget,
)

from r1desk.ui.timers import single_shot

DRAFT_SAVE_DELAY_MS = 400
MIN_LINES, MAX_LINES = 2, 8


# Keys the window uses to move between conversations; the editor must not swallow them.
WINDOW_KEYS = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}


class ComposerEdit(QPlainTextEdit):
    submitted = Signal()

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.modifiers() == Qt.KeyboardModifier.ControlModifier
            and event.key() in WINDOW_KEYS
        ):
            event.ignore()
            return False
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        is_enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if is_enter and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.submitted.emit()
            return
        super().keyPressEvent(event)


class Composer(QWidget):
    """Text box plus a Send button that turns into Stop while a reply is running."""

    send_requested = Signal(str)
    stop_requested = Signal()
    draft_changed = Signal(str)  # debounced, for saving the draft

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = ComposerEdit(self)
        self.edit.setPlaceholderText(self.tr("Message R1…  (Enter sends, Shift+Enter adds a line)"))
        self.edit.setTabChangesFocus(True)
        self.edit.setAccessibleName(self.tr("Message"))
        self.edit.setAccessibleDescription(
            self.tr("Write a message. Enter sends, Shift+Enter adds a line.")
        )
        self.edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.button = QPushButton(self.tr("Send"), self)
        self.button.setMinimumWidth(84)
        self.button.setDefault(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 8)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignBottom)

        self._busy = False
        self._save_timer = single_shot(self, DRAFT_SAVE_DELAY_MS, self.flush_draft)
        self.edit.textChanged.connect(self._on_text_changed)
        self.edit.submitted.connect(self._submit)
        self.button.clicked.connect(self._on_button)
        self._refresh_button()
        self._fit_height()

    @property
    def text(self) -> str:
        return self.edit.toPlainText()

    def set_text(self, text: str) -> None:
        """Show a stored draft without reporting it back as a change."""
        self.edit.blockSignals(True)
        self.edit.setPlainText(text)
        self.edit.blockSignals(False)
        self._save_timer.stop()
        self.edit.moveCursor(self.edit.textCursor().MoveOperation.End)
        self._fit_height()
        self._refresh_button()

    def insert_example(self, text: str) -> None:
        """Put an example prompt in the box (replacing an empty draft) for the user to send."""
        self.edit.setPlainText(text)
        self.edit.moveCursor(self.edit.textCursor().MoveOperation.End)
        self.edit.setFocus()

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._refresh_button()

    def flush_draft(self) -> None:
        self._save_timer.stop()
        self.draft_changed.emit(self.text)

    def _fit_height(self) -> None:
        """Grow with the text from 2 to 8 lines; the chat keeps the rest of the space."""
        lines = max(MIN_LINES, min(MAX_LINES, int(self.edit.document().size().height())))
        margins = self.edit.contentsMargins()
        frame = 2 * self.edit.frameWidth() + margins.top() + margins.bottom()
        padding = int(2 * self.edit.document().documentMargin())
        self.edit.setFixedHeight(lines * self.edit.fontMetrics().lineSpacing() + frame + padding)

    def _on_text_changed(self) -> None:
        self._fit_height()
        self._refresh_button()
        self._save_timer.start()

    def _refresh_button(self) -> None:
        if self._busy:
            self.button.setText(self.tr("Stop"))
            self.button.setToolTip(self.tr("Stop waiting for the reply (Esc)"))
            self.button.setEnabled(True)
        else:
            self.button.setText(self.tr("Send"))
            self.button.setToolTip(self.tr("Send the message (Enter)"))
            enabled = bool(self.text.strip())
            if not enabled and self.button.hasFocus():  # after a click on Stop: disabled, it
                self.edit.setFocus()  # would pass the focus on to the conversation filter
            self.button.setEnabled(enabled)
        self.button.setAccessibleName(self.button.text())

    def _on_button(self) -> None:
        if self._busy:
            self.stop_requested.emit()
        else:
            self._submit()

    def _submit(self) -> None:
        if not self.text.strip():
            return
        if self._busy:  # one reply at a time per conversation: say so, keep the text
            busy = self.tr(
                "R1 is still answering: send this once the reply is done, or press Esc to stop it."
            )
            QToolTip.showText(self.edit.mapToGlobal(self.edit.rect().topLeft()), busy, self.edit)
            return
        self.send_requested.emit(self.text)
