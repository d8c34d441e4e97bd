"""Fixtures shared by the UI tests."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from r1desk.ui.chat_view import ChatView


@pytest.fixture
def view(qtbot: QtBot) -> ChatView:
    """A shown, exposed chat view, 700 x 500."""
    widget = ChatView()
    qtbot.addWidget(widget)
    widget.resize(700, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget
