"""Run Python's cyclic garbage collector on the GUI thread only.

The collector normally runs in whichever thread happens to allocate. When that is a worker
thread (asyncio resolves host names in a thread pool), Qt objects caught in reference cycles
are destroyed there; their timers cannot be stopped from the wrong thread and Qt later
dispatches a timer event to freed memory (seen as a segfault in QTimerInfoList). So automatic
collection is switched off and this timer does the same work on the GUI thread.

Each tick also empties `linecache`, which keeps the source of every file a traceback or
`inspect` has read. Tracebacks read their lines again when needed.
"""

from __future__ import annotations

import gc
import linecache

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1000


class MainThreadGarbageCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect_if_due)

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()

    def freeze(self) -> None:
        """Collect once, then hide everything alive from later collections (gc.freeze):
        modules, classes and the window are never garbage, and a full collection that still
        walked them took ~20 ms, a visible stall while a reply streams. Frozen objects are
        still freed by reference counting; call once, when start-up is over."""
        gc.collect()
        gc.freeze()

    def collect_if_due(self) -> int:
        """Collect the oldest generation whose count passed its threshold, as gc would."""
        linecache.clearcache()
        thresholds = gc.get_threshold()
        counts = gc.get_count()
        for generation in reversed(range(len(thresholds))):
            if counts[generation] > thresholds[generation]:
                return gc.collect(generation)
        return 0
