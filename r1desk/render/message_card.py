"""One chat message as the HTML the chat view paints: header, reasoning, answer, status.

Pure (no Qt) so it can be tested alone. The only anchors it adds are our own:
`r1desk-toggle:` (reasoning header), `r1desk-copy:N` (code blocks) and `r1desk-action:retry`.
Model text can never produce those: `render_markdown` only keeps http/https/mailto links.
"""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass
from datetime import datetime

from r1desk.domain import Message, MessageStatus, Role
from r1desk.render.markdown import RenderedMarkdown, render_markdown
from r1desk.render.prerendered import PRERENDERED

TOGGLE_HREF = "r1desk-toggle:"
ACTION_SCHEME = "r1desk-action:"
RETRY_HREF = ACTION_SCHEME + "retry"

_COPY_HREF = re.compile(r'href="r1desk-copy:(\d+)"')


@dataclass(frozen=True)
class CardLabels:
    """The words on a card; the UI passes them translated. `{n}` is a number."""

    you: str = "You"
    assistant: str = "R1"
    system: str = "System"
    thinking: str = "Thinking… {n} s"
    queued: str = "Queued… {n} s"
    processing: str = "Processing… {n} s"
    thought_for: str = "Thought for {n} s"
    thought: str = "Thought"
    seconds: str = "{n} s"
    credits: str = "{n} credits"
    stopped: str = "Stopped — reply incomplete"
    failed: str = "The request failed."
    retry: str = "Retry"
    copy: str = "Copy"


ENGLISH = CardLabels()


@functools.lru_cache(maxsize=256)  # streaming and the "Thinking…" tick re-render the same text
def cached_markdown(
    text: str, dark: bool, copy_label: str = "Copy", highlight: bool = True
) -> RenderedMarkdown:
    """Code plain (`highlight=False`) may come from the last session (see prerendered)."""
    ready = None if highlight else PRERENDERED.get(text, dark, copy_label)
    if ready is not None:
        return ready
    return render_markdown(text, dark=dark, copy_label=copy_label, highlight=highlight)


def markdown_texts(message: Message, *, expanded: bool) -> list[str]:
    """The texts `message_card_html` renders as Markdown for this message."""
    texts = []
    if message.role is Role.ASSISTANT and message.reasoning and expanded:
        texts.append(message.reasoning)
    if message.content and message.role is not Role.USER:
        texts.append(message.content)
    return texts


def speaker(message: Message, labels: CardLabels = ENGLISH) -> str:
    return {Role.USER: labels.you, Role.ASSISTANT: labels.assistant, Role.SYSTEM: labels.system}[
        message.role
    ]


def reasoning_title(message: Message, now: datetime, labels: CardLabels = ENGLISH) -> str:
    """'Thinking… 37 s' while waiting, then 'Thought for 41 s' (or 'Thought' if unknown)."""
    if message.status is MessageStatus.PENDING:
        waited = max(0, int((now - message.created_at).total_seconds()))
        # A queued Segmind request notes its stage in `error` (services.chat_controller).
        stages = {"Queued…": labels.queued, "Processing…": labels.processing}
        return stages.get(message.error, labels.thinking).format(n=waited)
    if message.elapsed_s is None:
        return labels.thought
    return labels.thought_for.format(n=round(message.elapsed_s))


def message_card_html(
    message: Message,
    *,
    expanded: bool,
    dark: bool,
    now: datetime,
    labels: CardLabels = ENGLISH,
    highlight: bool = True,
) -> RenderedMarkdown:
    """The whole card; code blocks of the answer come first, then those of the reasoning.
    `highlight=False` leaves all code plain (cheap: no Pygments)."""
    dim = "#9aa0a6" if dark else "#5f6368"
    link = "#8ab4f8" if dark else "#0b57d0"
    error = "#f28b82" if dark else "#b3261e"
    parts = [_header(message, dim, labels)]
    code_blocks: list[str] = []

    if message.role is Role.ASSISTANT:
        pending = message.status is MessageStatus.PENDING
        title = html.escape(reasoning_title(message, now, labels))
        if message.reasoning:
            arrow = "▾" if expanded else "▸"
            parts.append(
                f'<p style="margin-top:0"><a href="{TOGGLE_HREF}" '
                f'style="color:{dim}; text-decoration:none">{arrow} {title}</a></p>'
            )
            if expanded:
                rendered = cached_markdown(message.reasoning, dark, labels.copy, highlight)
                answer_blocks = _answer_blocks(message, dark, labels.copy, highlight)
                body = _shift_copy_links(rendered.html, len(answer_blocks))
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
            # Code is highlighted once the reply is complete, not on every streamed update.
            final = highlight and message.status is not MessageStatus.PENDING
            rendered = cached_markdown(message.content, dark, labels.copy, final)
            parts.append(rendered.html)
            code_blocks[:0] = rendered.code_blocks

    retry = f'<a href="{RETRY_HREF}" style="color:{link}">{html.escape(labels.retry)}</a>'
    if message.status is MessageStatus.INTERRUPTED:
        stopped = html.escape(labels.stopped)
        parts.append(f'<p style="color:{dim}">{stopped} · {retry}</p>')
    elif message.status is MessageStatus.FAILED:
        reason = html.escape(message.error or labels.failed, quote=False)
        parts.append(f'<p style="color:{error}">{reason} · {retry}</p>')
    return RenderedMarkdown(html="\n".join(parts), code_blocks=tuple(code_blocks))


def _answer_blocks(
    message: Message, dark: bool, copy_label: str, highlight: bool
) -> tuple[str, ...]:
    if not message.content or message.role is Role.USER:
        return ()
    final = highlight and message.status is not MessageStatus.PENDING
    return cached_markdown(message.content, dark, copy_label, final).code_blocks


def _shift_copy_links(body: str, offset: int) -> str:
    if offset == 0:
        return body
    return _COPY_HREF.sub(lambda m: f'href="r1desk-copy:{int(m.group(1)) + offset}"', body)


def _header(message: Message, dim: str, labels: CardLabels) -> str:
    meta: list[str] = []
    if message.role is Role.ASSISTANT:
        if message.model:
            meta.append(html.escape(message.model))
        if message.elapsed_s is not None:
            meta.append(labels.seconds.format(n=f"{message.elapsed_s:.1f}"))
        cost = message.cost
        if cost is not None:
            sign = "−" if cost >= 0 else "+"
            meta.append(sign + labels.credits.format(n=f"{abs(cost):.4f}"))
    details = f' <span style="color:{dim}">· {" · ".join(meta)}</span>' if meta else ""
    who = html.escape(speaker(message, labels))
    return f'<p style="margin-bottom:4px"><b>{who}</b>{details}</p>'
