"""Paints one message row from a cached QTextDocument; cheap size estimates until it is seen.

Exact heights need a laid-out document (about a millisecond each), so `sizeHint` answers from
a cache of exact heights and otherwise from an estimate made from the text length and font
metrics. `paint` lays the document out; when its real height differs from the row's current
height it emits `height_known(row)` and the view updates that single row.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from datetime import datetime
from math import ceil
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QRectF,
    QSize,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from r1desk.domain import Message, MessageStatus, Role, utc_now
from r1desk.render.message_card import (
    CardLabels,
    LateColours,
    markdown_texts,
    message_card_html,
)
from r1desk.ui.card_document import CardDocument, CardPiece
from r1desk.ui.message_model import MessageListModel, Row

H_PAD = 14
V_PAD = 8
DOC_CACHE_SIZE = 300
PIECE_CACHE_SIZE = 200
DONE = MessageStatus.COMPLETE


def card_labels() -> CardLabels:
    """The card's words in the UI language (read once: the language changes on restart)."""
    translate = QCoreApplication.translate
    return CardLabels(
        you=translate("MessageCard", "You"),
        assistant="R1",
        system=translate("MessageCard", "System"),
        thinking=translate("MessageCard", "Thinking… {n} s"),
        queued=translate("MessageCard", "Queued… {n} s"),
        processing=translate("MessageCard", "Processing… {n} s"),
        thought_for=translate("MessageCard", "Thought for {n} s"),
        thought=translate("MessageCard", "Thought"),
        seconds=translate("MessageCard", "{n} s"),
        credits=translate("MessageCard", "{n} credits"),
        stopped=translate("MessageCard", "Stopped — reply incomplete"),
        closed=translate(
            "MessageCard", "Interrupted — r1desk closed before the reply was complete"
        ),
        failed=translate("MessageCard", "The request failed."),
        retry=translate("MessageCard", "Retry"),
        copy=translate("MessageCard", "Copy"),
    )


def _visible_part(rect: QRect, view: QWidget | None) -> QRect:
    """The part of a row's rectangle inside the view's viewport."""
    if isinstance(view, QAbstractScrollArea):
        return rect.intersected(view.viewport().rect())
    return rect


class Looks(NamedTuple):
    """All that a card's layout depends on besides its message (part of its cache key)."""

    expanded: bool
    dark: bool
    width: int
    tick: int  # seconds a pending reply has waited: its header's "Thinking… n s"
    highlight: bool  # code coloured (False before the warm-up, or while the user scrolls)
    late_done: int  # chunks of streaming replies coloured so far (see LateColours)


class MessageDelegate(QStyledItemDelegate):
    height_known = Signal(int)  # row whose exact height differs from what the view assumed

    def __init__(self, model: MessageListModel, parent: Any = None) -> None:
        super().__init__(parent)
        self._model = model
        self.expanded_default = False
        self.clock: Callable[[], datetime] = utc_now
        self.dark = False
        self.highlighted_key: int | None = None
        self.highlight_code = True  # False: code is painted plain (see ChatView.defer_code_colours)
        self.late_colours = LateColours()  # for streaming replies (see ChatView._flush_updates)
        self.defer_colours = False  # True while the user scrolls (see ui.colours_at_rest)
        self._plain: set[int] = set()  # keys of cards painted with code plain, colours due
        self.documents_built = 0  # for tests and benchmarks
        self.pieces_laid_out = 0  # likewise
        self._width = 600
        self._font = QFont()
        self._line_height = 18
        self._char_width = 7.0
        self._docs: OrderedDict[tuple[Any, ...], CardDocument] = OrderedDict()
        self._measured: dict[int, tuple[Looks, CardDocument]] = {}  # streaming cards
        self._pieces: OrderedDict[str, CardPiece] = OrderedDict()  # of long cards, by HTML
        self._exact: dict[tuple[int, int, bool], int] = {}
        self.labels = card_labels()
        self._estimates: dict[tuple[int, int, bool], int] = {}

    # configuration
    def configure(self, *, width: int, font: QFont, dark: bool) -> bool:
        """Adopt the view's geometry, font and theme; True if cached layouts were dropped."""
        width = max(120, width)
        if width == self._width and font == self._font and dark == self.dark:
            return False
        if width != self._width or font != self._font:
            self._exact.clear()
            self._estimates.clear()
            self._pieces.clear()
        if font != self._font:
            # Cards are cached by width and theme, not by font. Those of another width wait
            # for eviction: dropping 300 at once took ~10 ms of a resize's first step.
            self._docs.clear()
        self._width, self._font, self.dark = width, QFont(font), dark
        metrics = QFontMetrics(font)
        self._line_height = metrics.lineSpacing()
        self._char_width = max(1.0, metrics.averageCharWidth() * 1.05)
        self._measured.clear()
        self._plain.clear()
        return True

    def is_expanded(self, entry: Row) -> bool:
        return self.expanded_default if entry.expanded is None else entry.expanded

    @property
    def text_width(self) -> int:
        return self._width - 2 * H_PAD

    # documents and heights
    def _looks(self, entry: Row, now: datetime, *, colour: bool = True) -> Looks:
        message = entry.message
        thinking = message.is_thinking  # its header counts the seconds
        return Looks(
            expanded=self.is_expanded(entry),
            dark=self.dark,
            width=self._width,
            tick=int((now - message.created_at).total_seconds()) if thinking else 0,
            highlight=self.highlight_code and colour,
            late_done=self.late_colours.done if message.status is MessageStatus.PENDING else 0,
        )

    def document(self, row: int) -> CardDocument:
        entry = self._model.row(row)
        now = self.clock()
        looks = self._looks(entry, now)
        built = self._cached(entry, looks)
        if built is None and self._keeps_plain(entry):
            self._plain.add(entry.key)
            looks = self._looks(entry, now, colour=False)
            built = self._cached(entry, looks)
        if built is None:
            built = self._build(entry, looks, now)
        if looks.highlight:
            self._plain.discard(entry.key)
        return built

    def _keeps_plain(self, entry: Row) -> bool:
        """Whether this card, not laid out with colours, shows its code plain for now."""
        if entry.key not in self._plain and not self.defer_colours:
            return False
        message = entry.message
        if message.status is MessageStatus.PENDING or not self.highlight_code:
            return False  # streaming replies have LateColours; before the warm-up all is plain
        texts = markdown_texts(message, expanded=self.is_expanded(entry))
        return any("```" in text or "~~~" in text for text in texts)

    def colour(self, row: int) -> bool:
        """Let a card painted with plain code get its colours at its next paint; False if
        it has them already."""
        key = self._model.row(row).key
        if key not in self._plain:
            return False
        self._plain.discard(key)
        return True

    def colour_all(self) -> None:
        """Every card painted from now on has its colours."""
        self._plain.clear()

    def _cached(self, entry: Row, looks: Looks) -> CardDocument | None:
        key = (entry.key, entry.version, looks)
        cached = self._docs.get(key)
        if cached is not None:
            self._docs.move_to_end(key)
        return cached

    def _build(self, entry: Row, looks: Looks, now: datetime) -> CardDocument:
        card = message_card_html(
            entry.message,
            expanded=looks.expanded,
            dark=self.dark,
            now=now,
            labels=self.labels,
            highlight=looks.highlight,
            chunked=self.highlight_code,  # markdown-it has loaded by then
            late=self.late_colours,
        )
        shared = len(card.pieces) > 1
        built = CardDocument([self._piece(html, shared) for html in card.pieces], card.code_blocks)
        self.documents_built += 1
        self._docs[(entry.key, entry.version, looks)] = built
        if len(self._docs) > DOC_CACHE_SIZE:
            self._docs.popitem(last=False)
        self._exact[(entry.key, entry.version, looks.expanded)] = self._height(built)
        if entry.message.status is MessageStatus.PENDING:
            self._measured[entry.key] = (looks, built)
        else:
            self._measured.pop(entry.key, None)
        return built

    def _painted(self, row: int, height: int) -> CardDocument:
        """What to paint in a row `height` px tall. A streaming card whose text changed since
        the view last measured it is painted as measured, while that still fits the row: the
        view measures the new text at its next flush (within STREAM_REDRAW_MS), and laying it
        out here too made two layouts in one event-loop pass, the longest stalls of a stream."""
        entry = self._model.row(row)
        measured = self._measured.get(entry.key)
        if measured is not None and entry.message.status is MessageStatus.PENDING:
            looks, built = measured
            if looks == self._looks(entry, self.clock()) and self._height(built) == height:
                return built
        return self.document(row)

    @staticmethod
    def _height(built: CardDocument) -> int:
        return ceil(built.height) + 2 * V_PAD

    def _piece(self, html: str, shared: bool) -> CardPiece:
        """A laid-out piece. Those of long cards (`shared`) are kept by their HTML, so that a
        streamed update or the "Thinking…" tick lays out only the pieces whose HTML changed."""
        doc = self._pieces.get(html) if shared else None
        if doc is not None:
            self._pieces.move_to_end(html)
            return doc
        doc = CardPiece(html, self._font, self.text_width)
        self.pieces_laid_out += 1
        if shared:
            self._pieces[html] = doc
            if len(self._pieces) > PIECE_CACHE_SIZE:
                self._pieces.popitem(last=False)
        return doc

    def exact_height(self, row: int) -> int:
        entry = self._model.row(row)
        known = self._exact.get((entry.key, entry.version, self.is_expanded(entry)))
        return known if known is not None else self._height_of(row)

    def _height_of(self, row: int) -> int:
        height = self._height(self.document(row))  # cached since an earlier resize, maybe
        entry = self._model.row(row)
        self._exact[(entry.key, entry.version, self.is_expanded(entry))] = height
        return height

    def row_height(self, row: int) -> int:
        """Exact height if this row was laid out at this width, else a cheap estimate."""
        entry = self._model.row(row)
        expanded = self.expanded_default if entry.expanded is None else entry.expanded
        key = (entry.key, entry.version, expanded)
        height = self._exact.get(key) or self._estimates.get(key)
        if height is None:
            height = self._estimates[key] = self._estimate(entry.message, expanded)
        return height

    def _estimate(self, message: Message, expanded: bool) -> int:
        per_line = max(10.0, self.text_width / self._char_width)
        lines = 1.5  # header
        text = message.content
        if message.role is Role.ASSISTANT and (message.reasoning or message.status is not DONE):
            lines += 1.5
            if expanded:
                text += message.reasoning
        if text:
            lines += 1 + text.count("\n") + len(text) / per_line + text.count("```") * 1.2
        return int(lines * self._line_height) + 2 * V_PAD

    def markdown_keys(self, rows: list[int]) -> list[tuple[str, bool, str]]:
        """(text, dark, "Copy" label) of each Markdown text these rows' cards render."""
        keys = []
        for row in rows:
            entry = self._model.row(row)
            for text in markdown_texts(entry.message, expanded=self.is_expanded(entry)):
                keys.append((text, self.dark, self.labels.copy))
        return keys

    def code_blocks(self, row: int) -> tuple[str, ...]:
        return self.document(row).code_blocks

    def content_origin(self, rect_top_left: QPoint) -> QPoint:
        return rect_top_left + QPoint(H_PAD, V_PAD)

    # QStyledItemDelegate
    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(self._width, self.row_height(index.row()))

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        row = index.row()
        entry = self._model.row(row)
        rect = option.rect
        palette: QPalette = option.palette
        painter.save()
        painter.setClipRect(rect)
        if entry.key == self.highlighted_key:
            flash = QColor(palette.color(QPalette.ColorRole.Highlight))
            flash.setAlpha(70)
            painter.fillRect(rect, flash)
        elif entry.message.role is Role.USER:
            painter.fillRect(
                rect.adjusted(4, 2, -4, -2), palette.color(QPalette.ColorRole.AlternateBase)
            )
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.fillRect(
                rect.x(),
                rect.y() + 2,
                3,
                rect.height() - 4,
                palette.color(QPalette.ColorRole.Highlight),
            )
        built = self._painted(row, rect.height())
        origin = self.content_origin(rect.topLeft())
        painter.translate(origin)
        # Only the part on screen: a long reply drawn whole cost ~8 ms per streamed update.
        shown = QRectF(_visible_part(rect, option.widget).translated(-origin))
        built.draw(
            painter,
            shown.intersected(QRectF(0, 0, self.text_width, rect.height() - V_PAD)),
            palette,
        )
        painter.restore()
        if self._height(built) != rect.height():
            self.height_known.emit(row)
