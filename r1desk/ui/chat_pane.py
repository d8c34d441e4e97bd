"""The right-hand side: the conversation's title, its messages (or a welcome), errors, composer."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from r1desk.ui.chat_view import ChatView
from r1desk.ui.composer import Composer
from r1desk.ui.failure_banner import FailureBanner
from r1desk.ui.find_bar import FindBar
from r1desk.ui.welcome import WelcomePanel


class ChatPane(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = QLabel(self)
        self.header.setObjectName("ChatHeader")
        # A font and margins, not a style sheet: a widget with one keeps the palette and font
        # it had when styled, so a live theme switch left the title in the old text colour.
        bold = QFont()  # only the weight is set: family and size follow the app's
        bold.setWeight(QFont.Weight.DemiBold)
        self.header.setFont(bold)
        self.header.setContentsMargins(10, 8, 10, 4)
        self.header.setAccessibleName(self.tr("Conversation title"))
        self.header.setWordWrap(True)
        self.find_bar = FindBar(self)
        self.find_bar.hide()
        self.view = ChatView(self)
        self.welcome = WelcomePanel(self)
        self.banner = FailureBanner(self)
        self.composer = Composer(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.header)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.welcome, 1)
        banner_row = QVBoxLayout()
        banner_row.setContentsMargins(8, 0, 8, 0)
        banner_row.addWidget(self.banner)
        layout.addLayout(banner_row)
        layout.addWidget(self.composer)
        model = self.view.model()
        model.modelReset.connect(self._show_view_or_welcome)
        model.rowsInserted.connect(self._show_view_or_welcome)
        model.rowsRemoved.connect(self._show_view_or_welcome)
        self._show_view_or_welcome()

    def _show_view_or_welcome(self) -> None:
        """An empty conversation shows the welcome screen instead of a blank list."""
        empty = self.view.model().rowCount() == 0
        self.welcome.setVisible(empty)
        self.view.setVisible(not empty)

    def open_find(self) -> None:
        self.find_bar.set_haystack(
            [(m.id, m.content) for m in self.view.messages() if m.id is not None]
        )
        self.find_bar.activate()

    def set_title(self, title: str, detail: str = "") -> None:
        self.header.setText(title if not detail else f"{title}   ·   {detail}")
