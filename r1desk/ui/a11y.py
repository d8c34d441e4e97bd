"""Telling screen readers about things that happen without focus moving (a reply arrived)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QToolButton, QWidget


class Announcer:
    """Sends polite announcements from a widget; remembers the last one (shown in tests)."""

    def __init__(self, source: QWidget) -> None:
        self._source = source
        self.last = ""

    def announce(self, text: str) -> None:
        # Imported here: PySide6 builds QAccessible's many enums on first use (~2 ms at start-up).
        from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

        self.last = text
        event = QAccessibleAnnouncementEvent(self._source, text)
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Polite)
        QAccessible.updateAccessibility(event)


def name_clear_button(edit: QLineEdit) -> None:
    """Qt's clear button inside a line edit has no accessible name of its own; give it one."""
    for button in edit.findChildren(QToolButton):
        button.setAccessibleName(QCoreApplication.translate("Accessibility", "Clear text"))
