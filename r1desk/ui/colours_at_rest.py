"""Code colours wait while the user scrolls.

Pygments is about 40% of the work of a scroll step that brings new cards on screen: a page of
replies with code took 12-15 ms, most of a 16 ms frame. So while the user scrolls (wheel,
scroll bar, Page Up/Down, Home/End), cards new on screen show their code plain; once the
scrolling has rested for REST_MS, the visible ones get their colours, one card per event-loop
pass. Opening a conversation or jumping to a search hit is not scrolling: those paint in colour.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint
from PySide6.QtWidgets import QAbstractItemView

from r1desk.ui.message_delegate import MessageDelegate
from r1desk.ui.timers import single_shot

REST_MS = 150
STEP_MS = 20  # between two cards, so each gets an event-loop pass of its own


class ColoursAtRest(QObject):
    def __init__(self, view: QAbstractItemView, delegate: MessageDelegate) -> None:
        super().__init__(view)
        self._view = view
        self._delegate = delegate
        self._rest = single_shot(self, REST_MS, self._resume)
        self._step = single_shot(self, STEP_MS, self._colour_one)
        view.verticalScrollBar().actionTriggered.connect(self._scrolled)

    def _scrolled(self, _action: int) -> None:
        self._delegate.defer_colours = True
        self._step.stop()
        self._rest.start()

    def _resume(self) -> None:
        self._delegate.defer_colours = False
        self._colour_one()

    def _colour_one(self) -> None:
        """Colour the first visible card whose code is plain; come back for the next one.
        Once all are coloured, cards off screen that were laid out plain get their colours
        when next painted (after a jump to a message, say): there is no scrolling to wait for."""
        for row in self._visible_rows():
            if self._delegate.colour(row):
                index = self._view.model().index(row, 0)
                self._view.viewport().update(self._view.visualRect(index))
                self._step.start()
                return
        self._delegate.colour_all()

    def _visible_rows(self) -> range:
        viewport = self._view.viewport()
        top = self._view.indexAt(QPoint(1, 0))
        bottom = self._view.indexAt(QPoint(1, viewport.height() - 1))
        last = self._view.model().rowCount() - 1
        first = top.row() if top.isValid() else 0
        return range(first, (bottom.row() if bottom.isValid() else last) + 1)
