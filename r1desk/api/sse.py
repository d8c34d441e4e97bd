"""Server-sent events: a pure incremental decoder, and an async helper over an httpx response.

Follows the WHATWG event-stream rules: lines end with `\\n`, `\\r\\n` or `\\r` (split across
chunks at any character), `:` lines are comments (`: keep-alive`), `data:` lines of one event are
joined with `\\n`, a blank line dispatches the event. `[DONE]` arrives as an ordinary event whose
`is_done` is true. At the end of the stream an event without its blank line is still delivered.
"""

from __future__ import annotations

import re
from collections.abc import AsyncGenerator
from contextlib import aclosing
from dataclasses import dataclass

import httpx

from r1desk.api.body import MAX_BODY_BYTES, iter_text

_LINE_END = re.compile(r"\r\n|\r|\n")
DONE = "[DONE]"


@dataclass(frozen=True)
class SSEEvent:
    event: str
    data: str

    @property
    def is_done(self) -> bool:
        return self.data.strip() == DONE


class SSEDecoder:
    def __init__(self) -> None:
        self._partial: list[str] = []  # the current line, not yet ended
        self._skip_lf = False  # the last chunk ended with `\r`: a leading `\n` is its pair
        self._event = ""
        self._data: list[str] = []
        self._events: list[SSEEvent] = []

    def feed(self, chunk: str) -> list[SSEEvent]:
        if not chunk:
            return []
        if self._skip_lf and chunk.startswith("\n"):
            chunk = chunk[1:]
        self._skip_lf = False
        start = 0
        for match in _LINE_END.finditer(chunk):
            self._partial.append(chunk[start : match.start()])
            self._line("".join(self._partial))
            self._partial = []
            start = match.end()
            if match.group() == "\r" and start == len(chunk):
                self._skip_lf = True
        if start < len(chunk):
            self._partial.append(chunk[start:])
        return self._take()

    def finish(self) -> list[SSEEvent]:
        """The end of the stream: a last line without its line end, a last undispatched event."""
        if self._partial:
            self._line("".join(self._partial))
            self._partial = []
        self._dispatch()
        self._skip_lf = False
        return self._take()

    def _take(self) -> list[SSEEvent]:
        events, self._events = self._events, []
        return events

    def _line(self, line: str) -> None:
        if not line:
            self._dispatch()
            return
        if line.startswith(":"):
            return
        name, colon, value = line.partition(":")
        if colon and value.startswith(" "):
            value = value[1:]
        if name == "data":
            self._data.append(value)
        elif name == "event":
            self._event = value

    def _dispatch(self) -> None:
        if self._data:
            self._events.append(SSEEvent(self._event or "message", "\n".join(self._data)))
        self._data = []
        self._event = ""


def decode_sse_text(text: str) -> list[SSEEvent]:
    """All events of a whole event-stream body."""
    decoder = SSEDecoder()
    return decoder.feed(text) + decoder.finish()


async def aiter_sse(
    response: httpx.Response, limit: int = MAX_BODY_BYTES
) -> AsyncGenerator[SSEEvent, None]:
    """Events as they arrive from a streamed response (strict UTF-8, size cap)."""
    decoder = SSEDecoder()
    async with aclosing(iter_text(response, limit)) as texts:
        async for text in texts:
            for event in decoder.feed(text):
                yield event
    for event in decoder.finish():
        yield event
