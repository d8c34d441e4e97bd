"""Separating R1's reasoning from its answer, incrementally, whatever the chunking.

R1 writes its reasoning in one of these ways, and a stream may split any tag at any character:

- in a separate field (`reasoning_content`, `reasoning`): the clients pass it to `feed_reasoning`;
- inline: `<think>reasoning</think>answer` (leading whitespace allowed);
- "bare": `reasoning</think>answer` (the opening tag is missing).

The rule for the bare form, chosen to be safe: when the text does not start with `<think>`, the
extractor emits nothing and buffers until it knows. The text before the first `</think>` is
reasoning only if (1) no `<think>` occurs before it, and (2) it arrives within `bare_window`
characters (None: no bound, used for whole bodies). Otherwise everything is content. Once content
has been emitted, every later `</think>` (in code, quotes, ...) stays content.

Reasoning is stripped at both ends, content at its start; nothing else is changed.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Literal

OPEN_TAG = "<think>"
CLOSE_TAG = "</think>"
# How much text a stream may hold back while waiting for a bare `</think>`: ~1,000 tokens.
DEFAULT_BARE_WINDOW = 4096


@dataclass(frozen=True)
class Delta:
    kind: Literal["reasoning", "content"]
    text: str


class _State(enum.Enum):
    START = "start"  # nothing decided yet (only whitespace or part of `<think>` seen)
    THINK = "think"  # inside `<think>`: reasoning until `</think>`
    BARE = "bare"  # no opening tag: buffering until a `</think>` or a decision for content
    CONTENT = "content"  # the answer: everything from here on is content


def _partial_tail(text: str, tag: str) -> int:
    """Length of the longest end of `text` that is a proper beginning of `tag`."""
    for size in range(min(len(text), len(tag) - 1), 0, -1):
        if text.endswith(tag[:size]):
            return size
    return 0


class ReasoningExtractor:
    def __init__(self, bare_window: int | None = DEFAULT_BARE_WINDOW) -> None:
        self._bare_window = bare_window
        self._state = _State.START
        self._buf = ""
        self._reasoning_started = False
        self._reasoning_ws = ""  # trailing whitespace of reasoning, held until more follows
        self._content_started = False
        self._out: list[Delta] = []

    def feed(self, text: str) -> list[Delta]:
        """Answer text (`content`) as it arrives; returns what can be shown now."""
        self._buf += text
        self._advance(final=False)
        return self._take()

    def feed_reasoning(self, text: str) -> list[Delta]:
        """Reasoning from a separate field; the content around it is then never split."""
        if self._state in (_State.START, _State.BARE):
            self._state = _State.CONTENT
            self._advance(final=False)
        self._emit_reasoning(text)
        return self._take()

    def finish(self) -> list[Delta]:
        """The end of the reply: whatever was held back."""
        self._advance(final=True)
        self._reasoning_ws = ""
        return self._take()

    def _take(self) -> list[Delta]:
        out, self._out = self._out, []
        return out

    def _emit_reasoning(self, text: str) -> None:
        if not self._reasoning_started:
            text = text.lstrip()
        body = text.rstrip()
        if body:
            self._out.append(Delta("reasoning", self._reasoning_ws + body))
            self._reasoning_started = True
            self._reasoning_ws = text[len(body) :]
        else:
            self._reasoning_ws += text

    def _end_reasoning(self) -> None:
        self._reasoning_ws = ""
        self._state = _State.CONTENT

    def _emit_content(self, text: str) -> None:
        if not self._content_started:
            text = text.lstrip()
        if text:
            self._out.append(Delta("content", text))
            self._content_started = True

    def _advance(self, final: bool) -> None:
        while True:
            if self._state is _State.START:
                head = self._buf.lstrip()
                if head.startswith(OPEN_TAG):
                    self._buf = head[len(OPEN_TAG) :]
                    self._state = _State.THINK
                    continue
                if not final and OPEN_TAG.startswith(head):  # also true for ""
                    return
                self._state = _State.BARE
                continue
            if self._state is _State.THINK:
                end = self._buf.find(CLOSE_TAG)
                if end >= 0:
                    self._emit_reasoning(self._buf[:end])
                    self._buf = self._buf[end + len(CLOSE_TAG) :]
                    self._end_reasoning()
                    continue
                keep = 0 if final else _partial_tail(self._buf, CLOSE_TAG)
                self._emit_reasoning(self._buf[: len(self._buf) - keep])
                self._buf = self._buf[len(self._buf) - keep :]
                return
            if self._state is _State.BARE:
                end = self._buf.find(CLOSE_TAG)
                opened = self._buf.find(OPEN_TAG)
                if end >= 0 and (opened < 0 or opened > end):
                    self._emit_reasoning(self._buf[:end])
                    self._buf = self._buf[end + len(CLOSE_TAG) :]
                    self._end_reasoning()
                    continue
                window = self._bare_window
                if opened >= 0 or final or (window is not None and len(self._buf) > window):
                    self._state = _State.CONTENT
                    continue
                return
            self._emit_content(self._buf)
            self._buf = ""
            return


def split_reasoning(text: str) -> tuple[str, str]:
    """(reasoning, content) of a whole reply body, by the rules above with no window."""
    extractor = ReasoningExtractor(bare_window=None)
    deltas = extractor.feed(text) + extractor.finish()
    reasoning = "".join(d.text for d in deltas if d.kind == "reasoning")
    content = "".join(d.text for d in deltas if d.kind == "content")
    return reasoning, content
