"""Conversation(s) -> r1desk JSON, format_version 1 (documented in docs/export-format.md).

Lossless for everything a user would miss: every stored field of conversations and messages
except the local database ids, which mean nothing in another data folder (`uid` is the identity).
Deterministic: the same conversations always give the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from r1desk.domain import Conversation, ConversationSettings, Message, Usage
from r1desk.export.common import iso_z

FORMAT_VERSION = 1
APP_NAME = "r1desk"


def usage_to_dict(usage: Usage | None) -> dict[str, int | None] | None:
    if usage is None:
        return None
    return {
        "prompt_tokens": usage.prompt_tokens,
        "completion_tokens": usage.completion_tokens,
        "total_tokens": usage.total_tokens,
        "reasoning_tokens": usage.reasoning_tokens,
    }


def settings_to_dict(settings: ConversationSettings) -> dict[str, Any]:
    return {
        "system_prompt": settings.system_prompt,
        "max_tokens": settings.max_tokens,
        "temperature": settings.temperature,
        "top_p": settings.top_p,
    }


def message_to_dict(message: Message, *, include_reasoning: bool = True) -> dict[str, Any]:
    return {
        "role": message.role.value,
        "content": message.content,
        "reasoning": message.reasoning if include_reasoning else "",
        "created_at": iso_z(message.created_at),
        "provider": message.provider,
        "model": message.model,
        "usage": usage_to_dict(message.usage),
        "credits_before": message.credits_before,
        "credits_after": message.credits_after,
        "elapsed_s": message.elapsed_s,
        "thought_s": message.thought_s,
        "status": message.status.value,
        "error": message.error,
    }


def conversation_to_dict(
    conversation: Conversation, *, include_reasoning: bool = True
) -> dict[str, Any]:
    return {
        "uid": conversation.uid,
        "title": conversation.title,
        "created_at": iso_z(conversation.created_at),
        "updated_at": iso_z(conversation.updated_at),
        "pinned": conversation.pinned,
        "draft": conversation.draft,
        "settings": settings_to_dict(conversation.settings),
        "messages": [
            message_to_dict(m, include_reasoning=include_reasoning) for m in conversation.messages
        ],
    }


def conversations_to_json(
    conversations: Iterable[Conversation], *, include_reasoning: bool = True
) -> str:
    """One JSON document holding all the given conversations (ends with a newline)."""
    document = {
        "format_version": FORMAT_VERSION,
        "app": APP_NAME,
        "conversations": [
            conversation_to_dict(c, include_reasoning=include_reasoning) for c in conversations
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def conversation_to_json(conversation: Conversation, *, include_reasoning: bool = True) -> str:
    """One conversation, in the same document shape as many (a list of one)."""
    return conversations_to_json([conversation], include_reasoning=include_reasoning)
