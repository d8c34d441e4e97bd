"""Texts made below the UI: English as they are, and rendered again in the user's language."""

from __future__ import annotations

import ast
import pickle
from pathlib import Path

import pytest

from r1desk.texts import QT_TRANSLATE_NOOP, Text, render

ROOT = Path(__file__).resolve().parents[2] / "r1desk"
# Every module below the UI whose texts reach a widget.
MODULES = [
    *sorted((ROOT / "api").glob("*.py")),
    *sorted((ROOT / "export" / "importers").glob("*.py")),
    ROOT / "services" / "failures.py",
    ROOT / "services" / "connection_test.py",
    ROOT / "services" / "transfer.py",
    ROOT / "settings.py",
    ROOT / "secrets.py",
]
# Programming errors, never shown to the user.
PROGRAMMER_ERRORS = {
    "ValueError",
    "TypeError",
    "AssertionError",
    "RuntimeError",
    "KeyError",
    "AttributeError",
}

CHINESE = {
    ("Demo", "Wait {duration}, then retry."): "请等待 {duration} 后重试。",
    ("Demo", "{n} s"): "{n} 秒",
    ("Demo", "{a} then {b}"): "{b} 之前 {a}",
    ("Demo", "Broken {x}"): "坏的 {y}",
}


def chinese(context: str, text: str) -> str:
    return CHINESE.get((context, text), text)


def test_a_text_is_its_english_rendering() -> None:
    text = QT_TRANSLATE_NOOP("Demo", "Wait {duration}, then retry.").format(duration="12 s")
    assert text == "Wait 12 s, then retry."
    assert isinstance(text, str) and str(text) == "Wait 12 s, then retry."
    assert f"Error: {text}" == "Error: Wait 12 s, then retry."
    assert QT_TRANSLATE_NOOP("Demo", "Plain, {no} arguments") == "Plain, {no} arguments"


def test_render_translates_the_template_and_nested_texts() -> None:
    seconds = QT_TRANSLATE_NOOP("Demo", "{n} s").format(n=12)
    text = QT_TRANSLATE_NOOP("Demo", "Wait {duration}, then retry.").format(duration=seconds)
    assert text.render(chinese) == "请等待 12 秒 后重试。"
    assert text == "Wait 12 s, then retry."  # English stays for logs and the CLI


def test_translators_may_reorder_placeholders() -> None:
    text = QT_TRANSLATE_NOOP("Demo", "{a} then {b}").format(a="x", b="y")
    assert (text, text.render(chinese)) == ("x then y", "y 之前 x")


def test_a_broken_translation_falls_back_to_english() -> None:
    text = QT_TRANSLATE_NOOP("Demo", "Broken {x}").format(x=1)
    assert text.render(chinese) == "Broken 1"


def test_plain_strings_pass_through_and_texts_survive_pickling() -> None:
    assert render("from the server", chinese) == "from the server"
    text = QT_TRANSLATE_NOOP("Demo", "{n} s").format(n=3)
    again = pickle.loads(pickle.dumps(text))  # noqa: S301  our own bytes
    assert isinstance(again, Text) and again.render(chinese) == "3 秒"


def test_positional_arguments_are_refused() -> None:
    with pytest.raises(TypeError):
        QT_TRANSLATE_NOOP("Demo", "{} s").format(3)


def _sentence(node: ast.AST) -> bool:
    """A literal (or f-string) with words: text that would reach the user untranslated."""
    if isinstance(node, ast.JoinedStr):
        return True
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and " " in node.value


def untranslated(source: str) -> list[str]:
    """Bare English where a user-facing text is made: raised errors' messages, `default_*`
    texts, validators' reasons, and marker calls lupdate cannot read (not a literal)."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP":
            literal = all(
                isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args
            )
            if len(node.args) != 2 or not literal:
                found.append(f"line {node.lineno}: marker without two literals")
        elif isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            name = getattr(node.exc.func, "id", "")
            if name not in PROGRAMMER_ERRORS and node.exc.args and _sentence(node.exc.args[0]):
                found.append(f"line {node.lineno}: {name} with a bare message")
        elif isinstance(node, ast.Assign) and _sentence(node.value):
            targets = [getattr(t, "id", "") for t in node.targets]
            if any(t.startswith(("default_message", "default_next_step")) for t in targets):
                found.append(f"line {node.lineno}: bare {targets[0]}")
        elif isinstance(node, ast.FunctionDef) and "validate" in node.name:
            for inner in ast.walk(node):
                value = getattr(inner, "value", None)
                if isinstance(inner, ast.Return) and value is not None:
                    parts = [value.body, value.orelse] if isinstance(value, ast.IfExp) else [value]
                    if any(_sentence(part) for part in parts):
                        found.append(f"line {inner.lineno}: {node.name} returns a bare reason")
    return found


def test_the_source_check_catches_bare_english() -> None:
    bad = """
class E(ApiError):
    default_message = "The request failed."
def validate_x(value):
    return None if value else "Must be set."
def f(host):
    raise ConnectionFailedError(f"Could not connect to {host}.")
X = QT_TRANSLATE_NOOP("Ctx", f"Hello {name}")
"""
    assert len(untranslated(bad)) == 4
    good = """
class E(ApiError):
    default_message = QT_TRANSLATE_NOOP("ApiError", "The request failed.")
def f(host):
    raise ConnectionFailedError(QT_TRANSLATE_NOOP("ApiError", "Could not connect.").format(x=host))
    raise ValueError(f"programming error {host}")
"""
    assert untranslated(good) == []


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_user_text_below_the_ui_is_marked_for_translation(path: Path) -> None:
    assert untranslated(path.read_text(encoding="utf-8")) == []
