"""A strip above the composer that says what went wrong and offers the next step."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from r1desk.services.failures import Failure, NextAction
from r1desk.ui.i18n import translated
from r1desk.ui.theme import BANNER, is_dark

translate = QCoreApplication.translate


def action_label(action: NextAction) -> str:
    return {
        NextAction.RETRY: translate("FailureBanner", "Retry"),
        NextAction.RETRY_QUEUED: translate("FailureBanner", "Retry in queued mode"),
        NextAction.ENTER_KEY: translate("FailureBanner", "Enter API key…"),
        NextAction.OPEN_SETTINGS: translate("FailureBanner", "Open settings…"),
        NextAction.TOP_UP: translate("FailureBanner", "Top up credits…"),
        NextAction.SEND_AGAIN: translate("FailureBanner", "Send again"),
    }[action]


class FailureBanner(QFrame):
    action_requested = Signal(str)  # a NextAction value

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FailureBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._styled_dark: bool | None = None
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.primary = QPushButton(action_label(NextAction.RETRY), self)
        self.retry = QPushButton(self.tr("Retry"), self)
        self.close_button = QPushButton(self.tr("Dismiss"), self)
        self.close_button.setAccessibleDescription(self.tr("Hides this message"))
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
        self.setAccessibleName(self.tr("Error"))
        self._restyle()
        self.hide()

    @property
    def failure(self) -> Failure | None:
        return self._failure if not self.isHidden() else None

    def show_failure(self, failure: Failure) -> None:
        self._failure = failure
        text = translated(failure.text)
        self.label.setText(text)
        self.setAccessibleDescription(text)
        self.primary.setText(action_label(failure.action))
        self.primary.setAccessibleName(self.primary.text())
        # A message that was not stored has no reply to retry.
        self.retry.setVisible(failure.action not in (NextAction.RETRY, NextAction.SEND_AGAIN))
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

    def _retry_buttons(self) -> list[QPushButton]:
        primary_retries = self._failure is not None and self._failure.action is NextAction.RETRY
        return [self.primary, self.retry] if primary_retries else [self.retry]

    def _refresh_wait(self) -> None:
        waiting = self._wait_s > 0
        for button in self._retry_buttons():
            if waiting:
                button.setText(self.tr("Retry in {seconds} s").format(seconds=self._wait_s))
            else:
                button.setText(self.tr("Retry"))
            button.setAccessibleName(button.text())
            button.setEnabled(not waiting)
        if not waiting:
            self._countdown.stop()

    def _restyle(self) -> None:
        """Banner colours for the current theme (both pass WCAG AA)."""
        dark = is_dark(QGuiApplication.palette())  # own palette follows the style sheet
        if dark == self._styled_dark:
            return
        self._styled_dark = dark
        background, border, text = BANNER[dark]
        self.setStyleSheet(
            f"#FailureBanner {{ background: {background}; border: 1px solid {border};"
            f" border-radius: 4px; }} #FailureBanner QLabel {{ color: {text}; }}"
        )

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._restyle()
