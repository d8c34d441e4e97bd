"""The API key never leaves the keyring and the request header; the app's files are private.

A full session with a distinctive key: send, a 401 whose body echoes the key, retry, export to
every format, with every logger at DEBUG into the app's log file. Then every byte the app wrote
is searched for the key, and so are the reprs of the app's objects and the exception texts.
"""

from __future__ import annotations

import asyncio
import logging
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from r1desk import api
from r1desk.app import _setup_logging
from r1desk.domain import Message, MessageStatus, Role
from r1desk.paths import AppPaths
from r1desk.services.transfer import FORMATS, export_conversations
from tests.e2e.conftest import RunningApp
from tests.e2e.test_chat_flow import last_message, reply_done, type_and_send
from tests.e2e.test_fault_matrix import launcher  # noqa: F401  (a fixture)
from tests.fakes.models import FakeResponse
from tests.fakes.server import FakeServer

KEY = "sk-LEAKCHECK-0123456789"
POSIX = os.name == "posix"


@pytest.fixture
def debug_log(tmp_path: Path) -> Iterator[Path]:
    """The app's own data dir and log set-up (under a permissive umask), every logger at DEBUG."""
    old_umask = os.umask(0o022)
    paths = AppPaths.for_data_dir(tmp_path / "data").ensure()
    log_file = paths.data_dir / "r1desk.log"
    root = logging.getLogger()
    before = (root.level, list(root.handlers))
    _setup_logging(log_file)
    root.setLevel(logging.DEBUG)
    noisy = [logging.getLogger(n) for n in ("httpx", "httpcore", "asyncio", "r1desk")]
    levels = [n.level for n in noisy]
    for logger in noisy:
        logger.setLevel(logging.DEBUG)
    try:
        yield log_file
    finally:
        for handler in root.handlers[len(before[1]) :]:
            handler.close()
        root.handlers[:] = before[1]
        root.setLevel(before[0])
        for logger, level in zip(noisy, levels, strict=True):
            logger.setLevel(level)
        os.umask(old_umask)


def _run(app: RunningApp, coro: object) -> object:
    task = asyncio.ensure_future(coro)  # type: ignore[call-overload]
    app.drive(task.done)
    return task


def _session(
    qtbot: QtBot, start: Callable[..., RunningApp], server: FakeServer, tmp_path: Path
) -> tuple[RunningApp, list[str]]:
    """Everything a user does in a session; returns the app and texts the app produced."""
    server.valid_keys = {KEY}
    app = start(tmp_path / "data", api_base=server.base_url, key=KEY)
    texts: list[str] = []

    # A refused key, and a server that echoes it in the error body.
    server.queue(
        FakeResponse(status=401, body={"error": f"Invalid API key {KEY} for this account"})
    )
    type_and_send(qtbot, app, "first question")
    app.drive(reply_done(app))
    app.drive(app.window.chat.banner.isVisible)
    texts += [app.window.chat.banner.label.text(), last_message(app).error]
    app.window.chat.view.action_requested.emit("retry", last_message(app))
    app.drive(lambda: last_message(app).status is MessageStatus.COMPLETE)

    # The exceptions themselves, raised by a client the way the app builds it.
    for response in (
        FakeResponse(status=401, body={"error": {"message": f"bad key {KEY}"}}),
        FakeResponse(status=500, body=f"<html>{KEY}</html>"),
        FakeResponse(drop=True),
    ):
        server.queue(response)
        task = _run(app, app.ctx.providers.chat_client().chat([Message(Role.USER, "x")]))
        error = task.exception()  # type: ignore[attr-defined]
        assert isinstance(error, api.ApiError)
        while error is not None:
            texts += [str(error), repr(error), *map(str, error.args)]
            texts += [getattr(error, n, "") for n in ("user_message", "server_message")]
            error = error.__cause__ or error.__context__
    credits = _run(app, app.ctx.providers.credits_client().get_credits())  # type: ignore[union-attr]
    texts.append(repr(credits.result()))  # type: ignore[attr-defined]

    # The objects a crash report or a debugger would print.
    ctx = app.ctx
    for obj in (ctx, ctx.keys, ctx.providers, ctx.chat, ctx.credits, ctx.tasks, ctx.paths):
        texts += [repr(obj), str(obj)]
    texts += [repr(ctx.providers.chat_client()), repr(ctx.providers.credits_client())]

    exports = tmp_path / "exports"
    for fmt in FORMATS:
        export_conversations(ctx.repo, None, fmt, exports / fmt)
    return app, texts


def _files(*roots: Path) -> list[Path]:
    return [p for root in roots for p in root.rglob("*") if p.is_file()]


def _leaks(paths: list[Path]) -> list[str]:
    needles = (KEY.encode(), KEY.encode("utf-16-le"))
    return [str(p) for p in paths if any(n in p.read_bytes() for n in needles)]


def test_the_key_is_in_no_file_log_repr_or_error(
    qtbot: QtBot,
    launcher: Callable[..., RunningApp],  # noqa: F811
    fake_server: FakeServer,
    tmp_path: Path,
    debug_log: Path,
) -> None:
    app, texts = _session(qtbot, launcher, fake_server, tmp_path)
    # The key did go where it belongs: the request header.
    assert fake_server.chat_requests()[-1].headers["x-api-key"] == KEY
    assert "Invalid API key" in texts[0]  # the server's words are shown, the key is not

    data, exports = tmp_path / "data", tmp_path / "exports"
    assert any(p.name.endswith("-wal") for p in _files(data)), "look at the WAL while it is live"
    assert _leaks(_files(data, exports)) == []
    app.close()
    for handler in logging.getLogger().handlers:
        handler.flush()
    written = _files(data, exports)
    assert {p.suffix for p in written} >= {".sqlite3", ".log", ".md", ".json", ".html", ".pdf"}
    assert debug_log.stat().st_size > 0
    assert _leaks(written) == []
    assert [t for t in texts if KEY in t] == []


@pytest.mark.skipif(not POSIX, reason="POSIX permissions")
def test_data_dir_database_log_and_exports_are_private(
    qtbot: QtBot,
    launcher: Callable[..., RunningApp],  # noqa: F811
    fake_server: FakeServer,
    tmp_path: Path,
    debug_log: Path,
) -> None:
    app, _texts = _session(qtbot, launcher, fake_server, tmp_path)
    data = tmp_path / "data"
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    private = [app.paths.database, debug_log]
    private += [p for p in data.iterdir() if p.name.startswith("r1desk.sqlite3-")]
    private += _files(tmp_path / "exports")
    assert len(private) >= 2 + 1 + len(FORMATS)
    loose = {str(p): oct(stat.S_IMODE(p.stat().st_mode)) for p in private}
    assert {p: m for p, m in loose.items() if m != "0o600"} == {}
