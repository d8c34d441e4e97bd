"""'Thought for n s' is how long R1 reasoned, not the whole reply: once the answer begins
streaming, the header stops counting "Thinking…" and keeps that time, also after a restart."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone

from pytestqt.qtbot import QtBot

from r1desk.domain import Message, MessageStatus
from r1desk.render.message_card import reasoning_title
from tests.e2e.conftest import RunningApp
from tests.e2e.test_chat_flow import reply_done, type_and_send
from tests.fakes.server import FakeServer


def test_thought_for_is_the_time_until_the_answer_began(
    qtbot: QtBot, start_app: Callable[..., RunningApp], fake_server: FakeServer
) -> None:
    app = start_app(override_base=False)
    streamed = app.ctx.providers.settings.replace(
        provider="custom", api_base=fake_server.openai_base_url, model="r1-local"
    )
    app.window.dialogs.apply_settings(streamed)
    updates: list[Message] = []
    app.ctx.chat.message_updated.connect(
        lambda m: m.status is MessageStatus.PENDING and updates.append(m)
    )
    fake_server.chunk_delay = 0.01  # reasoning first, then a longer answer

    type_and_send(qtbot, app, "how long did you think")
    app.drive(reply_done(app))

    now = datetime.now(timezone.utc)
    thinking = [m for m in updates if not m.content]
    answering = [m for m in updates if m.content]
    assert thinking and answering
    assert all(reasoning_title(m, now).startswith("Thinking…") for m in thinking)
    assert all(m.thought_s is not None for m in answering)
    assert all(reasoning_title(m, now).startswith("Thought for") for m in answering)

    cid = app.window.current_id
    assert cid is not None
    reply = app.ctx.repo.messages(cid)[-1]
    assert reply.status is MessageStatus.COMPLETE
    assert reply.thought_s is not None and reply.elapsed_s is not None
    assert 0 < reply.thought_s < reply.elapsed_s - 0.05  # the answer took time of its own
    row = len(app.window.chat.view.messages()) - 1
    card = app.window.chat.view._delegate.document(row).plain_text()
    assert f"Thought for {round(reply.thought_s)} s" in card


def test_a_reply_that_arrives_whole_never_thought_longer_than_it_took(
    qtbot: QtBot, start_app: Callable[..., RunningApp]
) -> None:
    app = start_app()  # Segmind, not streamed: the answer arrives with the reply
    type_and_send(qtbot, app, "quick one")
    app.drive(reply_done(app))
    cid = app.window.current_id
    assert cid is not None
    reply = app.ctx.repo.messages(cid)[-1]
    assert reply.thought_s is not None and reply.elapsed_s is not None
    assert reply.thought_s <= reply.elapsed_s
