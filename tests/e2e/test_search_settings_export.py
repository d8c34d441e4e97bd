"""Finding old messages, changing settings and providers, exporting: through the real window."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from r1desk.domain import Message, MessageStatus, Role
from tests.e2e.conftest import RunningApp
from tests.e2e.test_chat_flow import last_message, reply_done, type_and_send
from tests.fakes.server import FakeServer


def seed(app: RunningApp, title: str, texts: list[str]) -> tuple[int, list[int]]:
    conversation = app.ctx.repo.create_conversation(title)
    assert conversation.id is not None
    ids = []
    for index, text in enumerate(texts):
        role = Role.USER if index % 2 == 0 else Role.ASSISTANT
        stored = app.ctx.repo.add_message(conversation.id, Message(role, text))
        assert stored.id is not None
        ids.append(stored.id)
    app.window.reload_list()
    return conversation.id, ids


def test_global_search_jumps_to_the_exact_message(
    qtbot: QtBot, start_app: Callable[..., RunningApp]
) -> None:
    app = start_app()
    filler = [f"unrelated message number {n}" for n in range(40)]
    target_cid, ids = seed(app, "Old chat about zebras", [*filler, "the zebra stripes answer"])
    seed(app, "Other chat", ["nothing to see"])
    control_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(app.window, Qt.Key.Key_F, control_shift)
    dialog = app.window.search_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.query, "zebr*")
    dialog.run_search()
    assert dialog.results.count() == 1
    assert "Old chat about zebras" in dialog.result_html(0)
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    assert app.window.current_id == target_cid
    view = app.window.chat.view
    current = view.currentIndex()
    assert current.isValid() and view.messages()[current.row()].id == ids[-1]


def test_find_in_conversation_counts_and_steps(
    qtbot: QtBot, start_app: Callable[..., RunningApp]
) -> None:
    app = start_app()
    cid, ids = seed(app, "Find me", ["apple pie", "no fruit here", "Apple and apple"])
    app.window.conversations.select(cid)
    app.window.chat.composer.edit.setFocus()
    qtbot.keyClick(app.window.chat.composer.edit, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = app.window.chat.find_bar
    assert bar.isVisible()
    selected: list[int] = []
    bar.match_selected.connect(selected.append)
    qtbot.keyClicks(bar.query, "apple")
    assert bar.count.text().endswith("of 3")
    bar.find_next()
    assert selected[-1] == ids[2]
    qtbot.keyClick(bar.query, Qt.Key.Key_Escape)
    assert not bar.isVisible()


def test_system_prompt_and_parameters_reach_the_wire(
    qtbot: QtBot, start_app: Callable[..., RunningApp], fake_server: FakeServer
) -> None:
    app = start_app()
    app.window.open_settings()
    dialog = app.window.settings_dialog
    assert dialog is not None
    dialog.system_prompt.setPlainText("You are terse.")
    dialog.temperature.setText("0.3")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    saved = app.paths.settings_file.read_text()
    assert "You are terse." in saved
    type_and_send(qtbot, app, "hello")
    app.drive(reply_done(app))
    body = fake_server.chat_requests()[-1].json()
    assert body["messages"][0] == {"role": "system", "content": "You are terse."}
    assert body["temperature"] == 0.3
    assert "top_p" not in body and "max_tokens" not in body  # sent only where set


def test_switching_provider_mid_conversation_streams_from_openai_endpoint(
    qtbot: QtBot, start_app: Callable[..., RunningApp], fake_server: FakeServer
) -> None:
    app = start_app(override_base=False)
    settings = app.ctx.providers.settings.replace(api_base=fake_server.base_url)
    app.window.dialogs.apply_settings(settings)
    type_and_send(qtbot, app, "first on segmind")
    app.drive(reply_done(app))
    assert last_message(app).provider == "segmind"

    streamed = app.ctx.providers.settings.replace(
        provider="custom", api_base=fake_server.openai_base_url, model="r1-local"
    )
    app.window.dialogs.apply_settings(streamed)
    assert "r1-local" in app.window.status.provider_label.text()
    partial_seen: list[str] = []
    app.ctx.chat.message_updated.connect(
        lambda m: m.status is MessageStatus.PENDING and partial_seen.append(m.content)
    )
    fake_server.chunk_delay = 0.02  # a stream that takes a while, as real ones do
    type_and_send(qtbot, app, "second streamed")
    app.drive(lambda: len(app.window.chat.view.messages()) == 4 and reply_done(app)())
    reply = last_message(app)
    assert reply.status is MessageStatus.COMPLETE
    assert reply.provider == "custom" and reply.model == "r1-local"
    assert reply.reasoning and "second streamed" in reply.content
    assert len(partial_seen) > 1  # text arrived in pieces while streaming
    pieces = (len(reply.reasoning) + len(reply.content)) // fake_server.piece_chars
    assert len(partial_seen) < pieces / 2  # ...but pooled, not one update per piece
    request = fake_server.chat_requests()[-1]
    assert request.path.startswith("/openai/") and request.json()["stream"] is True
    stored = app.ctx.repo.messages(app.window.current_id)  # type: ignore[arg-type]
    assert [m.provider for m in stored if m.role is Role.ASSISTANT] == ["segmind", "custom"]


def test_export_from_the_window_writes_markdown(
    qtbot: QtBot, start_app: Callable[..., RunningApp], tmp_path: Path
) -> None:
    app = start_app()
    type_and_send(qtbot, app, "export this please")
    app.drive(reply_done(app))
    app.window.dialogs.run_export([app.window.current_id], "md", tmp_path / "out.md", True)  # type: ignore[list-item]
    text = (tmp_path / "out.md").read_text(encoding="utf-8")
    assert "export this please" in text and "<details>" in text
    assert "Exported 1 file" in app.window.status.currentMessage()


def test_per_conversation_overrides_reach_the_wire_and_show_in_the_header(
    qtbot: QtBot, start_app: Callable[..., RunningApp], fake_server: FakeServer
) -> None:
    app = start_app()
    app.window.dialogs.apply_settings(app.ctx.providers.settings.replace(system_prompt="App-wide."))
    app.window.open_conversation_settings()
    dialog = app.window.conversation_settings_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.system_prompt.setPlainText("Answer like a pirate.")
    qtbot.keyClicks(dialog.top_p, "1.5")
    assert not dialog.ok_button.isEnabled() and "Top-p" in dialog.problem.text()
    dialog.top_p.clear()
    qtbot.keyClicks(dialog.max_tokens, "256")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "own system prompt" in app.window.chat.header.text()
    assert "max tokens 256" in app.window.chat.header.text()

    type_and_send(qtbot, app, "ahoy?")
    app.drive(reply_done(app))
    body = fake_server.chat_requests()[-1].json()
    assert body["messages"][0] == {"role": "system", "content": "Answer like a pirate."}
    assert body["max_tokens"] == 256

    # Another conversation keeps the app-wide prompt.
    first = app.window.current_id
    app.window.new_conversation()
    assert app.window.current_id != first
    type_and_send(qtbot, app, "plain")
    app.drive(lambda: len(fake_server.chat_requests()) == 2 and reply_done(app)())
    body = fake_server.chat_requests()[-1].json()
    assert body["messages"][0] == {"role": "system", "content": "App-wide."}
    assert "max_tokens" not in body


def test_export_dialog_offers_the_selected_conversations(
    qtbot: QtBot, start_app: Callable[..., RunningApp], tmp_path: Path
) -> None:
    app = start_app()
    for title in ("one", "two", "three"):
        seed(app, title, [f"text of {title}"])
    view = app.window.conversations.view
    view.selectAll()
    app.window.export_action.trigger()
    dialog = app.window.export_dialog
    assert dialog is not None and dialog.chosen.isChecked()
    dialog.path.setText(str(tmp_path / "picked"))
    dialog.format.setCurrentIndex(dialog.format.findData("txt"))
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    written = sorted(p.name for p in (tmp_path / "picked").iterdir())
    assert len(written) == 4  # the three seeded plus the empty one made at start
    assert "one.txt" in written and "three.txt" in written


def test_a_long_export_keeps_the_window_alive_and_can_be_cancelled(
    qtbot: QtBot, start_app: Callable[..., RunningApp], tmp_path: Path
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QProgressDialog

    app = start_app()
    for n in range(60):
        seed(app, f"conversation {n}", [f"text {n} " * 200])
    ticks: list[int] = []
    ticker = QTimer()
    ticker.timeout.connect(lambda: ticks.append(1))
    ticker.start(5)

    def cancel_once_a_few_are_written() -> None:
        written = len(list((tmp_path / "all").glob("*.pdf")))
        dialog = app.window.findChild(QProgressDialog)
        if dialog is not None and written >= 3:
            dialog.cancel()
        else:
            QTimer.singleShot(5, cancel_once_a_few_are_written)

    QTimer.singleShot(0, cancel_once_a_few_are_written)
    app.window.dialogs.run_export(None, "pdf", tmp_path / "all", False)
    ticker.stop()
    written = list((tmp_path / "all").glob("*.pdf"))
    assert 3 <= len(written) < 61  # stopped early; what was written is complete
    assert all(p.stat().st_size > 0 for p in written)
    assert len(ticks) > 3  # the event loop kept running during the export
