"""Global search, against a real Repository on a temporary SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from r1desk.domain import Message, Role
from r1desk.storage import HIGHLIGHT_END, HIGHLIGHT_START, Repository, SearchHit
from r1desk.ui.search_dialog import SearchDialog, snippet_html


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[Repository]:
    repository = Repository.open(tmp_path / "r1desk.sqlite3")
    when = datetime(2025, 3, 14, 9, 30, tzinfo=timezone.utc)
    chats = {
        "Rust lifetimes": ["How do lifetimes work in Rust?", "Lifetimes describe how long..."],
        "Soup recipes": ["A recipe for <b>tomato</b> soup & bread", "Simmer the tomatoes."],
        "Travel": ["Trains from Paris to Rome", "The night train leaves at 19:00."],
    }
    for title, texts in chats.items():
        conversation = repository.create_conversation(title)
        assert conversation.id is not None
        for i, text in enumerate(texts):
            role = Role.USER if i % 2 == 0 else Role.ASSISTANT
            repository.add_message(conversation.id, Message(role, text, created_at=when))
    yield repository
    repository.close()


@pytest.fixture
def dialog(qtbot: QtBot, repo: Repository) -> SearchDialog:
    widget = SearchDialog(repo.search)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def type_query(qtbot: QtBot, dialog: SearchDialog, text: str) -> None:
    qtbot.keyClicks(dialog.query, text)
    qtbot.waitUntil(lambda: not dialog._timer.isActive(), timeout=2000)


def message_id(repo: Repository, title: str, index: int) -> tuple[int, int]:
    conversation = next(c for c in repo.list_conversations() if c.title == title)
    assert conversation.id is not None
    found = repo.messages(conversation.id)[index].id
    assert found is not None
    return conversation.id, found


def test_empty_state_invites_typing(dialog: SearchDialog) -> None:
    assert dialog.empty.isVisible()
    assert dialog.empty.text() == "Type to search every message"
    assert not dialog.results.isVisible()


def test_typing_searches_after_a_pause_and_highlights_matches(
    qtbot: QtBot, dialog: SearchDialog
) -> None:
    qtbot.keyClicks(dialog.query, "lifetimes")
    assert dialog.results.count() == 0  # debounced: nothing yet
    qtbot.waitUntil(lambda: dialog.results.count() == 2, timeout=2000)
    shown = [dialog.result_html(row) for row in range(2)]
    assert all(text.startswith("Rust lifetimes") for text in shown)
    assert any("How do <b>lifetimes</b> work in Rust?" in text for text in shown)
    assert any("R1 · 2025-03-1" in text for text in shown)
    assert any("You · 2025-03-1" in text for text in shown)
    assert dialog.results.currentRow() == 0
    assert not dialog.empty.isVisible()


def test_message_text_is_escaped_not_rendered(qtbot: QtBot, dialog: SearchDialog) -> None:
    type_query(qtbot, dialog, "tomato")
    qtbot.waitUntil(lambda: dialog.results.count() == 1)
    assert "&lt;b&gt;<b>tomato</b>&lt;/b&gt; soup &amp; bread" in dialog.result_html(0)


def test_no_match_says_so(qtbot: QtBot, dialog: SearchDialog) -> None:
    type_query(qtbot, dialog, "kangaroo")
    assert dialog.empty.text() == "No messages match “kangaroo”"
    assert dialog.empty.isVisible()
    assert dialog.results.count() == 0


def test_a_malformed_query_is_searched_as_words(qtbot: QtBot, dialog: SearchDialog) -> None:
    type_query(qtbot, dialog, '"night train (')
    assert dialog.results.count() == 1
    assert dialog.result_html(0).startswith("Travel")


def test_enter_jumps_to_the_exact_message_and_closes(
    qtbot: QtBot, dialog: SearchDialog, repo: Repository
) -> None:
    type_query(qtbot, dialog, "night train")
    assert dialog.results.count() == 1
    with qtbot.waitSignal(dialog.hit_activated) as signal:
        qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    assert tuple(signal.args) == message_id(repo, "Travel", 1)
    assert not dialog.isVisible()


def test_enter_right_after_typing_does_not_wait_for_the_debounce(
    qtbot: QtBot, dialog: SearchDialog, repo: Repository
) -> None:
    qtbot.keyClicks(dialog.query, "Paris")
    with qtbot.waitSignal(dialog.hit_activated) as signal:
        qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    assert tuple(signal.args) == message_id(repo, "Travel", 0)


def test_down_arrow_moves_through_results(
    qtbot: QtBot, dialog: SearchDialog, repo: Repository
) -> None:
    type_query(qtbot, dialog, "lifetimes")
    qtbot.keyClick(dialog.query, Qt.Key.Key_Down)
    assert dialog.results.currentRow() == 1
    qtbot.keyClick(dialog.query, Qt.Key.Key_Down)  # stays on the last one
    assert dialog.results.currentRow() == 1
    second = dialog.results.item(1).data(Qt.ItemDataRole.UserRole)
    with qtbot.waitSignal(dialog.hit_activated) as signal:
        qtbot.keyClick(dialog.query, Qt.Key.Key_Enter)
    assert tuple(signal.args) == tuple(second)
    qtbot.keyClick(dialog.query, Qt.Key.Key_Up)
    assert dialog.results.currentRow() == 0


def test_double_click_activates_a_result(
    qtbot: QtBot, dialog: SearchDialog, repo: Repository
) -> None:
    type_query(qtbot, dialog, "soup")
    item = dialog.results.item(0)
    rect = dialog.results.visualItemRect(item)
    viewport = dialog.results.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(dialog.hit_activated) as signal:
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert tuple(signal.args) == message_id(repo, "Soup recipes", 0)


def test_reopening_refreshes_the_results(
    qtbot: QtBot, dialog: SearchDialog, repo: Repository
) -> None:
    type_query(qtbot, dialog, "Rome")
    dialog.hide()
    conversation_id, _ = message_id(repo, "Travel", 0)
    repo.add_message(conversation_id, Message(Role.USER, "And back from Rome?"))
    dialog.show()
    assert dialog.results.count() == 2
    assert dialog.query.selectedText() == "Rome"


def test_snippet_html_bolds_marked_text_only() -> None:
    snippet = f"a {HIGHLIGHT_START}x<y{HIGHLIGHT_END} & {HIGHLIGHT_START}z"
    assert snippet_html(snippet) == "a <b>x&lt;y</b> &amp; <b>z</b>"
    assert snippet_html(f"{HIGHLIGHT_END}stray") == "stray"


def test_a_fake_search_function_is_enough(qtbot: QtBot) -> None:
    when = datetime(2024, 1, 2, tzinfo=timezone.utc)
    calls: list[tuple[str, int]] = []

    def search(query: str, limit: int) -> list[SearchHit]:
        calls.append((query, limit))
        return [SearchHit(7, 42, "", Role.SYSTEM, "plain", when)]

    widget = SearchDialog(search)
    qtbot.addWidget(widget)
    widget.show()
    type_query(qtbot, widget, "abc")
    assert calls == [("abc", 50)]  # one search for three keystrokes
    assert widget.result_html(0).startswith("Untitled")
    assert "System prompt" in widget.result_html(0)
