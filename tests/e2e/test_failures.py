"""Every API failure: a specific message, the user's words kept, one click to the next step."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from keyring.errors import KeyringLocked
from pytestqt.qtbot import QtBot

from r1desk.domain import MessageStatus, Role
from r1desk.services.failures import NextAction
from tests.e2e.conftest import TEST_KEY, RunningApp
from tests.e2e.test_chat_flow import last_message, reply_done, type_and_send
from tests.fakes.models import FakeResponse
from tests.fakes.server import FakeServer
from tests.unit.memory_keyring import MemoryKeyring

CASES = {
    "401": (FakeResponse(status=401), NextAction.ENTER_KEY, "key"),
    "404": (FakeResponse(status=404), NextAction.OPEN_SETTINGS, "not found"),
    "405": (FakeResponse(status=405), NextAction.OPEN_SETTINGS, "method"),
    "406": (FakeResponse(status=406), NextAction.TOP_UP, "credits"),
    "429": (FakeResponse(status=429), NextAction.RETRY, "many requests"),
    "500": (FakeResponse(status=500), NextAction.RETRY, "server"),
    "502-html": (FakeResponse(status=502, html=True), NextAction.RETRY, "server"),
    "dropped": (FakeResponse(drop=True), NextAction.RETRY, "connection"),
    "not-json": (FakeResponse(body="{not json"), NextAction.OPEN_SETTINGS, "not valid json"),
}


@pytest.mark.parametrize("case", CASES)
def test_failure_keeps_message_and_offers_next_step(
    qtbot: QtBot,
    start_app: Callable[..., RunningApp],
    fake_server: FakeServer,
    case: str,
) -> None:
    response, action, words = CASES[case]
    app = start_app()
    fake_server.queue(response)
    trigger = f"question that meets {case}"
    type_and_send(qtbot, app, trigger)
    app.drive(reply_done(app))
    banner = app.window.chat.banner
    app.drive(banner.isVisible)
    assert banner.failure is not None and banner.failure.action is action
    if action is NextAction.OPEN_SETTINGS:  # what the next step names, with Retry beside it
        assert banner.primary.text() == "Open settings…" and banner.retry.isVisibleTo(banner)
    text = banner.label.text()
    assert words in text.lower(), text
    assert "<html" not in text.lower() and "<body" not in text.lower()

    # The user's message is stored; the failed reply says why, in the chat and in the file.
    cid = app.window.current_id
    assert cid is not None
    stored = app.ctx.repo.messages(cid)
    assert stored[0].role is Role.USER and stored[0].content == trigger
    assert stored[-1].status is MessageStatus.FAILED and stored[-1].error
    assert last_message(app).status is MessageStatus.FAILED

    # The next request works: one click on Retry (the server now answers normally).
    app.window.chat.view.action_requested.emit("retry", last_message(app))
    app.drive(lambda: reply_done(app)() and last_message(app).status is MessageStatus.COMPLETE)
    assert not banner.isVisible()
    assert [m.role for m in app.ctx.repo.messages(cid)] == [Role.USER, Role.ASSISTANT]


def test_missing_key_asks_for_it_and_keeps_the_message(
    qtbot: QtBot, start_app: Callable[..., RunningApp]
) -> None:
    app = start_app(with_key=False)
    type_and_send(qtbot, app, "hello without a key")
    app.drive(app.window.chat.banner.isVisible)
    banner = app.window.chat.banner
    assert banner.failure is not None and banner.failure.action is NextAction.ENTER_KEY
    qtbot.mouseClick(banner.primary, __import__("PySide6.QtCore").QtCore.Qt.MouseButton.LeftButton)
    dialog = app.window.key_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.field.setText("test-key")
    dialog.save_button.click()
    assert app.ctx.keys.get_key("segmind") == "test-key"
    banner.retry.click()
    app.drive(lambda: last_message(app).status is MessageStatus.COMPLETE)
    assert "hello without a key" in last_message(app).content


def test_a_locked_keyring_is_named_at_start_up_and_when_sending(
    qtbot: QtBot,
    start_app: Callable[..., RunningApp],
    fake_server: FakeServer,
    memory_keyring: MemoryKeyring,
) -> None:
    memory_keyring.set_password("r1desk", "segmind", TEST_KEY)
    memory_keyring.failure = KeyringLocked("Collection is locked")
    app = start_app(with_key=False, read_key=False)
    app.window.after_first_paint()
    app.drive(lambda: "keyring" in app.window.status.currentMessage())
    assert app.window.status.currentMessage() == (
        "Could not read the API key from the keyring: Collection is locked"
    )
    assert app.window.key_dialog is None  # a locked keyring is not a missing key
    assert not fake_server.requests

    type_and_send(qtbot, app, "a question while the keyring is locked")
    app.drive(reply_done(app))
    banner = app.window.chat.banner
    app.drive(banner.isVisible)
    assert banner.failure is not None and banner.failure.action is NextAction.RETRY
    text = banner.label.text()
    assert "keyring" in text and "Collection is locked" in text and "Retry" in text, text
    assert "unexpected" not in text.lower()

    memory_keyring.failure = None  # the user unlocked it; one click on Retry sends
    app.window.chat.view.action_requested.emit("retry", last_message(app))
    app.drive(lambda: reply_done(app)() and last_message(app).status is MessageStatus.COMPLETE)
