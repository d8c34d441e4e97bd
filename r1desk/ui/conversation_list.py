"""The conversation list: newest activity first, pinned on top, with a filter field above."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSize,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import QLineEdit, QListView, QMenu, QVBoxLayout, QWidget

from r1desk.domain import Conversation
from r1desk.ui.a11y import name_clear_button
from r1desk.ui.viewport import own_viewport

if TYPE_CHECKING:
    from r1desk.storage import Repository

ConversationIdRole = Qt.ItemDataRole.UserRole + 1
AnyIndex = QModelIndex | QPersistentModelIndex
PAGE_SIZE = 200
WIDE_GLYPHS_FROM = "\u2e80"  # CJK radicals; Hangul, kana and ideographs all come after


class ListSource(Protocol):
    def page(self, offset: int, limit: int) -> list[Conversation]:
        """Rows offset.. of the list; fewer than `limit` means the end."""

    def count(self) -> int:
        """How many rows the whole list has."""

    def rank(self, conversation_id: int) -> int | None:
        """The row a conversation has in the whole list, or None if it is not listed."""


@dataclass(frozen=True)
class StoredList:
    """The stored conversations under one filter text, in list order."""

    repo: Repository
    filter_text: str = ""

    def page(self, offset: int, limit: int) -> list[Conversation]:
        return self.repo.list_conversations(self.filter_text, offset=offset, limit=limit)

    def count(self) -> int:
        return self.repo.count_conversations(self.filter_text)

    def rank(self, conversation_id: int) -> int | None:
        return self.repo.conversation_rank(conversation_id, self.filter_text)


class _NoConversations:
    def page(self, offset: int, limit: int) -> list[Conversation]:
        return []

    def count(self) -> int:
        return 0

    def rank(self, conversation_id: int) -> int | None:
        return None


def friendly_time(when: datetime, now: datetime | None = None) -> str:
    now = now or datetime.now(timezone.utc)
    local = when.astimezone()
    if local.date() == now.astimezone().date():
        return local.strftime("%H:%M")
    if local.year == now.astimezone().year:
        return local.strftime("%d %b")
    return local.strftime("%d %b %Y")


class ConversationListModel(QStringListModel):
    """Conversations (without their messages). The row count comes from one query, and a
    row's page (PAGE_SIZE rows) is read when one of its rows is first shown or asked for:
    10,000 conversations cost one page at start-up, and a conversation far down the list (the
    last one open, the End key) costs its own page, not every row above it.

    A QStringListModel (one empty string per row) only so that the row count is answered in
    C++: QListView's layout asks every row's index, and each index asks the row count; from
    Python that cost 15-20 ms before the first paint with 10,000 conversations. Its rows are
    editable and draggable, but the view edits and drags nothing."""

    page_read = Signal(int, int)  # the first and last row of a page just read

    def __init__(self) -> None:
        super().__init__()
        self._pages: dict[int, list[Conversation]] = {}
        self._source: ListSource = _NoConversations()
        self.row_height = 0  # set by the view from its font; 0: let the delegate measure

    def set_source(self, source: ListSource) -> None:
        self._source = source
        first = source.page(0, PAGE_SIZE)
        self._pages = {0: first}
        count = len(first) if len(first) < PAGE_SIZE else source.count()
        self.setStringList([""] * count)  # resets the model: the views start over

    def conversation(self, row: int) -> Conversation:
        if not 0 <= row < self.rowCount():  # -1 (no current row) must not read a page
            raise IndexError(row)
        number, at = divmod(row, PAGE_SIZE)
        page = self._pages.get(number)
        if page is None:
            offset = number * PAGE_SIZE
            page = self._pages[number] = self._source.page(offset, PAGE_SIZE)
            self.page_read.emit(offset, offset + len(page) - 1)
        return page[at]

    @property
    def rows_read(self) -> int:
        """How many conversations have been read from the source so far."""
        return sum(len(page) for page in self._pages.values())

    def has_wide_glyphs(self, first: int = 0, last: int = -1) -> bool:
        """True if a title in rows first..last (of the pages read) has CJK (or other East
        Asian wide) characters."""
        last = self.rowCount() - 1 if last < 0 else last
        for number, page in self._pages.items():
            offset = number * PAGE_SIZE
            rows = page[max(0, first - offset) : max(0, last + 1 - offset)]
            if any(c.title and max(c.title) >= WIDE_GLYPHS_FROM for c in rows):
                return True
        return False

    def row_of(self, conversation_id: int) -> int:
        """The row of a conversation, -1 if it is not listed; reads its page if need be."""
        for number, page in self._pages.items():
            for at, conversation in enumerate(page):
                if conversation.id == conversation_id:
                    return number * PAGE_SIZE + at
        rank = self._source.rank(conversation_id)
        if rank is None or rank >= self.rowCount():
            return -1
        return rank if self.conversation(rank).id == conversation_id else -1

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.SizeHintRole:  # QListView asks the last row's: no page read
            return QSize(1, self.row_height) if self.row_height else None
        conversation = self.conversation(index.row())
        title = conversation.title or QCoreApplication.translate(
            "ConversationList", "New conversation"
        )
        if role == Qt.ItemDataRole.DisplayRole:
            pin = "📌 " if conversation.pinned else ""
            return f"{pin}{title}\n{friendly_time(conversation.updated_at)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return title
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if conversation.pinned:
                return QCoreApplication.translate("ConversationList", "{title}, pinned").format(
                    title=title
                )
            return title
        if role == ConversationIdRole:
            return conversation.id
        return None


class _ListView(QListView):
    """A list that says why it is empty instead of showing a blank pane."""

    menu_requested = Signal(QPoint)  # viewport position; the keyboard's is the current row
    delete_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        own_viewport(self)
        self.empty_text = ""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Delete) and self.currentIndex().isValid():
            self.delete_pressed.emit()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        pos = event.pos()
        current = self.currentIndex()
        if event.reason() == QContextMenuEvent.Reason.Keyboard and current.isValid():
            pos = self.visualRect(current).center()
        self.menu_requested.emit(pos)

    def paintEvent(self, event: QPaintEvent) -> None:
        model = self.model()
        if model is not None and model.rowCount():
            super().paintEvent(event)
            self._paint_focus_ring()
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        painter.drawText(self.viewport().rect().adjusted(12, 16, -12, 0), flags, self.empty_text)
        painter.end()

    def _paint_focus_ring(self) -> None:
        """While the list has focus, a ring inside the current row: the selection looks the
        same focused or not, and the style's focus rectangle, in Highlight, vanished on it."""
        current = self.currentIndex()
        if not self.hasFocus() or not current.isValid():
            return
        selected = self.selectionModel().isSelected(current)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Highlight
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(role))
        painter.drawRect(self.visualRect(current).adjusted(1, 1, -2, -2))  # 1 px, 1 px in
        painter.end()


class ConversationList(QWidget):
    current_changed = Signal(int)  # conversation id
    rename_requested = Signal(int)
    pin_requested = Signal(int, bool)
    delete_requested = Signal(list)  # ids: the selection (Delete) or one (its menu)
    export_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter conversations (Ctrl+K)"))
        self.filter.setAccessibleName(self.tr("Filter conversations"))
        self.filter.setAccessibleDescription(
            self.tr("Shows only conversations whose title contains this text")
        )
        self.model = ConversationListModel()
        self.view = _ListView(self)
        self.view.setModel(self.model)
        self.view.setUniformItemSizes(True)
        self.view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)  # F2 renames in a dialog
        self.view.setSelectionMode(QListView.SelectionMode.ExtendedSelection)
        self.view.setAccessibleName(self.tr("Conversations"))
        self.view.setAccessibleDescription(
            self.tr(
                "Up and Down choose a conversation, Delete deletes it (Ctrl+Z undoes); the "
                "context menu key offers more"
            )
        )
        self.filter.textChanged.connect(self._update_empty_text)
        self._update_empty_text()
        self.view.setSpacing(1)
        self._wide_glyphs = False
        self._fit_rows()
        self.model.modelReset.connect(self._check_titles)
        self.model.page_read.connect(self._check_titles)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.addWidget(self.filter)
        layout.addWidget(self.view, 1)
        self.view.selectionModel().currentChanged.connect(self._on_current)
        self.view.menu_requested.connect(self._show_menu)
        self.view.delete_pressed.connect(self._delete_selected)
        self._quiet = False

    def _fit_rows(self) -> None:
        """Two lines per row; measured with CJK glyphs too once a title has them: fallback
        fonts are taller, and a row sized for Latin text alone would cut such titles short.
        (Until then the CJK font is not even loaded: 7 ms and 1.4 MB saved at start-up.)"""
        metrics = self.view.fontMetrics()
        sample = "国Ág" if self._wide_glyphs else "Ág"
        line = max(metrics.lineSpacing(), metrics.boundingRect(sample).height())
        self.model.row_height = 2 * line + 8

    def _check_titles(self, first: int = 0, last: int = -1) -> None:
        if not self._wide_glyphs and self.model.has_wide_glyphs(first, last):
            self._wide_glyphs = True
            self._fit_rows()
            # A page is often read while the list paints: the rows are measured again after.
            self.view.scheduleDelayedItemsLayout()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_rows()

    def _update_empty_text(self) -> None:
        if self.filter.text() and not self.filter.isClearButtonEnabled():
            # Added with the first character (it only shows when there is text): loading its
            # icon would cost the first paint 8 ms.
            self.filter.setClearButtonEnabled(True)
            name_clear_button(self.filter)
        self.view.empty_text = (
            self.tr("No conversation matches the filter.")
            if self.filter.text()
            else self.tr("No conversations yet. Ctrl+N starts one.")
        )
        self.view.viewport().update()

    def set_conversations(self, source: ListSource, keep_id: int | None) -> None:
        self._quiet = True
        self.model.set_source(source)
        if keep_id is not None:
            self.select(keep_id, notify=False)
        self._quiet = False

    def select(self, conversation_id: int, *, notify: bool = True) -> bool:
        """Make the conversation current and the only one selected, unless it is current
        already: then the user's own click put it there, with the selection they made."""
        row = self.model.row_of(conversation_id)
        if row < 0:
            return False
        if self.view.currentIndex().row() == row:
            return True
        quiet = self._quiet
        self._quiet = not notify
        # Explicit flags: the view's setCurrentIndex reads the keys held down, so Ctrl+Z
        # (restoring a conversation) added it to the selection instead of selecting it alone.
        self.view.selectionModel().setCurrentIndex(
            self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self._quiet = quiet
        return True

    def current_id(self) -> int | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.model.conversation(index.row()).id

    def selected_ids(self) -> list[int]:
        rows = sorted(index.row() for index in self.view.selectionModel().selectedRows())
        return [cid for cid in (self.model.conversation(r).id for r in rows) if cid is not None]

    def step(self, delta: int) -> None:
        """Select the previous (-1) or next (+1) conversation."""
        count = self.model.rowCount()
        if not count:
            return
        row = max(0, min(count - 1, self.view.currentIndex().row() + delta))
        # Explicit flags, as in `select`: with Ctrl held for Ctrl+Down, the view's own
        # setCurrentIndex added the row to the selection, and Delete then deleted both.
        self.view.selectionModel().setCurrentIndex(
            self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._quiet or not current.isValid():
            return
        conversation_id = self.model.conversation(current.row()).id
        if conversation_id is not None:
            self.current_changed.emit(conversation_id)

    def _delete_selected(self) -> None:
        """Delete: the selected conversations, or the current one if it is not among them."""
        current = self.model.conversation(self.view.currentIndex().row()).id
        selected = self.selected_ids()
        if current is not None and current not in selected:
            selected = [current]
        if selected:
            self.delete_requested.emit(selected)

    def context_menu(self, row: int) -> QMenu:
        conversation = self.model.conversation(row)
        cid = conversation.id
        assert cid is not None
        menu = QMenu(self)
        rename = QAction(self.tr("Rename…"), menu)
        rename.triggered.connect(lambda: self.rename_requested.emit(cid))
        pin = QAction(self.tr("Unpin") if conversation.pinned else self.tr("Pin to top"), menu)
        pin.triggered.connect(lambda: self.pin_requested.emit(cid, not conversation.pinned))
        export = QAction(self.tr("Export…"), menu)
        export.triggered.connect(lambda: self.export_requested.emit(cid))
        delete = QAction(self.tr("Delete"), menu)
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))  # shown; the list has it
        delete.triggered.connect(lambda: self.delete_requested.emit([cid]))
        for action in (rename, pin, export):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(delete)
        return menu

    def _show_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if index.isValid():
            self.context_menu(index.row()).popup(self.view.viewport().mapToGlobal(pos))
