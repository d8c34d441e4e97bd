"""Desktop notifications for replies that arrive while the window is in the background."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle, QWidget

if TYPE_CHECKING:  # imported when first needed: its type and enums cost ~1 ms at start-up
    from PySide6.QtWidgets import QSystemTrayIcon

TRAY_MESSAGE_MS = 10_000


@dataclass(frozen=True)
class Notification:
    title: str
    text: str
    tray: bool  # also shown as a tray message (False: only the taskbar alert)


class Notifier(QObject):
    """Alerts the taskbar entry and, where the desktop has a tray, shows a message there.

    Clicking the message brings the window back; the tray icon goes away once the window is
    active again (`window_activated`). `sent` lists what was shown, newest last.
    """

    def __init__(
        self,
        window: QWidget,
        *,
        tray_available: Callable[[], bool] | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._tray_available = tray_available or _system_tray_available
        self._tray: QSystemTrayIcon | None = None
        self.sent: list[Notification] = []

    @property
    def last(self) -> Notification | None:
        return self.sent[-1] if self.sent else None

    def notify(self, title: str, text: str) -> Notification:
        QApplication.alert(self._window)
        tray = self._tray_available()
        if tray:
            icon = self._tray_icon()
            icon.show()
            icon.showMessage(title, text, icon.icon(), TRAY_MESSAGE_MS)
        sent = Notification(title, text, tray)
        self.sent.append(sent)
        return sent

    def window_activated(self) -> None:
        if self._tray is not None:
            self._tray.hide()

    def _tray_icon(self) -> QSystemTrayIcon:
        from PySide6.QtWidgets import QSystemTrayIcon

        if self._tray is None:
            icon = self._window.windowIcon()
            if icon.isNull():
                icon = QApplication.windowIcon()
            if icon.isNull():
                icon = self._window.style().standardIcon(
                    QStyle.StandardPixmap.SP_MessageBoxInformation
                )
            self._tray = QSystemTrayIcon(QIcon(icon), self)
            self._tray.setToolTip("r1desk")
            self._tray.messageClicked.connect(self._bring_back)
            self._tray.activated.connect(lambda _reason: self._bring_back())
        return self._tray

    def _bring_back(self) -> None:
        window = self._window
        window.show()
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
        window.raise_()
        window.activateWindow()


def _system_tray_available() -> bool:
    from PySide6.QtWidgets import QSystemTrayIcon

    return QSystemTrayIcon.isSystemTrayAvailable()
