"""Conversation -> PDF through Qt's own printing (QTextDocument + QPdfWriter), no browser.

The PDF prints the same body as the HTML export (code already highlighted with inline
colours), in the light theme.

Fonts: text is set in a Latin family with CJK (then emoji) families as per-glyph fallbacks.
A Latin family comes first because with Noto Sans CJK alone, Qt's PDF text layer loses
digits (they print, but text extraction and search miss them). CJK needs a font that has its
glyphs: Linux distributions ship Noto Sans CJK (Debian: fonts-noto-cjk), Windows has
Microsoft YaHei, macOS has PingFang; a frozen build for other systems should bundle
NotoSansCJK-Regular.ttc and register it with QFontDatabase.addApplicationFont.
Known Qt quirk: for ideographs that share a glyph with a Kangxi radical (文 and ⽂), Qt's
ToUnicode map names the radical, so copied text needs NFKC normalisation (PDF viewers'
search does that); what is printed is right.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)

from r1desk.domain import Conversation
from r1desk.export.atomic import write_atomic
from r1desk.export.common import display_title
from r1desk.export.html_export import conversation_body
from r1desk.render.highlight import code_colors

LATIN_FAMILIES = (
    "Noto Sans",
    "DejaVu Sans",
    "Segoe UI",
    "Helvetica Neue",
    "Arial",
    "Liberation Sans",
)
CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Sans CJK JP",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "WenQuanYi Micro Hei",
    "Arial Unicode MS",
)
# Emoji are a bonus (CJK is the requirement): colour emoji fonts rarely embed in PDFs.
EMOJI_FAMILIES = (
    "Noto Emoji",
    "Noto Color Emoji",
    "Segoe UI Emoji",
    "Apple Color Emoji",
)
MONO_FAMILIES = (
    "Noto Sans Mono CJK SC",
    "DejaVu Sans Mono",
    "Menlo",
    "Consolas",
    "Liberation Mono",
)
BODY_POINT_SIZE = 10
MARGIN_MM = 15.0

_app: QGuiApplication | None = None  # kept alive when we had to create one


def ensure_gui_app() -> None:
    """Printing needs a QGuiApplication: make an offscreen one if the process has none
    (the CLI exports PDFs without opening a window)."""
    global _app
    if QGuiApplication.instance() is None:
        _app = QGuiApplication(["r1desk", "-platform", "offscreen"])


def _pick(installed: set[str], *candidates: tuple[str, ...]) -> list[str]:
    return [family for group in candidates for family in group if family in installed]


def _style_sheet() -> str:
    background, foreground = code_colors(False)
    return f"""
        h1 {{ font-size: 16pt; }}
        .meta {{ color: #59636e; }}
        .who {{ color: #59636e; margin-top: 14px; }}
        .role {{ font-weight: bold; color: #1f2328; }}
        .reasoning {{ color: #59636e; background-color: #f6f8fa; }}
        .reasoning p {{ white-space: pre-wrap; }}
        .status {{ color: #cf222e; font-style: italic; }}
        pre {{ background-color: {background}; color: {foreground}; }}
        th, td {{ border: 1px solid #d1d9e0; padding: 3px; }}
    """


def _document(conversation: Conversation, include_reasoning: bool) -> QTextDocument:
    document = QTextDocument()
    font = QFont()
    installed = set(QFontDatabase.families())
    fallbacks = _pick(installed, CJK_FAMILIES, EMOJI_FAMILIES)
    families = _pick(installed, LATIN_FAMILIES)[:1] + fallbacks
    if families:
        font.setFamilies(families)
    font.setPointSize(BODY_POINT_SIZE)
    document.setDefaultFont(font)
    document.setDefaultStyleSheet(_style_sheet())
    mono = _pick(installed, MONO_FAMILIES) + fallbacks
    body = conversation_body(conversation, include_reasoning=include_reasoning, for_print=True)
    if mono:
        quoted = ", ".join(f"'{name}'" for name in mono)
        body = f"<style>pre, code {{ font-family: {quoted}; }}</style>{body}"
    document.setHtml(body)
    document.setMetaInformation(
        QTextDocument.MetaInformation.DocumentTitle, display_title(conversation)
    )
    return document


def pdf_bytes(conversation: Conversation, *, include_reasoning: bool = True) -> bytes:
    """The conversation as a paginated A4 PDF."""
    ensure_gui_app()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(display_title(conversation))
    writer.setCreator("r1desk")
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter
    )
    _document(conversation, include_reasoning).print_(writer)
    del writer  # flushes the last page
    buffer.close()
    return bytes(data.data())


def write_pdf(
    conversation: Conversation,
    path: Path,
    include_reasoning: bool = True,
    *,
    overwrite: bool = False,
) -> None:
    """Write the PDF atomically to `path` (FileExistsError if it exists, unless `overwrite`)."""
    write_atomic(
        Path(path),
        pdf_bytes(conversation, include_reasoning=include_reasoning),
        overwrite=overwrite,
    )
