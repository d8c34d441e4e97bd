"""What the app sets up once, before the first window: theme, font size, language; and the
wait for that window's first paint."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from r1desk.settings import Settings
from r1desk.ui.i18n import install_translators
from r1desk.ui.theme import ThemeManager


def prepare_app(app: QApplication, settings: Settings) -> str:
    """Install translators and apply theme and font size; returns the language shown.

    Call before building the window (texts are translated when widgets are made). The theme
    then follows the system's light/dark scheme live while the setting is "system".
    """
    language = install_translators(app, settings.language)
    manager = ThemeManager.of(app)
    manager.set_theme(settings.theme)
    manager.set_font_size(settings.font_size)
    return language


FIRST_PAINT_TIMEOUT_MS = 2000


class _FirstPaint(QObject):
    """Ends `loop` once the watched window has painted (the paint is flushed by then)."""

    def __init__(self, loop: QEventLoop) -> None:
        super().__init__()
        self._loop = loop

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self._loop.quit)
        return False


def wait_for_first_paint(window: QWidget, timeout_ms: int = FIRST_PAINT_TIMEOUT_MS) -> None:
    """Run Qt's own event loop until `window` (shown) has painted once, or `timeout_ms`.

    User input waits meanwhile (Qt delivers it afterwards): it is not lost, and nothing can
    act before the asyncio loop, which is made after this returns, exists.
    """
    loop = QEventLoop()
    watcher = _FirstPaint(loop)
    window.installEventFilter(watcher)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    window.removeEventFilter(watcher)
