"""End-to-end fixtures: the real window wired exactly as `r1desk` wires it, against the fake server.

Qt and asyncio share one qasync loop, as in the app. The loop counts as running for the whole
test, so coroutines advance whenever Qt processes events; tests drive widgets with qtbot and
wait with `drive(...)` until what a user would see has happened.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import qasync
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from r1desk.app import build_context, make_event_loop, shutdown
from r1desk.paths import AppPaths
from r1desk.secrets import KeyStore
from r1desk.services.context import AppContext
from r1desk.ui.main_window import MainWindow
from r1desk.ui.startup import prepare_app
from tests.fakes.server import FakeServer
from tests.unit.memory_keyring import MemoryKeyring

TEST_KEY = "test-key"


@pytest.fixture
def loop(qapp: QApplication) -> Iterator[qasync.QEventLoop]:
    event_loop = make_event_loop(qapp, already_running=True)
    asyncio.set_event_loop(event_loop)
    yield event_loop
    qapp.aboutToQuit.disconnect(event_loop._after_run_forever)
    event_loop._after_run_forever()
    asyncio.events._set_running_loop(None)
    event_loop._QEventLoop__is_running = False  # type: ignore[attr-defined]
    event_loop.close()
    asyncio.set_event_loop(None)


def drive(qtbot: QtBot, until: Callable[[], object], timeout: float = 10.0) -> None:
    """Let Qt (and so asyncio) run until `until()` is true; fails the test on timeout."""
    qtbot.waitUntil(lambda: bool(until()), timeout=int(timeout * 1000))


@dataclass
class RunningApp:
    window: MainWindow
    ctx: AppContext
    qtbot: QtBot
    paths: AppPaths

    def drive(self, until: Callable[[], object], timeout: float = 10.0) -> None:
        drive(self.qtbot, until, timeout)

    closed: bool = False

    def add_conversations(self, *titles: str) -> list[int]:
        """Store empty conversations with these titles and show them in the list."""
        ids = [self.ctx.repo.create_conversation(title).id for title in titles]
        self.window.reload_list()
        return [cid for cid in ids if cid is not None]

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        self.window.close()
        done = asyncio.ensure_future(shutdown(self.ctx))
        self.drive(done.done)
        done.result()


@pytest.fixture
def start_app(
    qtbot: QtBot,
    loop: qasync.QEventLoop,
    fake_server: FakeServer,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
) -> Iterator[Callable[..., RunningApp]]:
    """Start the app on a data dir (the same dir each call: 'restart' = close + start again)."""
    started: list[RunningApp] = []

    def start(
        *,
        with_key: bool = True,
        data_dir: Path | None = None,
        override_base: bool = True,
        read_key: bool = True,
    ) -> RunningApp:
        paths = AppPaths.for_data_dir(data_dir or tmp_path / "data").ensure()
        keys = KeyStore(environ={})
        if with_key and not keys.get_key("segmind"):
            keys.set_key("segmind", TEST_KEY)
        api_base = fake_server.base_url if override_base else None
        ctx, _notice = build_context(paths, api_base=api_base, keys=keys)
        settings = ctx.providers.settings  # "system" language: English, whatever the machine
        qt_app = QApplication.instance()
        assert isinstance(qt_app, QApplication)
        prepare_app(
            qt_app, settings.replace(language="en") if settings.language == "system" else settings
        )
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.restore()
        if read_key:  # what after_first_paint does, minus the network and dialog
            window.refresh_endpoint()
        with qtbot.waitActive(window):  # shortcuts need an active window
            window.show()
            window.activateWindow()
        app = RunningApp(window, ctx, qtbot, paths)
        started.append(app)
        return app

    yield start
    for app in started:
        app.close()


def anchors_in(app: RunningApp, row: int) -> list[str]:
    """The distinct link targets in a painted message card, in order."""
    doc = app.window.chat.view._delegate.document(row).docs[0]
    found: list[str] = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isAnchor() and fmt.anchorHref() not in found:
                found.append(fmt.anchorHref())
            it += 1
        block = block.next()
    return found
