"""Reading OpenAI-shaped chat completions: one JSON body, or a stream of chunks."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass

from r1desk import domain
from r1desk.api.body import parse_json
from r1desk.api.errors import InvalidResponseError, ServerError, said_after
from r1desk.api.reasoning import Delta, ReasoningExtractor, split_reasoning
from r1desk.api.sse import SSEEvent, decode_sse_text
from r1desk.api.text import clean_message, message_from_json
from r1desk.api.types import ChatReply
from r1desk.texts import QT_TRANSLATE_NOOP

_REASONING_FIELDS = ("reasoning_content", "reasoning")


@dataclass(frozen=True)
class Completion:
    content: str
    reasoning: str
    finish_reason: str | None
    usage: domain.Usage | None
    model: str | None

    def deltas(self) -> list[Delta]:
        """The whole reply as deltas, reasoning first (for clients that got it in one piece)."""
        out = [Delta("reasoning", self.reasoning)] if self.reasoning else []
        return out + ([Delta("content", self.content)] if self.content else [])

    def to_reply(self, credits: float | None, started: float, default_model: str) -> ChatReply:
        """The client's answer: this completion plus the balance and the time it took."""
        return ChatReply(
            content=self.content,
            reasoning=self.reasoning,
            finish_reason=self.finish_reason,
            usage=self.usage,
            remaining_credits=credits,
            elapsed_s=time.monotonic() - started,
            model=self.model or default_model,
        )


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def parse_usage(data: object) -> domain.Usage | None:
    if not isinstance(data, dict):
        return None
    details = data.get("completion_tokens_details")
    reasoning = _int(details.get("reasoning_tokens")) if isinstance(details, dict) else None
    usage = domain.Usage(
        prompt_tokens=_int(data.get("prompt_tokens")),
        completion_tokens=_int(data.get("completion_tokens")),
        total_tokens=_int(data.get("total_tokens")),
        reasoning_tokens=reasoning,
    )
    return None if usage == domain.Usage() else usage


def _text(value: object) -> str:
    """Message text: a string, or a list of `{"type": "text", "text": ...}` parts."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "".join(
            p["text"] for p in value if isinstance(p, dict) and isinstance(p.get("text"), str)
        )
    return ""


def _field_reasoning(message: dict[str, object]) -> str:
    for name in _REASONING_FIELDS:
        value = _text(message.get(name))
        if value:
            return value
    return ""


def _reported_error(data: dict[str, object]) -> ServerError:
    said = clean_message(message_from_json(data))
    text = QT_TRANSLATE_NOOP("ApiError", "The provider reported an error instead of a reply")
    return ServerError(said_after(text, said), server_message=said)


def _first_choice(data: object) -> tuple[dict[str, object], dict[str, object]]:
    if not isinstance(data, dict):
        raise InvalidResponseError(
            QT_TRANSLATE_NOOP("ApiError", "The server's reply did not have the expected shape.")
        )
    if "error" in data and not data.get("choices"):
        raise _reported_error(data)
    choices = data.get("choices")
    if not isinstance(choices, list):
        raise InvalidResponseError(
            QT_TRANSLATE_NOOP("ApiError", "The server's reply did not contain a chat answer.")
        )
    if not choices:
        return data, {}
    choice = choices[0]
    if not isinstance(choice, dict):
        raise InvalidResponseError(
            QT_TRANSLATE_NOOP("ApiError", "The server's reply did not have the expected shape.")
        )
    return data, choice


def parse_completion(data: object) -> Completion:
    """A whole `chat.completion` body."""
    top, choice = _first_choice(data)
    message = choice.get("message")
    if not isinstance(message, dict):
        raise InvalidResponseError(
            QT_TRANSLATE_NOOP("ApiError", "The server's reply did not contain a chat answer.")
        )
    content = _text(message.get("content"))
    reasoning = _field_reasoning(message)
    if reasoning:
        content = content.lstrip()
        reasoning = reasoning.strip()
    else:
        reasoning, content = split_reasoning(content)
    finish = choice.get("finish_reason")
    model = top.get("model")
    return Completion(
        content=content,
        reasoning=reasoning,
        finish_reason=finish if isinstance(finish, str) else None,
        usage=parse_usage(top.get("usage")),
        model=model if isinstance(model, str) else None,
    )


class StreamAccumulator:
    """Collects `chat.completion.chunk` events; returns the deltas each one adds."""

    def __init__(self, bare_window: int | None) -> None:
        self._extractor = ReasoningExtractor(bare_window)
        self._content: list[str] = []
        self._reasoning: list[str] = []
        self.finish_reason: str | None = None
        self.usage: domain.Usage | None = None
        self.model: str | None = None
        self.done = False  # `[DONE]` seen
        self.chunks = 0

    def add_event(self, event: SSEEvent) -> list[Delta]:
        if event.is_done:
            self.done = True
            return []
        try:
            data = json.loads(event.data)
        except (ValueError, RecursionError):
            raise InvalidResponseError(
                QT_TRANSLATE_NOOP("ApiError", "The reply stream contained unreadable data.")
            ) from None
        self.chunks += 1
        top, choice = _first_choice(data)
        if isinstance(top.get("model"), str):
            self.model = str(top["model"])
        self.usage = parse_usage(top.get("usage")) or self.usage
        if isinstance(choice.get("finish_reason"), str):
            self.finish_reason = str(choice["finish_reason"])
        delta = choice.get("delta", choice.get("message"))
        if not isinstance(delta, dict):
            return []
        out: list[Delta] = []
        reasoning = _field_reasoning(delta)
        if reasoning:
            out += self._extractor.feed_reasoning(reasoning)
        content = _text(delta.get("content"))
        if content:
            out += self._extractor.feed(content)
        return self._keep(out)

    def finish(self) -> list[Delta]:
        return self._keep(self._extractor.finish())

    @property
    def complete(self) -> bool:
        """The stream said it was over (`[DONE]` or a finish reason)."""
        return self.done or self.finish_reason is not None

    def _keep(self, deltas: list[Delta]) -> list[Delta]:
        for d in deltas:
            (self._reasoning if d.kind == "reasoning" else self._content).append(d.text)
        return deltas

    def result(self) -> Completion:
        return Completion(
            content="".join(self._content),
            reasoning="".join(self._reasoning),
            finish_reason=self.finish_reason,
            usage=self.usage,
            model=self.model,
        )


def looks_like_sse(text: str, content_type: str) -> bool:
    if "text/event-stream" in content_type.lower():
        return True
    return text.lstrip().startswith(("data:", ":", "event:"))


def completion_from_text(text: str, content_type: str) -> Completion:
    """A whole body that is either a JSON completion or a complete event stream."""
    if not looks_like_sse(text, content_type):
        return parse_completion(parse_json(text))
    accumulator = StreamAccumulator(bare_window=None)
    for event in decode_sse_text(text):
        accumulator.add_event(event)
        if accumulator.done:
            break
    accumulator.finish()
    if accumulator.chunks == 0:
        raise InvalidResponseError(
            QT_TRANSLATE_NOOP("ApiError", "The server's event stream held no reply.")
        )
    return accumulator.result()
