"""The conversation list: rows tall enough for the fallback font once a title needs it, a
layout that asks Python nothing per row, and no editing in place."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView
from pytestqt.qtbot import QtBot

from r1desk.domain import Conversation
from r1desk.ui import conversation_list
from r1desk.ui.conversation_list import PAGE_SIZE, ConversationList


@dataclass
class Titles:
    """A list source over fixed titles, in the order given."""

    titles: list[str]

    def page(self, offset: int, limit: int) -> list[Conversation]:
        chosen = self.titles[offset : offset + limit]
        return [Conversation(id=offset + n + 1, title=t) for n, t in enumerate(chosen)]

    def count(self) -> int:
        return len(self.titles)

    def rank(self, conversation_id: int) -> int | None:
        return conversation_id - 1 if conversation_id <= len(self.titles) else None


def test_a_cjk_title_on_a_later_page_is_noticed_when_that_page_arrives(qtbot: QtBot) -> None:
    widget = ConversationList()
    qtbot.addWidget(widget)
    widget.resize(300, 400)
    widget.show()
    qtbot.waitExposed(widget)
    titles = [f"chat {n}" for n in range(PAGE_SIZE)] + ["ultra", "关于事件循环的问题"]
    widget.set_conversations(Titles(titles), keep_id=None)
    assert widget.model.rowCount() == len(titles)
    assert not widget.model.has_wide_glyphs()
    model, view = widget.model, widget.view
    assert model.rows_read == PAGE_SIZE

    view.scrollToBottom()  # shows the second page, which brings the CJK title

    qtbot.waitUntil(lambda: model.rows_read == len(titles))
    assert model.has_wide_glyphs(PAGE_SIZE, PAGE_SIZE + 1)
    assert not model.has_wide_glyphs(PAGE_SIZE, PAGE_SIZE)
    # Rows are measured with the fallback font's glyphs too, and laid out again at that size.
    metrics = view.fontMetrics()
    line = max(metrics.lineSpacing(), metrics.boundingRect("国Ág").height())
    assert model.row_height == 2 * line + 8
    qtbot.waitUntil(lambda: view.visualRect(model.index(0)).height() == model.row_height)


def test_accented_latin_is_not_wide_but_kana_hangul_and_emoji_are(qtbot: QtBot) -> None:
    widget = ConversationList()
    qtbot.addWidget(widget)
    widget.set_conversations(Titles(["Straße", "Ærø ferry", "naïve café", ""]), keep_id=None)
    assert not widget.model.has_wide_glyphs()
    for title in ("カタカナ", "한국어", "plan 🚀"):
        widget.set_conversations(Titles(["Straße", title]), keep_id=None)
        assert widget.model.has_wide_glyphs(), title


def test_the_context_menus_delete_asks_to_delete_that_row(qtbot: QtBot) -> None:
    widget = ConversationList()
    qtbot.addWidget(widget)
    widget.set_conversations(Titles(["one", "two", "three"]), keep_id=None)
    menu = widget.context_menu(1)
    (delete,) = [action for action in menu.actions() if action.text() == "Delete"]
    with qtbot.waitSignal(widget.delete_requested) as asked:
        delete.trigger()
    assert asked.args == [[2]]


def test_laying_out_thousands_of_rows_asks_python_nothing_per_row(qtbot: QtBot) -> None:
    """QListView's layout asks every row's index, and each index asks the row count: with
    the count in Python that was 10,000 calls (15-20 ms) before the first paint."""
    widget = ConversationList()
    qtbot.addWidget(widget)
    widget.resize(300, 400)
    widget.show()
    qtbot.waitExposed(widget)
    code = Path(conversation_list.__file__).resolve()
    calls: list[str] = []

    def profile(frame: FrameType, event: str, _arg: object) -> None:
        counted = event == "call" and frame.f_code.co_name in ("rowCount", "index", "flags")
        if counted and Path(frame.f_code.co_filename).resolve() == code:
            calls.append(frame.f_code.co_name)

    sys.setprofile(profile)
    try:
        widget.set_conversations(Titles([f"chat {n}" for n in range(3000)]), keep_id=None)
        widget.view.scrollToBottom()
        widget.view.grab()
    finally:
        sys.setprofile(None)
    assert widget.model.rowCount() == 3000
    assert len(calls) < 50


def test_a_row_is_never_edited_in_place(qtbot: QtBot) -> None:
    """Renaming is a dialog (F2 or the menu): a double click opens the conversation."""
    widget = ConversationList()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_conversations(Titles(["one", "two"]), keep_id=None)
    where = widget.view.visualRect(widget.model.index(1)).center()
    viewport, left = widget.view.viewport(), Qt.MouseButton.LeftButton
    qtbot.mouseClick(viewport, left, pos=where)  # a real double click starts with a click
    qtbot.mouseDClick(viewport, left, pos=where)
    assert widget.view.state() is QAbstractItemView.State.NoState
    assert widget.current_id() == 2


def test_a_row_outside_the_list_is_an_error_not_another_conversation(qtbot: QtBot) -> None:
    widget = ConversationList()
    qtbot.addWidget(widget)
    widget.set_conversations(Titles([f"chat {n}" for n in range(PAGE_SIZE + 5)]), keep_id=None)
    for row in (-1, PAGE_SIZE + 5):
        with pytest.raises(IndexError):
            widget.model.conversation(row)
    assert widget.model.rows_read == PAGE_SIZE  # and no page was read for them
