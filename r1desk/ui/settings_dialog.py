"""Settings: provider, endpoint, key, model parameters, appearance; checked as you type."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
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
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from r1desk.secrets import KeyStore
from r1desk.settings import LANGUAGES, PRESETS, THEMES, VALIDATORS, Settings
from r1desk.ui.i18n import translated
from r1desk.ui.settings_key_editor import KeyEditor
from r1desk.ui.theme import mark_error, set_error_text
from r1desk.ui.wrapped_label import WrappedLabel

translate = QCoreApplication.translate


def theme_labels() -> dict[str, str]:
    return {
        "system": translate("SettingsDialog", "Follow the system"),
        "light": translate("SettingsDialog", "Light"),
        "dark": translate("SettingsDialog", "Dark"),
    }


def queued_mode_labels() -> dict[str, str]:
    return {
        "offer": translate("SettingsDialog", "Offer it when a reply outlasts the gateway"),
        "always": translate("SettingsDialog", "Always use it"),
        "never": translate("SettingsDialog", "Never use it"),
    }


def language_labels() -> dict[str, str]:
    """Each language in its own words, so a user can find theirs in any language."""
    return {
        "system": translate("SettingsDialog", "Same as the system"),
        "en": "English",
        "zh_CN": "简体中文",
    }


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


class PromptEdit(QPlainTextEdit):
    """Six lines high to begin with (Qt's 192 px made the dialog taller than the screen);
    it grows with the dialog."""

    def sizeHint(self) -> QSize:
        frame = 2 * self.frameWidth() + 2 * int(self.document().documentMargin())
        return QSize(super().sizeHint().width(), 6 * self.fontMetrics().lineSpacing() + frame)


class FittingScrollArea(QScrollArea):
    """Its content whole when the screen has room (QScrollArea's own hint stops at 24 lines
    of text); else as much as fits, leaving room for the dialog's frame and buttons, so that
    OK and Cancel stay on screen at any font size."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no tab stop: Tab scrolls to each field

    def sizeHint(self) -> QSize:
        content = self.widget()
        if content is None:
            return super().sizeHint()
        wanted = content.sizeHint()
        bar = self.verticalScrollBar().sizeHint().width()
        room = self.screen().availableGeometry().size()
        font_lines = self.fontMetrics().height()
        height = min(wanted.height(), room.height() - 3 * font_lines - 48)
        width = min(wanted.width() + bar, room.width() - 40)
        return QSize(max(width, 0), max(height, 4 * font_lines))


class SettingsDialog(QDialog):
    """Emits `settings_accepted(Settings)` on OK and `test_requested(Settings, key | None)`.

    An invalid field shows why under it and disables OK. Keys reach the keyring only on OK.
    Open with `open()`, never `exec()`; pass test outcomes back with `show_test_result`.
    """

    settings_accepted = Signal(object)
    test_requested = Signal(object, object)

    def __init__(
        self,
        settings: Settings,
        keys: KeyStore,
        parent: QWidget | None = None,
        *,
        run_api_base: Callable[[str, str], str | None] | None = None,
    ) -> None:
        """`run_api_base(provider, api_base)`: the address the run uses instead of the one
        those give (--api-base), or None; ProviderSession.override_for."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        not_set = self.tr("Not set (the provider's default)")
        self._settings = settings
        self._provider_name = settings.provider
        # What the user typed for each provider's address and model, restored on switching back.
        self._endpoints = {settings.provider: (settings.api_base, settings.model)}
        self._errors: dict[str, QLabel] = {}

        self.provider = QComboBox(self)
        for preset in PRESETS.values():
            self.provider.addItem(preset.label, preset.name)
        self.provider.setCurrentIndex(list(PRESETS).index(settings.provider))
        self.api_base = self._line(self.tr("API address"), settings.api_base)
        self.model = self._line(self.tr("Model"), settings.model)
        self.key_editor = KeyEditor(keys, settings.provider, self)
        self.test_button = QPushButton(self.tr("Test connection"), self)
        self.test_result = QLabel(self)
        self.test_result.setWordWrap(True)
        self._run_api_base = run_api_base or (lambda _provider, _api_base: None)
        self.run_note = WrappedLabel(self)
        self.queued_mode = QComboBox(self)
        for mode, label in queued_mode_labels().items():
            self.queued_mode.addItem(label, mode)
        self.queued_mode.setCurrentIndex(self.queued_mode.findData(settings.segmind_queued_mode))
        self.queued_mode.setToolTip(
            self.tr(
                "Queued mode waits for long R1 replies without the gateway's time limit,"
                " by asking Segmind every few seconds whether the reply is ready."
            )
        )
        self.system_prompt = PromptEdit(settings.system_prompt, self)
        self.system_prompt.setPlaceholderText(self.tr("None"))
        self.max_tokens = self._line(self.tr("Max tokens"), settings.max_tokens, not_set)
        self.temperature = self._line(self.tr("Temperature"), settings.temperature, not_set)
        self.top_p = self._line(self.tr("Top-p"), settings.top_p, not_set)
        self.reasoning_expanded = QCheckBox(self.tr("Show reasoning expanded"), self)
        self.reasoning_expanded.setChecked(settings.reasoning_expanded)
        self.notify_when_done = QCheckBox(
            self.tr("Notify me when a reply arrives while r1desk is in the background"), self
        )
        self.notify_when_done.setChecked(settings.notify_when_done)
        self.theme = QComboBox(self)
        for theme, label in theme_labels().items():
            self.theme.addItem(label, theme)
        self.theme.setCurrentIndex(THEMES.index(settings.theme))
        self.language = QComboBox(self)
        for language, label in language_labels().items():
            self.language.addItem(label, language)
        self.language.setCurrentIndex(LANGUAGES.index(settings.language))
        self.language.setToolTip(self.tr("A new language is used after r1desk restarts."))
        self.font_size = self._line(
            self.tr("Font size"), settings.font_size, self.tr("System default")
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._name_controls()
        self._build_layout()
        # Qt would open it at most 2/3 of the screen high, scrolling even where all of it fits.
        self.resize(self.sizeHint())

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
            (self.provider, self.tr("Provider")),
            (self.key_editor, self.tr("API key")),
            (self.test_button, self.tr("Test connection")),
            (self.test_result, self.tr("Connection test result")),
            (self.queued_mode, self.tr("Segmind queued mode")),
            (self.system_prompt, self.tr("Default system prompt")),
            (self.reasoning_expanded, self.tr("Show reasoning expanded")),
            (self.notify_when_done, self.tr("Notify when a reply arrives")),
            (self.theme, self.tr("Theme")),
            (self.language, self.tr("Language")),
        ):
            widget.setAccessibleName(name)
        for button in self.buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))

    def _row(self, form: QFormLayout, label: str, name: str, widget: QWidget) -> None:
        """A field with its problem line under it (hidden while the value is fine)."""
        form.addRow(label, widget)
        error = WrappedLabel(self)
        mark_error(error)
        error.setAccessibleName(
            self.tr("Problem with {field}").format(field=label.rstrip(":：").strip())
        )
        error.hide()
        form.addRow("", error)
        self._errors[name] = error

    def _build_layout(self) -> None:
        provider_box = QGroupBox(self.tr("Provider"), self)
        form = QFormLayout(provider_box)
        form.addRow(self.tr("Provider:"), self.provider)
        self._row(form, self.tr("API address:"), "api_base", self.api_base)
        form.addRow("", self.run_note)
        self._row(form, self.tr("Model:"), "model", self.model)
        form.addRow(self.tr("API key:"), self.key_editor)
        form.addRow(self.test_button, self.test_result)
        form.addRow(self.tr("Queued mode for long replies:"), self.queued_mode)
        self._provider_form = form

        model_box = QGroupBox(self.tr("Model parameters (sent only when set)"), self)
        form = QFormLayout(model_box)
        form.addRow(self.tr("Default system prompt:"), self.system_prompt)
        self._row(form, self.tr("Max tokens:"), "max_tokens", self.max_tokens)
        self._row(form, self.tr("Temperature:"), "temperature", self.temperature)
        self._row(form, self.tr("Top-p:"), "top_p", self.top_p)

        look_box = QGroupBox(self.tr("Appearance"), self)
        form = QFormLayout(look_box)
        form.addRow("", self.reasoning_expanded)
        form.addRow("", self.notify_when_done)
        form.addRow(self.tr("Theme:"), self.theme)
        form.addRow(self.tr("Language:"), self.language)
        self._row(form, self.tr("Font size:"), "font_size", self.font_size)

        content = QWidget(self)
        boxes = QVBoxLayout(content)
        boxes.setContentsMargins(0, 0, 0, 0)
        for box in (provider_box, model_box, look_box):
            boxes.addWidget(box)
        self.scroll_area = FittingScrollArea(self)
        self.scroll_area.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll_area, 1)
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
            "notify_when_done": self.notify_when_done.isChecked(),
            "theme": self.theme.currentData(),
            "language": self.language.currentData(),
            "font_size": parse_number(self.font_size.text(), int),
            "segmind_queued_mode": self.queued_mode.currentData(),
        }

    def _problems(self, values: dict[str, object]) -> dict[str, str]:
        found = {}
        for name, value in values.items():
            reason = VALIDATORS[name](value)
            if reason is not None:
                found[name] = translated(reason)
        if not found:  # every value is valid, so Settings can be built
            problems = self._settings.replace(**values).problems()
            found.update((name, translated(reason)) for name, reason in problems.items())
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
        url = self._run_api_base(self._provider_name, self.api_base.text().strip())
        self.run_note.setVisible(url is not None)
        if url is not None:
            self.run_note.setText(
                self.tr(
                    "This run uses {url} (--api-base) while the provider and address stay as "
                    "they are here."
                ).format(url=url)
            )
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
        self.model.setPlaceholderText(preset.default_model or self.tr("the model name"))
        self._provider_form.setRowVisible(self.key_editor, preset.accepts_key)
        self._provider_form.setRowVisible(self.queued_mode, preset.kind == "segmind")
        self._revalidate()

    # -- actions ------------------------------------------------------------------------------

    def _request_test(self) -> None:
        settings = self.current_settings()
        if settings is None:
            return
        self.test_button.setEnabled(False)
        mark_error(self.test_result, False)
        self.test_result.setText(self.tr("Testing…"))
        self.test_requested.emit(settings, self.key_editor.key_for_test())

    def show_test_result(self, ok: bool, text: str) -> None:
        set_error_text(self.test_result, translated(text), error=not ok)
        self.test_button.setEnabled(self.current_settings() is not None)

    def _accept(self) -> None:
        settings = self.current_settings()
        if settings is None or not self.key_editor.save():
            return
        self.settings_accepted.emit(settings)
        self.accept()
