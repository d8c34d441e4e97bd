"""The shortcuts list names each action as its menu does, without the mnemonic marks."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from r1desk.ui.shortcuts_dialog import action_label


@pytest.mark.parametrize(
    ("menu_text", "label"),
    [
        ("&New conversation", "New conversation"),
        ("Searc&h all messages…", "Search all messages"),
        ("Save && quit", "Save & quit"),
        ("新建对话(&N)", "新建对话"),  # zh_CN writes the mnemonic after the text, in brackets
        ("搜索全部消息(&H)…", "搜索全部消息"),
        ("导出 (&E)…", "导出"),
    ],
)
def test_labels_leave_out_mnemonics(qtbot: QtBot, menu_text: str, label: str) -> None:
    assert action_label(QAction(menu_text)) == label
