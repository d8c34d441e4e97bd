"""Settings: provider, endpoint, key, model parameters, appearance; checked as you type."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from r1desk.secrets import KeyStore
from r1desk.settings import PRESETS, THEMES, VALIDATORS, Settings
from r1desk.ui.settings_key_editor import ERROR_STYLE, KeyEditor

NOT_SET = "Not set (the provider's default)"


def parse_number(text: str, kind: Callable[[str], object]) -> object:
    """None for an empty field, else the number, else the raw text for the validator to refuse."""
    text = text.strip()
    if not text:
        return None
    try:
        return kind(text)
    except ValueError:
        return text


def parse_decimal(text: str) -> float:
    return float(text.replace(",", "."))


class SettingsDialog(QDialog):
    """Emits `settings_accepted(Settings)` on OK and `test_requested(Settings, key | None)`.

    An invalid field shows why under it and disables OK. Keys reach the keyring only on OK.
    Open with `open()`, never `exec()`; pass test outcomes back with `show_test_result`.
    """

    settings_accepted = Signal(object)
    test_requested = Signal(object, object)

    def __init__(self, settings: Settings, keys: KeyStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self._settings = settings
        self._provider_name = settings.provider
        # What the user typed for each provider's address and model, restored on switching back.
        self._endpoints = {settings.provider: (settings.api_base, settings.model)}
        self._errors: dict[str, QLabel] = {}

        self.provider = QComboBox(self)
        for preset in PRESETS.values():
            self.provider.addItem(preset.label, preset.name)
        self.provider.setCurrentIndex(list(PRESETS).index(settings.provider))
        self.api_base = self._line("API address", settings.api_base)
        self.model = self._line("Model", settings.model)
        self.key_editor = KeyEditor(keys, settings.provider, self)
        self.test_button = QPushButton("Test connection", self)
        self.test_result = QLabel(self)
        self.test_result.setWordWrap(True)
        self.system_prompt = QPlainTextEdit(settings.system_prompt, self)
        self.system_prompt.setPlaceholderText("None")
        self.max_tokens = self._line("Max tokens", settings.max_tokens, NOT_SET)
        self.temperature = self._line("Temperature", settings.temperature, NOT_SET)
        self.top_p = self._line("Top-p", settings.top_p, NOT_SET)
        self.reasoning_expanded = QCheckBox("Show reasoning expanded", self)
        self.reasoning_expanded.setChecked(settings.reasoning_expanded)
        self.theme = QComboBox(self)
        for theme in THEMES:
            self.theme.addItem(theme.capitalize(), theme)
        self.theme.setCurrentIndex(THEMES.index(settings.theme))
        self.font_size = self._line("Font size", settings.font_size, "System default")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._name_controls()
        self._build_layout()

        self.provider.currentIndexChanged.connect(self._provider_changed)
        for edit in (self.api_base, self.model, self.max_tokens, self.temperature, self.top_p):
            edit.textChanged.connect(self._revalidate)
        self.font_size.textChanged.connect(self._revalidate)
        self.key_editor.changed.connect(self._revalidate)
        self.test_button.clicked.connect(self._request_test)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self._show_provider()

    # -- building -----------------------------------------------------------------------------

    def _line(self, name: str, value: str | float | None, placeholder: str = "") -> QLineEdit:
        text = "" if value is None else f"{value:g}" if isinstance(value, float) else str(value)
        edit = QLineEdit(text, self)
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        return edit

    def _name_controls(self) -> None:
        for widget, name in (
            (self.provider, "Provider"),
            (self.key_editor, "API key"),
            (self.test_button, "Test connection"),
            (self.test_result, "Connection test result"),
            (self.system_prompt, "Default system prompt"),
            (self.reasoning_expanded, "Show reasoning expanded"),
            (self.theme, "Theme"),
            (self.ok_button, "OK"),
            (self.buttons.button(QDialogButtonBox.StandardButton.Cancel), "Cancel"),
        ):
            widget.setAccessibleName(name)

    def _row(self, form: QFormLayout, label: str, name: str, widget: QWidget) -> None:
        """A field with its problem line under it (hidden while the value is fine)."""
        form.addRow(label, widget)
        error = QLabel(self)
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.setAccessibleName(f"{label.rstrip(':')} problem")
        error.hide()
        form.addRow("", error)
        self._errors[name] = error

    def _build_layout(self) -> None:
        provider_box = QGroupBox("Provider", self)
        form = QFormLayout(provider_box)
        form.addRow("Provider:", self.provider)
        self._row(form, "API address:", "api_base", self.api_base)
        self._row(form, "Model:", "model", self.model)
        form.addRow("API key:", self.key_editor)
        form.addRow(self.test_button, self.test_result)
        self._provider_form = form

        model_box = QGroupBox("Model parameters (sent only when set)", self)
        form = QFormLayout(model_box)
        form.addRow("Default system prompt:", self.system_prompt)
        self._row(form, "Max tokens:", "max_tokens", self.max_tokens)
        self._row(form, "Temperature:", "temperature", self.temperature)
        self._row(form, "Top-p:", "top_p", self.top_p)

        look_box = QGroupBox("Appearance", self)
        form = QFormLayout(look_box)
        form.addRow("", self.reasoning_expanded)
        form.addRow("Theme:", self.theme)
        self._row(form, "Font size:", "font_size", self.font_size)

        layout = QVBoxLayout(self)
        for box in (provider_box, model_box, look_box):
            layout.addWidget(box)
        layout.addWidget(self.buttons)

    # -- reading the form ---------------------------------------------------------------------

    def _values(self) -> dict[str, object]:
        return {
            "provider": self._provider_name,
            "api_base": self.api_base.text().strip(),
            "model": self.model.text().strip(),
            "system_prompt": self.system_prompt.toPlainText(),
            "max_tokens": parse_number(self.max_tokens.text(), int),
            "temperature": parse_number(self.temperature.text(), parse_decimal),
            "top_p": parse_number(self.top_p.text(), parse_decimal),
            "reasoning_expanded": self.reasoning_expanded.isChecked(),
            "theme": self.theme.currentData(),
            "font_size": parse_number(self.font_size.text(), int),
        }

    def _problems(self, values: dict[str, object]) -> dict[str, str]:
        found = {}
        for name, value in values.items():
            reason = VALIDATORS[name](value)
            if reason is not None:
                found[name] = reason
        if not found:  # every value is valid, so Settings can be built
            found.update(self._settings.replace(**values).problems())
        return found

    def current_settings(self) -> Settings | None:
        """The settings the form describes, or None while a field is invalid."""
        values = self._values()
        if self._problems(values) or self.key_editor.problem():
            return None
        return self._settings.replace(**values)

    def _revalidate(self) -> None:
        problems = self._problems(self._values())
        for name, label in self._errors.items():
            label.setText(problems.get(name, ""))
            label.setVisible(name in problems)
        self.key_editor.refresh()
        valid = not problems and self.key_editor.problem() is None
        self.ok_button.setEnabled(valid)
        self.test_button.setEnabled(valid)
        self.test_result.clear()

    # -- provider -----------------------------------------------------------------------------

    def _provider_changed(self) -> None:
        self._endpoints[self._provider_name] = (self.api_base.text(), self.model.text())
        self._provider_name = str(self.provider.currentData())
        base, model = self._endpoints.get(self._provider_name, ("", ""))
        self.api_base.setText(base)
        self.model.setText(model)
        self.key_editor.set_provider(self._provider_name)
        self._show_provider()

    def _show_provider(self) -> None:
        preset = PRESETS[self._provider_name]
        self.api_base.setPlaceholderText(preset.default_base_url or "https://api.example.com/v1")
        self.model.setPlaceholderText(preset.default_model or "the model name")
        self._provider_form.setRowVisible(self.key_editor, preset.accepts_key)
        self._revalidate()

    # -- actions ------------------------------------------------------------------------------

    def _request_test(self) -> None:
        settings = self.current_settings()
        if settings is None:
            return
        self.test_button.setEnabled(False)
        self.test_result.setStyleSheet("")
        self.test_result.setText("Testing…")
        self.test_requested.emit(settings, self.key_editor.key_for_test())

    def show_test_result(self, ok: bool, text: str) -> None:
        self.test_result.setStyleSheet("" if ok else ERROR_STYLE)
        self.test_result.setText(text)
        self.test_button.setEnabled(self.current_settings() is not None)

    def _accept(self) -> None:
        settings = self.current_settings()
        if settings is None or not self.key_editor.save():
            return
        self.settings_accepted.emit(settings)
        self.accept()
