"""Errors made below the UI are shown in the UI's language: the banner, the card, the file."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from r1desk.domain import MessageStatus
from r1desk.ui.i18n import install_translators
from tests.e2e.conftest import TEST_KEY, RunningApp
from tests.e2e.test_chat_flow import reply_done, type_and_send


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    yield
    install_translators(qapp, "en")


def fail_in_chinese(
    qtbot: QtBot, qapp: QApplication, start_app: Callable[..., RunningApp], trigger: str
) -> tuple[str, str]:
    """(the banner's text, the failed reply's stored error) for a message that fails."""
    app = start_app()
    assert install_translators(qapp, "zh_CN") == "zh_CN"
    type_and_send(qtbot, app, trigger)
    app.drive(reply_done(app))
    banner = app.window.chat.banner
    app.drive(banner.isVisible)
    cid = app.window.current_id
    assert cid is not None
    failed = app.ctx.repo.messages(cid)[-1]
    assert failed.status is MessageStatus.FAILED
    return banner.label.text(), failed.error


@pytest.mark.usefixtures("chinese")
def test_a_refused_key_is_explained_in_chinese(
    qtbot: QtBot, qapp: QApplication, start_app: Callable[..., RunningApp]
) -> None:
    banner, stored = fail_in_chinese(qtbot, qapp, start_app, "!status 401")
    assert banner.startswith("API 密钥被拒绝（HTTP 401 Unauthorized）"), banner
    assert banner.endswith("请在设置中重新输入 API 密钥。"), banner
    assert "The API key was refused" not in banner and "Settings" not in banner
    assert stored == banner  # the card and the database say it as the user read it
    assert TEST_KEY not in banner


@pytest.mark.usefixtures("chinese")
def test_a_rate_limit_says_how_long_to_wait_in_chinese(
    qtbot: QtBot, qapp: QApplication, start_app: Callable[..., RunningApp]
) -> None:
    banner, _stored = fail_in_chinese(qtbot, qapp, start_app, "!status 429")
    assert banner.startswith("服务商正在限制请求（HTTP 429 Too Many Requests）"), banner
    assert banner.endswith("请等待 12 秒 后重试。"), banner  # the server's retry-after: 12
    assert "Wait" not in banner and "retry" not in banner
