"""PDF export. Text extraction needs `pdftotext` (poppler-utils): CI installs it; locally
that one test is skipped when it is missing, the structural checks always run."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from r1desk.domain import Conversation
from r1desk.export.pdf import CJK_FAMILIES, write_pdf

# Every test takes `qapp` first: the PDF writer must reuse the suite's QApplication
# rather than create a QGuiApplication that would break later widget tests.


def _pdftotext(path: Path) -> str:
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    # Qt names the Kangxi radical (⽂) for ideographs that share its glyph (文): NFKC, as
    # PDF viewers' search does, gives the text back. The printed glyphs are right either way.
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _pdf(conversation: Conversation, tmp_path: Path, **options: bool) -> bytes:
    path = tmp_path / "out.pdf"
    write_pdf(conversation, path, **options)
    return path.read_bytes()


def test_writes_a_paginated_pdf(
    qapp: QApplication, conversation: Conversation, tmp_path: Path
) -> None:
    conversation.messages = conversation.messages * 15
    data = _pdf(conversation, tmp_path)
    assert data.startswith(b"%PDF-")
    assert data.rstrip().endswith(b"%%EOF")
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", data))
    assert pages > 1


def test_embeds_a_font_that_covers_cjk(
    qapp: QApplication, conversation: Conversation, tmp_path: Path
) -> None:
    installed = set(QFontDatabase.families())
    family = next((name for name in CJK_FAMILIES if name in installed), None)
    if family is None:
        pytest.skip("no CJK font installed (Debian: fonts-noto-cjk)")
    fonts = re.findall(rb"/BaseFont\s*/(\S+)", _pdf(conversation, tmp_path))
    squashed = family.replace(" ", "").lower().encode()
    assert any(squashed[:12] in name.lower().replace(b"-", b"") for name in fonts), fonts


def test_refuses_to_overwrite(
    qapp: QApplication, conversation: Conversation, tmp_path: Path
) -> None:
    path = tmp_path / "out.pdf"
    path.write_bytes(b"keep me")
    with pytest.raises(FileExistsError):
        write_pdf(conversation, path)
    assert path.read_bytes() == b"keep me"
    write_pdf(conversation, path, overwrite=True)
    assert path.read_bytes().startswith(b"%PDF-")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) missing")
def test_text_can_be_extracted_with_cjk_and_code(
    qapp: QApplication, conversation: Conversation, tmp_path: Path
) -> None:
    path = tmp_path / "out.pdf"
    write_pdf(conversation, path)
    flat = _pdftotext(path)
    assert "Greetings 你好" in flat
    assert "Model: deepseek-r1 Created: 2025-03-01 09:30 UTC" in flat  # digits too
    assert "中文 text" in flat
    assert "def greet(name: str) -> str:" in flat
    assert 'return f"你好, {name}' in flat
    assert "Reasoning (Thought for 42 s)" in flat
    assert "<script>alert(1)</script>" in flat
    without = tmp_path / "plain.pdf"
    write_pdf(conversation, without, include_reasoning=False)
    assert "Thought for" not in _pdftotext(without)
