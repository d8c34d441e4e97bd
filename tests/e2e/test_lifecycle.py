"""Stopping, switching while R1 thinks, restarting: nothing the user wrote is ever lost."""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable

from PySide6.QtCore import Qt
from pytest import MonkeyPatch
from pytestqt.qtbot import QtBot

from r1desk.domain import MessageStatus, Role
from r1desk.ui import window_conversations
from tests.e2e.conftest import RunningApp
from tests.e2e.test_chat_flow import last_message, reply_done, type_and_send
from tests.fakes.server import FakeServer


def test_escape_stops_the_reply_and_keeps_everything(
    qtbot: QtBot, start_app: Callable[..., RunningApp], fake_server: FakeServer
) -> None:
    app = start_app()
    fake_server.hold()
    try:
        type_and_send(qtbot, app, "think for a long time")
        app.drive(lambda: app.window.chat.composer.button.text() == "Stop")
        app.drive(lambda: any(r.method == "POST" for r in fake_server.requests))
        qtbot.keyClick(app.window.chat.composer.edit, Qt.Key.Key_Escape)
        app.drive(reply_done(app))
    finally:
        fake_server.release()
    reply = last_message(app)
    assert reply.status is MessageStatus.INTERRUPTED
    assert app.window.chat.composer.button.text() == "Send"
    cid = app.window.current_id
    assert cid is not None
    stored = app.ctx.repo.messages(cid)
    assert [m.role for m in stored] == [Role.USER, Role.ASSISTANT]
    assert stored[0].content == "think for a long time"
    assert stored[1].status is MessageStatus.INTERRUPTED


def test_window_stays_responsive_while_r1_thinks(
    qtbot: QtBot, start_app: Callable[..., RunningApp], fake_server: FakeServer
) -> None:
    app = start_app()
    first = app.window.current_id
    fake_server.hold()
    try:
        type_and_send(qtbot, app, "slow question")
        app.drive(lambda: any(r.method == "POST" for r in fake_server.requests))
        # The pending row shows a live timer.
        assert last_message(app).status is MessageStatus.PENDING
        # Switch to a new conversation and type a draft there while the reply is pending.
        qtbot.keyClick(app.window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        second = app.window.current_id
        assert second != first
        qtbot.keyClicks(app.window.chat.composer.edit, "next draft")
        assert app.window.chat.composer.button.text() == "Send"
        ticks: list[float] = []
        timer_start = time.monotonic()
        app.drive(lambda: ticks.append(time.monotonic()) or time.monotonic() - timer_start > 0.5)
        gaps = [b - a for a, b in itertools.pairwise(ticks)]
        assert gaps and max(gaps) < 0.25  # the loop kept turning while the request waited
    finally:
        fake_server.release()
    # Back to the first conversation: the reply arrived there.
    app.window.conversations.select(first)  # type: ignore[arg-type]
    app.drive(lambda: reply_done(app)() and last_message(app).status is MessageStatus.COMPLETE)
    assert "slow question" in last_message(app).content


def test_restart_restores_conversations_drafts_and_selection(
    qtbot: QtBot, start_app: Callable[..., RunningApp]
) -> None:
    app = start_app()
    type_and_send(qtbot, app, "remember me")
    app.drive(reply_done(app))
    first = app.window.current_id
    qtbot.keyClick(app.window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(app.window.chat.composer.edit, "unsent thought")
    second = app.window.current_id
    app.window.conversations.select(first)  # type: ignore[arg-type]
    qtbot.keyClicks(app.window.chat.composer.edit, "draft in first")
    app.window.resize(700, 520)  # within the offscreen screen (800x600): restore clamps to it
    app.window.splitter.setSizes([233, 467])
    saved = (app.window.width(), app.window.height(), app.window.splitter.sizes()[0])
    app.close()

    again = start_app()
    restored = (again.window.width(), again.window.height(), again.window.splitter.sizes()[0])
    assert restored == saved, (saved, restored)
    assert again.window.current_id == first
    assert again.window.chat.composer.text == "draft in first"
    assert again.window.chat.view.messages()[0].content == "remember me"
    again.window.conversations.select(second)  # type: ignore[arg-type]
    assert again.window.chat.composer.text == "unsent thought"
    titles = [
        again.window.conversations.model.conversation(row).title
        for row in range(again.window.conversations.model.rowCount())
    ]
    assert "remember me" in titles


def test_delete_undo_rename_pin_and_keyboard_navigation(
    qtbot: QtBot, start_app: Callable[..., RunningApp]
) -> None:
    app = start_app()
    repo = app.ctx.repo
    ids = []
    for title in ("alpha", "beta", "gamma"):
        conversation = repo.create_conversation(title)
        ids.append(conversation.id)
    app.window.reload_list()
    model = app.window.conversations.model
    newest = model.conversation(0).title
    assert newest == "gamma"  # newest activity first

    app.window.set_pinned(ids[0], True)  # alpha pinned on top
    assert model.conversation(0).title == "alpha"

    app.window.conversations.select(ids[1])
    assert app.window.current_id == ids[1]
    app.window.chat.composer.edit.setFocus()
    qtbot.keyClick(
        app.window.chat.composer.edit, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier
    )
    assert app.window.current_id == ids[2]  # the one above beta: gamma
    qtbot.keyClick(
        app.window.chat.composer.edit, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier
    )
    assert app.window.current_id == ids[1]

    app.window.delete_conversation(ids[1])
    assert all(model.conversation(r).id != ids[1] for r in range(model.rowCount()))
    assert app.window.undo_button.isVisible()
    app.window.undo_delete()
    assert any(model.conversation(r).id == ids[1] for r in range(model.rowCount()))

    app.window.conversation_ops.apply_rename(ids[2], "  renamed   gamma ")
    assert repo.get_conversation(ids[2], with_messages=False).title == "renamed gamma"

    app.window.conversations.filter.setText("renam")
    assert model.rowCount() == 1 and model.conversation(0).title == "renamed gamma"


def test_the_undo_button_stays_for_the_whole_time_of_the_last_delete(
    qtbot: QtBot, start_app: Callable[..., RunningApp], monkeypatch: MonkeyPatch
) -> None:
    monkeypatch.setattr(window_conversations, "UNDO_DELETE_MS", 600)
    app = start_app()
    w = app.window
    ids = app.add_conversations("one", "two", "three")
    ops = w.conversation_ops
    ops.delete_conversation(ids[0])
    qtbot.wait(400)
    ops.delete_conversation(ids[1])  # the first delete's time must not end the second's
    qtbot.wait(300)
    assert w.undo_button.isVisible()
    # Other messages (a copy, a failed write, the balance) must not hide it either.
    w.status.showMessage("Copied the answer.", 2000)
    assert w.undo_button.isVisible()
    qtbot.mouseClick(w.undo_button, Qt.MouseButton.LeftButton)
    assert ids[1] in [c.id for c in app.ctx.repo.list_conversations()]
    assert w.undo_button.isHidden()
    ops.delete_conversation(ids[2])
    qtbot.waitUntil(w.undo_button.isHidden, timeout=2000)  # until the time is up


def test_the_delete_key_in_the_list_deletes_the_current_conversation(
    qtbot: QtBot, start_app: Callable[..., RunningApp]
) -> None:
    app = start_app()
    w = app.window
    ids = app.add_conversations("keep", "drop")
    w.conversations.select(ids[1])
    edit = w.chat.composer.edit
    edit.setFocus()
    qtbot.keyClicks(edit, "xy")
    qtbot.keyClick(edit, Qt.Key.Key_Home)
    qtbot.keyClick(edit, Qt.Key.Key_Delete)  # in the message box it deletes a character
    assert edit.toPlainText() == "y" and w.current_id == ids[1]
    view = w.conversations.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert ids[1] not in [c.id for c in app.ctx.repo.list_conversations()]
    assert w.undo_button.isVisible()
    edit.setFocus()
    qtbot.keyClicks(edit, "ab")
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert edit.toPlainText() == ""  # in the message box Ctrl+Z undoes the typing
    assert ids[1] not in [c.id for c in app.ctx.repo.list_conversations()]
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ids[1] in [c.id for c in app.ctx.repo.list_conversations()]


def test_delete_removes_every_selected_conversation_and_ctrl_z_brings_them_back(
    qtbot: QtBot, start_app: Callable[..., RunningApp]
) -> None:
    app = start_app()
    w = app.window
    ids = app.add_conversations("a", "b", "c", "d")
    view = w.conversations.view
    model = w.conversations.model

    def click(conversation_id: int, modifier: Qt.KeyboardModifier) -> None:
        rect = view.visualRect(model.index(model.row_of(conversation_id)))
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())

    click(ids[3], Qt.KeyboardModifier.NoModifier)
    click(ids[1], Qt.KeyboardModifier.ControlModifier)  # Ctrl+click adds to the selection
    assert sorted(w.conversations.selected_ids()) == sorted([ids[3], ids[1]])
    assert w.current_id == ids[1]
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    left = [c.id for c in app.ctx.repo.list_conversations()]
    assert ids[3] not in left and ids[1] not in left and ids[0] in left and ids[2] in left
    assert w.status.currentMessage() == "Deleted 2 conversations. Ctrl+Z to undo."
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert set(ids) <= {c.id for c in app.ctx.repo.list_conversations()}
    # The first restored one is open and selected alone (Ctrl, still held, added to the
    # selection what was selected after the delete).
    assert w.conversations.selected_ids() == [w.current_id] == [ids[3]]


def test_ctrl_click_adds_a_conversation_to_the_selection(
    qtbot: QtBot, start_app: Callable[..., RunningApp]
) -> None:
    # Opening the clicked conversation set it current again while Ctrl was still held,
    # which toggled it: Ctrl+click deselected what it had just selected.
    app = start_app()
    w = app.window
    ids = app.add_conversations("a", "b", "c")
    view, model = w.conversations.view, w.conversations.model
    for conversation_id, modifier in (
        (ids[2], Qt.KeyboardModifier.NoModifier),
        (ids[0], Qt.KeyboardModifier.ControlModifier),
    ):
        rect = view.visualRect(model.index(model.row_of(conversation_id)))
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())
    assert sorted(w.conversations.selected_ids()) == sorted([ids[2], ids[0]])
    assert w.current_id == ids[0]  # and the last one clicked is open
