"""Validation reasons and test results from below the UI appear in the UI's language."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from r1desk.secrets import KeyStore
from r1desk.settings import Settings, validate_temperature
from r1desk.texts import QT_TRANSLATE_NOOP
from r1desk.ui.i18n import error_text, install_translators, translated
from r1desk.ui.settings_dialog import SettingsDialog
from tests.unit.memory_keyring import MemoryKeyring


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    assert install_translators(qapp, "zh_CN") == "zh_CN"
    yield
    install_translators(qapp, "en")


@pytest.mark.usefixtures("chinese")
def test_settings_dialog_explains_a_bad_value_in_chinese(
    qtbot: QtBot, memory_keyring: MemoryKeyring
) -> None:
    dialog = SettingsDialog(Settings(), KeyStore(environ={}))
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.temperature.setText("hot")
    dialog.api_base.setText("ftp://example.com")
    assert dialog._errors["temperature"].text() == "温度必须是数字。"
    assert dialog._errors["api_base"].text() == "API 地址必须以 http:// 或 https:// 开头。"
    assert not dialog.ok_button.isEnabled()
    assert validate_temperature("hot") == "Temperature must be a number."  # logs stay English


@pytest.mark.usefixtures("chinese")
def test_connection_results_and_errors_are_translated() -> None:
    text = QT_TRANSLATE_NOOP("ConnectionTest", "Connected. {count} models available.")
    assert translated(text.format(count=3)) == "已连接。有 3 个可用模型。"
    assert translated("words from the server") == "words from the server"
    error = FileExistsError(QT_TRANSLATE_NOOP("Import", "empty uid"))
    assert error_text(error) == "uid 为空"
    assert error_text(OSError("disk full")) == "disk full"
