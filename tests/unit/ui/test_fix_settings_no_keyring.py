"""Settings without a keyring: said once, for this OS, before OK, fully visible; one OK closes."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import keyring
import pytest
from keyring.backends import fail
from keyring.errors import KeyringError
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from r1desk.secrets import KeySource, KeyStore
from r1desk.settings import Settings
from r1desk.ui.settings_dialog import SettingsDialog
from tests.unit.memory_keyring import MemoryKeyring

OTHER_SYSTEMS = ("macOS", "Windows", "Keychain", "Credential Manager")


class LockedKeyring(MemoryKeyring):
    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringError("the collection is locked")


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(request.param())
    try:
        yield
    finally:
        keyring.set_keyring(previous)


def open_dialog(qtbot: QtBot, store: KeyStore) -> SettingsDialog:
    dialog = SettingsDialog(Settings(), store)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    return dialog


def shown_whole(qtbot: QtBot, label: QLabel) -> None:
    """Every line of the word-wrapped label fits in the height it was given."""
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()))
    assert label.heightForWidth(label.width()) > label.fontMetrics().height()  # wrapped


@pytest.mark.parametrize("backend", [fail.Keyring], indirect=True)
def test_without_a_keyring_one_ok_keeps_the_key_for_this_session(
    qtbot: QtBot, backend: None
) -> None:
    store = KeyStore(environ={})
    dialog = open_dialog(qtbot, store)
    status = dialog.key_editor.status

    qtbot.keyClicks(dialog.key_editor.field, "sk-session-only")

    text = status.text()  # told before OK, not after
    assert text.startswith("No system keyring is available")
    assert text.count("session only") == 1
    assert "sk-session-only" not in text
    if sys.platform.startswith("linux"):
        assert not any(name in text for name in OTHER_SYSTEMS), text
    shown_whole(qtbot, status)

    with qtbot.waitSignal(dialog.settings_accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()  # one OK
    assert store.get_key("segmind") == "sk-session-only"
    assert store.key_source("segmind") is KeySource.SESSION


@pytest.mark.parametrize("backend", [LockedKeyring], indirect=True)
def test_a_keyring_that_fails_on_ok_says_so_once_and_whole(qtbot: QtBot, backend: None) -> None:
    store = KeyStore(environ={})
    dialog = open_dialog(qtbot, store)
    status = dialog.key_editor.status
    qtbot.keyClicks(dialog.key_editor.field, "sk-locked")
    assert status.text() == "The new key will be saved in your system keyring when you press OK."

    with qtbot.assertNotEmitted(dialog.settings_accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    text = status.text()
    assert "the collection is locked" in text
    assert text.count("session only") == 1, text
    if sys.platform.startswith("linux"):
        assert not any(name in text for name in OTHER_SYSTEMS), text
    shown_whole(qtbot, status)
    assert store.get_key("segmind") == "sk-locked"
    with qtbot.waitSignal(dialog.settings_accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


@pytest.mark.parametrize("backend", [fail.Keyring], indirect=True)
def test_a_short_status_gives_the_room_back(qtbot: QtBot, backend: None) -> None:
    dialog = open_dialog(qtbot, KeyStore(environ={}))
    status = dialog.key_editor.status
    qtbot.keyClicks(dialog.key_editor.field, "sk-x")
    shown_whole(qtbot, status)
    dialog.key_editor.field.clear()
    qtbot.waitUntil(lambda: status.minimumHeight() <= status.fontMetrics().height() + 4)
    assert status.text() == "No key is saved."
