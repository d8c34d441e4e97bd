"""A strip above the composer that says what went wrong and offers the next step.

Its colours are painted and set through the palette, not a style sheet: a widget with a style
sheet (and its children) keeps the palette and font it had when styled, so the banner stayed
light with small text after a switch to the dark theme or a larger font. Where the text and
the buttons do not fit side by side (a narrow window, a large font) the buttons go below it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from r1desk.services.failures import Failure, NextAction
from r1desk.ui.i18n import translated
from r1desk.ui.theme import BANNER, is_dark, set_text_colour

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
        self._styled_dark: bool | None = None
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.primary = QPushButton(action_label(NextAction.RETRY), self)
        self.retry = QPushButton(self.tr("Retry"), self)
        self.close_button = QPushButton(self.tr("Dismiss"), self)
        self.close_button.setAccessibleDescription(self.tr("Hides this message"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.primary, self.retry, self.close_button):
            buttons.addWidget(button)
        self._layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._layout.setContentsMargins(10, 6, 6, 6)
        self._layout.addWidget(self.label, 1)
        self._layout.addLayout(buttons)
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
        self._fit_buttons()

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
        self._fit_buttons()  # "Retry in 30 s" is wider than "Retry"

    def _restyle(self) -> None:
        """The text colour for the current theme (the background is painted)."""
        dark = is_dark(self.palette())
        if dark == self._styled_dark:
            return
        self._styled_dark = dark
        set_text_colour(self.label, BANNER[dark][2])
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        background, border, _text = BANNER[is_dark(self.palette())]
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(border), 1))
        painter.setBrush(QColor(background))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
        painter.end()

    def _fit_buttons(self) -> None:
        """Buttons beside the text while the text keeps room for about 30 characters."""
        buttons = self._layout.itemAt(1)
        assert buttons is not None
        margins = self._layout.contentsMargins()
        room = self.contentsRect().width() - margins.left() - margins.right()
        text_room = room - buttons.sizeHint().width() - self._layout.spacing()
        wide = text_room >= 30 * self.label.fontMetrics().averageCharWidth()
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self._layout.direction() != direction:
            self._layout.setDirection(direction)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_buttons()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._restyle()
        elif event.type() == QEvent.Type.FontChange:
            self._fit_buttons()
