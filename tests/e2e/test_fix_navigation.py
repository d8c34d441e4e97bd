"""Keyboard navigation between conversations selects one conversation, never two."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.e2e.conftest import RunningApp

CTRL = Qt.KeyboardModifier.ControlModifier


def test_ctrl_down_and_up_select_only_the_next_conversation(
    qtbot: QtBot, start_app: Callable[..., RunningApp]
) -> None:
    app = start_app()
    w = app.window
    ids = app.add_conversations("a", "b", "c", "d")
    view = w.conversations.view
    w.conversations.select(ids[2])
    view.setFocus()

    qtbot.keyClick(view, Qt.Key.Key_Down, CTRL)  # the list is newest first: d c b a
    assert w.current_id == ids[1]
    assert w.conversations.selected_ids() == [ids[1]]
    qtbot.keyClick(w.chat.composer.edit, Qt.Key.Key_Up, CTRL)
    assert w.conversations.selected_ids() == [w.current_id] == [ids[2]]

    qtbot.keyClick(view, Qt.Key.Key_Delete)  # deletes the one on screen, and only it
    left = {c.id for c in app.ctx.repo.list_conversations()}
    assert ids[2] not in left
    assert {ids[0], ids[1], ids[3]} <= left


def test_clicking_stop_or_undo_delete_leaves_the_focus_in_the_message_box(
    qtbot: QtBot, start_app: Callable[..., RunningApp]
) -> None:
    """Both buttons go away when clicked (Stop turns into a disabled Send, Undo hides); the
    focus went on to the conversation filter, so the next keys filtered the list."""
    app = start_app()
    w = app.window
    composer = w.chat.composer
    composer.set_busy(True)
    qtbot.mouseClick(composer.button, Qt.MouseButton.LeftButton)
    assert composer.button.hasFocus()
    composer.set_busy(False)  # the reply has stopped
    assert composer.edit.hasFocus()

    ids = app.add_conversations("a", "b")
    w.delete_conversation(ids[0])
    qtbot.mouseClick(w.undo_button, Qt.MouseButton.LeftButton)
    assert ids[0] in {c.id for c in app.ctx.repo.list_conversations()}
    assert composer.edit.hasFocus()


def test_enter_during_a_reply_says_why_nothing_was_sent_and_keeps_the_text(
    qtbot: QtBot, start_app: Callable[..., RunningApp]
) -> None:
    from PySide6.QtWidgets import QToolTip

    app = start_app()
    composer = app.window.chat.composer
    composer.set_busy(True)  # a reply is running in this conversation
    sent: list[str] = []
    composer.send_requested.connect(sent.append)
    composer.edit.setFocus()
    qtbot.keyClicks(composer.edit, "next question")
    qtbot.keyClick(composer.edit, Qt.Key.Key_Return)

    assert sent == []
    assert composer.text == "next question"
    qtbot.waitUntil(QToolTip.isVisible)
    assert "still answering" in QToolTip.text()
    QToolTip.hideText()
