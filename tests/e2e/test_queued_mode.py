"""Segmind's queued mode: a reply that outlives the gateway still arrives, and can be stopped."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from r1desk.domain import MessageStatus, Role
from r1desk.paths import AppPaths
from r1desk.services import chat_controller
from r1desk.services.failures import NextAction
from tests.e2e.conftest import RunningApp
from tests.e2e.test_chat_flow import last_message, reply_done, type_and_send
from tests.fakes.server import FakeServer


@pytest.fixture(autouse=True)
def quick_polls(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chat_controller, "QUEUED_POLL_INTERVAL_S", 0.25)


def pending_shows(app: RunningApp, text: str) -> Callable[[], bool]:
    def shown() -> bool:
        message = last_message(app)
        return message.status is MessageStatus.PENDING and message.error == text

    return shown


def test_gateway_timeout_offers_queued_mode_and_the_reply_arrives(
    qtbot: QtBot, start_app: Callable[..., RunningApp], fake_server: FakeServer
) -> None:
    app = start_app()
    fake_server.queued_polls = 4
    type_and_send(qtbot, app, "!timeout think this through")
    app.drive(reply_done(app))
    banner = app.window.chat.banner
    app.drive(banner.isVisible)
    assert banner.failure is not None and banner.failure.action is NextAction.RETRY_QUEUED
    assert banner.primary.text() == "Retry in queued mode"
    text = banner.label.text()
    assert "longer than the gateway allows" in text and "without that time limit" in text
    assert "504" in text and "<html" not in text.lower()
    assert last_message(app).status is MessageStatus.FAILED

    qtbot.mouseClick(banner.primary, Qt.MouseButton.LeftButton)
    assert not banner.isVisible()
    # The pending row says where the queued request is, as Segmind reports it.
    app.drive(pending_shows(app, "Queued…"))
    app.drive(pending_shows(app, "Processing…"))
    app.drive(lambda: last_message(app).status is MessageStatus.COMPLETE)

    cid = app.window.current_id
    assert cid is not None
    stored = app.ctx.repo.messages(cid)
    assert [m.role for m in stored] == [Role.USER, Role.ASSISTANT]  # the failed try is gone
    reply = stored[-1]
    assert reply.status is MessageStatus.COMPLETE and reply.error == ""
    assert "think this through" in reply.content and reply.reasoning
    assert reply.credits_after == pytest.approx(fake_server.credits)
    app.drive(lambda: f"{fake_server.credits:,.4f}" in app.window.status.credits_label.text())
    posts = [r.path for r in fake_server.chat_requests()]
    assert posts == ["/v1/deepseek-reasoner", "/v2/deepseek-reasoner"]
    assert len(fake_server.status_polls()) == fake_server.queued_polls + 1


def write_settings(tmp_path: Path, **values: object) -> Path:
    data_dir = tmp_path / "data"
    paths = AppPaths.for_data_dir(data_dir).ensure()
    paths.settings_file.write_text(json.dumps({"version": 1, **values}), encoding="utf-8")
    return data_dir


def test_always_mode_goes_straight_to_the_queue_and_esc_stops_it(
    qtbot: QtBot, start_app: Callable[..., RunningApp], fake_server: FakeServer, tmp_path: Path
) -> None:
    app = start_app(data_dir=write_settings(tmp_path, segmind_queued_mode="always"))
    assert app.ctx.providers.settings.segmind_queued_mode == "always"
    fake_server.queued_polls = 2
    type_and_send(qtbot, app, "a long question")
    app.drive(lambda: last_message(app).status is MessageStatus.COMPLETE)
    assert [r.path for r in fake_server.chat_requests()] == ["/v2/deepseek-reasoner"]
    assert "a long question" in last_message(app).content

    # A queued reply is stopped like any other: Esc, and the polling ends at once.
    fake_server.queued_polls = 100_000
    type_and_send(qtbot, app, "never finishes")
    app.drive(pending_shows(app, "Queued…"))
    qtbot.keyClick(app.window.chat.composer.edit, Qt.Key.Key_Escape)
    app.drive(reply_done(app))
    reply = last_message(app)
    assert reply.status is MessageStatus.INTERRUPTED and "stopped" in reply.error.lower()
    polls = len(fake_server.status_polls())
    qtbot.wait(600)
    assert len(fake_server.status_polls()) == polls
    assert not app.window.chat.banner.isVisible()


def test_never_mode_offers_a_plain_retry(
    qtbot: QtBot, start_app: Callable[..., RunningApp], fake_server: FakeServer, tmp_path: Path
) -> None:
    app = start_app(data_dir=write_settings(tmp_path, segmind_queued_mode="never"))
    type_and_send(qtbot, app, "!timeout once more")
    app.drive(app.window.chat.banner.isVisible)
    failure = app.window.chat.banner.failure
    assert failure is not None and failure.action is NextAction.RETRY
    assert all(not r.path.startswith("/v2/") for r in fake_server.requests)
