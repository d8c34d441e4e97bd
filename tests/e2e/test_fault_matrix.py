"""The fault matrix: every way the server can misbehave, through the real window.

For each fault: the user gets a specific message, the conversation is intact (their message is
stored, nothing is lost), the event loop keeps ticking while the app waits, and the next request
works.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot

from r1desk.app import build_context
from r1desk.domain import MessageStatus, Role
from r1desk.paths import AppPaths
from r1desk.secrets import KeyStore
from r1desk.ui.main_window import MainWindow
from tests.e2e.conftest import TEST_KEY, RunningApp
from tests.e2e.test_chat_flow import last_message, reply_done, type_and_send
from tests.fakes import replies
from tests.fakes.models import FakeResponse
from tests.fakes.server import FakeServer
from tests.unit.memory_keyring import MemoryKeyring

MAX_LOOP_GAP_S = 0.25
FIFTY_MB = 50 * 1024 * 1024


def launch(
    qtbot: QtBot, data_dir: Path, *, api_base: str | None, key: str | None = TEST_KEY
) -> RunningApp:
    """The window as `r1desk` builds it; `api_base=None` keeps the base URL from settings.json."""
    paths = AppPaths.for_data_dir(data_dir).ensure()
    keys = KeyStore(environ={})
    if key and not keys.get_key("segmind"):
        keys.set_key("segmind", key)
    ctx, _notice = build_context(paths, api_base=api_base, keys=keys)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.restore()
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    return RunningApp(window, ctx, qtbot, paths)


@pytest.fixture
def launcher(
    qtbot: QtBot, loop: qasync.QEventLoop, memory_keyring: MemoryKeyring
) -> Iterator[Callable[..., RunningApp]]:
    """`launch`, with every window it opened closed (and its context shut down) at the end."""
    started: list[RunningApp] = []

    def start(data_dir: Path, *, api_base: str | None, key: str | None = TEST_KEY) -> RunningApp:
        app = launch(qtbot, data_dir, api_base=api_base, key=key)
        started.append(app)
        return app

    yield start
    for app in started:
        app.close()


class LoopProbe:
    """A 20 ms QTimer: the longest gap between its ticks is how long the UI was frozen."""

    def __init__(self) -> None:
        self.ticks: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(lambda: self.ticks.append(time.monotonic()))

    def __enter__(self) -> LoopProbe:
        self.ticks.append(time.monotonic())
        self.timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.timer.stop()
        self.ticks.append(time.monotonic())

    @property
    def longest_gap(self) -> float:
        return max(b - a for a, b in zip(self.ticks, self.ticks[1:], strict=False))


def _sse(events: list[str]) -> str:
    return "".join(events)


def _reply_events(text: str) -> list[str]:
    reasoning, content = replies.answer_for(text)
    usage = replies.usage_for(text, reasoning, content)
    return replies.sse_events("x", "field", reasoning, content, usage)


_CUT = _reply_events("cut")[:-2]  # no final chunk (finish_reason) and no [DONE]
_JUNK = (
    "garbage without a colon\n\nretry: 1000\nid: 7\n\nevent: ping\n\n: comment\n\n"
    "\x7fnonsense: 😀\n\n"
)
_WITH_JUNK = [part for event in _reply_events("junk") for part in (event, _JUNK)]


@dataclass(frozen=True)
class Fault:
    response: FakeResponse
    words: str  # what the user is told (lower case), or for a survived reply what it says
    fails: bool = True
    openai: bool = False  # through an OpenAI-compatible preset (SSE)
    deadline_s: float | None = None


SSE = "text/event-stream"
FAULTS: dict[str, Fault] = {
    "401-json": Fault(FakeResponse(status=401), "api key was refused"),
    "404-json": Fault(FakeResponse(status=404), "does not exist"),
    "405-json": Fault(FakeResponse(status=405), "does not accept"),
    "406-json": Fault(
        FakeResponse(status=406, headers={"x-remaining-credits": "0.0042"}), "balance: 0.0042"
    ),
    "429-retry-after": Fault(FakeResponse(status=429), "wait 12 s"),
    "500-json": Fault(FakeResponse(status=500), "internal server error"),
    "500-html": Fault(FakeResponse(status=500, html=True), "server failed to answer"),
    "502-html": Fault(FakeResponse(status=502), "502 bad gateway"),
    "504-html": Fault(FakeResponse(status=504), "504 gateway timeout"),
    "503-empty": Fault(FakeResponse(status=503, body=b""), "503 service unavailable"),
    "200-empty": Fault(FakeResponse(body=b""), "empty reply"),
    "200-html": Fault(FakeResponse(body="<html><body>Hi</body></html>"), "web page"),
    "truncated-json": Fault(
        FakeResponse(body=replies.GARBAGE_BODY, content_type="application/json"), "not valid json"
    ),
    "invalid-utf8": Fault(
        FakeResponse(body=b'{"choices": "\xff\xfe\xc3"}', content_type="application/json"),
        "not valid utf-8",
    ),
    "50mb-body": Fault(
        FakeResponse(body=b"x" * FIFTY_MB, content_type="application/json"), "larger than 20 mb"
    ),
    "never-answers": Fault(FakeResponse(hang=True), "time limit", deadline_s=1.0),
    "reset-mid-body": Fault(
        FakeResponse(
            body=json.dumps(replies.completion_body("x", "field", "r", "c" * 5000, {})),
            content_type="application/json",
            reset_mid_body=True,
        ),
        "was lost before the reply was complete",
    ),
    "dropped-no-answer": Fault(FakeResponse(drop=True), "connection"),
    "sse-cut-before-done": Fault(
        FakeResponse(body=_sse(_CUT), content_type=SSE),
        "stopped before it was complete",
        openai=True,
    ),
    "sse-reset-mid-stream": Fault(
        FakeResponse(body=_sse(_reply_events("reset")), content_type=SSE, reset_mid_body=True),
        "was lost before the reply was complete",
        openai=True,
    ),
    "sse-garbage-data": Fault(
        FakeResponse(body=_sse([*_CUT[:4], "data: {not json\n\n"]), content_type=SSE),
        "unreadable data",
        openai=True,
    ),
    "sse-garbage-lines": Fault(
        FakeResponse(body=_sse(_WITH_JUNK), content_type=SSE),
        "you wrote: **junk**",
        fails=False,
        openai=True,
    ),
    "credits-header-missing": Fault(
        FakeResponse(headers={"x-remaining-credits": None}), "you wrote", fails=False
    ),
    "credits-header-garbage": Fault(
        FakeResponse(headers={"x-remaining-credits": "n/a; 12,5"}), "you wrote", fails=False
    ),
}


@pytest.mark.parametrize("name", FAULTS)
def test_fault_is_survived(
    qtbot: QtBot,
    launcher: Callable[..., RunningApp],
    fake_server: FakeServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
) -> None:
    fault = FAULTS[name]
    data_dir = tmp_path / "data"
    if fault.openai:
        data_dir.mkdir()
        settings = {"provider": "custom", "api_base": fake_server.openai_base_url, "model": "x"}
        (data_dir / "settings.json").write_text(json.dumps(settings))
    app = launcher(data_dir, api_base=None if fault.openai else fake_server.base_url)
    if fault.deadline_s is not None:
        build = app.ctx.providers.chat_client

        def short_deadline():  # type: ignore[no-untyped-def]
            client = build()
            client.deadline_s = fault.deadline_s  # type: ignore[attr-defined]
            return client

        monkeypatch.setattr(app.ctx.providers, "chat_client", short_deadline)
    fake_server.queue(fault.response)
    trigger = f"question that meets {name}"

    with LoopProbe() as probe:
        type_and_send(qtbot, app, trigger)
        app.drive(reply_done(app), timeout=15)
    assert probe.longest_gap < MAX_LOOP_GAP_S, f"the UI froze for {probe.longest_gap:.3f} s"

    cid = app.window.current_id
    assert cid is not None
    stored = app.ctx.repo.messages(cid)
    assert [m.role for m in stored] == [Role.USER, Role.ASSISTANT]
    assert stored[0].content == trigger
    reply = stored[1]
    if fault.fails:
        assert reply.status is MessageStatus.FAILED
        assert fault.words in reply.error.lower(), reply.error
        banner = app.window.chat.banner
        app.drive(banner.isVisible)
        shown = banner.label.text()
        assert fault.words in shown.lower(), shown
        assert "<" not in shown and "\n" not in shown  # never markup, never a raw page
        assert last_message(app).status is MessageStatus.FAILED
        if name == "429-retry-after":  # retry-after is honoured: Retry waits
            assert banner.primary.text() == "Retry in 12 s" and not banner.primary.isEnabled()
        # The next request works.
        app.window.chat.view.action_requested.emit("retry", last_message(app))
        app.drive(lambda: last_message(app).status is MessageStatus.COMPLETE, timeout=15)
        assert not banner.isVisible()
    else:
        assert reply.status is MessageStatus.COMPLETE
        assert fault.words in reply.content.lower(), reply.content
        if name.startswith("credits-header"):
            # No made-up balance: the status bar still says it does not know.
            assert "unknown" in app.window.status.credits_label.text()
        type_and_send(qtbot, app, "and the next one")
        app.drive(lambda: len(app.ctx.repo.messages(cid)) == 4 and reply_done(app)(), timeout=15)
    final = app.ctx.repo.messages(cid)
    assert final[0].content == trigger
    assert final[-1].status is MessageStatus.COMPLETE
    assert final[-2].role is Role.USER


def test_escape_cancels_a_server_that_never_answers(
    qtbot: QtBot, launcher: Callable[..., RunningApp], fake_server: FakeServer, tmp_path: Path
) -> None:
    app = launcher(tmp_path / "data", api_base=fake_server.base_url)
    fake_server.queue(FakeResponse(hang=True))
    with LoopProbe() as probe:
        type_and_send(qtbot, app, "hang on")
        app.drive(lambda: bool(fake_server.chat_requests()))
        qtbot.wait(300)
        qtbot.keyClick(app.window.chat.composer.edit, Qt.Key.Key_Escape)
        app.drive(reply_done(app))
    assert probe.longest_gap < MAX_LOOP_GAP_S
    reply = last_message(app)
    assert reply.status is MessageStatus.INTERRUPTED and "stopped" in reply.error.lower()
    # The server saw the client leave: the connection was closed, not left hanging.
    assert fake_server.chat_requests()[0].disconnected.wait(5)
    app.window.chat.view.action_requested.emit("retry", reply)
    app.drive(lambda: last_message(app).status is MessageStatus.COMPLETE)
