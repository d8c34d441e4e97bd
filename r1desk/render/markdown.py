"""Model output (Markdown) -> safe, self-contained HTML for Qt's rich text and for export.

Safety rules: raw HTML is escaped, never rendered; only http, https and mailto links survive
(anything else stays plain text); images are never emitted as <img>, only as a link to their URL,
so rendering never loads anything. Code is highlighted with inline styles and collected
verbatim in `code_blocks`, each with a "Copy" link `r1desk-copy:N` above it.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from r1desk.render.highlight import (
    HIGHLIGHT_BUDGET_CHARS,
    code_colors,
    highlight_code,
    load_highlighter,
    plain_code,
)

if TYPE_CHECKING:  # markdown-it itself loads with the first message rendered, not at start-up
    from markdown_it import MarkdownIt
    from markdown_it.renderer import RendererHTML
    from markdown_it.token import Token
    from markdown_it.utils import EnvType, OptionsDict

SAFE_SCHEMES = ("http://", "https://", "mailto:")
COPY_SCHEME = "r1desk-copy:"


@dataclass(frozen=True)
class RenderedMarkdown:
    html: str
    code_blocks: tuple[str, ...]


@dataclass(frozen=True)
class _Palette:
    link: str
    dim: str
    border: str
    inline_code_bg: str


_LIGHT = _Palette(link="#0b57d0", dim="#5f6368", border="#c4c7c5", inline_code_bg="#eef0f2")
_DARK = _Palette(link="#8ab4f8", dim="#9aa0a6", border="#5f6368", inline_code_bg="#2d3033")


def is_safe_url(url: str) -> bool:
    """True for the only link targets we ever make clickable: http, https and mailto."""
    return url.strip().lower().startswith(SAFE_SCHEMES)


def render_markdown(
    text: str, *, dark: bool = False, copy_label: str = "Copy", highlight: bool = True
) -> RenderedMarkdown:
    """Render Markdown to safe HTML; `dark` picks the colours for a dark background,
    `copy_label` names the link above each code block (the UI passes it translated) and
    `highlight=False` leaves code plain (cheap, for text that is still streaming in)."""
    env: dict[str, Any] = {
        "dark": dark,
        "code_blocks": [],
        "budget": HIGHLIGHT_BUDGET_CHARS if highlight else 0,
        "copy_label": copy_label,
    }
    body = markdown_parser().render(text, env)
    return RenderedMarkdown(html=body, code_blocks=tuple(env["code_blocks"]))


def _palette(env: EnvType) -> _Palette:
    return _DARK if env.get("dark") else _LIGHT


def _render_code(code: str, language: str, env: EnvType) -> str:
    blocks: list[str] = env["code_blocks"]
    index = len(blocks)
    blocks.append(code)
    dark = bool(env.get("dark"))
    pal = _palette(env)
    background, foreground = code_colors(dark)
    shown = code.removesuffix("\n")
    if language and len(shown) <= env["budget"]:
        env["budget"] -= len(shown)
        body = highlight_code(shown, language, dark=dark)
    else:
        body = plain_code(shown)
    label = f' <span style="color:{pal.dim}">{html.escape(language)}</span>' if language else ""
    return (
        f'<p style="margin-bottom:2px"><a href="{COPY_SCHEME}{index}" '
        f'style="color:{pal.link}; text-decoration:none; font-size:small">'
        f"{html.escape(env.get('copy_label', 'Copy'))}</a>{label}</p>\n"
        f'<pre style="background-color:{background}; color:{foreground}; '
        f'white-space:pre-wrap; padding:6px; margin-top:0">{body}</pre>\n'
    )


def _fence(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    token = tokens[idx]
    language = token.info.strip().split(maxsplit=1)[0] if token.info.strip() else ""
    return _render_code(token.content, language, env)


def _code_block(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return _render_code(tokens[idx].content, "", env)


def _code_inline(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    code = html.escape(tokens[idx].content, quote=False)
    return f'<code style="background-color:{_palette(env).inline_code_bg}">{code}</code>'


def _link_open(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    href = str(tokens[idx].attrGet("href") or "")
    if not is_safe_url(href):  # validate_link already refused it; never emit it regardless
        tokens[idx].meta["dropped"] = True
        return ""
    return f'<a href="{html.escape(href)}" style="color:{_palette(env).link}">'


def _link_close(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    # Find the matching opener to know whether it was dropped.
    depth = 0
    for j in range(idx - 1, -1, -1):
        if tokens[j].type == "link_close":
            depth += 1
        elif tokens[j].type == "link_open":
            if depth == 0:
                return "" if tokens[j].meta.get("dropped") else "</a>"
            depth -= 1
    return ""


def _image(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    token = tokens[idx]
    alt = html.escape(self.renderInlineAsText(token.children or [], options, env), quote=False)
    src = str(token.attrGet("src") or "")
    label = f"🖼 {alt}" if alt else "🖼 image"
    if src.lower().startswith(("http://", "https://")):
        return f'<a href="{html.escape(src)}" style="color:{_palette(env).link}">{label}</a>'
    return label


def _table_open(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    border = _palette(env).border
    return (
        '<table border="1" cellspacing="0" cellpadding="4" '
        f'style="border-collapse:collapse; border-style:solid; border-color:{border}">\n'
    )


def _blockquote_open(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return f'<blockquote style="color:{_palette(env).dim}">\n'


@functools.lru_cache(maxsize=1)
def markdown_parser() -> MarkdownIt:
    """The one markdown-it instance, configured for model output (built on first use)."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.validateLink = is_safe_url  # type: ignore[method-assign]
    md.add_render_rule("fence", _fence)
    md.add_render_rule("code_block", _code_block)
    md.add_render_rule("code_inline", _code_inline)
    md.add_render_rule("link_open", _link_open)
    md.add_render_rule("link_close", _link_close)
    md.add_render_rule("image", _image)
    md.add_render_rule("table_open", _table_open)
    md.add_render_rule("blockquote_open", _blockquote_open)
    return md


def load_renderer() -> None:
    """Import markdown-it and Pygments and build the parser. Only imports and caches: safe
    to call from a worker thread."""
    markdown_parser()
    load_highlighter()


def warm_up() -> None:
    """Build the parser and import Pygments ahead of need (call when idle, after start-up)."""
    render_markdown("```python\nx = 1\n```\n\n| a |\n|---|\n| b |", dark=False)
