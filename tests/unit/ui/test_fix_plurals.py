"""Counts read naturally: the shipped catalogues give "1 file" / "2 files" in English and
the single Chinese form, through Qt's %n plural support."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from r1desk.ui.i18n import install_translators
from r1desk.ui.transfer_dialogs import TransferTexts


@pytest.fixture
def speak(qapp: QApplication):  # type: ignore[no-untyped-def]
    yield lambda language: install_translators(qapp, language)
    install_translators(qapp, "en")


def test_english_says_file_or_files(speak) -> None:  # type: ignore[no-untyped-def]
    assert speak("en") == "en"
    texts = TransferTexts()
    assert texts.exported(1, Path("out.md")) == "Exported 1 file to out.md"
    assert texts.exported(3, Path("out")) == "Exported 3 files to out"
    assert texts.replace_files(1, "a.md").startswith("1 file already exists:")
    assert texts.replace_files(2, "a.md\nb.md").endswith("Replace them?")


def test_chinese_has_one_form_with_the_number(speak) -> None:  # type: ignore[no-untyped-def]
    assert speak("zh_CN") == "zh_CN"
    assert TransferTexts().exported(2, Path("out")) == "已导出 2 个文件到 out"
