"""Find in conversation: what the bar shows and which message it points at."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from r1desk.ui.find_bar import FindBar, find_matches

MESSAGES = [
    (10, "Tell me about Python."),
    (11, "PYTHON is a language. python, python!"),
    (12, "Nothing here."),
    (13, "One more python."),
]


@pytest.fixture
def bar(qtbot: QtBot) -> FindBar:
    widget = FindBar()
    qtbot.addWidget(widget)
    widget.set_haystack(MESSAGES)
    widget.activate()
    return widget


def selected(qtbot: QtBot, bar: FindBar, key: Qt.Key, shift: bool = False) -> int:
    modifier = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    with qtbot.waitSignal(bar.match_selected, timeout=1000) as signal:
        qtbot.keyClick(bar.query, key, modifier)
    value = signal.args[0]
    assert isinstance(value, int)
    return value


def test_typing_counts_matches_ignoring_case_and_selects_the_first(
    qtbot: QtBot, bar: FindBar
) -> None:
    with qtbot.waitSignal(bar.match_selected) as signal:
        qtbot.keyClicks(bar.query, "python")
    assert signal.args == [10]
    assert bar.count.text() == "1 of 5"
    assert bar.current_match() == (10, 0)


def test_enter_and_f3_go_forward_and_wrap(qtbot: QtBot, bar: FindBar) -> None:
    qtbot.keyClicks(bar.query, "python")
    visited = [selected(qtbot, bar, Qt.Key.Key_Return) for _ in range(3)]
    assert visited == [11, 11, 11]
    assert bar.count.text() == "4 of 5"
    assert bar.current_match() == (11, 2)
    assert selected(qtbot, bar, Qt.Key.Key_F3) == 13
    assert selected(qtbot, bar, Qt.Key.Key_Enter) == 10  # wraps to the first
    assert bar.count.text() == "1 of 5"


def test_shift_enter_and_shift_f3_go_back(qtbot: QtBot, bar: FindBar) -> None:
    qtbot.keyClicks(bar.query, "python")
    assert selected(qtbot, bar, Qt.Key.Key_Return, shift=True) == 13  # wraps to the last
    assert bar.count.text() == "5 of 5"
    assert selected(qtbot, bar, Qt.Key.Key_F3, shift=True) == 11
    assert bar.count.text() == "4 of 5"


def test_buttons_step_through_matches(qtbot: QtBot, bar: FindBar) -> None:
    qtbot.keyClicks(bar.query, "language")
    assert bar.count.text() == "1 of 1"
    with qtbot.waitSignal(bar.match_selected) as signal:
        qtbot.mouseClick(bar.next_button, Qt.MouseButton.LeftButton)
    assert signal.args == [11]
    qtbot.keyClicks(bar.query, "s")
    assert bar.count.text() == "No matches"
    assert not bar.next_button.isEnabled()
    assert not bar.previous_button.isEnabled()
    with qtbot.assertNotEmitted(bar.match_selected):
        qtbot.keyClick(bar.query, Qt.Key.Key_Return)


def test_empty_query_shows_no_count(qtbot: QtBot, bar: FindBar) -> None:
    qtbot.keyClicks(bar.query, "py")
    bar.query.clear()
    assert bar.count.text() == ""
    assert bar.current_match() is None


def test_escape_hides_the_bar(qtbot: QtBot, bar: FindBar) -> None:
    assert bar.isVisible()
    with qtbot.waitSignal(bar.closed):
        qtbot.keyClick(bar.query, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    bar.activate()
    assert bar.isVisible()


def test_new_text_keeps_the_current_match_without_jumping(qtbot: QtBot, bar: FindBar) -> None:
    qtbot.keyClicks(bar.query, "python")
    selected(qtbot, bar, Qt.Key.Key_Return)  # 2 of 5: message 11
    with qtbot.assertNotEmitted(bar.match_selected):
        bar.set_haystack([(9, "python first"), *MESSAGES, (14, "python again")])
    assert bar.current_match() == (11, 0)
    assert bar.count.text() == "3 of 7"


def test_clear_forgets_query_and_messages(qtbot: QtBot, bar: FindBar) -> None:
    qtbot.keyClicks(bar.query, "python")
    bar.clear()
    assert bar.query.text() == ""
    assert bar.count.text() == ""
    qtbot.keyClicks(bar.query, "python")
    assert bar.count.text() == "No matches"


def test_find_matches_counts_each_occurrence() -> None:
    assert find_matches([(1, "aaaa"), (2, "A")], "aa") == [(1, 0), (1, 1)]
    assert find_matches([(1, "Straße")], "STRASSE") == [(1, 0)]
    assert find_matches([(1, "x")], "") == []


def test_controls_have_accessible_names(bar: FindBar) -> None:
    names = [
        w.accessibleName()
        for w in (bar.query, bar.count, bar.previous_button, bar.next_button, bar.close_button)
    ]
    assert names == [
        "Find in conversation",
        "Match count",
        "Previous match",
        "Next match",
        "Close find bar",
    ]
