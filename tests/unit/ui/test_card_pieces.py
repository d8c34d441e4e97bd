"""Long cards are laid out in pieces: exactly where one document would put every line, and a
streamed update lays out only the piece that changed."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QGuiApplication, QImage, QPainter, QTextCursor, QTextDocument
from pytestqt.qtbot import QtBot

from r1desk.domain import Message, MessageStatus, Role, utc_now
from r1desk.render.highlight import code_colors
from r1desk.render.message_card import message_card_html
from r1desk.ui.card_document import CardDocument, CardPiece
from r1desk.ui.chat_view import ChatView


def _long_markdown(seed: int, sections: int = 12) -> str:
    parts = []
    for k in range(sections):
        parts += [
            f"## Step {seed}.{k}",
            f"We look at the **event loop** again ({k}), because `asyncio` keeps it busy. " * 5,
            f"- point {k}\n- another point\n\n  continued",
            f"```python\ndef step_{k}():\n    return {k}\n\n\n    # after blank lines\n```",
            f"| a | b |\n|---|---|\n| {k} | {seed} |",
            "> quoted advice\n> on two lines",
            "Plain closing words for this section, long enough to wrap at narrow widths. " * 4,
        ]
    return "\n\n".join(parts)


def _reply(status: MessageStatus) -> Message:
    return Message(
        Role.ASSISTANT,
        _long_markdown(1),
        reasoning=_long_markdown(2, sections=8),
        status=status,
        model="deepseek-r1",
        elapsed_s=None if status is MessageStatus.PENDING else 73.0,
        created_at=utc_now() - timedelta(seconds=30),
    )


def _card(message: Message, chunked: bool, width: int, font: QFont) -> CardDocument:
    card = message_card_html(
        message, expanded=True, dark=False, now=utc_now(), highlight=True, chunked=chunked
    )
    return CardDocument([CardPiece(html, font, width) for html in card.pieces], card.code_blocks)


def _lines(card: CardDocument) -> list[tuple[float, str]]:
    """(top, text) of every block of the card, in card coordinates."""
    found = []
    for top, doc in zip(card.tops, card.docs, strict=True):
        layout, block = doc.documentLayout(), doc.begin()
        while block.isValid():
            found.append((top + layout.blockBoundingRect(block).top(), block.text()))
            block = block.next()
    return found


def _image(card: CardDocument, width: int) -> QImage:
    image = QImage(width, int(card.height) + 1, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    card.draw(painter, QRectF(0, 0, width, card.height + 1), QGuiApplication.palette())
    painter.end()
    return image


@pytest.mark.parametrize("width", [260, 700])
@pytest.mark.parametrize(
    "status", [MessageStatus.PENDING, MessageStatus.COMPLETE, MessageStatus.INTERRUPTED]
)
def test_pieces_put_every_line_where_one_document_would(
    qtbot: QtBot, width: int, status: MessageStatus
) -> None:
    font = QFont(QGuiApplication.font())
    message = _reply(status)
    whole = _card(message, chunked=False, width=width, font=font)
    pieces = _card(message, chunked=True, width=width, font=font)
    assert len(whole.docs) == 1
    assert len(pieces.docs) >= 5
    assert _lines(pieces) == _lines(whole)
    assert pieces.height == whole.height
    assert pieces.code_blocks == whole.code_blocks
    if status is not MessageStatus.PENDING:  # (streaming, settled chunks get colours early)
        assert _image(pieces, width) == _image(whole, width)  # the same pixels


def test_a_link_in_a_late_piece_is_found_where_it_is_drawn(qtbot: QtBot) -> None:
    font = QFont(QGuiApplication.font())
    card = _card(_reply(MessageStatus.COMPLETE), chunked=True, width=700, font=font)
    last = card.docs[-1]
    block = last.begin()
    while block.isValid() and not block.text().startswith("Copy"):
        block = block.next()
    assert block.isValid()
    inside = last.documentLayout().blockBoundingRect(block).center()
    inside.setX(last.documentLayout().blockBoundingRect(block).left() + 5)
    href = card.anchor_at(QPointF(inside.x(), card.tops[-1] + inside.y()))
    assert href.startswith("r1desk-copy:")
    number = int(href.removeprefix("r1desk-copy:"))
    assert card.code_blocks[number].startswith("def step_")  # numbered across the pieces
    assert card.anchor_at(QPointF(inside.x(), inside.y() + 0.5)) != href


def test_streaming_a_long_reply_lays_out_only_its_last_piece(view: ChatView) -> None:
    text = _long_markdown(3, sections=20)
    reply = Message(Role.ASSISTANT, "", status=MessageStatus.PENDING, id=7)
    view.set_messages([Message(Role.USER, "Explain it all", id=6), reply])
    delegate = view._delegate
    laid_out_per_update = []
    for end in range(200, len(text), 200):
        reply = dataclasses.replace(reply, content=text[:end])
        view.update_message(reply)
        before = delegate.pieces_laid_out
        view._flush_updates()
        view.viewport().repaint()
        laid_out_per_update.append(delegate.pieces_laid_out - before)
    pieces = len(delegate.document(1).docs)
    assert pieces >= 6
    # Each update lays out the growing piece (and the one it was cut from, once), never
    # the whole reply again.
    assert max(laid_out_per_update[len(laid_out_per_update) // 2 :]) <= 2
    assert sum(laid_out_per_update) < 3 * len(laid_out_per_update)


def _colours_of_def(piece: QTextDocument) -> set[str]:
    """Foreground colours of each `def` keyword in a piece (one colour: all plain)."""
    colours = set()
    cursor = piece.find("def step_")
    while not cursor.isNull():
        at_d = QTextCursor(piece)
        at_d.setPosition(cursor.selectionStart() + 1)
        colours.add(at_d.charFormat().foreground().color().name())
        cursor = piece.find("def step_", cursor)
    return colours


def test_settled_code_gets_its_colours_between_updates(view: ChatView, qtbot: QtBot) -> None:
    plain = code_colors(dark=False)[1]
    text = _long_markdown(4, sections=10)
    reply = Message(Role.ASSISTANT, text, status=MessageStatus.PENDING, id=9)
    view.set_messages([Message(Role.USER, "Explain it all", id=8), reply])
    view.update_message(dataclasses.replace(reply, content=text + "\n\nMore"))
    view._flush_updates()
    pieces = view._delegate.document(1).docs
    assert len(pieces) >= 4
    # The update that settled them did not wait for Pygments: their code is still plain.
    assert all(_colours_of_def(piece) <= {plain} for piece in pieces)

    def settled_pieces_coloured() -> bool:
        settled = view._delegate.document(1).docs[:-1]
        return all(plain not in _colours_of_def(piece) for piece in settled)

    qtbot.waitUntil(settled_pieces_coloured, timeout=3000)  # no further update needed
    growing = view._delegate.document(1).docs[-1]
    assert _colours_of_def(growing) <= {plain}


def test_text_arriving_between_a_flush_and_its_paint_waits_for_the_next_flush(
    view: ChatView,
) -> None:
    reply = Message(Role.ASSISTANT, "", status=MessageStatus.PENDING, id=11)
    view.set_messages([Message(Role.USER, "Go on", id=10), reply])
    view.update_message(dataclasses.replace(reply, content="First words."))
    view._flush_updates()  # measures (lays out) this version
    view.update_message(dataclasses.replace(reply, content="First words. Then more."))
    built = view._delegate.documents_built
    view.viewport().repaint()  # the paint the flush asked for, after the text moved on
    assert view._delegate.documents_built == built  # painted as measured, not laid out again
    view._flush_updates()
    view.viewport().repaint()
    assert view._delegate.documents_built == built + 1
    assert "Then more." in view._delegate.document(1).plain_text()
