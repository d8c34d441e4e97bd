"""Per-conversation overrides: system prompt and model parameters; empty means the app default."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from r1desk.domain import ConversationSettings
from r1desk.settings import Settings, validate_max_tokens, validate_temperature, validate_top_p
from r1desk.ui.i18n import translated
from r1desk.ui.settings_dialog import parse_decimal, parse_number
from r1desk.ui.theme import mark_error


class ConversationSettingsDialog(QDialog):
    """Emits `accepted_settings(ConversationSettings)`; open with open()."""

    accepted_settings = Signal(object)

    def __init__(
        self,
        title: str,
        own: ConversationSettings,
        defaults: Settings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Settings for “{title}”").format(title=title or self.tr("New conversation"))
        )
        self.system_prompt = QPlainTextEdit(own.system_prompt or "", self)
        self.system_prompt.setPlaceholderText(
            self.tr("App default: {value}").format(value=defaults.system_prompt)
            if defaults.system_prompt
            else self.tr("App default: none")
        )
        self.system_prompt.setAccessibleName(self.tr("System prompt for this conversation"))
        self.max_tokens = self._line(self.tr("Max tokens"), own.max_tokens, defaults.max_tokens)
        self.temperature = self._line(self.tr("Temperature"), own.temperature, defaults.temperature)
        self.top_p = self._line(self.tr("Top-p"), own.top_p, defaults.top_p)
        self.problem = QLabel(self)
        mark_error(self.problem)  # through the palette: it follows a live theme switch
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(self.tr("Problem"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        form = QFormLayout(self)
        hint = QLabel(self.tr("Leave a field empty to use the app-wide setting."), self)
        hint.setWordWrap(True)
        form.addRow(hint)
        form.addRow(self.tr("System prompt:"), self.system_prompt)
        form.addRow(self.tr("Max tokens:"), self.max_tokens)
        form.addRow(self.tr("Temperature:"), self.temperature)
        form.addRow(self.tr("Top-p:"), self.top_p)
        form.addRow(self.problem)
        form.addRow(self.buttons)
        for edit in (self.max_tokens, self.temperature, self.top_p):
            edit.textChanged.connect(self._validate)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self._validate()
        self.resize(520, self.sizeHint().height())

    def _line(self, name: str, value: float | None, default: float | None) -> QLineEdit:
        edit = QLineEdit("" if value is None else f"{value:g}", self)
        edit.setPlaceholderText(
            self.tr("App default: {value}").format(value=f"{default:g}")
            if default is not None
            else self.tr("Not set")
        )
        edit.setAccessibleName(name)
        return edit

    def _values(self) -> tuple[dict[str, object], str | None]:
        fields: list[tuple[str, QLineEdit, Callable[[str], object], Callable[[object], str | None]]]
        fields = [
            ("max_tokens", self.max_tokens, int, validate_max_tokens),
            ("temperature", self.temperature, parse_decimal, validate_temperature),
            ("top_p", self.top_p, parse_decimal, validate_top_p),
        ]
        values: dict[str, object] = {}
        for name, edit, kind, validate in fields:
            value = parse_number(edit.text(), kind)
            reason = validate(value)
            if reason:
                return values, f"{edit.accessibleName()}: {translated(reason)}"
            values[name] = value
        return values, None

    def _validate(self) -> None:
        _values, problem = self._values()
        self.problem.setText(problem or "")
        self.problem.setVisible(bool(problem))
        self.ok_button.setEnabled(problem is None)

    def result_settings(self) -> ConversationSettings | None:
        values, problem = self._values()
        if problem:
            return None
        prompt = self.system_prompt.toPlainText().strip()
        return ConversationSettings(
            system_prompt=prompt or None,
            max_tokens=values["max_tokens"],  # type: ignore[arg-type]
            temperature=values["temperature"],  # type: ignore[arg-type]
            top_p=values["top_p"],  # type: ignore[arg-type]
        )

    def _accept(self) -> None:
        settings = self.result_settings()
        if settings is not None:
            self.accepted_settings.emit(settings)
            self.accept()
