"""The conversation: one virtualised item view, not a widget per message.

A QTreeView configured as a flat list (rather than a QListView): QListView re-asks the size of
every row whenever one row's height changes (measured ~30 ms at 5,000 rows), while QTreeView
re-asks only the changed row on dataChanged. Rows start with estimated heights; the delegate
reports exact ones as rows are painted and the view applies them while keeping what the user
is reading in place (or staying pinned to the bottom).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPoint,
    QPointF,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QContextMenuEvent,
    QCursor,
    QDesktopServices,
    QFont,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QShowEvent,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSlider,
    QMenu,
    QToolTip,
    QTreeView,
    QWidget,
)

from r1desk.domain import Message, MessageStatus, Role
from r1desk.render import is_safe_url
from r1desk.render.message_card import ACTION_SCHEME, TOGGLE_HREF
from r1desk.ui.colours_at_rest import ColoursAtRest
from r1desk.ui.message_delegate import MessageDelegate
from r1desk.ui.message_menu import build_message_menu
from r1desk.ui.message_model import MessageListModel
from r1desk.ui.renderer_loader import RendererLoader
from r1desk.ui.timers import single_shot
from r1desk.ui.viewport import own_viewport

log = logging.getLogger(__name__)

PLACEHOLDER = "Ask R1 anything. Enter sends, Shift+Enter adds a line."  # see placeholder()
STREAM_REDRAW_MS = 50
LATE_COLOUR_MS = 20  # after a redraw, so that colouring a chunk gets an event-loop pass alone
HIGHLIGHT_MS = 1500
WARM_UP_DELAY_MS = 300
TAIL_EXTRA_ROWS = 2  # in case the next window is taller
TICK_MS = 500
RESIZE_SETTLE_MS = 150  # a drag's steps come faster: rows off screen wait for its pause
COPY_SCHEME = "r1desk-copy:"


def placeholder() -> str:
    return QCoreApplication.translate(
        "ChatView", "Ask R1 anything. Enter sends, Shift+Enter adds a line."
    )


class ChatView(QTreeView):
    action_requested = Signal(
        str, object
    )  # name ("edit", "regenerate", "delete", "retry"), Message

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        own_viewport(self)
        self._model = MessageListModel(self)
        self._delegate = MessageDelegate(self._model, self)
        self._expanded: dict[int, bool] = {}  # by message id: the user's choice survives reloads
        self._follow = True  # pinned to the bottom
        self._stale_rows: set[int] = set()
        self._pending_updates: set[int] = set()  # row keys waiting for the next coalesced redraw
        self._zoom = 100
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl

        self.setModel(self._model)
        self.setItemDelegate(self._delegate)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setItemsExpandable(False)
        self.setIndentation(0)
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setFrameShape(QTreeView.Shape.NoFrame)
        self.verticalScrollBar().setSingleStep(24)
        self.setAccessibleName(self.tr("Conversation"))
        self.setAccessibleDescription(
            self.tr(
                "Messages of the open conversation. Page Up and Page Down scroll, Space shows "
                "or hides the reasoning of the current message, Ctrl+C copies it, the context "
                "menu key offers more actions."
            )
        )

        self._delegate.height_known.connect(self._on_height_known)
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.verticalScrollBar().rangeChanged.connect(self._on_range_changed)
        self._heights_timer = single_shot(self, 0, self._apply_heights)
        self._update_timer = single_shot(self, STREAM_REDRAW_MS, self._flush_updates)
        self._late_colour_timer = single_shot(self, LATE_COLOUR_MS, self._colour_settled_chunk)
        self._flash_timer = single_shot(self, HIGHLIGHT_MS, self._end_highlight)
        self._resize_timer = single_shot(self, RESIZE_SETTLE_MS, self._relayout)
        self._tick_timer = QTimer(self)
        self._tick_timer.setInterval(TICK_MS)  # the text changes only once a second
        self._tick_timer.timeout.connect(self._tick)
        self._configure_delegate()
        self._relayout_when_shown = False
        self._warm_up_due = True  # scheduled by the first paint, so it never delays that paint
        self._renderer = RendererLoader(self, ready=self._colour_code)
        self._colours_at_rest = ColoursAtRest(self, self._delegate)

    # -- public API ---------------------------------------------------------------------------

    def set_messages(self, messages: list[Message]) -> None:
        """Show these messages (replacing any), scrolled to the newest."""
        self._pending_updates.clear()
        self._stale_rows.clear()
        self._model.set_messages(list(messages))
        if self._expanded:
            for r in range(self._model.rowCount()):
                entry = self._model.row(r)
                if entry.message.id is not None:
                    entry.expanded = self._expanded.get(entry.message.id)
        self._follow = True
        if self.isVisible():
            self._measure_tail()
            self.scrollToBottom()
        else:  # laid out when shown, at the width the view will have then: scrolling now
            self._relayout_when_shown = True  # would lay every row out twice
        self._update_ticking()

    def append_message(self, message: Message) -> None:
        """Add a message; follow it if the view was at the bottom (or the user just sent it).

        The view is not scrolled here: a new row makes QTreeView ask every row's height again
        (~5 ms per 1,000 rows), and scrolling now would do that at once, for each row a send
        adds. The layout Qt runs on the next event-loop pass does it once, and its new scroll
        range brings the view to the bottom (`_on_range_changed`)."""
        follow = self._follow or message.role is Role.USER
        row = self._model.append(message)
        if follow:
            self._delegate.exact_height(row)
            self._model.notify_changed(row)
            self._follow = True
        self._update_ticking()

    def update_message(self, message: Message) -> None:
        """Replace the row holding this message (by identity, then id; else the last id-less
        row); appended if none matches. Redraws are coalesced to one per ~50 ms."""
        row = self._model.find(message)
        if (
            row < 0
            and self._model.rowCount()
            and self._model.row(self._model.rowCount() - 1).message.id is None
        ):
            row = self._model.rowCount() - 1
        if row < 0:
            self.append_message(message)
            return
        self._model.replace(row, message, notify=False)
        self._pending_updates.add(self._model.row(row).key)
        if not self._update_timer.isActive():
            self._update_timer.start()

    def remove_message(self, message_id: int) -> None:
        row = self._model.find_id(message_id)
        if row >= 0:
            self._model.remove(row)
            self._update_ticking()

    def messages(self) -> list[Message]:
        return self._model.messages()

    def set_reasoning_expanded_default(self, expanded: bool) -> None:
        self._model.expanded_default = expanded
        if expanded != self._delegate.expanded_default:
            self._delegate.expanded_default = expanded
            self._relayout()

    @property
    def zoom(self) -> int:
        return self._zoom

    def set_zoom(self, percent: int) -> None:
        """Scale the chat text to `percent` of the app's font size."""
        self._zoom = percent
        font = QFont(QGuiApplication.font())
        font.setPointSizeF(max(4.0, font.pointSizeF() * percent / 100))
        self.setFont(font)

    def scroll_to_message(self, message_id: int, highlight: bool = True) -> None:
        row = self._model.find_id(message_id)
        if row < 0:
            return
        index = self._model.index(row)
        height = self._delegate.exact_height(row)
        self._model.notify_changed(row)
        tall = height > self.viewport().height()
        hint = (
            QAbstractItemView.ScrollHint.PositionAtTop
            if tall
            else QAbstractItemView.ScrollHint.PositionAtCenter
        )
        self._follow = False
        self.scrollTo(index, hint)
        self.setCurrentIndex(index)
        if highlight:
            self._delegate.highlighted_key = self._model.row(row).key
            self._flash_timer.start()
            self.viewport().update()

    # -- expanded reasoning ---------------------------------------------------------------------

    def is_reasoning_expanded(self, message_id: int) -> bool:
        """Whether the reasoning of that message is shown (the user's choice or the default)."""
        for row in range(self._model.rowCount()):
            entry = self._model.row(row)
            if entry.message.id == message_id:
                return self._delegate.is_expanded(entry)
        return self._delegate.expanded_default

    def toggle_reasoning(self, row: int) -> None:
        entry = self._model.row(row)
        entry.expanded = not self._delegate.is_expanded(entry)
        if entry.message.id is not None:
            self._expanded[entry.message.id] = entry.expanded
        self._delegate.exact_height(row)
        self._model.notify_changed(row)
        from PySide6.QtGui import QAccessible, QAccessibleEvent  # its enums: ~2 ms, not at start

        event = QAccessibleEvent(self, QAccessible.Event.DescriptionChanged)
        event.setChild(row)
        QAccessible.updateAccessibility(event)

    def toggle_current_reasoning(self) -> bool:
        """Show or hide the reasoning of the current message (none current: the newest one)."""
        index = self.currentIndex()
        rows = [index.row()] if index.isValid() else range(self._model.rowCount() - 1, -1, -1)
        for row in rows:
            if self._model.row(row).message.reasoning:
                self.toggle_reasoning(row)
                return True
        return False

    # -- heights and scrolling ------------------------------------------------------------------

    def defer_code_colours(self) -> None:
        """Paint code plain until the warm-up has loaded Pygments and compiled its lexers:
        the window's first paint at start-up does not wait for them; colours follow."""
        self._delegate.highlight_code = False

    def _colour_code(self) -> None:
        """The renderer has loaded (see RendererLoader): code is coloured from now on."""
        if not self._delegate.highlight_code:
            self._delegate.highlight_code = True
            self.viewport().update()

    def _configure_delegate(self) -> bool:
        # Lay out as if the scroll bar were always shown, so it appearing cannot re-wrap text
        # (and from the view's own width: the viewport's lags behind while the window shows).
        width = self.contentsRect().width() - self.verticalScrollBar().sizeHint().width()
        dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
        return self._delegate.configure(width=width, font=self.font(), dark=dark)

    def _relayout(self) -> None:
        """Every row's height asked again (~8 ms per 1,000 rows), the user's place kept."""
        self._relayout_when_shown = False
        self._resize_timer.stop()
        if self._follow:
            self._measure_tail()
        self._keeping_place(self.doItemsLayout)

    def _keeping_place(self, change_heights: Callable[[], object]) -> None:
        """Change row heights while the view stays pinned to the bottom, or the row the user
        is reading stays where it was on screen."""
        if self._follow:
            change_heights()
            self.scrollToBottom()
            return
        anchor = self._anchor_row()
        before = self.visualRect(self._model.index(anchor)).top() if anchor >= 0 else 0
        change_heights()
        if anchor >= 0:
            after = self.visualRect(self._model.index(anchor)).top()
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + after - before)

    def _measure_on_screen(self) -> None:
        """Lay out the rows on screen at the delegate's width and give the view their exact
        heights, so the next paint is right before the rest are re-estimated."""
        top = self.indexAt(QPoint(1, 0))
        if not top.isValid():
            return
        bottom = self.indexAt(QPoint(1, self.viewport().height() - 1))
        last = bottom.row() if bottom.isValid() else self._model.rowCount() - 1
        for row in range(top.row(), last + 1):
            self._delegate.exact_height(row)
            self._stale_rows.add(row)
        self._apply_heights()

    def _measure_tail(self) -> None:
        """Lay out the newest rows that fill the viewport so the first paint is exact."""
        self._tail_rows(self._delegate.exact_height)

    def _tail_rows(self, height_of: Callable[[int], int]) -> list[int]:
        """The newest rows that fill the viewport, newest first, measured by `height_of`."""
        rows: list[int] = []
        remaining = self.viewport().height()
        row = self._model.rowCount() - 1
        while row >= 0 and remaining > 0:
            remaining -= height_of(row)
            rows.append(row)
            row -= 1
        return rows

    def tail_markdown(self) -> list[tuple[str, bool, str]]:
        """The Markdown of the newest rows that fill the viewport, and two more: what the
        next start's first paint shows of this conversation (see render.prerendered)."""
        rows = self._tail_rows(self._delegate.row_height)
        oldest = rows[-1] - 1 if rows else self._model.rowCount() - 1
        rows.extend(range(oldest, max(-1, oldest - TAIL_EXTRA_ROWS), -1))
        return self._delegate.markdown_keys(rows)

    def _on_height_known(self, row: int) -> None:
        self._stale_rows.add(row)
        if not self._heights_timer.isActive():
            self._heights_timer.start()

    def _apply_heights(self) -> None:
        rows = sorted(r for r in self._stale_rows if r < self._model.rowCount())
        self._stale_rows.clear()

        def notify() -> None:
            for row in rows:
                self._model.notify_changed(row)

        if rows:
            self._keeping_place(notify)

    def _anchor_row(self) -> int:
        """The lowest row starting inside the viewport: rows above it may change height."""
        bottom = self.indexAt(QPoint(1, self.viewport().height() - 1))
        if not bottom.isValid():
            return self._model.rowCount() - 1
        if self.visualRect(bottom).top() >= 0:
            return bottom.row()
        return bottom.row() + 1 if bottom.row() + 1 < self._model.rowCount() else bottom.row()

    def _on_scrolled(self, value: int) -> None:
        self._follow = value >= self.verticalScrollBar().maximum() - 2

    def _on_range_changed(self, _minimum: int, maximum: int) -> None:
        if self._follow:
            self.verticalScrollBar().setValue(maximum)

    def _flush_updates(self) -> None:
        keys, self._pending_updates = self._pending_updates, set()
        for key in keys:
            row = self._model.find_key(key)
            if row >= 0:
                if self._follow or self._is_visible(row):
                    self._delegate.exact_height(row)
                self._model.notify_changed(row)
        if self._follow:
            self.scrollToBottom()
        self._update_ticking()
        if self._delegate.late_colours.waiting():
            self._late_colour_timer.start()

    def _colour_settled_chunk(self) -> None:
        """One settled chunk of a streaming reply gets its code colours (see LateColours)."""
        late = self._delegate.late_colours
        late.colour_next()
        for row in self._pending_rows():
            self.viewport().update(self.visualRect(self._model.index(row)))
        if late.waiting() and not self._update_timer.isActive():
            self._late_colour_timer.start()

    def _is_visible(self, row: int) -> bool:
        return self.visualRect(self._model.index(row)).intersects(self.viewport().rect())

    def _end_highlight(self) -> None:
        self._delegate.highlighted_key = None
        self.viewport().update()

    # -- "Thinking… 37 s" -------------------------------------------------------------------------

    def _pending_rows(self) -> list[int]:
        n = self._model.rowCount()
        return [
            r
            for r in range(max(0, n - 3), n)
            if self._model.row(r).message.status is MessageStatus.PENDING
        ]

    def _update_ticking(self) -> None:
        if self._pending_rows():
            if not self._tick_timer.isActive():
                self._tick_timer.start()
        else:
            self._tick_timer.stop()

    def _tick(self) -> None:
        rows = self._pending_rows()
        for row in rows:
            self.viewport().update(self.visualRect(self._model.index(row)))
        if not rows:
            self._tick_timer.stop()

    # -- anchors: toggle, copy, actions, links -------------------------------------------------

    def anchor_at(self, pos: QPoint) -> tuple[int, str]:
        """(row, href) of the anchor under a viewport position; href is "" if none."""
        index = self.indexAt(pos)
        if not index.isValid():
            return -1, ""
        origin = self._delegate.content_origin(self.visualRect(index).topLeft())
        return index.row(), self._delegate.document(index.row()).anchor_at(QPointF(pos - origin))

    def activate_anchor(self, row: int, href: str) -> None:
        message = self._model.row(row).message
        if href == TOGGLE_HREF:
            self.toggle_reasoning(row)
        elif href.startswith(COPY_SCHEME):
            blocks = self._delegate.code_blocks(row)
            number = href[len(COPY_SCHEME) :]
            if number.isdigit() and int(number) < len(blocks):
                QGuiApplication.clipboard().setText(blocks[int(number)])
        elif href.startswith(ACTION_SCHEME):
            self.action_requested.emit(href[len(ACTION_SCHEME) :], message)
        elif is_safe_url(href):
            self.open_url(QUrl(href))
        else:
            log.warning("refused to open a link with an unsupported scheme")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            row, href = self.anchor_at(event.position().toPoint())
            if href:
                self.activate_anchor(row, href)
                event.accept()
                return
        super().mouseReleaseEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        _row, href = self.anchor_at(event.position().toPoint())
        shape = Qt.CursorShape.PointingHandCursor if href else Qt.CursorShape.ArrowCursor
        if self.viewport().cursor().shape() != shape:
            self.viewport().setCursor(QCursor(shape))
        super().mouseMoveEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            pos = self.viewport().mapFromGlobal(QCursor.pos())
            _row, href = self.anchor_at(pos)
            if is_safe_url(href):
                QToolTip.showText(QCursor.pos(), href, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    # -- context menu and keyboard ---------------------------------------------------------------

    def _build_context_menu(self, index: QModelIndex) -> QMenu | None:
        if not index.isValid():
            return None
        row = index.row()
        message = self._model.row(row).message
        return build_message_menu(
            self,
            message,
            is_last_answer=self._is_last_assistant(row),
            request=lambda name: self.action_requested.emit(name, message),
            copy=QGuiApplication.clipboard().setText,
            expanded=self._delegate.is_expanded(self._model.row(row)),
            toggle=lambda: self.toggle_reasoning(row),
        )

    def _is_last_assistant(self, row: int) -> bool:
        for r in range(self._model.rowCount() - 1, -1, -1):
            if self._model.row(r).message.role is Role.ASSISTANT:
                return r == row
        return False

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        pos = event.pos()
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            index = self.currentIndex() if self.currentIndex().isValid() else self._center_index()
            pos = self.visualRect(index).center()
        else:
            index = self.indexAt(pos)
        menu = self._build_context_menu(index)
        if menu is not None:
            menu.popup(self.viewport().mapToGlobal(pos))

    def _center_index(self) -> QModelIndex:
        return self.indexAt(QPoint(1, self.viewport().height() // 2))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        bar = self.verticalScrollBar()
        if event.matches(QKeySequence.StandardKey.Copy):
            index = self.currentIndex() if self.currentIndex().isValid() else self._center_index()
            if index.isValid():
                QGuiApplication.clipboard().setText(self._model.row(index.row()).message.content)
            return
        action = QAbstractSlider.SliderAction
        moves = {  # as the scroll bar's own actions: ColoursAtRest sees them as scrolling
            Qt.Key.Key_PageUp: action.SliderPageStepSub,
            Qt.Key.Key_PageDown: action.SliderPageStepAdd,
            Qt.Key.Key_Home: action.SliderToMinimum,
            Qt.Key.Key_End: action.SliderToMaximum,
        }
        if event.key() == Qt.Key.Key_Space and not event.modifiers():
            self.toggle_current_reasoning()
            return
        move = moves.get(Qt.Key(event.key()))
        if move is None:
            super().keyPressEvent(event)
            return
        bar.triggerAction(move)
        index = self._center_index()
        if index.isValid():
            self.setCurrentIndex(index)

    # -- painting, geometry, theme ---------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._warm_up_due:
            self._warm_up_due = False
            QTimer.singleShot(WARM_UP_DELAY_MS, self._renderer.start)  # imports Pygments, when idle
        if self._model.rowCount():
            super().paintEvent(event)
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        painter.drawText(self.viewport().rect().adjusted(24, 0, -24, 0), flags, placeholder())
        painter.end()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The theme or font may have changed while hidden, or the messages.
        if self._configure_delegate() or self._relayout_when_shown:
            self._relayout()

    def resizeEvent(self, event: QResizeEvent) -> None:
        # The delegate learns the new width first: QTreeView's own handling asks every row
        # its height, and at the old width those estimates would be thrown away at once.
        changed = self._configure_delegate()
        super().resizeEvent(event)
        if not changed:
            return
        if self.isVisible():  # each step of a drag: only the rows on screen, at once
            self._measure_on_screen()
            self._resize_timer.start()
        else:
            self._relayout()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        kinds = (QEvent.Type.PaletteChange, QEvent.Type.FontChange, QEvent.Type.StyleChange)
        if event.type() in kinds and hasattr(self, "_delegate") and self._configure_delegate():
            self._relayout()
