"""Converting between domain objects and table rows (no SQL here)."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from typing import Any

from r1desk.domain import (
    Conversation,
    ConversationSettings,
    Message,
    MessageStatus,
    Role,
    Usage,
)


def to_db_time(value: datetime) -> str:
    """ISO 8601 in UTC, fixed width; a naive datetime is taken to be UTC already."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc).isoformat(timespec="microseconds")


def from_db_time(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    if value.tzinfo is timezone.utc:  # what to_db_time writes: the fast path
        return value
    if value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc)


def conversation_from_row(row: sqlite3.Row) -> Conversation:
    return Conversation(
        id=row["id"],
        uid=row["uid"],
        title=row["title"],
        created_at=from_db_time(row["created_at"]),
        updated_at=from_db_time(row["updated_at"]),
        pinned=bool(row["pinned"]),
        draft=row["draft"],
        settings=ConversationSettings(
            system_prompt=row["system_prompt"],
            max_tokens=row["max_tokens"],
            temperature=row["temperature"],
            top_p=row["top_p"],
        ),
    )


def settings_params(settings: ConversationSettings) -> dict[str, Any]:
    return {
        "system_prompt": settings.system_prompt,
        "max_tokens": settings.max_tokens,
        "temperature": settings.temperature,
        "top_p": settings.top_p,
    }


def fold(text: str | None) -> str:
    """Text as the conversation filter compares it: case-insensitive, Unicode-aware."""
    return "" if text is None else text.casefold()


def conversation_params(conversation: Conversation) -> dict[str, Any]:
    return {
        "uid": conversation.uid,
        "title": conversation.title,
        "title_folded": fold(conversation.title),
        "created_at": to_db_time(conversation.created_at),
        "updated_at": to_db_time(conversation.updated_at),
        "pinned": int(conversation.pinned),
        "draft": conversation.draft,
        **settings_params(conversation.settings),
    }


def message_from_row(row: sqlite3.Row) -> Message:
    token_counts = (
        row["prompt_tokens"],
        row["completion_tokens"],
        row["total_tokens"],
        row["reasoning_tokens"],
    )
    usage = None if all(count is None for count in token_counts) else Usage(*token_counts)
    return Message(
        id=row["id"],
        conversation_id=row["conversation_id"],
        role=Role(row["role"]),
        content=row["content"],
        reasoning=row["reasoning"],
        created_at=from_db_time(row["created_at"]),
        provider=row["provider"],
        model=row["model"],
        usage=usage,
        credits_before=row["credits_before"],
        credits_after=row["credits_after"],
        elapsed_s=row["elapsed_s"],
        thought_s=row["thought_s"],
        status=MessageStatus(row["status"]),
        error=row["error"],
    )


def message_params(message: Message) -> dict[str, Any]:
    """Every column but `id` and `conversation_id`. `Usage()` with no counts is stored as None."""
    usage = message.usage or Usage()
    return {
        "role": Role(message.role).value,
        "content": message.content,
        "reasoning": message.reasoning,
        "created_at": to_db_time(message.created_at),
        "provider": message.provider,
        "model": message.model,
        "prompt_tokens": usage.prompt_tokens,
        "completion_tokens": usage.completion_tokens,
        "total_tokens": usage.total_tokens,
        "reasoning_tokens": usage.reasoning_tokens,
        "credits_before": message.credits_before,
        "credits_after": message.credits_after,
        "elapsed_s": message.elapsed_s,
        "thought_s": message.thought_s,
        "status": MessageStatus(message.status).value,
        "error": message.error,
    }
