"""File > Export… and File > Import…: choose, confirm, then run with a cancellable progress bar."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QWidget,
)

from r1desk.export.importers import ImportFormatError
from r1desk.services import transfer
from r1desk.storage import ImportResult, Repository
from r1desk.ui.i18n import error_text

translate = QCoreApplication.translate


def format_labels() -> dict[str, str]:
    return {
        "md": translate("ExportDialog", "Markdown (.md)"),
        "html": translate("ExportDialog", "Web page (.html)"),
        "pdf": translate("ExportDialog", "PDF (.pdf)"),
        "json": translate("ExportDialog", "JSON, lossless (.json)"),
        "txt": translate("ExportDialog", "Plain text (.txt)"),
    }


class ExportDialog(QDialog):
    """Asks what to export and where; emits `export_requested(ids | None, fmt, out, reasoning)`."""

    export_requested = Signal(object, str, object, bool)

    def __init__(
        self,
        conversation_id: int | None,
        title: str,
        folder: Path,
        selected: list[int] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export conversations"))
        self._conversation_id = conversation_id
        self._title = title
        self._selected = selected if selected and len(selected) > 1 else []
        self.this_one = QRadioButton(
            self.tr("This conversation: {title}").format(
                title=title or self.tr("New conversation")
            ),
            self,
        )
        self.chosen = QRadioButton(
            self.tr("The {count} selected conversations").format(count=len(self._selected)), self
        )
        self.chosen.setVisible(bool(self._selected))
        self.everything = QRadioButton(self.tr("All conversations (one file each)"), self)
        self.this_one.setChecked(conversation_id is not None and not self._selected)
        self.this_one.setEnabled(conversation_id is not None)
        self.chosen.setChecked(bool(self._selected))
        self.everything.setChecked(conversation_id is None and not self._selected)
        self.format = QComboBox(self)
        for fmt, label in format_labels().items():
            self.format.addItem(label, fmt)
        self.format.setAccessibleName(self.tr("Format"))
        self.reasoning = QCheckBox(self.tr("Include R1's reasoning"), self)
        self.reasoning.setChecked(True)
        self.path = QLineEdit(str(folder), self)
        self.path.setAccessibleName(self.tr("Save to folder"))
        browse = QPushButton(self.tr("Browse…"), self)
        browse.setAccessibleDescription(self.tr("Choose the folder to export to"))
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.this_one)
        form.addRow(self.chosen)
        form.addRow(self.everything)
        form.addRow(self.tr("Format:"), self.format)
        form.addRow(self.reasoning)
        form.addRow(self.tr("Save to folder:"), where)
        form.addRow(buttons)
        self.resize(560, self.sizeHint().height())

    def _browse(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        dialog = QFileDialog(self, self.tr("Export to folder"), self.path.text())
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly)
        dialog.fileSelected.connect(self.path.setText)
        dialog.open()

    def target(self) -> tuple[list[int] | None, str, Path]:
        fmt = str(self.format.currentData())
        folder = Path(self.path.text()).expanduser()
        if self.this_one.isChecked() and self._conversation_id is not None:
            from r1desk.export.filenames import safe_filename

            return [self._conversation_id], fmt, folder / safe_filename(self._title, fmt)
        if self.chosen.isChecked():
            return list(self._selected), fmt, folder
        return None, fmt, folder

    def _accept(self) -> None:
        ids, fmt, out = self.target()
        self.export_requested.emit(ids, fmt, out, self.reasoning.isChecked())
        self.accept()


class TransferTexts(QObject):
    """Texts that name a count: `%n` lets Qt pick the language's plural form ("1 file",
    "2 files"). They use `self.tr` because that is where pyside6-lupdate marks a text as
    plural (it does not for `translate(...)` with a variable count)."""

    def exported(self, count: int, where: Path) -> str:
        return self.tr("Exported %n file(s) to {where}", "", count).format(where=where)

    def replace_files(self, count: int, names: str) -> str:
        text = self.tr("%n file(s) already exist:\n{names}\n\nReplace them?", "", count)
        return text.format(names=names)


def progress_reporter(
    parent: QWidget, label: str
) -> tuple[QProgressDialog, Callable[[int, int], bool]]:
    """A progress dialog and a callback that updates it, keeps the window alive and can cancel."""
    cancel = translate("TransferDialogs", "Cancel")
    dialog = QProgressDialog(label, cancel, 0, 100, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)

    def report(done: int, total: int) -> bool:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(done)
        QCoreApplication.processEvents()
        return not dialog.wasCanceled()

    return dialog, report


def run_export(
    parent: QWidget,
    repo: Repository,
    ids: list[int] | None,
    fmt: str,
    out: Path,
    reasoning: bool,
    *,
    overwrite: bool = False,
    on_done: Callable[[str], None] = lambda _summary: None,
) -> str:
    """Export and return a one-line summary for the status bar.

    When files would be replaced it asks first and returns ''; `on_done` gets the summary later.
    """
    plan = transfer.plan_export(repo, ids, fmt, out)  # type: ignore[arg-type]
    if plan.existing and not overwrite:
        names = "\n".join(str(p) for p in plan.existing[:5])
        box = QMessageBox(
            QMessageBox.Icon.Question,
            translate("TransferDialogs", "Replace files?"),
            TransferTexts().replace_files(len(plan.existing), names),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            parent,
        )
        yes = box.button(QMessageBox.StandardButton.Yes)
        yes.clicked.connect(
            lambda: on_done(run_export(parent, repo, ids, fmt, out, reasoning, overwrite=True))
        )
        box.open()
        return ""
    dialog, report = progress_reporter(
        parent, translate("TransferDialogs", "Exporting conversations…")
    )
    try:
        written = transfer.export_conversations(
            repo,
            ids,
            fmt,  # type: ignore[arg-type]  # one of FORMAT_LABELS, all transfer.FORMATS
            out,
            include_reasoning=reasoning,
            overwrite=overwrite,
            progress=report,
        )
    except OSError as error:
        dialog.close()
        title = translate("TransferDialogs", "Export failed")
        reason = error_text(error)
        QMessageBox(QMessageBox.Icon.Warning, title, reason, parent=parent).open()
        return translate("TransferDialogs", "Export failed: {reason}").format(reason=reason)
    dialog.close()
    where = written[0] if len(written) == 1 else out
    return TransferTexts().exported(len(written), where)


def run_import(parent: QWidget, repo: Repository, path: Path) -> ImportResult | None:
    dialog, report = progress_reporter(
        parent, translate("TransferDialogs", "Importing {name}…").format(name=path.name)
    )
    try:
        return transfer.import_file(repo, path, progress=report)
    except (ImportFormatError, OSError, transfer.ImportCancelled) as error:
        QMessageBox(
            QMessageBox.Icon.Warning,
            translate("TransferDialogs", "Import failed"),
            translate("TransferDialogs", "Nothing was imported from {name}:\n{reason}").format(
                name=path.name, reason=error_text(error)
            ),
            parent=parent,
        ).open()
        return None
    finally:
        dialog.close()
