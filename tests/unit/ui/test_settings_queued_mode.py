"""The settings dialog's queued-mode choice, shown for Segmind only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from r1desk.secrets import KeyStore
from r1desk.settings import PRESETS, Settings
from r1desk.ui.settings_dialog import SettingsDialog
from tests.unit.memory_keyring import MemoryKeyring


def test_queued_mode_is_chosen_for_segmind_and_hidden_for_others(
    qtbot: QtBot, memory_keyring: MemoryKeyring
) -> None:
    keys = KeyStore(environ={})
    keys.set_key("segmind", "test-key")
    dialog = SettingsDialog(Settings(segmind_queued_mode="never"), keys)
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.queued_mode.currentData() == "never"
    assert dialog.queued_mode.isVisible()
    dialog.queued_mode.setCurrentIndex(dialog.queued_mode.findData("always"))
    with qtbot.waitSignal(dialog.settings_accepted) as signal:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert signal.args[0].segmind_queued_mode == "always"

    other = SettingsDialog(Settings(), keys)
    qtbot.addWidget(other)
    other.open()
    other.provider.setCurrentIndex(list(PRESETS).index("ollama"))
    assert not other.queued_mode.isVisible()
