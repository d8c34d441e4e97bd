"""The chat view driven as a user would: real widgets, offscreen, real clipboard and sockets."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import FrameType
from typing import ClassVar

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from r1desk.domain import Message, MessageStatus, Role, utc_now
from r1desk.ui import message_model
from r1desk.ui.chat_view import PLACEHOLDER, ChatView
from tests.unit.ui.cards import code_colours

CODE = "for i in range(3):\n    print(i, '<&>')\n"


def _conversation() -> list[Message]:
    return [
        Message(Role.USER, "How do I loop?", id=1),
        Message(
            Role.ASSISTANT,
            f"Like this:\n\n```python\n{CODE}```\n\nDone.",
            reasoning="The user wants a loop example.",
            id=2,
            model="deepseek-r1",
            elapsed_s=41.0,
        ),
        Message(Role.USER, "Thanks!", id=3),
    ]


def _text(view: ChatView, row: int) -> str:
    return view._delegate.document(row).plain_text()


def _anchor_point(view: ChatView, row: int, href: str) -> QPoint:
    """Viewport position of the middle of the first character of the anchor `href`."""
    view.scrollTo(view.model().index(row, 0))
    doc = view._delegate.document(row).docs[0]
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().anchorHref() == href:
                offset = fragment.position() - block.position()
                line = block.layout().lineForTextPosition(offset)
                top_left = doc.documentLayout().blockBoundingRect(block).topLeft()
                x = top_left.x() + line.cursorToX(offset)[0] + 3
                y = top_left.y() + line.y() + line.height() / 2
                rect = view.visualRect(view.model().index(row, 0))
                origin = view._delegate.content_origin(rect.topLeft())
                return origin + QPoint(int(x), int(y))
            it += 1
        block = block.next()
    raise AssertionError(f"no anchor {href!r} in row {row}")


def _hrefs(view: ChatView, row: int) -> list[str]:
    doc = view._delegate.document(row).docs[0]
    found, block = [], doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            href = it.fragment().charFormat().anchorHref()
            if href:
                found.append(href)
            it += 1
        block = block.next()
    return found


def _click(qtbot: QtBot, view: ChatView, pos: QPoint) -> None:
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_three_messages_are_rows_with_rendered_text(view: ChatView) -> None:
    view.set_messages(_conversation())
    model = view.model()
    assert model.rowCount() == 3
    assert model.index(0, 0).data() == "How do I loop?"
    assert "You" in _text(view, 0) and "How do I loop?" in _text(view, 0)
    answer = _text(view, 1)
    assert answer.startswith("R1") and "deepseek-r1" in answer and "print(i, '<&>')" in answer
    assert "▸ Thought for 41 s" in answer and "The user wants" not in answer
    assert [m.id for m in view.messages()] == [1, 2, 3]


def test_clicking_the_reasoning_header_toggles_it_and_the_row_height(
    view: ChatView, qtbot: QtBot
) -> None:
    view.set_messages(_conversation())
    index = view.model().index(1, 0)
    qtbot.waitUntil(lambda: view.visualRect(index).height() == view._delegate.exact_height(1))
    collapsed = view.visualRect(index).height()

    _click(qtbot, view, _anchor_point(view, 1, "r1desk-toggle:"))
    assert "▾ Thought for 41 s" in _text(view, 1) and "The user wants a loop example." in _text(
        view, 1
    )
    qtbot.waitUntil(lambda: view.visualRect(index).height() > collapsed)

    _click(qtbot, view, _anchor_point(view, 1, "r1desk-toggle:"))
    assert "The user wants" not in _text(view, 1)
    qtbot.waitUntil(lambda: view.visualRect(index).height() == collapsed)


def test_expanded_default_setting(view: ChatView) -> None:
    view.set_reasoning_expanded_default(True)
    view.set_messages(_conversation())
    assert "The user wants a loop example." in _text(view, 1)


def test_copy_link_puts_the_exact_code_on_the_clipboard(view: ChatView, qtbot: QtBot) -> None:
    view.set_messages(_conversation())
    QGuiApplication.clipboard().clear()
    _click(qtbot, view, _anchor_point(view, 1, "r1desk-copy:0"))
    assert QGuiApplication.clipboard().text() == CODE


def _actions(view: ChatView, row: int) -> dict[str, object]:
    menu = view._build_context_menu(view.model().index(row, 0))
    assert menu is not None
    return {a.data(): a for a in menu.actions() if a.data()}


def test_context_menu_actions_emit_with_the_message(view: ChatView, qtbot: QtBot) -> None:
    messages = [
        *_conversation(),
        Message(Role.ASSISTANT, "You're welcome.", id=4, reasoning="polite"),
    ]
    view.set_messages(messages)

    user_actions = _actions(view, 0)
    assert "edit" in user_actions and "regenerate" not in user_actions
    with qtbot.waitSignal(view.action_requested) as blocker:
        user_actions["edit"].trigger()  # type: ignore[attr-defined]
    assert blocker.args == ["edit", messages[0]]

    assert "regenerate" not in _actions(view, 1)  # not the last answer
    last = _actions(view, 3)
    with qtbot.waitSignal(view.action_requested) as blocker:
        last["regenerate"].trigger()  # type: ignore[attr-defined]
    assert blocker.args == ["regenerate", messages[3]]
    with qtbot.waitSignal(view.action_requested) as blocker:
        last["delete"].trigger()  # type: ignore[attr-defined]
    assert blocker.args == ["delete", messages[3]]

    clipboard = QGuiApplication.clipboard()
    last["copy"].trigger()  # type: ignore[attr-defined]
    assert clipboard.text() == "You're welcome."
    last["copy-reasoning"].trigger()  # type: ignore[attr-defined]
    assert clipboard.text() == "polite"
    last["copy-both"].trigger()  # type: ignore[attr-defined]
    assert "polite" in clipboard.text() and "You're welcome." in clipboard.text()


def test_failed_and_interrupted_rows_offer_retry(view: ChatView, qtbot: QtBot) -> None:
    failed = Message(
        Role.ASSISTANT, "", id=5, status=MessageStatus.FAILED, error="Key rejected (401)"
    )
    stopped = Message(Role.ASSISTANT, "half an ans", id=6, status=MessageStatus.INTERRUPTED)
    view.set_messages([Message(Role.USER, "q", id=4), failed, stopped])
    assert "Key rejected (401)" in _text(view, 1) and "Retry" in _text(view, 1)
    assert "half an ans" in _text(view, 2) and "Stopped — reply incomplete" in _text(view, 2)
    with qtbot.waitSignal(view.action_requested) as blocker:
        _click(qtbot, view, _anchor_point(view, 1, "r1desk-action:retry"))
    assert blocker.args == ["retry", failed]
    assert "retry" in _actions(view, 2)


class _Recorder(BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Recorder.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def pixel_server() -> Iterator[str]:
    _Recorder.hits = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_images_in_replies_are_never_fetched(
    view: ChatView, qtbot: QtBot, pixel_server: str
) -> None:
    reply = (
        f"![x]({pixel_server}/pixel) and <img src='{pixel_server}/raw'>\n\n"
        f'<p style="background-image: url({pixel_server}/css)">hi</p>'
    )
    view.set_messages([Message(Role.USER, "draw", id=1), Message(Role.ASSISTANT, reply, id=2)])
    view.grab()
    qtbot.wait(300)
    view.grab()
    assert _Recorder.hits == []
    assert "🖼 x" in _text(view, 1)
    assert f"{pixel_server}/pixel" in _hrefs(view, 1)  # offered as a link, only on click


def test_only_safe_links_are_clickable(view: ChatView, qtbot: QtBot) -> None:
    opened: list[QUrl] = []
    view.open_url = opened.append
    view.set_messages(
        [Message(Role.ASSISTANT, "[evil](javascript:alert(1)) [docs](https://example.com/d)", id=1)]
    )
    assert _hrefs(view, 0) == ["https://example.com/d"]
    assert "[evil](javascript:alert(1))" in _text(view, 0)  # shown as text
    _click(qtbot, view, _anchor_point(view, 0, "https://example.com/d"))
    assert opened == [QUrl("https://example.com/d")]
    view.activate_anchor(0, "javascript:alert(1)")  # even a forged anchor is refused
    view.activate_anchor(0, "file:///etc/passwd")
    assert opened == [QUrl("https://example.com/d")]


def test_pending_row_shows_a_live_thinking_timer(view: ChatView, qtbot: QtBot) -> None:
    pending = Message(
        Role.ASSISTANT,
        "",
        status=MessageStatus.PENDING,
        created_at=utc_now() - timedelta(seconds=37),
    )
    view.set_messages([Message(Role.USER, "q", id=1), pending])
    first = _text(view, 1)
    assert "Thinking… 37 s" in first or "Thinking… 38 s" in first
    built = view._delegate.documents_built
    qtbot.waitUntil(
        lambda: view._delegate.documents_built > built, timeout=2500
    )  # repainted by the tick
    assert _text(view, 1) != first and "Thinking…" in _text(view, 1)

    pending.status, pending.content, pending.id = MessageStatus.COMPLETE, "Done", 2
    view.update_message(pending)
    qtbot.waitUntil(lambda: "Done" in _text(view, 1))
    assert "Thinking" not in _text(view, 1)
    qtbot.waitUntil(lambda: not view._tick_timer.isActive())


def test_streaming_updates_are_coalesced(view: ChatView, qtbot: QtBot) -> None:
    reply = Message(Role.ASSISTANT, "", status=MessageStatus.PENDING)
    view.set_messages([Message(Role.USER, "q", id=1), reply])
    view.grab()
    built = view._delegate.documents_built
    for i in range(20):
        view.update_message(
            Message(Role.ASSISTANT, "word " * (i + 1), status=MessageStatus.PENDING)
        )
        QGuiApplication.processEvents()
    qtbot.wait(150)
    view.grab()
    assert view._delegate.documents_built - built <= 4
    assert _text(view, 1).count("word") == 20
    assert view.model().rowCount() == 2  # an id-less update replaced the last row


def test_five_thousand_messages_open_quickly_at_the_bottom(view: ChatView, qtbot: QtBot) -> None:
    messages = [
        Message(
            Role.USER if i % 2 == 0 else Role.ASSISTANT,
            f"Message {i} " + "text " * (i % 60),
            id=i + 1,
        )
        for i in range(5000)
    ]
    start = time.perf_counter()
    view.set_messages(messages)
    view.grab()
    assert time.perf_counter() - start < 1.5  # smoke guard only; numbers are in benchmarks/
    bar = view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.value() == bar.maximum())
    last = view.visualRect(view.model().index(4999, 0))
    assert last.bottom() <= view.viewport().height() + 1 and last.top() < view.viewport().height()


def test_append_follows_only_when_at_the_bottom(view: ChatView, qtbot: QtBot) -> None:
    view.set_messages([Message(Role.ASSISTANT, f"answer {i}\n\n" * 5, id=i) for i in range(1, 60)])
    bar = view.verticalScrollBar()

    def shows_bottom_of(row: int) -> bool:
        rect = view.visualRect(view.model().index(row, 0))
        return rect.isValid() and abs(rect.bottom() - view.viewport().height()) <= 2

    view.append_message(Message(Role.ASSISTANT, "new", id=60))
    qtbot.waitUntil(lambda: shows_bottom_of(59))
    bar.setValue(0)
    view.append_message(Message(Role.ASSISTANT, "another", id=61))
    qtbot.wait(50)
    assert bar.value() == 0
    view.append_message(Message(Role.USER, "mine", id=62))  # the user's own message: follow
    qtbot.waitUntil(lambda: shows_bottom_of(61))


def test_a_send_lays_the_rows_out_once(
    view: ChatView, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A send adds two rows (the question and the pending reply). A new row makes QTreeView
    ask every row's height again, so the two must share one layout: scrolling to the bottom
    at each append asked all 400 rows twice (a ~50 ms stall per send at 5,000 rows)."""
    rows = 400
    view.set_messages([Message(Role.ASSISTANT, f"answer {i}", id=i) for i in range(1, rows + 1)])
    qtbot.wait(50)
    asked: list[int] = []
    row_height = view._delegate.row_height

    def counted(row: int) -> int:
        asked.append(row)
        return row_height(row)

    monkeypatch.setattr(view._delegate, "row_height", counted)
    view.append_message(Message(Role.USER, "question", id=rows + 1))
    view.append_message(Message(Role.ASSISTANT, "", status=MessageStatus.PENDING))
    qtbot.waitUntil(lambda: view.verticalScrollBar().value() == view.verticalScrollBar().maximum())
    qtbot.wait(50)
    last = view.visualRect(view.model().index(rows + 1, 0))
    assert abs(last.bottom() - view.viewport().height()) <= 2  # followed to the new bottom
    assert rows <= len(asked) < 1.5 * rows


QT_MODEL_INTERFACE = {"rowCount", "columnCount", "index", "parent", "flags", "data", "hasChildren"}


def test_a_send_asks_the_model_nothing_per_row(view: ChatView, qtbot: QtBot) -> None:
    """QTreeView's layout asks the model for every row's index twice, and each index asks
    the row count. Answered in Python that was 800 calls for 400 rows (54 ms per send at
    5,000 rows, 22 ms without them). Only the delegate's height, one call per row, is left:
    the model's Qt interface must be asked a handful of times, whatever the row count."""
    rows = 400
    view.set_messages([Message(Role.ASSISTANT, f"answer {i}", id=i) for i in range(1, rows + 1)])
    qtbot.wait(50)
    model_code = Path(message_model.__file__).resolve()
    calls: list[str] = []

    def profile(frame: FrameType, event: str, _arg: object) -> None:
        code = frame.f_code
        asked = event == "call" and code.co_name in QT_MODEL_INTERFACE
        if asked and Path(code.co_filename).resolve() == model_code:
            calls.append(code.co_name)

    sys.setprofile(profile)
    try:
        view.append_message(Message(Role.USER, "question", id=rows + 1))
        view.append_message(Message(Role.ASSISTANT, "", status=MessageStatus.PENDING))
        last = view.model().index(rows + 1, 0)
        qtbot.waitUntil(lambda: abs(view.visualRect(last).bottom() - view.viewport().height()) <= 2)
    finally:
        sys.setprofile(None)
    assert len(calls) < 40, sorted(set(calls))


def test_messages_set_while_hidden_are_measured_once_when_shown(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As at start-up: the last conversation is opened before the window shows. Laying it
    out while hidden, or at the old width when the view is first resized, estimated every
    row's height twice (10,000 estimates for a 5,000-message conversation)."""
    view = ChatView()
    qtbot.addWidget(view)
    rows = 300
    estimated: list[int] = []
    estimate = view._delegate._estimate

    def counted(message: Message, expanded: bool) -> int:
        estimated.append(1)
        return estimate(message, expanded)

    monkeypatch.setattr(view._delegate, "_estimate", counted)
    view.set_messages([Message(Role.ASSISTANT, f"answer {i}", id=i) for i in range(1, rows + 1)])
    view.resize(700, 500)
    view.show()
    qtbot.waitExposed(view)
    last = view.model().index(rows - 1, 0)
    qtbot.waitUntil(lambda: abs(view.visualRect(last).bottom() - view.viewport().height()) <= 2)
    assert rows <= len(estimated) < 1.2 * rows


def test_a_removed_row_is_gone_before_the_view_hears_of_it(view: ChatView) -> None:
    view.set_messages([Message(Role.ASSISTANT, f"answer {i}", id=i) for i in range(1, 6)])
    model = view.model()
    seen: list[tuple[int, list[str]]] = []
    model.rowsRemoved.connect(
        lambda *_: seen.append(
            (model.rowCount(), [model.index(r, 0).data() for r in range(model.rowCount())])
        )
    )
    view.remove_message(3)
    assert seen == [(4, ["answer 1", "answer 2", "answer 4", "answer 5"])]
    assert [m.id for m in view.messages()] == [1, 2, 4, 5]


def test_remove_and_scroll_to_message(view: ChatView, qtbot: QtBot) -> None:
    view.set_messages([Message(Role.ASSISTANT, f"answer {i}\n\n" * 5, id=i) for i in range(1, 60)])
    view.remove_message(59)
    assert view.messages()[-1].id == 58
    view.scroll_to_message(3)
    rect = view.visualRect(view.model().index(2, 0))
    assert view.viewport().rect().intersects(rect)
    assert view._delegate.highlighted_key == view._model.row(2).key
    qtbot.waitUntil(lambda: view._delegate.highlighted_key is None, timeout=3000)


def test_keyboard_scrolls_and_copies(view: ChatView, qtbot: QtBot) -> None:
    view.set_messages([Message(Role.ASSISTANT, f"answer {i}\n\n" * 5, id=i) for i in range(1, 60)])
    view.setFocus()
    bar = view.verticalScrollBar()
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert bar.value() == 0
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert bar.value() > 0
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert bar.value() == bar.maximum()
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    current = view.currentIndex().row()
    assert QGuiApplication.clipboard().text() == view.messages()[current].content


def test_empty_view_shows_a_placeholder_and_is_accessible(view: ChatView) -> None:
    assert view.accessibleName() and view.accessibleDescription()
    assert "Ask R1 anything" in PLACEHOLDER
    image = view.viewport().grab().toImage()
    colours = {image.pixel(x, image.height() // 2) for x in range(0, image.width(), 3)}
    assert len(colours) > 1  # some text is drawn in the middle


def test_start_up_paints_code_plain_then_colours_it_after_the_warm_up(qtbot: QtBot) -> None:
    widget = ChatView()
    qtbot.addWidget(widget)
    widget.defer_code_colours()  # what run_gui does before the first paint
    widget.resize(700, 500)
    widget.set_messages(_conversation())
    widget.show()
    qtbot.waitExposed(widget)
    plain = code_colours(widget, 1, CODE)
    assert len(plain) == 1, plain  # one colour: no highlighting yet
    assert CODE in widget._delegate.document(1).code_blocks  # copying works meanwhile

    qtbot.waitUntil(lambda: len(code_colours(widget, 1, CODE)) > 1, timeout=3000)


WARM_UP_IN_A_FRESH_PROCESS = """
import sys, threading
importers = []


def audit(event, args):  # import statements run while Pygments loads
    if event == "import" and args[0].partition(".")[0] == "pygments":
        importers.append(threading.current_thread().name)


sys.addaudithook(audit)
from PySide6.QtCore import QDeadlineTimer
from PySide6.QtWidgets import QApplication
from r1desk.domain import Message, Role
from r1desk.ui.chat_view import ChatView

app = QApplication([])
view = ChatView()
view.defer_code_colours()
view.set_messages([Message(Role.ASSISTANT, "```python\\nx = 1\\n```", id=1)])
view.resize(600, 400)
view.show()
deadline = QDeadlineTimer(10_000)
while not view._delegate.highlight_code and not deadline.hasExpired():
    app.processEvents()
print(view._delegate.highlight_code, sorted(set(importers)))
"""


def test_the_warm_up_imports_pygments_in_a_worker_thread(tmp_path: Path) -> None:
    # On the GUI thread, the import froze the window ~40 ms right after start-up.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", WARM_UP_IN_A_FRESH_PROCESS],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=True,
    ).stdout
    assert out.split("\n")[-2] == "True ['r1desk-pygments']"
