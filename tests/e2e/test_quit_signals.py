"""Asked to stop by a signal (logout, `kill`, Ctrl+C), r1desk closes as Quit does.

Each test runs the app in a child Python and sends it a real signal. Without the handlers
the child dies where it stands (exit status -15, -2, -1), so the return code alone tells the
two apart; the data dir then shows what a graceful close saved.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from r1desk.domain import MessageStatus, Role
from r1desk.paths import AppPaths
from r1desk.storage import Repository
from tests.e2e.child_app import CHILD_WINDOW, child_env, start_child
from tests.fakes.server import FakeServer

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

QUESTION = "a question whose reply is still coming"
DRAFT = "typed a moment ago, not saved yet"
EXIT_TIMEOUT_S = 20

# The app as run_gui wires it, minus the first-paint wait: the window, the loop, the quit
# signals and the shutdown. A reply is held by the server and a draft has just been typed
# (its debounced save is still pending) when the child says READY.
DRIVER = CHILD_WINDOW + textwrap.dedent(
    """
    from r1desk.app import close_on_quit_signals, shutdown

    question, draft = sys.argv[3:5]
    close_on_quit_signals(loop, window.close)

    def act():
        window.send(question)
        QTimer.singleShot(0, type_draft)

    def type_draft():
        window.chat.composer.edit.setPlainText(draft)
        print("READY", flush=True)

    QTimer.singleShot(0, act)
    closed = asyncio.Event()
    app.lastWindowClosed.connect(closed.set)
    with loop:
        loop.run_until_complete(closed.wait())
        loop.run_until_complete(shutdown(ctx))
    """
)


def _stop(child: subprocess.Popen[str], number: int) -> str:
    """Send `number`, wait for the exit, return what the child wrote to stderr."""
    child.send_signal(number)
    try:
        _, errors = child.communicate(timeout=EXIT_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        child.kill()
        _, errors = child.communicate()
        pytest.fail(f"still running {EXIT_TIMEOUT_S} s after {signal.Signals(number).name}")
    return errors


@pytest.mark.parametrize(
    "number", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP], ids=lambda n: signal.Signals(n).name
)
def test_a_quit_signal_saves_the_draft_and_the_partial_reply(
    fake_server: FakeServer, tmp_path: Path, number: int
) -> None:
    data_dir = tmp_path / "data"
    fake_server.hold()  # the reply never comes: it is still pending when the signal arrives
    child = start_child(DRIVER, str(data_dir), fake_server.base_url, QUESTION, DRAFT, ready="READY")
    try:
        fake_server.wait_for_requests(1, timeout=10)
        errors = _stop(child, number)
    finally:
        fake_server.release()
        if child.poll() is None:
            child.kill()
            child.communicate()
    assert child.returncode == 0, errors

    # Read the database as the close left it: no start-up repair has run.
    with Repository.open(AppPaths.for_data_dir(data_dir).database) as repo:
        [conversation] = repo.list_conversations()
        assert conversation.id is not None
        assert repo.get_conversation(conversation.id, with_messages=False).draft == DRAFT
        question, reply = repo.messages(conversation.id)
    assert (question.role, question.content) == (Role.USER, QUESTION)
    assert reply.role is Role.ASSISTANT
    assert reply.status is MessageStatus.INTERRUPTED  # stored by the close, not a restart


def test_the_r1desk_command_closes_on_sigterm(fake_server: FakeServer, tmp_path: Path) -> None:
    """`python -m r1desk` installs the handlers itself, once its loop runs."""
    data_dir = tmp_path / "data"
    command = [sys.executable, "-m", "r1desk", "--data-dir", str(data_dir)]
    child = subprocess.Popen(
        [*command, "--api-base", fake_server.base_url],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env(SEGMIND_API_KEY="test-key"),
    )
    try:
        fake_server.wait_for_requests(1, timeout=30)  # the balance check: the loop is running
        errors = _stop(child, signal.SIGTERM)
    finally:
        if child.poll() is None:
            child.kill()
            child.communicate()
    assert child.returncode == 0, errors
    paths = AppPaths.for_data_dir(data_dir)
    log = (data_dir / "r1desk.log").read_text()
    assert "Closing on SIGTERM" in log
    assert log.rstrip().endswith("r1desk stopped")
    assert paths.prerendered_file.exists()  # written by the window's close
