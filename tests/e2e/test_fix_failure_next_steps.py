"""After a 406 or a 5xx the composer is empty: the error must not claim a draft is kept."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from r1desk import api
from r1desk.domain import MessageStatus, Role
from tests.e2e.conftest import RunningApp
from tests.e2e.test_chat_flow import last_message, reply_done, type_and_send
from tests.fakes.models import FakeResponse
from tests.fakes.server import FakeServer

CASES = {
    "406": (
        FakeResponse(status=406),
        "Top up your credits at https://cloud.segmind.com, then retry.",
    ),
    "500": (FakeResponse(status=500), "Retry in a moment."),
    "502-html": (FakeResponse(status=502, html=True), "Retry in a moment."),
}


@pytest.mark.parametrize("case", CASES)
def test_the_next_step_is_true_once_the_message_was_sent(
    qtbot: QtBot, start_app: Callable[..., RunningApp], fake_server: FakeServer, case: str
) -> None:
    response, next_step = CASES[case]
    app = start_app()
    fake_server.queue(response)
    type_and_send(qtbot, app, f"a question that meets {case}")
    app.drive(reply_done(app))
    banner = app.window.chat.banner
    app.drive(banner.isVisible)

    text = banner.label.text()
    assert text.endswith(next_step), text
    assert "draft" not in text.lower()
    assert app.window.chat.composer.edit.toPlainText() == ""  # indeed, no draft is left
    assert banner.retry.isVisible() or banner.primary.text() == "Retry"
    cid = app.window.current_id
    assert cid is not None
    stored = app.ctx.repo.messages(cid)
    assert stored[0].role is Role.USER and last_message(app).status is MessageStatus.FAILED


def _subclasses(cls: type[api.ApiError]) -> list[type[api.ApiError]]:
    found = [cls]
    for sub in cls.__subclasses__():
        found += _subclasses(sub)
    return found


def test_no_api_error_promises_a_draft() -> None:
    for cls in _subclasses(api.ApiError):
        assert "draft" not in cls.default_next_step.lower(), cls.__name__
