"""Syntax highlighting of fenced code with Pygments, as inline-styled HTML (no CSS classes).

Pygments is imported only when the first code block is highlighted, to keep start-up fast.
"""

from __future__ import annotations

import functools
import html
import importlib
from dataclasses import dataclass
from typing import Any

# Pygments lexes ~0.5 MB/s; past this many characters per render, code is shown plain (still
# monospace on its background) so that a 100 KB reply renders in well under 100 ms.
HIGHLIGHT_BUDGET_CHARS = 20_000

LIGHT_STYLES = ("default", "friendly")
DARK_STYLES = ("github-dark", "monokai")
CODE_COLORS = {False: ("#f8f8f8", "#1f2328"), True: ("#0d1117", "#e6edf3")}


@dataclass(frozen=True)
class CodeTheme:
    background: str
    foreground: str
    formatter: Any  # pygments HtmlFormatter; Any so Pygments stays out of import time


def plain_code(code: str) -> str:
    return html.escape(code, quote=False)


@functools.lru_cache(maxsize=128)  # streaming re-renders the same finished blocks many times
def highlight_code(code: str, language: str, *, dark: bool) -> str:
    """The code as HTML spans with inline styles (no <pre> wrapper); plain-escaped if unknown."""
    lexer = _lexer(language.lower()) if language else None
    if lexer is None:
        return plain_code(code)
    pygments = _module("pygments")
    return str(pygments.highlight(code, lexer, code_theme(dark).formatter)).rstrip("\n")


def load_highlighter() -> None:
    """Import Pygments with its HTML formatter, both themes and the Python lexer (the most
    common in replies). Only imports and caches: safe to call from a worker thread."""
    for dark in (False, True):
        code_theme(dark)
    _lexer("python")


def code_colors(dark: bool) -> tuple[str, str]:
    """(background, foreground) of code blocks for the light or dark theme: those of the
    first of LIGHT_STYLES / DARK_STYLES, written out so that plain code (while a reply
    streams, or before the warm-up) never has to import Pygments. A test keeps them equal."""
    return CODE_COLORS[dark]


@functools.lru_cache(maxsize=2)
def code_theme(dark: bool) -> CodeTheme:
    html_formatter = _module("pygments.formatters.html").HtmlFormatter
    styles = _module("pygments.styles")
    text_token = _module("pygments.token").Token.Text
    for name in DARK_STYLES if dark else LIGHT_STYLES:
        try:
            style = styles.get_style_by_name(name)
        except _module("pygments.util").ClassNotFound:
            continue
        color = style.style_for_token(text_token).get("color") or ("c9d1d9" if dark else "1f2328")
        formatter = html_formatter(style=style, noclasses=True, nowrap=True)
        return CodeTheme(str(style.background_color), f"#{color}", formatter)
    fallback = html_formatter(noclasses=True, nowrap=True)
    return CodeTheme("#272822" if dark else "#f6f8fa", "#f8f8f2" if dark else "#1f2328", fallback)


@functools.lru_cache(maxsize=1)
def _known_languages() -> frozenset[str]:
    """The aliases of Pygments' own lexers (~900; read from its table, nothing imported)."""
    lexers = _module("pygments.lexers")
    return frozenset(
        alias
        for _name, aliases, _files, _types in lexers.get_all_lexers(plugins=False)
        for alias in aliases
    )


@functools.lru_cache(maxsize=64)
def _lexer(language: str) -> Any:
    """Pygments' own lexer for `language`, or None. Other names never reach Pygments: for a
    name it does not know, it scans every installed package's entry points for plugin lexers
    (5-20 ms, on the GUI thread), and a streaming reply shows names still arriving ("pytho")."""
    if language not in _known_languages():
        return None
    lexers = _module("pygments.lexers")
    try:
        return lexers.get_lexer_by_name(language, stripnl=False, ensurenl=False)
    except _module("pygments.util").ClassNotFound:
        return None


def _module(name: str) -> Any:
    """Import a Pygments module on first use (Pygments ships no type hints, hence Any)."""
    return importlib.import_module(name)
