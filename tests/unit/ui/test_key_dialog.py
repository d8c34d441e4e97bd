"""The key dialog: masked entry, show toggle, and an honest session-only mode without a keyring."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from r1desk.secrets import KeySource, KeyStore
from r1desk.ui.key_dialog import KeyDialog


@pytest.fixture
def no_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)


def test_key_is_masked_until_shown_and_save_needs_text(qtbot: QtBot) -> None:
    dialog = KeyDialog("Segmind", keyring_available=True, has_saved_key=True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.remove_button.isVisible()
    assert dialog.field.echoMode() is QLineEdit.EchoMode.Password
    assert not dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.field, "sk-123")
    assert dialog.save_button.isEnabled()
    dialog.show_key.setChecked(True)
    assert dialog.field.echoMode() is QLineEdit.EchoMode.Normal
    assert not dialog.session_only.isChecked() and dialog.session_only.isEnabled()


def test_without_a_keyring_the_key_is_for_this_session_only(qtbot: QtBot, no_keyring: None) -> None:
    keys = KeyStore(environ={})
    assert not keys.backend_available()
    dialog = KeyDialog("Segmind", keyring_available=keys.backend_available())
    qtbot.addWidget(dialog)
    assert dialog.session_only.isChecked() and not dialog.session_only.isEnabled()
    dialog.show()
    assert not dialog.remove_button.isVisible()  # nothing saved, nothing to remove
    entered: list[tuple[str, bool]] = []
    dialog.key_entered.connect(lambda key, session: entered.append((key, session)))
    qtbot.keyClicks(dialog.field, "sk-session")
    dialog.save_button.click()
    assert entered == [("sk-session", True)]
    assert dialog.field.text() == ""  # not left behind in the widget
    keys.set_session_key("segmind", entered[0][0])
    assert keys.get_key("segmind") == "sk-session"
    assert keys.key_source("segmind") is KeySource.SESSION
