"""A wrong key in SEGMIND_API_KEY: the key the user then enters is the one used from then on."""

from __future__ import annotations

import logging
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

import tests.e2e.conftest as e2e
from r1desk.domain import MessageStatus, Role
from r1desk.secrets import KeySource, KeyStore
from r1desk.services.failures import NextAction
from tests.e2e.conftest import TEST_KEY, RunningApp
from tests.e2e.test_chat_flow import last_message, reply_done, type_and_send
from tests.fakes.server import FakeServer
from tests.unit.memory_keyring import MemoryKeyring

WRONG_KEY = "wrong-env-key-0123"


def test_the_key_entered_after_a_401_replaces_the_environment_key(
    qtbot: QtBot,
    start_app: Callable[..., RunningApp],
    fake_server: FakeServer,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    # r1desk started with a wrong SEGMIND_API_KEY (app.py hands it to the KeyStore this way).
    monkeypatch.setattr(
        e2e, "KeyStore", lambda environ=None: KeyStore(environ={"SEGMIND_API_KEY": WRONG_KEY})
    )
    app = start_app(with_key=False)
    assert app.ctx.keys.key_source("segmind") is KeySource.ENVIRONMENT

    type_and_send(qtbot, app, "a question with the wrong key")
    app.drive(reply_done(app))
    banner = app.window.chat.banner
    app.drive(banner.isVisible)
    assert banner.failure is not None and banner.failure.action is NextAction.ENTER_KEY

    qtbot.mouseClick(banner.primary, Qt.MouseButton.LeftButton)
    dialog = app.window.key_dialog
    assert dialog is not None and dialog.isVisible()
    note = dialog.environment_note
    assert note.isVisible()
    assert "$SEGMIND_API_KEY" in note.text() and "used instead until you quit" in note.text()
    assert not dialog.remove_button.isVisible()  # nothing is saved that it could remove
    qtbot.keyClicks(dialog.field, TEST_KEY)
    dialog.save_button.click()

    assert memory_keyring.entries == {("r1desk", "segmind"): TEST_KEY}  # saved as usual
    assert app.ctx.keys.key_source("segmind") is KeySource.KEYRING

    banner.retry.click()
    app.drive(lambda: reply_done(app)() and last_message(app).status is MessageStatus.COMPLETE)
    assert fake_server.chat_requests()[-1].headers["x-api-key"] == TEST_KEY
    cid = app.window.current_id
    assert cid is not None
    assert [m.role for m in app.ctx.repo.messages(cid)] == [Role.USER, Role.ASSISTANT]
    assert TEST_KEY not in caplog.text and WRONG_KEY not in caplog.text
