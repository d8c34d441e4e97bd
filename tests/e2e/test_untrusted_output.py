"""Model output is untrusted: rendering it can neither reach the network nor run anything.

A reply full of remote images, raw HTML, a script and dangerous links is rendered in the real
window and painted. A second loopback server stands for the attacker's host and counts requests.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from pytestqt.qtbot import QtBot

from r1desk.domain import MessageStatus
from r1desk.services.transfer import export_conversations
from tests.e2e.conftest import RunningApp, anchors_in
from tests.e2e.test_chat_flow import last_message, type_and_send
from tests.fakes import replies
from tests.fakes.models import FakeResponse
from tests.fakes.server import FakeServer


@pytest.fixture
def attacker() -> Iterator[FakeServer]:
    server = FakeServer().start()
    try:
        yield server
    finally:
        server.stop()


def _hostile_reply(origin: str) -> tuple[str, str]:
    content = (
        f'Look: ![x]({origin}/pixel) and <img src="{origin}/raw-img" width=1>\n\n'
        "<script>document.title = 'pwned'</script>\n\n"
        "[run me](javascript:alert(1)) [passwords](file:///etc/passwd) "
        f'<a href="javascript:alert(2)">raw js</a> <a href="{origin}/raw-link">raw</a>\n\n'
        f'<iframe src="{origin}/frame"></iframe> <link rel=stylesheet href="{origin}/css">\n\n'
        "[a safe one](https://example.com/docs)\n"
    )
    reasoning = f'<img src="{origin}/reasoning-img"> ![r]({origin}/reasoning-pixel)'
    return reasoning, content


def test_hostile_reply_loads_nothing_runs_nothing_and_links_are_refused(
    qtbot: QtBot,
    start_app: Callable[..., RunningApp],
    fake_server: FakeServer,
    attacker: FakeServer,
    tmp_path: Path,
) -> None:
    app = start_app()
    reasoning, content = _hostile_reply(attacker.origin)
    body = replies.completion_body("deepseek-reasoner", "field", reasoning, content, {})
    fake_server.queue(FakeResponse(body=json.dumps(body), content_type="application/json"))
    type_and_send(qtbot, app, "show me something")
    app.drive(lambda: last_message(app).status is MessageStatus.COMPLETE)

    view = app.window.chat.view
    row = len(view.messages()) - 1
    view.toggle_reasoning(row)  # the reasoning is rendered and painted too
    title = app.window.windowTitle()
    for _ in range(3):
        view.grab()  # paint every row now
        app.window.grab()
        qtbot.wait(50)

    # Nothing was fetched from the attacker's host.
    assert attacker.requests == []

    # Raw HTML is shown as text, not interpreted; the script did not run.
    text = view._delegate.document(row).plain_text()
    assert "<script>document.title = 'pwned'</script>" in text
    assert f'<img src="{attacker.origin}/raw-img" width=1>' in text
    assert "<iframe" in text
    assert app.window.windowTitle() == title

    # Only http(s)/mailto links are links; javascript: and file: ones are plain text.
    anchors = anchors_in(app, row)
    assert "https://example.com/docs" in anchors
    assert not [a for a in anchors if a.lower().startswith(("javascript:", "file:", "data:"))]
    assert f"{attacker.origin}/raw-link" not in anchors  # raw <a> is text, not a link

    # And even if asked to, the view refuses to open them.
    opened: list[QUrl] = []
    view.open_url = opened.append
    for href in ("javascript:alert(1)", "file:///etc/passwd", "JaVaScRiPt:alert(3)", "data:x"):
        view.activate_anchor(row, href)
    assert opened == []
    view.activate_anchor(row, "https://example.com/docs")
    assert opened == [QUrl("https://example.com/docs")]  # the safe one does open

    # An HTML export of the conversation is just as inert.
    cid = app.window.current_id
    assert cid is not None
    (exported,) = export_conversations(app.ctx.repo, [cid], "html", tmp_path / "out.html")
    page = exported.read_text(encoding="utf-8").lower()
    assert "<script" not in page and "<img" not in page and "<iframe" not in page
    assert 'href="javascript' not in page and 'href="file' not in page
    assert attacker.requests == []
