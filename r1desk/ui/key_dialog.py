"""Asks for the API key: masked, with a show toggle, stored in the OS keyring.

A key entered here replaces one from the environment (SEGMIND_API_KEY, ...) for the rest of
the session; the dialog says so when the key in use comes from there.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from r1desk.secrets import keyring_next_step
from r1desk.services.failures import KEYS_URL
from r1desk.ui.i18n import translated


class KeyDialog(QDialog):
    """Emits `key_entered(key, session_only)` or `key_removed()`; opened with open(), not exec()."""

    key_entered = Signal(str, bool)
    key_removed = Signal()

    def __init__(
        self,
        provider_label: str,
        *,
        keyring_available: bool,
        keyring_problem: str = "",
        has_saved_key: bool = False,
        environment_variable: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`environment_variable`: the variable whose key is in use now, if the key comes from
        the environment."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("{provider} API key").format(provider=provider_label))
        self.setModal(True)
        intro = QLabel(
            self.tr(
                "r1desk needs your {provider} API key to talk to DeepSeek-R1. "
                'Create one at <a href="{url}">{url}</a>.'
            ).format(provider=provider_label, url=KEYS_URL),
            self,
        )
        intro.setWordWrap(True)
        intro.setOpenExternalLinks(True)
        self.field = QLineEdit(self)
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setPlaceholderText(self.tr("Paste your API key"))
        self.field.setAccessibleName(self.tr("API key"))
        self.show_key = QCheckBox(self.tr("Show key"), self)
        self.show_key.toggled.connect(self._toggle_visible)
        self.session_only = QCheckBox(self.tr("Use for this session only (do not save)"), self)
        where = QLabel(self)
        where.setWordWrap(True)
        if keyring_available:
            where.setText(self.tr("The key is kept in your system keyring, never in a plain file."))
        else:
            problem = f" ({keyring_problem})" if keyring_problem else ""
            where.setText(
                self.tr(
                    "No system keyring is available{problem}. The key will be used for this "
                    "session only and forgotten when you quit. To save it, {next_step}."
                ).format(problem=problem, next_step=translated(keyring_next_step()))
            )
            self.session_only.setChecked(True)
            self.session_only.setEnabled(False)
        self.environment_note = QLabel(self)
        self.environment_note.setWordWrap(True)
        self.environment_note.setVisible(bool(environment_variable))
        if environment_variable:
            self.environment_note.setText(
                self.tr(
                    "The key in use comes from ${name}. A key you save here is used instead "
                    "until you quit r1desk; at the next start, ${name} is used again if it is "
                    "still set."
                ).format(name=environment_variable)
            )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.remove_button = QPushButton(self.tr("Remove saved key"), self)
        self.buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.remove_button.setVisible(has_saved_key)  # after addButton, which shows it
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(False)
        layout = QVBoxLayout(self)
        widgets: tuple[QWidget, ...] = (
            intro,
            self.environment_note,
            self.field,
            self.show_key,
            self.session_only,
            where,
            self.buttons,
        )
        for widget in widgets:
            layout.addWidget(widget)
        self.field.textChanged.connect(lambda t: self.save_button.setEnabled(bool(t.strip())))
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        self.remove_button.clicked.connect(self._remove)
        self.resize(520, self.sizeHint().height())

    def _toggle_visible(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.field.setEchoMode(mode)

    def _save(self) -> None:
        key = self.field.text().strip()
        if not key:
            return
        self.key_entered.emit(key, self.session_only.isChecked())
        self.field.clear()
        self.accept()

    def _remove(self) -> None:
        self.key_removed.emit()
        self.accept()
