"""A user's Shift+Enter line breaks survive every export, as the app shows them; replies stay
Markdown. HTML and PDF show the user's text as typed (escaped, breaks kept); Markdown makes each
break a hard break, so the .md keeps it when rendered."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from r1desk.domain import Conversation, Message, Role
from r1desk.export.html_export import conversation_to_html
from r1desk.export.markdown_export import conversation_to_markdown
from r1desk.export.pdf import write_pdf
from r1desk.export.text_export import conversation_to_text

USER_TEXT = "Hello there\nsecond line\n**not bold** <b>typed</b>"
USER_CODE = "Run this:\n```python\nx = 1\ny = 2\n```\nthen\nreport"
REPLY = "One\nsoft break and **bold**"


def _conversation() -> Conversation:
    return Conversation(
        title="Line breaks",
        messages=[
            Message(role=Role.USER, content=USER_TEXT),
            Message(role=Role.ASSISTANT, content=REPLY),
            Message(role=Role.USER, content=USER_CODE),
        ],
    )


def _shown(html: str) -> str:
    """The text a reader sees when the HTML is laid out (Qt's rich-text engine, as the PDF)."""
    document = QTextDocument()
    document.setHtml(html)
    return document.toPlainText()


def test_html_keeps_the_users_line_breaks(qapp: QApplication, tmp_path: Path) -> None:
    path = tmp_path / "out.html"
    path.write_text(conversation_to_html(_conversation()), encoding="utf-8")
    html = path.read_text(encoding="utf-8")
    shown = _shown(html)
    assert "Hello there\nsecond line\n" in shown
    assert "Hello there second line" not in shown
    # Plain text, as the app shows it: Markdown and tags the user typed stay literal.
    assert "**not bold** <b>typed</b>" in shown
    assert "&lt;b&gt;typed&lt;/b&gt;" in html
    # What makes a browser keep the breaks too (an inline style: the CSP allows those).
    assert 'style="white-space: pre-wrap">Hello there\nsecond line\n' in html


def test_html_still_renders_replies_as_markdown(qapp: QApplication) -> None:
    html = conversation_to_html(_conversation())
    assert "<strong>bold</strong>" in html
    assert "One soft break and bold" in _shown(html)  # a single newline in Markdown is a space


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) missing")
def test_pdf_keeps_the_users_line_breaks(qapp: QApplication, tmp_path: Path) -> None:
    path = tmp_path / "out.pdf"
    write_pdf(_conversation(), path)
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    lines = [line.strip() for line in text.splitlines()]
    assert "Hello there" in lines
    assert "second line" in lines
    assert "One soft break and bold" in " ".join(text.split())  # the reply: still Markdown


def _rendered_md(tmp_path: Path) -> tuple[str, str]:
    path = tmp_path / "out.md"
    path.write_text(conversation_to_markdown(_conversation()), encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    return text, MarkdownIt("commonmark").render(text)  # any CommonMark viewer


def test_markdown_keeps_the_users_line_breaks_when_rendered(tmp_path: Path) -> None:
    text, rendered = _rendered_md(tmp_path)
    assert "Hello there<br />\nsecond line<br />" in rendered
    assert "then<br />\nreport" in rendered
    assert "Hello there  \nsecond line  \n**not bold**" in text  # two spaces: invisible as text


def test_markdown_leaves_code_and_replies_alone(tmp_path: Path) -> None:
    text, rendered = _rendered_md(tmp_path)
    assert "```python\nx = 1\ny = 2\n```\n" in text  # no trailing spaces copied with the code
    assert '<code class="language-python">x = 1\ny = 2\n</code>' in rendered
    assert REPLY in text  # replies are written verbatim, soft breaks and all


def test_text_export_still_keeps_the_breaks() -> None:
    assert USER_TEXT in conversation_to_text(_conversation())
