"""After an export the status bar names the count in the UI language's plural form ("1 file",
"2 files", "2 个文件"), through Qt's %n plural support: the real window, real files.

The catalogues are built here from a small .ts (as the shipped ones are built by
scripts/update_translations.py), so the test checks the code's use of %n, not the state of
the shipped translations."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from r1desk.domain import Message, Role
from tests.e2e.conftest import RunningApp

pytestmark = pytest.mark.skipif(
    shutil.which("pyside6-lrelease") is None, reason="pyside6-lrelease (PySide6) missing"
)

EXPORTED = "Exported %n file(s) to {where}"
EXISTING = "%n file(s) already exist:\n{names}\n\nReplace them?"
CATALOGUES = {
    "en": {
        EXPORTED: ["Exported %n file to {where}", "Exported %n files to {where}"],
        EXISTING: [
            "%n file already exists:\n{names}\n\nReplace it?",
            "%n files already exist:\n{names}\n\nReplace them?",
        ],
    },
    "zh_CN": {
        EXPORTED: ["已导出 %n 个文件到 {where}"],
        EXISTING: ["%n 个文件已存在：\n{names}\n\n要替换吗？"],
    },
}


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _compile(language: str, folder: Path) -> Path:
    messages = "".join(
        f'<message numerus="yes"><source>{_escape(source)}</source><translation>'
        + "".join(f"<numerusform>{_escape(form)}</numerusform>" for form in forms)
        + "</translation></message>"
        for source, forms in CATALOGUES[language].items()
    )
    ts = folder / f"plural_{language}.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS>'
        f'<TS version="2.1" language="{language}"><context><name>TransferTexts</name>'
        f"{messages}</context></TS>",
        encoding="utf-8",
    )
    qm = ts.with_suffix(".qm")
    subprocess.run(["pyside6-lrelease", str(ts), "-qm", str(qm)], check=True, capture_output=True)
    return qm


@contextmanager
def _speaking(language: str, folder: Path) -> Iterator[None]:
    translator = QTranslator()
    assert translator.load(str(_compile(language, folder)))
    app = QCoreApplication.instance()
    assert app is not None
    app.installTranslator(translator)
    try:
        yield
    finally:
        app.removeTranslator(translator)


def _seed(app: RunningApp, titles: list[str]) -> list[int]:
    ids = []
    for title in titles:
        conversation = app.ctx.repo.create_conversation(title)
        assert conversation.id is not None
        app.ctx.repo.add_message(conversation.id, Message(Role.USER, f"about {title}"))
        ids.append(conversation.id)
    app.window.reload_list()
    return ids


def test_the_export_summary_uses_plural_forms(
    qtbot: QtBot, start_app: Callable[..., RunningApp], tmp_path: Path
) -> None:
    app = start_app()
    ids = _seed(app, ["Plans", "Notes"])
    status = app.window.status
    with _speaking("en", tmp_path):
        app.window.dialogs.run_export(ids[:1], "md", tmp_path / "one.md", True)
        assert status.currentMessage() == f"Exported 1 file to {tmp_path / 'one.md'}"
        app.window.dialogs.run_export(ids, "txt", tmp_path / "en", True)
        assert status.currentMessage() == f"Exported 2 files to {tmp_path / 'en'}"
    assert sorted(p.name for p in (tmp_path / "en").iterdir()) == ["Notes.txt", "Plans.txt"]
    with _speaking("zh_CN", tmp_path):
        app.window.dialogs.run_export(ids, "txt", tmp_path / "zh", True)
        assert status.currentMessage() == f"已导出 2 个文件到 {tmp_path / 'zh'}"
    # The app's own English catalogue (its plural forms) is installed at start.
    app.window.dialogs.run_export(ids, "md", tmp_path / "shipped", True)
    assert status.currentMessage() == f"Exported 2 files to {tmp_path / 'shipped'}"


def test_replacing_files_asks_with_plural_forms(
    qtbot: QtBot, start_app: Callable[..., RunningApp], tmp_path: Path
) -> None:
    app = start_app()
    ids = _seed(app, ["Plans", "Notes"])
    app.window.dialogs.run_export(ids, "md", tmp_path / "out", True)
    (tmp_path / "out" / "Plans.md").write_text("old", encoding="utf-8")
    with _speaking("en", tmp_path):
        app.window.dialogs.run_export(ids, "md", tmp_path / "out", True)
        box = app.window.findChild(QMessageBox)
        assert box is not None and box.isVisible()
        assert box.text().startswith("2 files already exist:\n")
        assert box.text().endswith("\n\nReplace them?")
        box.button(QMessageBox.StandardButton.Yes).click()
        app.drive(lambda: app.window.status.currentMessage().startswith("Exported 2 files to"))
    assert (tmp_path / "out" / "Plans.md").read_text(encoding="utf-8") != "old"
