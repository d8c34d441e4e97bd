"""The notifier alerts the taskbar, uses the tray only where one exists, and hides it again."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from r1desk.ui.notify import Notifier


def test_without_a_tray_only_the_taskbar_is_alerted(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    notifier = Notifier(window, tray_available=lambda: False)
    sent = notifier.notify("R1 replied in “Trip”", "Day 1: Fushimi Inari")
    assert (sent.title, sent.tray) == ("R1 replied in “Trip”", False)
    assert notifier.last is sent and notifier._tray is None


def test_with_a_tray_the_message_goes_there_until_the_window_is_back(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    notifier = Notifier(window, tray_available=lambda: True)
    assert notifier.notify("R1 replied in “Trip”", "Day 1").tray
    tray = notifier._tray
    assert tray is not None and not tray.icon().isNull()
    notifier.window_activated()
    assert not tray.isVisible()
