"""Plain data the whole app speaks: conversations, messages, usage, credits.

No Qt and no I/O here; every other layer imports this module.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime, timezone


def new_uid() -> str:
    """A random UUID4 as 32 hex digits. uuid is imported here, not at start-up (~4 ms)."""
    import uuid

    return uuid.uuid4().hex


def utc_now() -> datetime:
    """The current time, timezone-aware in UTC (what we store everywhere)."""
    return datetime.now(timezone.utc)


class Role(str, enum.Enum):
    SYSTEM = "system"
    USER = "user"
    ASSISTANT = "assistant"


class MessageStatus(str, enum.Enum):
    COMPLETE = "complete"
    PENDING = "pending"  # a reply that is being waited for right now
    INTERRUPTED = "interrupted"  # stopped by the user, or the app died while waiting
    FAILED = "failed"  # the request ended with an error


# The `error` of a reply that was pending when the app died (set at the next start).
INTERRUPTED_ERROR_TEXT = "The app closed before the reply arrived."


@dataclass(frozen=True)
class Usage:
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    total_tokens: int | None = None
    reasoning_tokens: int | None = None


@dataclass(frozen=True)
class Credits:
    """A balance as Segmind reports it; `free` only comes from get-user-credits."""

    remaining: float | None
    free: float | None = None


@dataclass
class Message:
    role: Role
    content: str
    reasoning: str = ""
    id: int | None = None
    conversation_id: int | None = None
    created_at: datetime = field(default_factory=utc_now)
    provider: str = ""
    model: str = ""
    usage: Usage | None = None
    credits_before: float | None = None
    credits_after: float | None = None
    elapsed_s: float | None = None
    # From the request to the answer's first text: how long R1 reasoned. None when unknown
    # (a reply that arrived whole, or was stored before r1desk measured it).
    thought_s: float | None = None
    status: MessageStatus = MessageStatus.COMPLETE
    error: str = ""  # the user-facing text of the error that ended this reply, if any

    @property
    def is_thinking(self) -> bool:
        """A pending reply whose answer has not begun: its header counts "Thinking… n s"."""
        return self.status is MessageStatus.PENDING and self.thought_s is None

    @property
    def thinking_time_s(self) -> float | None:
        """What "Thought for n s" shows: `thought_s`, else the whole reply's time (replies
        stored before thought_s was measured, or that arrived whole)."""
        return self.thought_s if self.thought_s is not None else self.elapsed_s

    @property
    def cost(self) -> float | None:
        """Credits this reply spent, when both balances are known. None too when the balance
        rose meanwhile (a top-up): what the reply cost is then unknown, not a gain."""
        if self.credits_before is None or self.credits_after is None:
            return None
        spent = self.credits_before - self.credits_after
        return spent if spent >= 0 else None


@dataclass
class ConversationSettings:
    """Per-conversation overrides; None means 'use the app-wide setting'."""

    system_prompt: str | None = None
    max_tokens: int | None = None
    temperature: float | None = None
    top_p: float | None = None


@dataclass
class Conversation:
    title: str = ""
    id: int | None = None
    uid: str = field(default_factory=new_uid)  # stable across export/import
    created_at: datetime = field(default_factory=utc_now)
    updated_at: datetime = field(default_factory=utc_now)
    pinned: bool = False
    draft: str = ""
    settings: ConversationSettings = field(default_factory=ConversationSettings)
    messages: list[Message] = field(default_factory=list)


TITLE_MAX_CHARS = 60


def title_from_first_message(text: str) -> str:
    """A conversation title made from the user's first message (never from reasoning)."""
    words = " ".join(text.split())
    if len(words) <= TITLE_MAX_CHARS:
        return words or "New conversation"
    cut = words[:TITLE_MAX_CHARS].rsplit(" ", 1)[0] or words[:TITLE_MAX_CHARS]
    return cut + "…"
