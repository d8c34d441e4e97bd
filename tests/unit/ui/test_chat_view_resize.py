"""Resizing a long conversation: the rows on screen are right at every step of a drag, the
rest are re-estimated once it pauses, and the user's place is kept."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from r1desk.domain import Message, Role
from r1desk.ui.chat_view import ChatView

ROWS = 400


def _messages() -> list[Message]:
    """Rows of several heights, so that a new width changes them differently."""
    return [
        Message(
            Role.USER if i % 2 else Role.ASSISTANT,
            f"message {i} " + "words that wrap at a narrower width " * (1 + i % 7),
            id=i,
        )
        for i in range(1, ROWS + 1)
    ]


def _count_estimates(view: ChatView, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    estimated: list[int] = []
    estimate = view._delegate._estimate

    def counted(message: Message, expanded: bool) -> int:
        estimated.append(message.id or 0)
        return estimate(message, expanded)

    monkeypatch.setattr(view._delegate, "_estimate", counted)
    return estimated


def _top(view: ChatView, row: int) -> int:
    return view.visualRect(view.model().index(row, 0)).top()


def _rows_on_screen(view: ChatView) -> list[int]:
    screen = view.viewport().rect()
    return [
        row
        for row in range(view.model().rowCount())
        if view.visualRect(view.model().index(row, 0)).intersects(screen)
    ]


def _bottom_gap(view: ChatView) -> int:
    last = view.model().index(view.model().rowCount() - 1, 0)
    return abs(view.visualRect(last).bottom() - view.viewport().height())


def test_a_drag_lays_out_the_rows_on_screen_at_each_step_and_the_rest_once(
    view: ChatView, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    view.set_messages(_messages())
    qtbot.waitUntil(lambda: _bottom_gap(view) <= 2)
    estimated = _count_estimates(view, monkeypatch)

    for width in range(690, 590, -10):  # a drag: a resize per event-loop pass
        view.resize(width, 500)
        QApplication.processEvents()
        on_screen = _rows_on_screen(view)
        assert on_screen
        for row in on_screen:  # exact at the new width, not the old row height
            rect = view.visualRect(view.model().index(row, 0))
            assert rect.height() == view._delegate.exact_height(row), (width, row)
        assert _bottom_gap(view) <= 2  # still pinned to the newest message

    assert len(estimated) < ROWS // 4  # the rows off screen wait for the pause
    qtbot.waitUntil(lambda: not view._resize_timer.isActive())
    assert 0.9 * ROWS < len(estimated) < 1.2 * ROWS  # then once each, not once per step
    qtbot.wait(50)
    assert _bottom_gap(view) <= 2


def test_resizing_keeps_the_row_being_read_where_it_was(view: ChatView, qtbot: QtBot) -> None:
    view.set_messages(_messages())
    view.scroll_to_message(ROWS // 2, highlight=False)
    qtbot.wait(50)
    reading = max(row for row in _rows_on_screen(view) if _top(view, row) >= 0)
    top = _top(view, reading)

    view.resize(480, 500)  # narrower: every row above it grows
    qtbot.waitUntil(lambda: not view._resize_timer.isActive())
    QApplication.processEvents()

    assert abs(_top(view, reading) - top) <= 2
    assert view.indexAt(QPoint(1, top + 1)).row() == reading


def test_cards_laid_out_at_an_earlier_width_are_reused_when_it_comes_back(
    view: ChatView, qtbot: QtBot
) -> None:
    """Cards stay cached by width: a drag does not drop hundreds of them in one step, and a
    drag back lays out nothing again, with every row on screen still at its exact height."""
    view.set_messages(_messages())
    qtbot.waitUntil(lambda: _bottom_gap(view) <= 2)
    view.resize(600, 500)
    qtbot.waitUntil(lambda: not view._resize_timer.isActive())
    built = view._delegate.documents_built

    view.resize(700, 500)
    QApplication.processEvents()
    qtbot.waitUntil(lambda: not view._resize_timer.isActive())

    assert view._delegate.documents_built == built
    for row in _rows_on_screen(view):
        height = view.visualRect(view.model().index(row, 0)).height()
        assert height == view._delegate.exact_height(row) == view._delegate.row_height(row)
    assert _bottom_gap(view) <= 2
