"""Scrolling shows new code plain and colours it once the scrolling rests (ColoursAtRest)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractSlider, QApplication
from pytestqt.qtbot import QtBot

from r1desk.domain import Message, Role
from r1desk.ui.chat_view import ChatView
from r1desk.ui.colours_at_rest import REST_MS
from tests.unit.ui.cards import code_colours

CODE = "for i in range(3):\n    print(i, '<&>')\n"
PAGE_UP = QAbstractSlider.SliderAction.SliderPageStepSub


def _conversation(count: int = 80) -> list[Message]:
    return [
        Message(Role.ASSISTANT, f"Answer {i}:\n\n```python\n{CODE}```\n\nDone {i}.", id=i + 1)
        for i in range(count)
    ]


def _visible_rows(view: ChatView) -> list[int]:
    rows = range(view.model().rowCount())
    shown = view.viewport().rect()
    return [r for r in rows if view.visualRect(view.model().index(r, 0)).intersects(shown)]


def _plain_rows(view: ChatView) -> list[int]:
    return [r for r in _visible_rows(view) if len(code_colours(view, r, CODE)) == 1]


def _opened(view: ChatView, qtbot: QtBot) -> None:
    view.set_messages(_conversation())
    bar = view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.value() == bar.maximum())
    view.viewport().repaint()


def _page_up(view: ChatView, times: int = 3) -> None:
    for _ in range(times):  # past the rows measured when the conversation opened
        view.verticalScrollBar().triggerAction(PAGE_UP)
        view.viewport().repaint()


def test_an_opened_conversation_paints_its_code_in_colour(view: ChatView, qtbot: QtBot) -> None:
    _opened(view, qtbot)
    assert _visible_rows(view)
    assert _plain_rows(view) == []


def test_paging_up_shows_new_code_plain_then_colours_it_at_rest(
    view: ChatView, qtbot: QtBot
) -> None:
    _opened(view, qtbot)
    _page_up(view)
    plain = _plain_rows(view)
    assert plain and plain == _visible_rows(view)
    assert CODE in view._delegate.document(plain[0]).code_blocks  # "Copy" works meanwhile

    qtbot.waitUntil(lambda: _plain_rows(view) == [], timeout=REST_MS + 2000)


def test_colours_come_one_card_per_event_loop_pass(view: ChatView, qtbot: QtBot) -> None:
    _opened(view, qtbot)
    _page_up(view)
    rest = view._colours_at_rest
    rest._rest.stop()  # driven by hand below, one step at a time
    count = len(_plain_rows(view))
    assert count >= 2

    rest._resume()
    assert len(_plain_rows(view)) == count - 1
    rest._step.stop()
    rest._colour_one()
    assert len(_plain_rows(view)) == count - 2


def test_keys_and_the_wheel_count_as_scrolling(view: ChatView, qtbot: QtBot) -> None:
    _opened(view, qtbot)
    view.setFocus()
    bar = view.verticalScrollBar()
    before = bar.value()
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert bar.value() < before
    assert view._delegate.defer_colours
    qtbot.waitUntil(lambda: not view._delegate.defer_colours, timeout=REST_MS + 2000)

    before = bar.value()
    centre = QPointF(view.viewport().rect().center())
    wheel = QWheelEvent(
        centre,
        QPointF(view.viewport().mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), wheel)
    assert bar.value() < before
    assert view._delegate.defer_colours


def test_cards_laid_out_plain_off_screen_get_colours_when_shown(
    view: ChatView, qtbot: QtBot
) -> None:
    _opened(view, qtbot)
    _page_up(view)
    passed = _visible_rows(view)
    _page_up(view, times=2)  # still scrolling: the cards just shown were laid out plain
    assert set(passed).isdisjoint(_visible_rows(view))
    rest = view._colours_at_rest
    qtbot.waitUntil(lambda: not rest._rest.isActive() and not rest._step.isActive(), timeout=3000)

    view.scroll_to_message(view.messages()[passed[0]].id or 0)
    view.viewport().repaint()
    assert passed[0] in _visible_rows(view)
    qtbot.waitUntil(lambda: _plain_rows(view) == [], timeout=1000)


def test_jumping_to_a_message_is_not_scrolling(view: ChatView, qtbot: QtBot) -> None:
    _opened(view, qtbot)
    view.scroll_to_message(3)
    view.viewport().repaint()
    assert 2 in _visible_rows(view)
    assert _plain_rows(view) == []
