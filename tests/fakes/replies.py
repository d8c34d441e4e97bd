"""What the fake server says: deterministic answers, realistic error bodies, SSE chunks."""

from __future__ import annotations

import http
import json
import time
from typing import Literal

ReasoningStyle = Literal["field", "reasoning", "think", "bare"]
JSON_TYPE = "application/json"
HTML_TYPE = "text/html; charset=utf-8"

# Bodies in the shapes seen from Segmind (`{"error": "..."}`), FastAPI gateways (`{"detail": ...}`)
# and OpenAI-style providers (`{"error": {"message": ...}}`).
_SEGMIND_ERRORS: dict[int, object] = {
    400: {"error": "Invalid request body: 'messages' must be a non-empty list"},
    401: {"error": "Invalid API key"},
    403: {"error": "Access to this model is not enabled for your account"},
    404: {"detail": "Not Found"},
    405: {"detail": "Method Not Allowed"},
    406: {"error": "Insufficient credits. Please add credits to your account to continue."},
    422: {"detail": [{"loc": ["body", "messages"], "msg": "field required", "type": "missing"}]},
    429: {"error": {"message": "Rate limit exceeded: 5 requests per minute", "type": "rate_limit"}},
    500: {"error": "Internal Server Error"},
}


def _html_page(status: int) -> str:
    phrase = _phrase(status)
    return (
        "<!DOCTYPE html>\n<html>\n<head><title>"
        f"{status} {phrase}</title></head>\n<body>\n<center><h1>{status} {phrase}</h1></center>\n"
        "<hr><center>nginx</center>\n<script>window.__cf = 1;</script>\n</body>\n</html>\n"
    )


def _phrase(status: int) -> str:
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def status_body(status: int, *, html: bool = False, openai: bool = False) -> tuple[bytes, str]:
    """A realistic error body for `status` and its content type."""
    if html or status in (502, 503, 504):
        return _html_page(status).encode(), HTML_TYPE
    if openai:
        kind = "authentication_error" if status == 401 else "invalid_request_error"
        message = "Authentication Fails (no such user)" if status == 401 else _phrase(status)
        data: object = {"error": {"message": message, "type": kind, "code": status}}
    else:
        data = _SEGMIND_ERRORS.get(status, {"error": _phrase(status)})
    return json.dumps(data).encode(), JSON_TYPE


def status_headers(status: int) -> dict[str, str]:
    return {"retry-after": "12"} if status == 429 else {}


def answer_for(text: str) -> tuple[str, str]:
    """(reasoning, content) the fake model gives for the user's text: deterministic Markdown."""
    shown = text if text.strip() else "(an empty message)"
    reasoning = (
        f"The user asked about: {shown}\n\nI will restate it, count its characters and words "
        "in a small table, and show a Python snippet that echoes it."
    )
    content = (
        f"You wrote: **{shown}**\n\n"
        "| measure | value |\n| --- | --- |\n"
        f"| characters | {len(text)} |\n| words | {len(text.split())} |\n\n"
        f"```python\ndef echo() -> str:\n    return {text!r}\n```\n"
    )
    return reasoning, content


def usage_for(prompt: str, reasoning: str, content: str) -> dict[str, object]:
    thought, said = len(reasoning.split()), len(content.split())
    asked = len(prompt.split())
    return {
        "prompt_tokens": asked,
        "completion_tokens": thought + said,
        "total_tokens": asked + thought + said,
        "completion_tokens_details": {"reasoning_tokens": thought},
    }


def inline_content(style: ReasoningStyle, reasoning: str, content: str) -> str:
    if style == "think":
        return f"<think>\n{reasoning}\n</think>\n\n{content}"
    if style == "bare":
        return f"{reasoning}\n</think>\n\n{content}"
    return content


def completion_body(
    model: str, style: ReasoningStyle, reasoning: str, content: str, usage: dict[str, object]
) -> dict[str, object]:
    message: dict[str, object] = {
        "role": "assistant",
        "content": inline_content(style, reasoning, content),
    }
    if style == "field":
        message["reasoning_content"] = reasoning
    elif style == "reasoning":
        message["reasoning"] = reasoning
    return {
        "id": "chatcmpl-fake0001",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
        "usage": usage,
    }


def _pieces(text: str, size: int) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)]


def _chunk(model: str, delta: dict[str, object], finish: str | None = None) -> str:
    data = {
        "id": "chatcmpl-fake0001",
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }
    return f"data: {json.dumps(data)}\n\n"


def sse_events(
    model: str,
    style: ReasoningStyle,
    reasoning: str,
    content: str,
    usage: dict[str, object],
    piece_chars: int = 7,
) -> list[str]:
    """The event stream of one reply, one string per SSE event or comment."""
    events = [": keep-alive\n\n", _chunk(model, {"role": "assistant", "content": ""})]
    deltas: list[dict[str, object]] = []
    if style in ("field", "reasoning"):
        name = "reasoning_content" if style == "field" else "reasoning"
        deltas += [{name: p} for p in _pieces(reasoning, piece_chars)]
    deltas += [
        {"content": p} for p in _pieces(inline_content(style, reasoning, content), piece_chars)
    ]
    for number, delta in enumerate(deltas, start=1):
        events.append(_chunk(model, delta))
        if number % 5 == 0:
            events.append(": keep-alive\n\n")
    final = json.loads(_chunk(model, {}, "stop")[len("data: ") :])
    final["usage"] = usage
    events += [f"data: {json.dumps(final)}\n\n", "data: [DONE]\n\n"]
    return events


def models_body(models: list[str]) -> dict[str, object]:
    return {
        "object": "list",
        "data": [{"id": m, "object": "model", "created": 0, "owned_by": "fake"} for m in models],
    }


GARBAGE_BODY = b'{"id": "chatcmpl-garbage", "choices": [{"message": {"content": "Half'
