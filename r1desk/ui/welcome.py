"""What the chat pane shows instead of an empty list: what r1desk is, the key, example prompts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from r1desk.services.failures import KEYS_URL

MAX_WIDTH = 620
translate = QCoreApplication.translate


def example_prompts() -> list[str]:
    return [
        translate(
            "WelcomePanel", "Explain the Monty Hall problem step by step, then check the answer."
        ),
        translate(
            "WelcomePanel", "Write a Python function that finds the longest palindrome in a string."
        ),
        translate("WelcomePanel", "Compare SQLite and PostgreSQL for a small web app, as a table."),
    ]


class WelcomePanel(QScrollArea):
    """Emits `key_requested()` and `prompt_chosen(text)` (an example the user picked)."""

    key_requested = Signal()
    prompt_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName(self.tr("Welcome"))
        body = QWidget(self)
        body.setObjectName("WelcomeBody")
        body.setMaximumWidth(MAX_WIDTH)
        self.heading = QLabel(self.tr("Welcome to r1desk"), body)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.heading.setFont(font)
        self.intro = self._text(
            self.tr(
                "Chat with DeepSeek-R1, the reasoning model, right from your desktop. "
                "R1 thinks before it answers: its reasoning sits in a collapsible section above "
                "each reply. Your conversations are kept in a local database on this computer."
            ),
            body,
        )
        self.key_text = self._text("", body)
        self.key_text.setOpenExternalLinks(True)
        self.key_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.key_button = QPushButton(self.tr("Enter API key…"), body)
        self.key_button.setAccessibleDescription(self.tr("Opens the dialog to paste your API key"))
        self.key_button.clicked.connect(self.key_requested)
        self.examples_label = QLabel(self.tr("Try one of these:"), body)
        self.examples: list[QPushButton] = []
        for prompt in example_prompts():
            button = QPushButton(prompt, body)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setStyleSheet("text-align: left; padding: 6px 10px;")
            button.setAccessibleDescription(self.tr("Puts this example into the message box"))
            button.clicked.connect(lambda _checked=False, p=prompt: self.prompt_chosen.emit(p))
            self.examples.append(button)
        self.hint = self._text(
            self.tr("Or type your own question below. Enter sends, Shift+Enter adds a line."),
            body,
        )
        layout = QVBoxLayout(body)
        layout.setContentsMargins(28, 28, 28, 28)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addSpacing(6)
        layout.addWidget(self.key_text)
        layout.addWidget(self.key_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addSpacing(6)
        layout.addWidget(self.examples_label)
        for button in self.examples:
            layout.addWidget(button)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        outer = QWidget(self)
        centred = QVBoxLayout(outer)
        centred.setContentsMargins(0, 0, 0, 0)
        centred.addWidget(body, 1, Qt.AlignmentFlag.AlignHCenter)
        self.setWidget(outer)
        self.set_key_state(needs_key=False, provider_label="Segmind")

    def focus_chain(self) -> list[QWidget]:
        return [self.key_text, self.key_button, *self.examples]

    @staticmethod
    def _text(text: str, parent: QWidget) -> QLabel:
        label = QLabel(text, parent)
        label.setWordWrap(True)
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        return label

    def set_key_state(self, *, needs_key: bool, provider_label: str) -> None:
        """Explain the key and offer the button only while the provider still needs one."""
        self.key_text.setVisible(needs_key)
        self.key_button.setVisible(needs_key)
        if not needs_key:
            return
        if provider_label == "Segmind":
            text = self.tr(
                "To start, r1desk needs an API key from Segmind, the service that runs R1 for "
                'you. Create one at <a href="{url}">cloud.segmind.com</a>, then paste it here. '
                "It is kept in your system keyring."
            ).format(url=KEYS_URL)
        else:
            text = self.tr(
                "To start, r1desk needs your {provider} API key. It is kept in your system keyring."
            ).format(provider=provider_label)
        self.key_text.setText(text)
