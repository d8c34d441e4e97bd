"""Search every message: a query field, ranked results with highlighted snippets, Enter to jump."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QKeyEvent,
    QPainter,
    QPalette,
    QShowEvent,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from r1desk.domain import Role
from r1desk.storage import HIGHLIGHT_END, HIGHLIGHT_START, SearchHit
from r1desk.ui.a11y import name_clear_button
from r1desk.ui.timers import single_shot

DEBOUNCE_MS = 150
RESULT_LIMIT = 50
_MARKERS = re.compile(f"([{HIGHLIGHT_START}{HIGHLIGHT_END}])")
# Markdown's marks mean nothing in a one-line preview: bold, code ticks and fences, headings,
# table pipes and rules.
_MARKDOWN_MARKS = re.compile(r"\*\*|__|`+|(?:^|(?<=\s))#{1,6}(?=\s)|:?-{3,}:?|\|")
_IDS = Qt.ItemDataRole.UserRole
_HTML = Qt.ItemDataRole.UserRole + 1
_PAD = 6
_Index = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate


def snippet_html(snippet: str) -> str:
    """The snippet as HTML, without Markdown's marks: matches in bold, the rest escaped."""
    out: list[str] = []
    bold = False
    text = " ".join(_MARKDOWN_MARKS.sub(" ", snippet).split())
    for piece in _MARKERS.split(text):
        if piece == HIGHLIGHT_START and not bold:
            out.append("<b>")
            bold = True
        elif piece == HIGHLIGHT_END and bold:
            out.append("</b>")
            bold = False
        elif piece not in (HIGHLIGHT_START, HIGHLIGHT_END):
            out.append(html.escape(piece, quote=False))
    return "".join(out) + ("</b>" if bold else "")


def role_label(role: Role) -> str:
    return {
        Role.USER: translate("SearchDialog", "You"),
        Role.ASSISTANT: "R1",
        Role.SYSTEM: translate("SearchDialog", "System prompt"),
    }.get(role, role.value)


def hit_html(hit: SearchHit) -> str:
    when = hit.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
    about = f"{role_label(hit.role)} · {when}"
    untitled = translate("SearchDialog", "Untitled")
    title = html.escape(hit.conversation_title or untitled, quote=False)
    return f"{title} <small>— {about}</small><br>{snippet_html(hit.snippet)}"


class _HtmlDelegate(QStyledItemDelegate):
    """Paints an item's rich text, wrapped to the list's width, in the selection's colours."""

    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self._view = view

    def _document(self, option: QStyleOptionViewItem, index: _Index) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setHtml(str(index.data(_HTML) or ""))
        doc.setTextWidth(max(self._view.viewport().width() - 2 * _PAD, 80))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        item.text = ""
        style = self._view.style() or QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, self._view)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, item.palette.color(role))
        painter.save()
        painter.translate(item.rect.topLeft())
        painter.translate(_PAD, _PAD)
        doc = self._document(option, index)  # keep a reference: the layout dies with it
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        doc = self._document(option, index)
        return QSize(int(doc.textWidth()) + 2 * _PAD, int(doc.size().height()) + 2 * _PAD)


class SearchDialog(QDialog):
    """Non-modal. Emits `hit_activated(conversation_id, message_id)` and closes on Enter
    or double-click; Up/Down in the query field move through the results."""

    hit_activated = Signal(int, int)

    def __init__(
        self,
        search: Callable[[str, int], Sequence[SearchHit]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Search all conversations"))
        self.setModal(False)
        self._search = search
        self.query = QLineEdit(self)
        self.query.setPlaceholderText(self.tr("Search every message"))
        self.query.setAccessibleName(self.tr("Search query"))
        self.query.setAccessibleDescription(self.tr("Up and Down choose a result, Enter opens it"))
        self.query.setClearButtonEnabled(True)
        name_clear_button(self.query)
        self.results = QListWidget(self)
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setItemDelegate(_HtmlDelegate(self.results))
        self.results.setResizeMode(QListView.ResizeMode.Adjust)  # re-wrap on resize
        self.empty = QLabel(self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setAccessibleName(self.tr("Search status"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.results, 1)
        self._timer = single_shot(self, DEBOUNCE_MS, self.run_search)
        self.query.textChanged.connect(self._timer.start)
        self.query.returnPressed.connect(self._activate_current)
        self.query.installEventFilter(self)
        self.results.itemActivated.connect(self._activate)
        self.results.itemDoubleClicked.connect(self._activate)
        self.resize(640, 480)
        self._show_results([])

    def run_search(self) -> None:
        """Search now (the debounce timer calls this)."""
        self._timer.stop()
        text = self.query.text()
        self._show_results(list(self._search(text, RESULT_LIMIT)) if text.strip() else [])

    def _show_results(self, hits: list[SearchHit]) -> None:
        self.results.clear()
        for hit in hits:
            item = QListWidgetItem(self.results)
            item.setData(_IDS, (hit.conversation_id, hit.message_id))
            plain = " ".join(_MARKERS.sub("", hit.snippet).split())
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{hit.conversation_title}: {plain}")
            item.setData(_HTML, hit_html(hit))
        text = self.query.text().strip()
        if not text:
            self.empty.setText(self.tr("Type to search every message"))
        elif not hits:
            self.empty.setText(self.tr("No messages match “{query}”").format(query=text))
        self.empty.setVisible(not hits)
        self.results.setVisible(bool(hits))
        if hits:
            self.results.setCurrentRow(0)

    def result_html(self, row: int) -> str:
        """What row `row` shows (rich text)."""
        return str(self.results.item(row).data(_HTML))

    def _activate_current(self) -> None:
        if self._timer.isActive():  # Enter right after typing: search first
            self.run_search()
        item = self.results.currentItem()
        if item is not None:
            self._activate(item)

    def _activate(self, item: QListWidgetItem) -> None:
        conversation_id, message_id = item.data(_IDS)
        self.hit_activated.emit(conversation_id, message_id)
        self.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.query and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(event.key()))
            if step is not None and self.results.count():
                row = self.results.currentRow() + step
                self.results.setCurrentRow(max(0, min(row, self.results.count() - 1)))
                return True
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:
        """Reopened: select the old query and refresh its results (messages may have changed)."""
        super().showEvent(event)
        self.query.setFocus()
        self.query.selectAll()
        if self.query.text().strip():
            self.run_search()
