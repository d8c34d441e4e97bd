"""What a chat client takes and gives back, and the shape every client has."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from r1desk import domain
from r1desk.api.reasoning import Delta

DeltaCallback = Callable[[Delta], None]


@dataclass(frozen=True)
class ChatParams:
    """Sampling settings; only the ones that are set are sent."""

    max_tokens: int | None = None
    temperature: float | None = None
    top_p: float | None = None

    def as_body(self) -> dict[str, object]:
        body: dict[str, object] = {}
        if self.max_tokens is not None:
            body["max_tokens"] = self.max_tokens
        if self.temperature is not None:
            body["temperature"] = self.temperature
        if self.top_p is not None:
            body["top_p"] = self.top_p
        return body

    @classmethod
    def from_settings(cls, settings: domain.ConversationSettings) -> ChatParams:
        return cls(settings.max_tokens, settings.temperature, settings.top_p)


@dataclass(frozen=True)
class ChatReply:
    content: str
    reasoning: str
    finish_reason: str | None
    usage: domain.Usage | None
    remaining_credits: float | None
    elapsed_s: float
    model: str


def wire_messages(messages: Sequence[domain.Message]) -> list[dict[str, str]]:
    """The messages as sent to a provider: role and content only, reasoning never sent back."""
    return [{"role": m.role.value, "content": m.content} for m in messages]


class ChatClient(Protocol):
    @property
    def provider_name(self) -> str: ...

    @property
    def model(self) -> str: ...

    async def chat(
        self,
        messages: Sequence[domain.Message],
        params: ChatParams | None = None,
        on_delta: DeltaCallback | None = None,
    ) -> ChatReply: ...
