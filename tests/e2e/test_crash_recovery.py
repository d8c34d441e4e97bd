"""Killed mid-request, or started on a damaged database: nothing the user wrote is lost.

The crash is real: a separate Python process runs the app (the composition root and the real
window), sends a message while the fake server holds the request, types a draft, and is then
killed with SIGKILL. The restart happens in this process, on the same data dir.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalSocket
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from r1desk.app import build_context
from r1desk.domain import INTERRUPTED_ERROR_TEXT, Message, MessageStatus, Role
from r1desk.paths import AppPaths
from r1desk.render.message_card import RETRY_HREF
from r1desk.secrets import KeyStore
from r1desk.storage import Repository
from r1desk.ui.single_instance import server_name
from tests.e2e.child_app import CHILD_WINDOW, child_env, start_child
from tests.e2e.conftest import TEST_KEY, RunningApp, anchors_in
from tests.e2e.test_chat_flow import last_message
from tests.fakes.server import FakeServer

QUESTION = "a question asked just before the crash"
DRAFT = "the next question, half typed"

DRIVER = CHILD_WINDOW + textwrap.dedent(
    """
    question, draft = sys.argv[3:5]

    def act():
        window.send(question)  # the request goes out and is held by the server
        window.chat.composer.edit.setPlainText(draft)  # saved after the debounce

    def poll():
        cid = window.current_id
        if cid is not None and ctx.repo.get_conversation(cid, with_messages=False).draft == draft:
            print("READY", flush=True)
        else:
            QTimer.singleShot(50, poll)

    QTimer.singleShot(0, act)
    QTimer.singleShot(50, poll)
    with loop:
        loop.run_forever()
    """
)


@contextmanager
def killed_on_exit(code: str, *args: str, ready: str) -> Iterator[None]:
    """Run `code` in a child Python with `args`, wait until it prints `ready`, and SIGKILL it
    when the block ends: the crash is real."""
    child = start_child(code, *args, ready=ready)
    try:
        yield
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10)
        for pipe in (child.stdout, child.stderr):
            if pipe:
                pipe.close()
    assert child.returncode == -signal.SIGKILL


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_mid_request_keeps_message_draft_and_offers_retry(
    qtbot: QtBot,
    start_app: Callable[..., RunningApp],
    fake_server: FakeServer,
    tmp_path: Path,
) -> None:
    data_dir = tmp_path / "data"
    fake_server.hold()
    args = (str(data_dir), fake_server.base_url, QUESTION, DRAFT)
    with killed_on_exit(DRIVER, *args, ready="READY"):  # the draft is stored by then
        fake_server.wait_for_requests(1, timeout=10)
        assert fake_server.chat_requests(), "the request never reached the server"
    fake_server.release()

    app = start_app(data_dir=data_dir)
    cid = app.window.current_id
    assert cid is not None
    stored = app.ctx.repo.messages(cid)
    assert [m.role for m in stored] == [Role.USER, Role.ASSISTANT]
    assert stored[0].content == QUESTION
    assert stored[1].status is MessageStatus.INTERRUPTED
    assert stored[1].error == INTERRUPTED_ERROR_TEXT
    assert app.window.chat.composer.text == DRAFT

    # The interrupted reply shows a Retry link; one click asks again and it works.
    view = app.window.chat.view
    row = len(view.messages()) - 1
    assert view.messages()[row].status is MessageStatus.INTERRUPTED
    assert anchors_in(app, row).count(RETRY_HREF) == 1
    view.activate_anchor(row, RETRY_HREF)
    app.drive(lambda: last_message(app).status is MessageStatus.COMPLETE)
    assert QUESTION in last_message(app).content
    assert [m.role for m in app.ctx.repo.messages(cid)] == [Role.USER, Role.ASSISTANT]
    assert app.window.chat.composer.text == DRAFT  # still there, not sent


# -- a damaged database at start -------------------------------------------------------------


def _filled_database(path: Path) -> None:
    with Repository.open(path) as repo:
        for n in range(40):
            conversation = repo.create_conversation()
            assert conversation.id is not None
            for _ in range(10):
                repo.add_message(conversation.id, Message(Role.USER, f"message {n} " * 40))


def _garbage(path: Path) -> None:
    path.write_bytes(os.urandom(64 * 1024))


def _truncated(path: Path) -> None:
    _filled_database(path)
    with path.open("r+b") as handle:
        handle.truncate(path.stat().st_size // 3)


def _overwritten_schema_page(path: Path) -> None:
    _filled_database(path)
    with path.open("r+b") as handle:
        handle.seek(100)  # just past the header: the schema table
        handle.write(os.urandom(3000))


def _overwritten_data_page(path: Path) -> None:
    """The header and schema are fine; a page the start-up queries read is not."""
    _filled_database(path)
    with path.open("r+b") as handle:
        handle.seek(4096)
        handle.write(os.urandom(4096))


DAMAGE = {
    "garbage": _garbage,
    "truncated": _truncated,
    "schema-overwritten": _overwritten_schema_page,
    "data-page-overwritten": _overwritten_data_page,
}


@pytest.mark.parametrize("damage", DAMAGE)
def test_damaged_database_is_moved_aside_and_app_starts_fresh(
    qtbot: QtBot,
    start_app: Callable[..., RunningApp],
    tmp_path: Path,
    damage: str,
) -> None:
    paths = AppPaths.for_data_dir(tmp_path / "data").ensure()
    DAMAGE[damage](paths.database)
    damaged_bytes = paths.database.read_bytes()

    ctx, notice = build_context(paths, keys=KeyStore(environ={}))
    try:
        assert "moved aside" in notice
        moved = sorted(paths.data_dir.glob("r1desk.sqlite3.corrupt-*"))
        moved = [p for p in moved if not p.name.endswith(("-wal", "-shm"))]
        assert len(moved) == 1
        assert moved[0].name[len("r1desk.sqlite3.corrupt-") :][:8].isdigit()  # YYYYmmdd-...
        assert str(moved[0]) in notice
        assert moved[0].read_bytes() == damaged_bytes  # kept as it was, for recovery
        assert ctx.repo.list_conversations() == []
    finally:
        ctx.repo.close()

    # The fresh database works through the real window.
    app = start_app(data_dir=paths.data_dir)
    app.window.send("hello after the damage")
    app.drive(lambda: last_message(app).status is MessageStatus.COMPLETE)
    cid = app.window.current_id
    assert cid is not None
    assert app.ctx.repo.messages(cid)[0].content == "hello after the damage"


def test_a_healthy_database_is_left_alone(tmp_path: Path) -> None:
    paths = AppPaths.for_data_dir(tmp_path / "data").ensure()
    _filled_database(paths.database)
    ctx, notice = build_context(paths, keys=KeyStore(environ={}))
    try:
        assert notice == ""
        assert len(ctx.repo.list_conversations()) == 40
        assert not list(paths.data_dir.glob("*.corrupt-*"))
    finally:
        ctx.repo.close()


# -- two starts on one data dir ----------------------------------------------------------------


def _start_r1desk(data_dir: Path, api_base: str, *extra: str) -> subprocess.Popen[str]:
    env = child_env(SEGMIND_API_KEY=TEST_KEY)
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "r1desk",
            "--data-dir",
            str(data_dir),
            "--api-base",
            api_base,
            *extra,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _wait_listening(data_dir: Path, process: subprocess.Popen[str], timeout: float = 15) -> None:
    name = server_name(data_dir)
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
        socket = QLocalSocket()
        socket.connectToServer(name)
        if socket.waitForConnected(200):
            socket.disconnectFromServer()
            return
        time.sleep(0.1)
    raise AssertionError("the first instance never started listening")


def _log(data_dir: Path) -> str:
    path = data_dir / "r1desk.log"
    return path.read_text(encoding="utf-8") if path.exists() else ""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_second_start_hands_over_to_the_running_window(
    qapp: QApplication, fake_server: FakeServer, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    first = _start_r1desk(data_dir, fake_server.base_url)
    try:
        _wait_listening(data_dir, first)
        second = _start_r1desk(data_dir, fake_server.base_url)
        _out, err = second.communicate(timeout=20)
        assert second.returncode == 0, err
        deadline = time.monotonic() + 10
        while "Another start asked for this window" not in _log(data_dir):
            assert time.monotonic() < deadline, _log(data_dir)
            time.sleep(0.05)
        assert "asked it to show its window" in _log(data_dir)
        assert first.poll() is None  # the first one is still running
        assert _log(data_dir).count("starting") == 2  # two starts, one window
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(10)
        if first.stderr:
            first.stderr.close()

    # The lock left by the killed instance is stale: the next start takes over.
    third = _start_r1desk(data_dir, fake_server.base_url, "--smoke-test")
    _out, err = third.communicate(timeout=30)
    assert third.returncode == 0, err
    assert "does not answer" not in _log(data_dir)
    assert _log(data_dir).count("r1desk stopped") == 1  # the smoke test ran the whole app
