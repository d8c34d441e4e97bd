"""Every user-facing text goes through Qt's translation, and the Chinese catalogue is complete."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication

from r1desk.ui.i18n import TRANSLATIONS_DIR, install_translators, resolve_language

UI = Path(__file__).resolve().parents[3] / "r1desk" / "ui"
TS = TRANSLATIONS_DIR / "r1desk_zh_CN.ts"
ALL = None  # every positional argument is text
# Calls that put text on screen (or in a screen reader) -> which positional arguments are text.
TEXT_CALLS: dict[str, tuple[int, ...] | None] = {
    **dict.fromkeys(
        [
            "setText",
            "setWindowTitle",
            "setPlaceholderText",
            "setToolTip",
            "setStatusTip",
            "setWhatsThis",
            "setAccessibleName",
            "setAccessibleDescription",
            "setLabelText",
            "setTitle",
            "addMenu",
            "showMessage",
            "setHeaderLabels",
            "setNameFilters",
            "setNameFilter",
            "setInformativeText",
            "announce",
            "notify",
            "QLabel",
            "QPushButton",
            "QCheckBox",
            "QRadioButton",
            "QGroupBox",
            "QToolButton",
            "QTreeWidgetItem",
            "QListWidgetItem",
            "_button",
        ],
        ALL,
    ),
    "addAction": (0,),
    "addItem": (0,),
    "addRow": (0,),
    "QAction": (0,),
    "QMenu": (0,),
    "QMessageBox": (1, 2),
    "QProgressDialog": (0, 1),
    "QFileDialog": (1,),
    "drawText": (2,),
    "_action": (1,),
    "_line": (0, 2),
    "_row": (1,),
    "_path_field": (1,),
}
TRANSLATORS = {"tr", "translate", "QT_TR_NOOP", "QT_TRANSLATE_NOOP"}
NOT_WORDS = re.compile(r"<[^>]+>|\{[^}]*\}|\b(r1desk|R1|Segmind|DeepSeek|PySide6|Qt)\b")


def _name(func: ast.expr) -> str:
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def untranslated(node: ast.AST) -> Iterator[str]:
    """Literal words in an expression that reach the screen without tr()/translate()."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        if re.search(r"[A-Za-z]", NOT_WORDS.sub("", node.value)):
            yield node.value
    elif isinstance(node, ast.JoinedStr):
        for part in node.values:
            yield from untranslated(part)
    elif isinstance(node, ast.BinOp):
        yield from untranslated(node.left)
        yield from untranslated(node.right)
    elif isinstance(node, ast.IfExp):
        yield from untranslated(node.body)
        yield from untranslated(node.orelse)
    elif isinstance(node, (ast.List, ast.Tuple)):
        for element in node.elts:
            yield from untranslated(element)
    elif isinstance(node, ast.Call) and _name(node.func) not in TRANSLATORS:
        func = node.func  # "text {x}".format(...) / ", ".join(...) on a bare literal
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Constant):
            yield from untranslated(func.value)


def escapes(source: str) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or _name(node.func) not in TEXT_CALLS:
            continue
        positions = TEXT_CALLS[_name(node.func)]
        for i, arg in enumerate(node.args):
            if positions is None or i in positions:
                found += [(node.lineno, text) for text in untranslated(arg)]
    return found


def test_the_check_catches_what_it_should() -> None:
    bad = """
label.setText("Hello")
button = QPushButton(f"Send {n}", self)
box.setToolTip("Stop" if busy else self.tr("Go"))
self.status.showMessage("Saved {x}".format(x=1))
self._action(w, "&Quit", key, slot)
"""
    assert [text for _, text in escapes(bad)] == ["Hello", "Send ", "Stop", "Saved {x}", "&Quit"]
    good = """
label.setText(self.tr("Hello"))
label.setText(self.tr("Hi {n}").format(n=n))
title.setText(f"<h2>r1desk {version}</h2>")
button.setText("↑")
menu.addAction(translate("Ctx", "&Open"))
form.addRow("", widget)
"""
    assert escapes(good) == []


@pytest.mark.parametrize("path", sorted(UI.glob("*.py")), ids=lambda p: p.name)
def test_no_user_facing_text_escapes_translation(path: Path) -> None:
    assert escapes(path.read_text(encoding="utf-8")) == []


def _messages() -> list[tuple[str, str, str | None, str | None]]:
    rows = []
    for context in ET.parse(TS).getroot().iter("context"):  # noqa: S314  our own file
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [form.text or "" for form in translation.iter("numerusform")]
            rows.append(
                (
                    context.findtext("name") or "",
                    message.findtext("source") or "",
                    forms[0] if len(forms) == 1 else translation.text,  # zh_CN: one form
                    translation.get("type"),
                )
            )
    return rows


def test_every_chinese_translation_is_finished_and_keeps_placeholders() -> None:
    rows = _messages()
    assert len(rows) > 200
    for context, source, text, kind in rows:
        assert kind is None and text, f"{context}: {source!r} is not translated"
        fields = re.compile(r"\{\w*\}|%\d|&\w")
        assert sorted(re.findall(r"\{\w*\}", source)) == sorted(re.findall(r"\{\w*\}", text))
        if re.search(r"&\w", source):  # a mnemonic stays a mnemonic
            assert fields.search(text), f"{source!r} lost its & shortcut"


def test_the_compiled_catalogue_is_newer_than_its_source() -> None:
    qm = TS.with_suffix(".qm")
    assert qm.exists() and qm.stat().st_mtime >= TS.stat().st_mtime - 1


@pytest.mark.parametrize(
    ("setting", "locale", "expected"),
    [
        ("system", "zh_CN", "zh_CN"),
        ("system", "zh_SG", "zh_CN"),
        ("system", "zh_TW", "en"),
        ("system", "de_DE", "en"),
        ("system", "en_US", "en"),
        ("en", "zh_CN", "en"),
        ("zh_CN", "en_US", "zh_CN"),
    ],
)
def test_language_comes_from_the_setting_or_the_locale(
    setting: str, locale: str, expected: str
) -> None:
    assert resolve_language(setting, QLocale(locale)) == expected


def test_the_chinese_translator_translates_and_is_removed_again(qapp: QApplication) -> None:
    try:
        assert install_translators(qapp, "zh_CN") == "zh_CN"
        assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
        assert QCoreApplication.translate("Composer", "Send") == "发送"
    finally:
        assert install_translators(qapp, "en") == "en"
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_message_cards_speak_the_ui_language(qapp: QApplication) -> None:
    from r1desk.domain import Message, MessageStatus, Role, utc_now
    from r1desk.render.message_card import message_card_html
    from r1desk.ui.message_delegate import card_labels

    stopped = Message(Role.ASSISTANT, "```py\nx = 1\n```", status=MessageStatus.INTERRUPTED)
    try:
        install_translators(qapp, "zh_CN")
        card = message_card_html(
            stopped, expanded=False, dark=False, now=utc_now(), labels=card_labels()
        )
        assert "已停止" in card.html and "重试" in card.html and "复制" in card.html
        assert "Copy" not in card.html and "Retry" not in card.html
    finally:
        install_translators(qapp, "en")
    english = message_card_html(
        stopped, expanded=False, dark=False, now=utc_now(), labels=card_labels()
    )
    assert "Stopped" in english.html and ">Copy<" in english.html
