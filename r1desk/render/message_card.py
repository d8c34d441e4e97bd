"""One chat message as the HTML the chat view paints: header, reasoning, answer, status.

Pure (no Qt) so it can be tested alone. The only anchors it adds are our own:
`r1desk-toggle:` (reasoning header), `r1desk-copy:N` (code blocks) and `r1desk-action:retry`.
Model text can never produce those: `render_markdown` only keeps http/https/mailto links.
"""

from __future__ import annotations

import functools
import html
import re
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from r1desk.domain import INTERRUPTED_ERROR_TEXT, Message, MessageStatus, Role
from r1desk.render.chunks import split_markdown
from r1desk.render.markdown import RenderedMarkdown, render_markdown
from r1desk.render.prerendered import PRERENDERED

TOGGLE_HREF = "r1desk-toggle:"
ACTION_SCHEME = "r1desk-action:"
RETRY_HREF = ACTION_SCHEME + "retry"

_COPY_HREF = re.compile(r'href="r1desk-copy:(\d+)"')
_LATE_KEPT = 256  # settled chunks kept coloured (a 60 KB reply has about 60)


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
    closed: str = "Interrupted — r1desk closed before the reply was complete"
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
    """'Thinking… 37 s' while waiting, then 'Thought for 41 s' once the answer begins (or
    'Thought' if unknown). Replies stored without `thought_s` show their whole time."""
    if message.is_thinking:
        waited = max(0, int((now - message.created_at).total_seconds()))
        # A queued Segmind request notes its stage in `error` (services.chat_controller).
        stages = {"Queued…": labels.queued, "Processing…": labels.processing}
        return stages.get(message.error, labels.thinking).format(n=waited)
    seconds = message.thinking_time_s
    if seconds is None:
        return labels.thought
    return labels.thought_for.format(n=round(seconds))


@dataclass(frozen=True)
class RenderedCard:
    """A card's HTML in pieces, each laid out on its own and stacked (see render.chunks):
    a long reply is cut between paragraphs so that an update rebuilds only its last piece.
    Joined, the pieces are the card's HTML as one document."""

    pieces: tuple[str, ...]
    code_blocks: tuple[str, ...]

    @property
    def html(self) -> str:
        return "\n".join(self.pieces)


def message_card_html(
    message: Message,
    *,
    expanded: bool,
    dark: bool,
    now: datetime,
    labels: CardLabels = ENGLISH,
    highlight: bool = True,
    chunked: bool = False,
    late: LateColours | None = None,
) -> RenderedCard:
    """The whole card; code blocks of the answer come first, then those of the reasoning.
    `highlight=False` leaves all code plain (cheap: no Pygments). `chunked` cuts long
    Markdown into pieces (it needs markdown-it's parser, so not before that has loaded).
    With `late`, the settled chunks of a pending reply get their colours from it."""
    dim = "#9aa0a6" if dark else "#5f6368"
    link = "#8ab4f8" if dark else "#0b57d0"
    error = "#f28b82" if dark else "#b3261e"
    pieces: list[list[str]] = [[_header(message, dim, labels)]]
    pending = message.status is MessageStatus.PENDING
    answer: list[RenderedMarkdown] = []
    if message.content and message.role is not Role.USER:
        answer = _rendered(message.content, dark, labels.copy, highlight, chunked, late, pending)
    code_blocks = _code_blocks(answer)

    if message.role is Role.ASSISTANT:
        title = html.escape(reasoning_title(message, now, labels))
        if message.reasoning:
            arrow = "▾" if expanded else "▸"
            pieces[-1].append(
                f'<p style="margin-top:0"><a href="{TOGGLE_HREF}" '
                f'style="color:{dim}; text-decoration:none">{arrow} {title}</a></p>'
            )
            if expanded:
                reasoning = _rendered(
                    message.reasoning, dark, labels.copy, highlight, chunked, late, pending
                )
                style = f"color:{dim}; font-style:italic; margin-left:12px"
                bodies = _numbered(reasoning, first=len(code_blocks))
                _continue(pieces, [f'<div style="{style}">{b.rstrip()}</div>' for b in bodies])
                code_blocks += _code_blocks(reasoning)
        elif pending:
            pieces[-1].append(f'<p style="margin-top:0; color:{dim}">{title}</p>')

    if message.content and message.role is Role.USER:
        text = html.escape(message.content, quote=False)
        pieces[-1].append(f'<p style="white-space:pre-wrap; margin-top:0">{text}</p>')
    _continue(pieces, _numbered(answer, first=0))

    retry = f'<a href="{RETRY_HREF}" style="color:{link}">{html.escape(labels.retry)}</a>'
    if message.status is MessageStatus.INTERRUPTED:
        closed = message.error == INTERRUPTED_ERROR_TEXT  # not stopped by the user
        stopped = html.escape(labels.closed if closed else labels.stopped)
        pieces[-1].append(f'<p style="color:{dim}">{stopped} · {retry}</p>')
    elif message.status is MessageStatus.FAILED:
        reason = html.escape(message.error or labels.failed, quote=False)
        pieces[-1].append(f'<p style="color:{error}">{reason} · {retry}</p>')
    return RenderedCard(
        pieces=tuple("\n".join(parts).rstrip() for parts in pieces), code_blocks=tuple(code_blocks)
    )


def _rendered(
    text: str,
    dark: bool,
    copy_label: str,
    highlight: bool,
    chunked: bool,
    late: LateColours | None,
    growing: bool,
) -> list[RenderedMarkdown]:
    """`text` rendered chunk by chunk. While it is `growing` (streaming in), the code of its
    last chunk stays plain: it would be highlighted again on every update. The chunks before
    it no longer change; each is highlighted once, by `late` when given, else at once."""
    chunks = split_markdown(text) if chunked else [text]
    if not (late and highlight):
        last = len(chunks) - 1 if growing else len(chunks)
        return [
            cached_markdown(chunk, dark, copy_label, highlight and i != last)
            for i, chunk in enumerate(chunks)
        ]
    if not growing:
        return [late.coloured(chunk, dark, copy_label) for chunk in chunks]
    settled = [late.settled(chunk, dark, copy_label) for chunk in chunks[:-1]]
    # Not cached: each version is rendered once, and would push out what is worth keeping.
    growing_part = render_markdown(chunks[-1], dark=dark, copy_label=copy_label, highlight=False)
    return [*settled, growing_part]


class LateColours:
    """Code colours for the settled chunks of growing texts, given one chunk at a time.

    Highlighting a chunk in the update that settles it made that update the longest of the
    stream (7-10 ms with the layout, against 3-5). So a settled chunk is shown plain at first
    and queued; the view calls `colour_next` when the stream leaves it a moment, then draws
    the growing cards again. `done` counts the chunks coloured: part of a growing card's key.
    """

    def __init__(self) -> None:
        self.done = 0
        self._waiting: OrderedDict[tuple[str, bool, str], None] = OrderedDict()
        self._coloured: OrderedDict[tuple[str, bool, str], RenderedMarkdown] = OrderedDict()

    def settled(self, chunk: str, dark: bool, copy_label: str) -> RenderedMarkdown:
        key = (chunk, dark, copy_label)
        coloured = self._coloured.get(key)
        if coloured is not None:
            return coloured
        self._waiting[key] = None
        _del_oldest(self._waiting, _LATE_KEPT)
        return cached_markdown(chunk, dark, copy_label, False)

    def coloured(self, chunk: str, dark: bool, copy_label: str) -> RenderedMarkdown:
        """The chunk with colours: those it got while it streamed, if it did."""
        ready = self._coloured.get((chunk, dark, copy_label))
        return ready or cached_markdown(chunk, dark, copy_label, True)

    def waiting(self) -> bool:
        return bool(self._waiting)

    def colour_next(self) -> None:
        """Colour the chunk that has waited longest (about 2-3 ms of Pygments)."""
        if not self._waiting:
            return
        key, _ = self._waiting.popitem(last=False)
        chunk, dark, copy_label = key
        # Kept here, not also in cached_markdown's cache: `coloured` looks here first.
        self._coloured[key] = render_markdown(chunk, dark=dark, copy_label=copy_label)
        _del_oldest(self._coloured, _LATE_KEPT)
        self.done += 1


def _del_oldest(cache: OrderedDict[Any, Any], keep: int) -> None:
    while len(cache) > keep:
        cache.popitem(last=False)


def _numbered(parts: list[RenderedMarkdown], *, first: int) -> list[str]:
    """Each part's HTML, its "Copy" links numbered on from `first` across the parts."""
    bodies = []
    for part in parts:
        bodies.append(_shift_copy_links(part.html, first))
        first += len(part.code_blocks)
    return bodies


def _code_blocks(parts: list[RenderedMarkdown]) -> list[str]:
    return [block for part in parts for block in part.code_blocks]


def _continue(pieces: list[list[str]], bodies: list[str]) -> None:
    """The chunks of one text: the first continues the last piece, each further chunk
    starts a piece of its own (chunks are cut where pieces stack exactly)."""
    for i, body in enumerate(bodies):
        if i:
            pieces.append([])
        pieces[-1].append(body)


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
            meta.append("−" + labels.credits.format(n=f"{cost:.4f}"))
    details = f' <span style="color:{dim}">· {" · ".join(meta)}</span>' if meta else ""
    who = html.escape(speaker(message, labels))
    return f'<p style="margin-bottom:4px"><b>{who}</b>{details}</p>'
