"""Help > Keyboard Shortcuts: built from the window's actions, so it cannot go stale."""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

translate = QCoreApplication.translate


# A mnemonic in parentheses, as CJK translations write it: "新建对话(&N)".
_BRACKETED_MNEMONIC = re.compile(r"\s*\(&[^&)]\)")


def action_label(action: QAction) -> str:
    """The menu text without its mnemonic ('&N', or '(&N)' after CJK text) and trailing '…'."""
    text = _BRACKETED_MNEMONIC.sub("", action.text())
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")


def shortcut_text(action: QAction) -> str:
    keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
    unique = list(dict.fromkeys(k for k in keys if k))
    return translate("ShortcutsDialog", " or ").join(unique)


def fixed_keys() -> list[tuple[str, str]]:
    """Keys that belong to one widget rather than to a menu action."""
    return [
        (translate("ShortcutsDialog", "Send the message"), translate("ShortcutsDialog", "Enter")),
        (
            translate("ShortcutsDialog", "New line in the message"),
            translate("ShortcutsDialog", "Shift+Enter"),
        ),
        (
            translate("ShortcutsDialog", "Move between parts of the window"),
            translate("ShortcutsDialog", "Tab"),
        ),
        (
            translate("ShortcutsDialog", "Show or hide the reasoning of the current message"),
            translate("ShortcutsDialog", "Space (in the conversation)"),
        ),
        (
            translate("ShortcutsDialog", "Copy the current message"),
            translate("ShortcutsDialog", "Ctrl+C (in the conversation)"),
        ),
        (
            translate("ShortcutsDialog", "Delete the current conversation"),
            translate("ShortcutsDialog", "Delete (in the conversation list)"),
        ),
        (
            translate("ShortcutsDialog", "More actions for a message or conversation"),
            translate("ShortcutsDialog", "Menu key or Shift+F10"),
        ),
        (
            translate("ShortcutsDialog", "Open a menu"),
            translate("ShortcutsDialog", "Alt + underlined letter"),
        ),
    ]


class ShortcutsDialog(QDialog):
    def __init__(self, actions: Iterable[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.table = QTreeWidget(self)
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setColumnCount(2)
        self.table.setHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.header()
        header.setAccessibleName(self.tr("Column headers"))
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        rows = [(action_label(a), shortcut_text(a)) for a in actions if shortcut_text(a)]
        for label, keys in [*rows, *fixed_keys()]:
            item = QTreeWidgetItem([label, keys])
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole, f"{label}: {keys}")
            self.table.addTopLevelItem(item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 560)

    def rows(self) -> list[tuple[str, str]]:
        """(action, keys) as shown, top to bottom."""
        items = (self.table.topLevelItem(i) for i in range(self.table.topLevelItemCount()))
        return [(item.text(0), item.text(1)) for item in items if item is not None]
