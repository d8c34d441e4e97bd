"""The settings dialog, driven like a user would: typing, clicking, reading labels."""

from __future__ import annotations

from collections.abc import Callable

import keyring
import pytest
from keyring.errors import KeyringError
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox
from pytestqt.qtbot import QtBot

from r1desk.secrets import KeySource, KeyStore
from r1desk.settings import PRESETS, Settings
from r1desk.ui.settings_dialog import SettingsDialog
from tests.unit.memory_keyring import MemoryKeyring


class LockedKeyring(MemoryKeyring):
    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringError("the collection is locked")


@pytest.fixture
def keys(memory_keyring: MemoryKeyring) -> KeyStore:
    return KeyStore(environ={})


MakeDialog = Callable[..., SettingsDialog]


@pytest.fixture
def make(qtbot: QtBot, keys: KeyStore) -> MakeDialog:
    def build(settings: Settings | None = None, store: KeyStore = keys) -> SettingsDialog:
        dialog = SettingsDialog(settings or Settings(), store)
        qtbot.addWidget(dialog)
        dialog.open()
        return dialog

    return build


def accepted(qtbot: QtBot, dialog: SettingsDialog) -> Settings:
    with qtbot.waitSignal(dialog.settings_accepted) as signal:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    result = signal.args[0]
    assert isinstance(result, Settings)
    return result


def tick(qtbot: QtBot, box: QCheckBox) -> None:
    """Click the check box's indicator, where a user clicks."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def choose_provider(dialog: SettingsDialog, name: str) -> None:
    dialog.provider.setCurrentIndex(list(PRESETS).index(name))


def test_shows_the_current_settings_and_preset_placeholders(make: MakeDialog) -> None:
    dialog = make(Settings(temperature=0.6, max_tokens=4096, theme="dark", font_size=13))
    assert dialog.provider.currentText() == "Segmind"
    assert dialog.api_base.placeholderText() == "https://api.segmind.com/v1"
    assert dialog.model.placeholderText() == "deepseek-reasoner"
    assert (dialog.temperature.text(), dialog.max_tokens.text()) == ("0.6", "4096")
    assert dialog.top_p.text() == ""
    assert dialog.top_p.placeholderText().startswith("Not set")
    assert (dialog.theme.currentText(), dialog.font_size.text()) == ("Dark", "13")
    assert dialog.ok_button.isEnabled()


def test_ok_without_changes_gives_back_the_same_settings(qtbot: QtBot, make: MakeDialog) -> None:
    original = Settings(temperature=0.0, top_p=0.95, system_prompt="Be brief.")
    assert accepted(qtbot, make(original)) == original


def test_edited_values_come_back_as_typed_settings(qtbot: QtBot, make: MakeDialog) -> None:
    dialog = make()
    qtbot.keyClicks(dialog.model, "deepseek-chat")
    qtbot.keyClicks(dialog.max_tokens, "2048")
    qtbot.keyClicks(dialog.temperature, "0,7")
    qtbot.keyClicks(dialog.system_prompt, "Answer in French.")
    tick(qtbot, dialog.reasoning_expanded)
    dialog.theme.setCurrentIndex(dialog.theme.findText("Light"))
    qtbot.keyClicks(dialog.font_size, "15")
    result = accepted(qtbot, dialog)
    assert result == Settings(
        model="deepseek-chat",
        max_tokens=2048,
        temperature=0.7,
        system_prompt="Answer in French.",
        reasoning_expanded=True,
        theme="light",
        font_size=15,
    )
    assert result.top_p is None  # never set, so never sent


def test_an_address_that_is_not_http_is_refused_as_you_type(qtbot: QtBot, make: MakeDialog) -> None:
    dialog = make()
    problem = dialog._errors["api_base"]
    qtbot.keyClicks(dialog.api_base, "ftp://example.com")
    assert problem.isVisible()
    assert problem.text() == "The API address must start with http:// or https://."
    assert not dialog.ok_button.isEnabled()
    assert not dialog.test_button.isEnabled()
    dialog.api_base.clear()
    qtbot.keyClicks(dialog.api_base, "https://example.com/v1")
    assert not problem.isVisible()
    assert dialog.ok_button.isEnabled()
    assert accepted(qtbot, dialog).api_base == "https://example.com/v1"


@pytest.mark.parametrize(
    ("field", "typed", "reason"),
    [
        ("temperature", "3", "Temperature must be between 0 and 2."),
        ("temperature", "warm", "Temperature must be a number."),
        ("top_p", "1.5", "Top-p must be between 0 and 1."),
        ("max_tokens", "0", "Max tokens must be between 1 and 10,000,000."),
        ("max_tokens", "1.5", "Max tokens must be a whole number."),
        ("font_size", "200", "The font size must be a whole number from 6 to 72."),
        ("model", "deepseek r1", "Use only letters, digits"),
    ],
)
def test_invalid_values_show_the_reason_and_disable_ok(
    qtbot: QtBot, make: MakeDialog, field: str, typed: str, reason: str
) -> None:
    dialog = make()
    qtbot.keyClicks(getattr(dialog, field), typed)
    assert dialog._errors[field].text().startswith(reason)
    assert dialog._errors[field].isVisible()
    assert not dialog.ok_button.isEnabled()
    getattr(dialog, field).clear()  # empty means "not set", which is always fine
    assert dialog.ok_button.isEnabled()


def test_switching_provider_updates_placeholders_and_remembers_each_address(
    qtbot: QtBot, make: MakeDialog
) -> None:
    dialog = make(Settings(api_base="https://proxy.example/v1"))
    choose_provider(dialog, "ollama")
    assert dialog.api_base.text() == ""
    assert dialog.api_base.placeholderText() == "http://localhost:11434/v1"
    assert dialog.model.placeholderText() == "deepseek-r1"
    assert not dialog.key_editor.isVisible()  # Ollama takes no key
    choose_provider(dialog, "segmind")
    assert dialog.api_base.text() == "https://proxy.example/v1"
    assert dialog.key_editor.isVisible()
    choose_provider(dialog, "deepseek")
    assert accepted(qtbot, dialog) == Settings(provider="deepseek")


def test_custom_provider_needs_an_address_and_a_model(qtbot: QtBot, make: MakeDialog) -> None:
    dialog = make()
    choose_provider(dialog, "custom")
    assert dialog._errors["api_base"].text() == "Enter the API address of your provider."
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.api_base, "http://10.0.0.5:8000/v1")
    assert dialog._errors["model"].text() == "Enter the model name your provider expects."
    qtbot.keyClicks(dialog.model, "org/R1-Distill")
    assert dialog.ok_button.isEnabled()
    result = accepted(qtbot, dialog)
    assert (result.provider, result.model) == ("custom", "org/R1-Distill")


def test_key_is_masked_and_saved_to_the_keyring_only_on_ok(
    qtbot: QtBot, make: MakeDialog, keys: KeyStore, memory_keyring: MemoryKeyring
) -> None:
    dialog = make()
    editor = dialog.key_editor
    assert editor.status.text() == "No key is saved."
    qtbot.keyClicks(editor.field, "  sk-new-key ")
    assert editor.field.displayText() != "  sk-new-key "
    tick(qtbot, editor.show_key)
    assert editor.field.displayText() == "  sk-new-key "
    assert "will be saved" in editor.status.text()
    assert memory_keyring.entries == {}
    accepted(qtbot, dialog)
    assert memory_keyring.entries == {("r1desk", "segmind"): "sk-new-key"}


def test_cancel_forgets_a_typed_key(
    qtbot: QtBot, make: MakeDialog, memory_keyring: MemoryKeyring
) -> None:
    dialog = make()
    qtbot.keyClicks(dialog.key_editor.field, "sk-typo")
    with qtbot.assertNotEmitted(dialog.settings_accepted):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert memory_keyring.entries == {}


def test_each_provider_keeps_its_own_key(
    qtbot: QtBot, make: MakeDialog, memory_keyring: MemoryKeyring
) -> None:
    dialog = make()
    qtbot.keyClicks(dialog.key_editor.field, "seg-key")
    choose_provider(dialog, "deepseek")
    assert dialog.key_editor.field.text() == ""
    qtbot.keyClicks(dialog.key_editor.field, "ds-key")
    choose_provider(dialog, "segmind")
    assert dialog.key_editor.field.text() == "seg-key"
    accepted(qtbot, dialog)
    assert memory_keyring.entries == {
        ("r1desk", "segmind"): "seg-key",
        ("r1desk", "deepseek"): "ds-key",
    }


def test_remove_key_deletes_it_on_ok(
    qtbot: QtBot, make: MakeDialog, keys: KeyStore, memory_keyring: MemoryKeyring
) -> None:
    keys.set_key("segmind", "old-key")
    dialog = make()
    editor = dialog.key_editor
    assert editor.status.text().startswith("A key is saved in your system keyring.")
    assert editor.remove.isEnabled()
    qtbot.mouseClick(editor.remove, Qt.MouseButton.LeftButton)
    assert editor.status.text() == "The saved key will be removed when you press OK."
    assert not editor.remove.isEnabled()
    assert memory_keyring.entries  # nothing happens before OK
    accepted(qtbot, dialog)
    assert memory_keyring.entries == {}
    assert keys.key_source("segmind") == KeySource.NONE


def test_a_key_with_spaces_inside_is_refused(qtbot: QtBot, make: MakeDialog) -> None:
    dialog = make()
    qtbot.keyClicks(dialog.key_editor.field, "sk one")
    assert dialog.key_editor.status.text().startswith("The API key must not contain spaces")
    assert not dialog.ok_button.isEnabled()


def test_environment_key_is_reported(make: MakeDialog) -> None:
    dialog = make(store=KeyStore(environ={"SEGMIND_API_KEY": "env-key"}))
    assert dialog.key_editor.status.text() == "Using the key from $SEGMIND_API_KEY."


def test_locked_keyring_keeps_the_key_for_this_session(qtbot: QtBot) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(LockedKeyring())
    try:
        store = KeyStore(environ={})
        dialog = SettingsDialog(Settings(), store)
        qtbot.addWidget(dialog)
        dialog.open()
        qtbot.keyClicks(dialog.key_editor.field, "sk-session")
        with qtbot.assertNotEmitted(dialog.settings_accepted):
            qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        status = dialog.key_editor.status.text()
        assert "Your system keyring is not available" in status
        assert "sk-session" not in status
        assert dialog.isVisible()
        assert store.get_key("segmind") == "sk-session"
        assert accepted(qtbot, dialog) == Settings()  # OK again closes
    finally:
        keyring.set_keyring(previous)


def test_test_connection_sends_the_form_and_shows_the_result(
    qtbot: QtBot, make: MakeDialog, keys: KeyStore
) -> None:
    keys.set_key("deepseek", "stored-ds-key")
    dialog = make()
    choose_provider(dialog, "deepseek")
    qtbot.keyClicks(dialog.model, "deepseek-chat")
    with qtbot.waitSignal(dialog.test_requested) as signal:
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    settings, key = signal.args
    assert (settings.provider, settings.model, key) == (
        "deepseek",
        "deepseek-chat",
        "stored-ds-key",
    )
    assert dialog.test_result.text() == "Testing…"
    assert not dialog.test_button.isEnabled()
    dialog.show_test_result(True, "Connected. 3 models available.")
    assert dialog.test_result.text() == "Connected. 3 models available."
    assert dialog.test_button.isEnabled()


def test_test_connection_uses_the_typed_key_before_ok(
    qtbot: QtBot, make: MakeDialog, memory_keyring: MemoryKeyring
) -> None:
    dialog = make()
    qtbot.keyClicks(dialog.key_editor.field, "typed-key")
    with qtbot.waitSignal(dialog.test_requested) as signal:
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert signal.args[1] == "typed-key"
    assert memory_keyring.entries == {}
    dialog.show_test_result(False, "The API key was refused. Re-enter your API key in Settings.")
    assert dialog.test_result.text().startswith("The API key was refused.")


def test_every_control_has_an_accessible_name(make: MakeDialog) -> None:
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit

    dialog = make()
    for kind in (QLineEdit, QComboBox, QAbstractButton, QPlainTextEdit):
        for widget in dialog.findChildren(kind):
            if widget.parent() is dialog.provider or widget.objectName() == "qt_spinbox_lineedit":
                continue
            assert widget.accessibleName(), widget
