"""A user types, sends, waits, reads; the status bar tells credits and cost."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import httpx
from PySide6.QtCore import Qt
from PySide6.QtGui import QPaintEvent
from pytest import MonkeyPatch
from pytestqt.qtbot import QtBot

from r1desk import api
from r1desk.domain import MessageStatus, Role
from r1desk.services.chat_controller import ChatController
from r1desk.ui.chat_view import ChatView
from tests.e2e.conftest import TEST_KEY, RunningApp
from tests.fakes.server import FakeServer
from tests.unit.memory_keyring import MemoryKeyring


def type_and_send(qtbot: QtBot, app: RunningApp, text: str) -> None:
    edit = app.window.chat.composer.edit
    edit.setFocus()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def last_message(app: RunningApp):  # type: ignore[no-untyped-def]
    return app.window.chat.view.messages()[-1]


def reply_done(app: RunningApp) -> Callable[[], bool]:
    def done() -> bool:
        messages = app.window.chat.view.messages()
        return (
            bool(messages)
            and messages[-1].role is Role.ASSISTANT
            and (messages[-1].status is not MessageStatus.PENDING)
        )

    return done


def test_send_shows_reply_reasoning_credits_and_cost(
    qtbot: QtBot, start_app: Callable[..., RunningApp], fake_server: FakeServer
) -> None:
    app = start_app()
    assert app.window.chat.composer.edit.hasFocus() or app.window.isVisible()
    type_and_send(qtbot, app, "What is 2+2?")
    # The user's message is on screen and stored before the reply arrives.
    stored = app.ctx.repo.messages(app.window.current_id)  # type: ignore[arg-type]
    assert stored[0].role is Role.USER and stored[0].content == "What is 2+2?"
    assert app.window.chat.composer.text == ""

    app.drive(reply_done(app))
    reply = last_message(app)
    assert reply.status is MessageStatus.COMPLETE
    assert "2+2" in reply.content
    assert reply.reasoning  # shown collapsed above the answer
    assert reply.id is not None and not app.window.chat.view.is_reasoning_expanded(reply.id)
    # Credits and cost in the status bar, from the reply's x-remaining-credits header.
    app.drive(lambda: "Credits: " in app.window.status.credits_label.text())
    assert f"{fake_server.credits:,.4f}" in app.window.status.credits_label.text()
    # The key went on the wire in the x-api-key header, and reasoning never goes back.
    chat_requests = [r for r in fake_server.requests if r.method == "POST"]
    assert chat_requests[-1].headers["x-api-key"] == TEST_KEY
    # The conversation got its title from the first message.
    assert app.window.windowTitle().startswith("What is 2+2?")


def test_cost_of_second_reply_is_the_credit_difference(
    qtbot: QtBot, start_app: Callable[..., RunningApp], fake_server: FakeServer
) -> None:
    app = start_app()
    type_and_send(qtbot, app, "first")
    app.drive(reply_done(app))
    before = fake_server.credits
    type_and_send(qtbot, app, "second")
    app.drive(lambda: len(app.window.chat.view.messages()) == 4 and reply_done(app)())
    after = fake_server.credits
    reply = last_message(app)
    assert reply.cost is not None and abs(reply.cost - (before - after)) < 1e-9
    assert f"{before - after:,.4f}" in app.window.status.cost_label.text()
    # The second request carried the history without reasoning.
    body = [r for r in fake_server.requests if r.method == "POST"][-1].json()
    assert [m["role"] for m in body["messages"]] == ["user", "assistant", "user"]
    assert all(set(m) == {"role", "content"} for m in body["messages"])


def test_after_first_paint_checks_the_balance_or_asks_for_the_key(
    start_app: Callable[..., RunningApp], fake_server: FakeServer
) -> None:
    app = start_app()
    assert "unknown" in app.window.status.credits_label.text()
    app.window.after_first_paint()
    app.drive(lambda: "unknown" not in app.window.status.credits_label.text())
    assert f"{fake_server.credits:,.4f}" in app.window.status.credits_label.text()
    assert any(r.path.endswith("/get-user-credits") for r in fake_server.requests)
    assert app.window.key_dialog is None


def test_after_first_paint_without_a_key_opens_the_key_dialog(
    start_app: Callable[..., RunningApp], fake_server: FakeServer
) -> None:
    app = start_app(with_key=False)
    app.window.after_first_paint()
    app.drive(lambda: app.window.key_dialog is not None)
    assert app.window.key_dialog is not None and app.window.key_dialog.isVisible()
    assert not fake_server.requests  # nothing is sent without a key


def test_at_start_up_the_keyring_is_read_in_a_worker_thread(
    start_app: Callable[..., RunningApp], fake_server: FakeServer, memory_keyring: MemoryKeyring
) -> None:
    # Importing keyring, finding its backend and asking D-Bus held the GUI thread ~140 ms.
    memory_keyring.set_password("r1desk", "segmind", TEST_KEY)
    app = start_app(with_key=False, read_key=False)
    assert memory_keyring.readers == []  # building and painting the window read no key
    app.window.after_first_paint()
    app.drive(lambda: f"{fake_server.credits:,.4f}" in app.window.status.credits_label.text())
    assert memory_keyring.readers != []
    assert threading.main_thread().name not in memory_keyring.readers
    assert app.window.key_dialog is None


def test_the_sent_message_is_painted_before_the_request_is_built(
    qtbot: QtBot, start_app: Callable[..., RunningApp], monkeypatch: MonkeyPatch
) -> None:
    # Reading and encoding a long history took its own 5-10 ms in the same pass as the send.
    app = start_app()
    events: list[str] = []
    paint_event = ChatView.paintEvent
    build_request = ChatController._request

    def painting(view: ChatView, event: QPaintEvent) -> None:
        events.append("paint")
        paint_event(view, event)

    def building(controller: ChatController, conversation_id: int) -> Any:
        events.append("request")
        return build_request(controller, conversation_id)

    monkeypatch.setattr(ChatView, "paintEvent", painting)
    monkeypatch.setattr(ChatController, "_request", building)
    type_and_send(qtbot, app, "The first send makes the http client: a pass of its own")
    app.drive(reply_done(app))
    edit = app.window.chat.composer.edit
    qtbot.keyClicks(edit, "Paint me first")
    qtbot.wait(50)  # the typing painted
    events.clear()
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    app.drive(reply_done(app))
    assert "request" in events and "paint" in events[: events.index("request")]


def test_the_http_client_is_made_in_a_worker_thread(
    start_app: Callable[..., RunningApp], fake_server: FakeServer, monkeypatch: MonkeyPatch
) -> None:
    # httpx imports httpcore only when a client is made: ~17 ms on the GUI thread at start-up.
    made_on: list[str] = []
    make_http_client = api.make_http_client

    def recording(*args: Any, **kwargs: Any) -> httpx.AsyncClient:
        made_on.append(threading.current_thread().name)
        return make_http_client(*args, **kwargs)

    monkeypatch.setattr(api, "make_http_client", recording)
    app = start_app()
    app.window.after_first_paint()
    app.drive(lambda: f"{fake_server.credits:,.4f}" in app.window.status.credits_label.text())
    assert len(made_on) == 1 and made_on != [threading.main_thread().name]


def _started_on_a_local_server(
    start_app: Callable[..., RunningApp], fake_server: FakeServer, memory_keyring: MemoryKeyring
) -> RunningApp:
    """The app set to a custom OpenAI-compatible server, after its start-up keyring read."""
    app = start_app(with_key=False, read_key=False, override_base=False)
    local = app.ctx.providers.settings.replace(
        provider="custom", api_base=fake_server.openai_base_url, model="r1-local"
    )
    app.window.dialogs.apply_settings(local)
    app.window.after_first_paint()
    app.drive(lambda: memory_keyring.readers != [])
    return app


def test_a_local_servers_optional_key_is_read_in_a_worker_thread_too(
    qtbot: QtBot,
    start_app: Callable[..., RunningApp],
    fake_server: FakeServer,
    memory_keyring: MemoryKeyring,
) -> None:
    # The key of a llama.cpp or custom server is optional; it was read on the GUI thread at
    # the first send.
    memory_keyring.set_password("r1desk", "custom", TEST_KEY)
    fake_server.openai_requires_key = True
    app = _started_on_a_local_server(start_app, fake_server, memory_keyring)
    type_and_send(qtbot, app, "hello local")
    app.drive(reply_done(app))
    assert last_message(app).status is MessageStatus.COMPLETE
    assert fake_server.chat_requests()[-1].headers["authorization"] == f"Bearer {TEST_KEY}"
    assert threading.main_thread().name not in memory_keyring.readers


def test_an_unreadable_keyring_does_not_stop_a_server_that_needs_no_key(
    qtbot: QtBot,
    start_app: Callable[..., RunningApp],
    fake_server: FakeServer,
    memory_keyring: MemoryKeyring,
) -> None:
    memory_keyring.failure = RuntimeError("the keyring is locked")
    app = _started_on_a_local_server(start_app, fake_server, memory_keyring)
    reads = len(memory_keyring.readers)
    type_and_send(qtbot, app, "hello without a key")
    app.drive(reply_done(app))
    assert last_message(app).status is MessageStatus.COMPLETE
    assert "authorization" not in fake_server.chat_requests()[-1].headers
    assert len(memory_keyring.readers) == reads  # not asked again, on the GUI thread
    assert "keyring" not in app.window.status.currentMessage().lower()


def test_pressing_enter_waits_for_the_disk_once(
    qtbot: QtBot, start_app: Callable[..., RunningApp], fake_server: FakeServer
) -> None:
    # Each commit waits for an fsync, on the GUI thread: 10-30 ms each on a slow disk.
    app = start_app()
    edit = app.window.chat.composer.edit
    edit.setFocus()
    qtbot.keyClicks(edit, "one commit please")
    commits: list[str] = []
    app.ctx.repo._conn.set_trace_callback(lambda sql: sql == "COMMIT" and commits.append(sql))
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert app.ctx.chat.is_busy(app.window.current_id)  # type: ignore[arg-type]
    assert commits == ["COMMIT"]
    app.ctx.repo._conn.set_trace_callback(None)
    app.drive(reply_done(app))
    assert app.window.chat.view.messages()[0].content == "one commit please"


def test_a_message_that_cannot_be_saved_stays_in_the_box_with_a_reason(
    qtbot: QtBot, start_app: Callable[..., RunningApp], fake_server: FakeServer
) -> None:
    app = start_app()
    app.ctx.repo._conn.execute(  # SQLite refuses the insert as it does when the disk is full
        "CREATE TEMP TRIGGER full_disk BEFORE INSERT ON messages "
        "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
    )
    type_and_send(qtbot, app, "do not lose me")
    banner = app.window.chat.banner
    assert banner.isVisible()
    assert "could not be saved: the disk is full" in banner.label.text()
    assert "Free some disk space" in banner.label.text()
    assert banner.primary.text() == "Send again" and not banner.retry.isVisible()
    assert app.window.chat.composer.text == "do not lose me"
    assert app.window.chat.view.messages() == []
    assert not fake_server.chat_requests()  # nothing is asked for a message not stored

    app.ctx.repo._conn.execute("DROP TRIGGER full_disk")  # space was freed
    qtbot.mouseClick(banner.primary, Qt.MouseButton.LeftButton)
    app.drive(reply_done(app))
    assert not banner.isVisible()
    assert app.window.chat.view.messages()[0].content == "do not lose me"
    assert last_message(app).status is MessageStatus.COMPLETE
    assert app.window.chat.composer.text == ""


def _refuse_conversation_writes(app: RunningApp) -> None:
    app.ctx.repo._conn.execute(  # SQLite refuses the write as it does when the disk is full
        "CREATE TEMP TRIGGER full_disk BEFORE UPDATE ON conversations "
        "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
    )


def test_renaming_or_deleting_on_a_full_disk_says_so_and_changes_nothing(
    start_app: Callable[..., RunningApp],
) -> None:
    app = start_app()
    w = app.window
    cid = w.current_id
    assert cid is not None
    w.conversation_ops.apply_rename(cid, "Before")
    _refuse_conversation_writes(app)

    w.conversation_ops.apply_rename(cid, "After")
    assert "Could not rename the conversation: the disk is full" in w.status.currentMessage()
    assert app.ctx.repo.get_conversation(cid, with_messages=False).title == "Before"

    w.status.clearMessage()
    w.conversation_ops.delete_conversation(cid)
    assert "Could not delete the conversation: the disk is full" in w.status.currentMessage()
    assert w.current_id == cid and w.undo_button.isHidden()
    assert [c.id for c in app.ctx.repo.list_conversations()] == [cid]
    w.chat.composer.edit.setPlainText("a draft")  # saved when typing pauses
    app.drive(lambda: "Could not save the draft: the disk is full" in w.status.currentMessage())
    assert w.chat.composer.text == "a draft"

    app.ctx.repo._conn.execute("DROP TRIGGER full_disk")
    w.conversation_ops.delete_conversation(cid)
    assert not w.undo_button.isHidden()
    _refuse_conversation_writes(app)
    w.conversation_ops.undo_delete()
    assert "Could not restore the conversation" in w.status.currentMessage()
    app.ctx.repo._conn.execute("DROP TRIGGER full_disk")
    w.conversation_ops.undo_delete()  # Ctrl+Z again, once there is space
    assert cid in [c.id for c in app.ctx.repo.list_conversations()]


def test_a_refused_delete_leaves_a_running_reply_running(
    qtbot: QtBot, start_app: Callable[..., RunningApp], fake_server: FakeServer
) -> None:
    app = start_app()
    fake_server.hold()
    type_and_send(qtbot, app, "keep thinking")
    cid = app.window.current_id
    assert cid is not None and app.ctx.chat.is_busy(cid)
    _refuse_conversation_writes(app)
    app.window.conversation_ops.delete_conversation(cid)
    assert "Could not delete the conversation" in app.window.status.currentMessage()
    qtbot.wait(100)
    assert app.ctx.chat.is_busy(cid)  # not stopped for a delete that did not happen
    app.ctx.repo._conn.execute("DROP TRIGGER full_disk")
    fake_server.release()
    app.drive(reply_done(app))
    assert last_message(app).status is MessageStatus.COMPLETE


def test_a_reply_that_cannot_be_saved_is_still_shown_and_says_why(
    qtbot: QtBot, start_app: Callable[..., RunningApp], fake_server: FakeServer
) -> None:
    app = start_app()
    app.ctx.repo._conn.execute(  # the disk fills up while R1 thinks: the final write fails
        "CREATE TEMP TRIGGER full_disk BEFORE UPDATE ON messages WHEN NEW.status != 'pending' "
        "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
    )
    type_and_send(qtbot, app, "an answer please")
    cid = app.window.current_id
    assert cid is not None
    app.drive(lambda: not app.ctx.chat.is_busy(cid))
    reply = last_message(app)
    assert reply.status is MessageStatus.COMPLETE and "an answer please" in reply.content
    banner = app.window.chat.banner
    assert banner.isVisible()
    assert "The reply could not be saved: the disk is full" in banner.label.text()
    assert app.window.chat.composer.button.text() == "Send"  # not stuck on "Stop"
