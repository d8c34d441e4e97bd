"""Help > About: version, license, where the data and settings live, open the data folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QUrl, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from r1desk import __version__
from r1desk.paths import AppPaths

PROJECT_URL = "https://github.com/r1desk/r1desk"


class AboutDialog(QDialog):
    def __init__(self, paths: AppPaths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About r1desk"))
        self._paths = paths
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        title = QLabel(f"<h2>r1desk {__version__}</h2>", self)
        title.setAccessibleName(self.tr("r1desk version {version}").format(version=__version__))
        about = QLabel(
            self.tr(
                "A fast native desktop chat client for DeepSeek-R1, through Segmind or any "
                "OpenAI-compatible server."
            ),
            self,
        )
        about.setWordWrap(True)
        license_label = QLabel(
            self.tr("Free software under the MIT License. Qt {qt}, PySide6 {pyside}.").format(
                qt=qVersion(), pyside=pyside_version
            ),
            self,
        )
        license_label.setWordWrap(True)
        self.data_dir = self._path_field(paths.data_dir, self.tr("Data folder"))
        self.settings_file = self._path_field(paths.settings_file, self.tr("Settings file"))
        self.database = self._path_field(paths.database, self.tr("Conversation database"))
        form = QFormLayout()
        form.addRow(self.tr("Conversations and log:"), self.data_dir)
        form.addRow(self.tr("Database:"), self.database)
        form.addRow(self.tr("Settings:"), self.settings_file)
        self.open_button = QPushButton(self.tr("Open data folder"), self)
        self.open_button.setAccessibleDescription(
            self.tr("Shows the folder with your conversations in the file manager")
        )
        self.open_button.clicked.connect(self.open_data_folder)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (title, about, license_label):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(600, self.sizeHint().height())

    def _path_field(self, path: Path, name: str) -> QLineEdit:
        field = QLineEdit(str(path), self)
        field.setReadOnly(True)
        field.setAccessibleName(name)
        field.setCursorPosition(0)
        return field

    def open_data_folder(self) -> None:
        self.open_url(QUrl.fromLocalFile(str(self._paths.data_dir)))
