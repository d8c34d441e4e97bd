"""A strip above the composer that says what went wrong and offers the next step."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from r1desk.services.failures import Failure, NextAction

ACTION_LABELS = {
    NextAction.RETRY: "Retry",
    NextAction.ENTER_KEY: "Enter API key…",
    NextAction.OPEN_SETTINGS: "Open settings…",
    NextAction.TOP_UP: "Top up credits…",
}


class FailureBanner(QFrame):
    action_requested = Signal(str)  # a NextAction value

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FailureBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#FailureBanner { background: #fdecea; border: 1px solid #e0a39c; border-radius: 4px; }"
            "#FailureBanner QLabel { color: #5f1d16; }"
        )
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.primary = QPushButton(self)
        self.retry = QPushButton("Retry", self)
        self.close_button = QPushButton("Dismiss", self)
        for button in (self.primary, self.retry, self.close_button):
            button.setAccessibleName(button.text())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.primary)
        layout.addWidget(self.retry)
        layout.addWidget(self.close_button)
        self.primary.clicked.connect(self._primary_clicked)
        self.retry.clicked.connect(lambda: self.action_requested.emit(NextAction.RETRY.value))
        self.close_button.clicked.connect(self.hide)
        self._failure: Failure | None = None
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick)
        self._wait_s = 0
        self.setAccessibleName("Error")
        self.hide()

    @property
    def failure(self) -> Failure | None:
        return self._failure if not self.isHidden() else None

    def show_failure(self, failure: Failure) -> None:
        self._failure = failure
        self.label.setText(failure.text)
        self.setAccessibleDescription(failure.text)
        self.primary.setText(ACTION_LABELS[failure.action])
        self.primary.setAccessibleName(self.primary.text())
        self.retry.setVisible(failure.action is not NextAction.RETRY)
        self._wait_s = int(failure.retry_after_s or 0)
        self._refresh_wait()
        if self._wait_s:
            self._countdown.start()
        self.show()

    def _primary_clicked(self) -> None:
        if self._failure is not None:
            self.action_requested.emit(self._failure.action.value)

    def _tick(self) -> None:
        self._wait_s = max(0, self._wait_s - 1)
        self._refresh_wait()

    def _refresh_wait(self) -> None:
        waiting = self._wait_s > 0
        for button in (self.primary, self.retry):
            if button.text().startswith("Retry"):
                button.setText(f"Retry in {self._wait_s} s" if waiting else "Retry")
                button.setEnabled(not waiting)
        if not waiting:
            self._countdown.stop()
