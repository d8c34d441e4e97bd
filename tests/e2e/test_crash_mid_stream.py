"""Killed while a reply streams in: the text that arrived before the last few seconds is kept.

As in test_crash_recovery, the crash is real: a separate Python process runs the app with an
OpenAI-compatible provider (which streams), and is killed with SIGKILL mid-reply.
"""

from __future__ import annotations

import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from r1desk.domain import MessageStatus, Role
from r1desk.render.message_card import RETRY_HREF
from r1desk.services.chat_controller import CHECKPOINT_INTERVAL_S
from tests.e2e.conftest import RunningApp, anchors_in
from tests.e2e.test_crash_recovery import killed_on_exit
from tests.fakes.server import FakeServer

LONG_TEXT = " ".join(f"word{n}" for n in range(1500))  # about 14 s at the pace set below

DRIVER = textwrap.dedent(
    """
    import asyncio, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from r1desk.app import build_context, make_event_loop
    from r1desk.paths import AppPaths
    from r1desk.secrets import KeyStore
    from r1desk.settings import Settings, save_settings
    from r1desk.ui.main_window import MainWindow

    data_dir, api_base, prompt = sys.argv[1:4]
    app = QApplication([])
    loop = make_event_loop(app)
    asyncio.set_event_loop(loop)
    paths = AppPaths.for_data_dir(data_dir).ensure()
    save_settings(paths.settings_file, Settings(provider="custom", api_base=api_base))
    ctx, _ = build_context(paths, keys=KeyStore(environ={}))
    window = MainWindow(ctx)
    window.restore()
    window.show()

    def poll():
        shown = window.chat.view.messages()
        if len(shown) == 2 and len(shown[1].content) > 200:
            print("STREAMING", flush=True)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, lambda: window.send(prompt))
    QTimer.singleShot(20, poll)
    with loop:
        loop.run_forever()
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_mid_stream_keeps_the_reply_so_far(
    qtbot: QtBot,
    start_app: Callable[..., RunningApp],
    fake_server: FakeServer,
    tmp_path: Path,
) -> None:
    data_dir = tmp_path / "data"
    fake_server.chunk_delay = 0.02
    prompt = f"!echo {LONG_TEXT}"
    args = (str(data_dir), fake_server.openai_base_url, prompt)
    with killed_on_exit(DRIVER, *args, ready="STREAMING"):
        time.sleep(CHECKPOINT_INTERVAL_S + 1.0)

    app = start_app(data_dir=data_dir, override_base=False)
    cid = app.window.current_id
    assert cid is not None
    question, reply = app.ctx.repo.messages(cid)
    assert (question.role, reply.role) == (Role.USER, Role.ASSISTANT)
    assert reply.status is MessageStatus.INTERRUPTED
    assert reply.reasoning == "Repeating what was asked."
    assert len(reply.content) > 200  # at least what was on screen a checkpoint earlier
    assert LONG_TEXT.startswith(reply.content)
    assert len(reply.content) < len(LONG_TEXT)  # it was killed long before the end

    # On screen after the restart: the partial reply, said to be cut off, with a Retry link.
    shown = app.window.chat.view.messages()
    assert shown[-1].content == reply.content
    card = app.window.chat.view._delegate.document(len(shown) - 1).plain_text()
    assert "r1desk closed before the reply was complete" in card
    assert anchors_in(app, len(shown) - 1).count(RETRY_HREF) == 1
