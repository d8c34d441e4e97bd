"""A long conversation list is read a page at a time, and still behaves as one list: its
scroll bar and the End key know the whole length, and a row far down costs only its page."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from r1desk.domain import Conversation, Message, Role
from r1desk.paths import AppPaths
from r1desk.storage import Repository
from r1desk.ui.conversation_list import PAGE_SIZE
from tests.e2e.conftest import RunningApp

COUNT = 2 * PAGE_SIZE + 50  # three pages, the last one short


def fill(data_dir: Path) -> list[str]:
    """COUNT conversations, "chat 0" the most recent; returns the titles newest first."""
    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    conversations = []
    for n in range(COUNT):
        when = start - timedelta(minutes=n)
        conversations.append(
            Conversation(
                title=f"chat {n}",
                created_at=when,
                updated_at=when,
                messages=[Message(role=Role.USER, content=f"question {n}", created_at=when)],
            )
        )
    with Repository.open(AppPaths.for_data_dir(data_dir).ensure().database) as repo:
        repo.import_conversations(conversations)
    return [c.title for c in conversations]


def titles(app: RunningApp) -> list[str]:
    model = app.window.conversations.model
    return [model.conversation(row).title for row in range(model.rowCount())]


def test_only_the_pages_shown_are_read(
    qtbot: QtBot, start_app: Callable[..., RunningApp], tmp_path: Path
) -> None:
    expected = fill(tmp_path / "data")
    app = start_app()
    model = app.window.conversations.model
    assert model.rowCount() == COUNT
    assert model.rows_read == PAGE_SIZE
    assert app.window.current_id is not None
    assert app.window.windowTitle().startswith("chat 0")

    view = app.window.conversations.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_End)  # one End reaches the oldest conversation
    qtbot.waitUntil(lambda: app.window.windowTitle().startswith(f"chat {COUNT - 1}"))
    assert view.currentIndex().row() == COUNT - 1
    assert model.rows_read == PAGE_SIZE + 50  # the first page and the last, not the middle
    assert titles(app) == expected


def test_restoring_a_conversation_beyond_the_first_page(
    qtbot: QtBot, start_app: Callable[..., RunningApp], tmp_path: Path
) -> None:
    fill(tmp_path / "data")
    first = start_app()
    deep = first.ctx.repo.list_conversations(offset=COUNT - 1, limit=1)[0]
    assert deep.id is not None
    assert first.window.conversations.select(deep.id)
    assert first.window.windowTitle().startswith(f"chat {COUNT - 1}")
    first.close()

    again = start_app()
    assert again.window.current_id == deep.id
    assert again.window.conversations.current_id() == deep.id
    assert again.window.chat.view.messages()[0].content == f"question {COUNT - 1}"
    assert again.window.conversations.model.rows_read == PAGE_SIZE + 50  # not the rows between


def test_the_filter_pages_its_matches_too(
    qtbot: QtBot, start_app: Callable[..., RunningApp], tmp_path: Path
) -> None:
    fill(tmp_path / "data")
    app = start_app()
    qtbot.keyClicks(app.window.conversations.filter, "chat 1")
    # "chat 1", "chat 10".."chat 19", "chat 100".."chat 199": 111 matches, one page.
    assert len(titles(app)) == 111
    assert all(title.startswith("chat 1") for title in titles(app))
    app.window.conversations.filter.clear()
    model = app.window.conversations.model
    assert (model.rowCount(), model.rows_read) == (COUNT, PAGE_SIZE)
