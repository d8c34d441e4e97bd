"""A balance that rose between two readings (a top-up) is never shown as a reply's gain."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from r1desk.domain import Message, MessageStatus, Role, utc_now
from r1desk.render.message_card import message_card_html
from tests.e2e.conftest import RunningApp
from tests.e2e.test_chat_flow import last_message, reply_done, type_and_send
from tests.fakes.server import FakeServer


def ask(qtbot: QtBot, app: RunningApp, text: str) -> Message:
    type_and_send(qtbot, app, text)
    app.drive(lambda: reply_done(app)() and last_message(app).content != "")
    app.drive(lambda: last_message(app).status is MessageStatus.COMPLETE)
    message = last_message(app)
    assert isinstance(message, Message)
    return message


def header_text(app: RunningApp) -> str:
    row = len(app.window.chat.view.messages()) - 1
    doc = app.window.chat.view._delegate.document(row).docs[0]
    return doc.toPlainText().splitlines()[0]


def test_a_top_up_between_requests_shows_the_cost_as_unknown(
    qtbot: QtBot, start_app: Callable[..., RunningApp], fake_server: FakeServer
) -> None:
    app = start_app()
    ask(qtbot, app, "first question")  # the balance is known from here on
    second = ask(qtbot, app, "second question")
    assert second.cost is not None and second.cost > 0
    assert app.window.status.cost_label.text() == "Last reply: 0.0125 credits"
    assert "−0.0125 credits" in header_text(app)

    fake_server.set_credits(20.0)  # topped up while r1desk was open
    third = ask(qtbot, app, "third question")

    assert third.credits_after is not None and third.credits_before is not None
    assert third.credits_after > third.credits_before  # what the two readings say
    assert third.cost is None  # not a gain: unknown
    assert app.window.status.cost_label.text() == "Last reply: cost unknown"
    header = header_text(app)
    assert "credits" not in header and "+" not in header, header


def test_the_card_header_leaves_out_a_negative_cost() -> None:
    reply = Message(
        Role.ASSISTANT,
        "answer",
        model="deepseek-reasoner",
        credits_before=9.0,
        credits_after=9.0375,
    )
    html = message_card_html(reply, expanded=False, dark=False, now=utc_now()).html
    assert "credits" not in html and "0.0375" not in html
