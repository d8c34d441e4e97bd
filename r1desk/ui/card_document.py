"""A message card laid out as one or more text documents, stacked exactly as one would be.

`message_card_html` gives a long card in pieces (cut between paragraphs, see render.chunks),
so that a streamed update lays out only the piece that changed. Qt's layout drops the top
margin of a document's first block and the bottom margin of its last one, and between two
blocks keeps the larger of the two margins; pieces are stacked with that same gap, so every
line lands where it would in the whole card laid out as one document.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from PySide6.QtCore import QPointF, QRectF, QUrl
from PySide6.QtGui import QAbstractTextDocumentLayout, QFont, QPainter, QPalette, QTextDocument


class SafeDocument(QTextDocument):
    """A document that never loads anything: no images, no stylesheets, local or remote."""

    def loadResource(self, type: int, name: QUrl | str) -> Any:
        return None


class CardPiece(SafeDocument):
    """One piece of a card, laid out once at `width`. Its geometry is read once too: asking Qt
    for a document's size costs about 20 µs, and a long card asks for dozens on every update."""

    def __init__(self, html: str, font: QFont, width: int) -> None:
        super().__init__()
        self.setUndoRedoEnabled(False)
        self.setDocumentMargin(0)
        self.setDefaultFont(font)
        self.setTextWidth(width)
        self.setHtml(html)
        self.height = self.size().height()

    # Read only where pieces are stacked: most cards are one piece, and the first read of a
    # block format builds PySide's QTextFormat enums (~3 ms), before the first paint if a
    # card is on screen at start-up.
    @cached_property
    def top_margin(self) -> float:
        return self.firstBlock().blockFormat().topMargin()

    @cached_property
    def bottom_margin(self) -> float:
        return self.lastBlock().blockFormat().bottomMargin()


class CardDocument:
    """The documents of one card, each with the y at which it is drawn."""

    __slots__ = ("code_blocks", "docs", "height", "tops")

    def __init__(self, docs: list[CardPiece], code_blocks: tuple[str, ...]) -> None:
        self.docs = docs
        self.code_blocks = code_blocks
        self.tops: list[float] = []
        y = 0.0
        for i, doc in enumerate(docs):
            if i:
                y += max(docs[i - 1].bottom_margin, doc.top_margin)
            self.tops.append(y)
            y += doc.height
        self.height = y

    def draw(self, painter: QPainter, clip: QRectF, palette: QPalette) -> None:
        """Draw the part of the card inside `clip` (card coordinates) at the painter's origin."""
        for top, doc in zip(self.tops, self.docs, strict=True):
            shown = clip.intersected(QRectF(clip.left(), top, clip.width(), doc.height))
            if shown.isEmpty():
                continue
            context = QAbstractTextDocumentLayout.PaintContext()
            context.palette = palette
            context.clip = shown.translated(0, -top)
            painter.save()
            painter.translate(0, top)
            doc.documentLayout().draw(painter, context)
            painter.restore()

    def anchor_at(self, pos: QPointF) -> str:
        """The link target at `pos` (card coordinates), "" if none."""
        for top, doc in zip(self.tops, self.docs, strict=True):
            if top <= pos.y() < top + doc.height:
                return doc.documentLayout().anchorAt(pos - QPointF(0, top))
        return ""

    def plain_text(self) -> str:
        return "\n".join(doc.toPlainText() for doc in self.docs)
