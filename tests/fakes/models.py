"""The fake server's records of what it received, and scripts for what it sends next."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field


@dataclass
class RecordedRequest:
    method: str
    path: str
    headers: dict[str, str]  # names in lower case
    body: bytes
    # Set when the server noticed the client went away before the reply was finished.
    disconnected: threading.Event = field(default_factory=threading.Event, repr=False)

    def json(self) -> object:
        return json.loads(self.body)

    def last_user_text(self) -> str:
        """The content of the last user message in a chat request body ('' if none)."""
        try:
            data = self.json()
        except ValueError:
            return ""
        messages = data.get("messages") if isinstance(data, dict) else None
        if not isinstance(messages, list):
            return ""
        for message in reversed(messages):
            if isinstance(message, dict) and message.get("role") == "user":
                content = message.get("content")
                return content if isinstance(content, str) else ""
        return ""


@dataclass
class FakeResponse:
    """One scripted answer for the next request (whatever its path).

    `body=None` means the realistic default: the normal reply for 200, else an error body for
    `status` (an HTML page when `html`). A str/bytes body is sent as it is; dicts/lists as JSON.
    A header set to None in `headers` is left out (e.g. `{"x-remaining-credits": None}`).
    """

    status: int = 200
    body: bytes | str | dict[str, object] | list[object] | None = None
    headers: dict[str, str | None] = field(default_factory=dict)
    content_type: str | None = None
    html: bool = False
    delay: float = 0.0  # seconds before answering
    drop: bool = False  # close the connection without any response
    reset_mid_body: bool = False  # send the headers and half the body, then reset
    hang: bool = False  # wait until FakeServer.release() (or the client leaves)
    only_path: str | None = None  # answer only a request whose path starts with this
