"""A word-wrapped label exactly as tall as its text at the width it has."""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

ANY_HEIGHT = 16_777_215  # QWIDGETSIZE_MAX


class WrappedLabel(QLabel):
    """QLabel's size hint for wrapped text guesses a narrow width: in a form, one line of
    text got two lines' height (a blank above it, the text being centred), and in a dialog
    already on screen a longer text was clipped. This one takes the height its text needs
    at its width whenever either changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit()

    def _fit(self) -> None:
        self.setMinimumHeight(0)  # heightForWidth counts the minimum in
        self.setMaximumHeight(ANY_HEIGHT)
        # Its own width: before the layout has given it one the guess may be wrong, and the
        # resize that follows fits it again.
        self.setFixedHeight(self.heightForWidth(max(self.width(), 1)) if self.text() else 0)
