"""Deleting a message asks first: it cannot be restored, unlike a conversation."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from r1desk.domain import Message, MessageStatus, Role
from tests.e2e.conftest import RunningApp


def _open_box(app: RunningApp, qtbot: QtBot, message: Message) -> QMessageBox:
    app.window.chat.view.action_requested.emit("delete", message)  # the card's menu item
    boxes: list[QMessageBox] = []

    def shown() -> bool:
        boxes[:] = [b for b in app.window.findChildren(QMessageBox) if b.isVisible()]
        return len(boxes) == 1

    qtbot.waitUntil(shown)
    return boxes[0]


def test_delete_message_asks_and_enter_keeps_the_message(
    qtbot: QtBot, start_app: Callable[..., RunningApp]
) -> None:
    app = start_app()
    w = app.window
    cid = app.ctx.repo.create_conversation("two messages").id
    assert cid is not None
    question = app.ctx.repo.add_message(cid, Message(Role.USER, "What is a quokka?"))
    app.ctx.repo.add_message(
        cid, Message(Role.ASSISTANT, "A small marsupial.", status=MessageStatus.COMPLETE)
    )
    w.reload_list()
    w.open_conversation(cid)

    box = _open_box(app, qtbot, question)
    assert "What is a quokka?" in box.informativeText()
    qtbot.keyClick(box, Qt.Key.Key_Return)  # the default button is Cancel
    qtbot.waitUntil(lambda: not box.isVisible())
    assert [m.content for m in app.ctx.repo.messages(cid)] == [
        "What is a quokka?",
        "A small marsupial.",
    ]

    box = _open_box(app, qtbot, question)
    delete = next(b for b in box.buttons() if b.text() == "Delete")
    qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(app.ctx.repo.messages(cid)) == 1)
    assert [m.content for m in w.chat.view.messages()] == ["A small marsupial."]
