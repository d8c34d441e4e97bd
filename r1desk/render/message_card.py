"""One chat message as the HTML the chat view paints: header, reasoning, answer, status.

Pure (no Qt) so it can be tested alone. The only anchors it adds are our own:
`r1desk-toggle:` (reasoning header), `r1desk-copy:N` (code blocks) and `r1desk-action:retry`.
Model text can never produce those: `render_markdown` only keeps http/https/mailto links.
"""

from __future__ import annotations

import functools
import html
import re
from datetime import datetime

from r1desk.domain import Message, MessageStatus, Role
from r1desk.render.markdown import RenderedMarkdown, render_markdown

TOGGLE_HREF = "r1desk-toggle:"
ACTION_SCHEME = "r1desk-action:"
RETRY_HREF = ACTION_SCHEME + "retry"

_COPY_HREF = re.compile(r'href="r1desk-copy:(\d+)"')


@functools.lru_cache(maxsize=256)  # streaming and the "Thinking…" tick re-render the same text
def cached_markdown(text: str, dark: bool) -> RenderedMarkdown:
    return render_markdown(text, dark=dark)


def speaker(message: Message) -> str:
    return {Role.USER: "You", Role.ASSISTANT: "R1", Role.SYSTEM: "System"}[message.role]


def reasoning_title(message: Message, now: datetime) -> str:
    """'Thinking… 37 s' while waiting, then 'Thought for 41 s' (or 'Thought' if unknown)."""
    if message.status is MessageStatus.PENDING:
        waited = max(0, int((now - message.created_at).total_seconds()))
        return f"Thinking… {waited} s"
    if message.elapsed_s is None:
        return "Thought"
    return f"Thought for {round(message.elapsed_s)} s"


def message_card_html(
    message: Message, *, expanded: bool, dark: bool, now: datetime
) -> RenderedMarkdown:
    """The whole card; code blocks of the answer come first, then those of the reasoning."""
    dim = "#9aa0a6" if dark else "#5f6368"
    link = "#8ab4f8" if dark else "#0b57d0"
    error = "#f28b82" if dark else "#b3261e"
    parts = [_header(message, dim)]
    code_blocks: list[str] = []

    if message.role is Role.ASSISTANT:
        pending = message.status is MessageStatus.PENDING
        title = html.escape(reasoning_title(message, now))
        if message.reasoning:
            arrow = "▾" if expanded else "▸"
            parts.append(
                f'<p style="margin-top:0"><a href="{TOGGLE_HREF}" '
                f'style="color:{dim}; text-decoration:none">{arrow} {title}</a></p>'
            )
            if expanded:
                rendered = cached_markdown(message.reasoning, dark)
                body = _shift_copy_links(rendered.html, len(_answer_blocks(message, dark)))
                parts.append(
                    f'<div style="color:{dim}; font-style:italic; margin-left:12px">{body}</div>'
                )
                code_blocks.extend(rendered.code_blocks)
        elif pending:
            parts.append(f'<p style="margin-top:0; color:{dim}">{title}</p>')

    if message.content:
        if message.role is Role.USER:
            text = html.escape(message.content, quote=False)
            parts.append(f'<p style="white-space:pre-wrap; margin-top:0">{text}</p>')
        else:
            rendered = cached_markdown(message.content, dark)
            parts.append(rendered.html)
            code_blocks[:0] = rendered.code_blocks

    retry = f'<a href="{RETRY_HREF}" style="color:{link}">Retry</a>'
    if message.status is MessageStatus.INTERRUPTED:
        parts.append(f'<p style="color:{dim}">Stopped — reply incomplete · {retry}</p>')
    elif message.status is MessageStatus.FAILED:
        reason = html.escape(message.error or "The request failed.", quote=False)
        parts.append(f'<p style="color:{error}">{reason} · {retry}</p>')
    return RenderedMarkdown(html="\n".join(parts), code_blocks=tuple(code_blocks))


def _answer_blocks(message: Message, dark: bool) -> tuple[str, ...]:
    if not message.content or message.role is Role.USER:
        return ()
    return cached_markdown(message.content, dark).code_blocks


def _shift_copy_links(body: str, offset: int) -> str:
    if offset == 0:
        return body
    return _COPY_HREF.sub(lambda m: f'href="r1desk-copy:{int(m.group(1)) + offset}"', body)


def _header(message: Message, dim: str) -> str:
    meta: list[str] = []
    if message.role is Role.ASSISTANT:
        if message.model:
            meta.append(html.escape(message.model))
        if message.elapsed_s is not None:
            meta.append(f"{message.elapsed_s:.1f} s")
        cost = message.cost
        if cost is not None:
            sign = "−" if cost >= 0 else "+"
            meta.append(f"{sign}{abs(cost):.4f} credits")
    details = f' <span style="color:{dim}">· {" · ".join(meta)}</span>' if meta else ""
    return f'<p style="margin-bottom:4px"><b>{speaker(message)}</b>{details}</p>'
