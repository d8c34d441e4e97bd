"""Loads the renderer (markdown-it, Pygments and its lexers) in a worker thread.

On the GUI thread those imports froze the window for ~40 ms right after start-up. The thread
touches no Qt object; a timer on the GUI thread notices when it is done and calls `ready`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from r1desk.render import load_renderer, warm_up

POLL_MS = 20


class RendererLoader(QObject):
    def __init__(self, parent: QObject, ready: Callable[[], None]) -> None:
        super().__init__(parent)
        self._ready = ready
        self._thread: threading.Thread | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._check)

    def start(self) -> None:
        self._thread = threading.Thread(target=load_renderer, name="r1desk-pygments", daemon=True)
        self._thread.start()
        self._timer.start()

    def _check(self) -> None:
        if self._thread is None or self._thread.is_alive():
            return
        self._timer.stop()
        self._thread = None
        warm_up()  # a first render on this thread; cheap now that everything is loaded
        self._ready()
