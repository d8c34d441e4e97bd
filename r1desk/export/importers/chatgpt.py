"""ChatGPT's data export (`conversations.json`) -> domain conversations.

Only the branch the user last saw is kept: from `current_node` back to the root through
`parent` links, then in order. Only text parts are kept; tool traffic, hidden system
prompts and non-text parts (images, code runs, browsing) are left out.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from r1desk.domain import Conversation, Message, Role, title_from_first_message, utc_now
from r1desk.export.importers.errors import (
    ImportFormatError,
    expect,
    field,
    join_path,
    number,
    optional,
)
from r1desk.texts import QT_TRANSLATE_NOOP

UID_PREFIX = "chatgpt-"
PROVIDER = "chatgpt"
_ROLES = {"user": Role.USER, "assistant": Role.ASSISTANT, "system": Role.SYSTEM}
_TEXT_TYPES = {"text", "multimodal_text"}


def looks_like_chatgpt(document: Any) -> bool:
    return isinstance(document, list) and all(
        isinstance(item, dict) and "mapping" in item for item in document[:5]
    )


def _time(seconds: float | None) -> datetime | None:
    if seconds is None:
        return None
    try:
        return datetime.fromtimestamp(seconds, tz=timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None


def _branch(mapping: dict[str, Any], current: str, path: str) -> list[tuple[str, dict[str, Any]]]:
    """(node id, node) from the root down to `current`."""
    mapping_path = join_path(path, "mapping")
    chain: list[tuple[str, dict[str, Any]]] = []
    seen: set[str] = set()
    node_id: str | None = current
    while node_id is not None:
        node_path = join_path(mapping_path, node_id)
        if node_id in seen:
            raise ImportFormatError(
                QT_TRANSLATE_NOOP("Import", "parent links form a cycle"), json_path=node_path
            )
        if node_id not in mapping:
            where = (
                join_path(join_path(mapping_path, chain[-1][0]), "parent")
                if chain
                else join_path(path, "current_node")
            )
            reason = QT_TRANSLATE_NOOP("Import", "node {node} is not in mapping")
            raise ImportFormatError(reason.format(node=repr(node_id)), json_path=where)
        seen.add(node_id)
        node = expect(mapping[node_id], dict, node_path)
        chain.append((node_id, node))
        node_id = optional(node, "parent", str, node_path)
    chain.reverse()
    return chain


def _text(content: dict[str, Any], path: str) -> str:
    if content.get("content_type") not in _TEXT_TYPES:
        return ""
    parts = optional(content, "parts", list, path) or []
    texts = [part for part in parts if isinstance(part, str) and part.strip()]
    return "\n\n".join(texts)


def _message(raw: Any, path: str, fallback_time: datetime) -> Message | None:
    obj = expect(raw, dict, path)
    author = field(obj, "author", dict, path)
    role = _ROLES.get(field(author, "role", str, join_path(path, "author")))
    if role is None or obj.get("recipient", "all") != "all":
        return None  # tool output or a call to a tool
    content_path = join_path(path, "content")
    text = _text(field(obj, "content", dict, path), content_path)
    if not text.strip():
        return None
    metadata = optional(obj, "metadata", dict, path) or {}
    model = metadata.get("model_slug") if role is Role.ASSISTANT else None
    return Message(
        role=role,
        content=text,
        created_at=_time(number(obj, "create_time", path)) or fallback_time,
        provider=PROVIDER if role is Role.ASSISTANT else "",
        model=model if isinstance(model, str) else "",
    )


def _conversation(raw: Any, path: str) -> Conversation:
    obj = expect(raw, dict, path)
    conversation_id = optional(obj, "conversation_id", str, path) or optional(obj, "id", str, path)
    if not conversation_id:
        raise ImportFormatError(
            QT_TRANSLATE_NOOP("Import", "missing conversation id"), json_path=path
        )
    mapping = field(obj, "mapping", dict, path)
    current = field(obj, "current_node", str, path)
    created = _time(number(obj, "create_time", path))
    messages: list[Message] = []
    for node_id, node in _branch(mapping, current, path):
        node_path = join_path(join_path(path, "mapping"), node_id)
        if node.get("message") is None:
            continue
        fallback = messages[-1].created_at if messages else (created or utc_now())
        message = _message(node["message"], join_path(node_path, "message"), fallback)
        if message is not None:
            messages.append(message)
    created = created or (messages[0].created_at if messages else utc_now())
    updated = _time(number(obj, "update_time", path))
    if updated is None:
        updated = messages[-1].created_at if messages else created
    title = (optional(obj, "title", str, path) or "").strip()
    if not title:
        first_user = next((m.content for m in messages if m.role is Role.USER), "")
        title = title_from_first_message(first_user)
    return Conversation(
        uid=UID_PREFIX + conversation_id,
        title=title,
        created_at=created,
        updated_at=updated,
        messages=messages,
    )


def parse_chatgpt(document: Any) -> list[Conversation]:
    """The conversations of a parsed ChatGPT `conversations.json`; ImportFormatError if bad."""
    items = expect(document, list, "")
    conversations: dict[str, Conversation] = {}
    for index, item in enumerate(items):
        conversation = _conversation(item, f"[{index}]")
        conversations.setdefault(conversation.uid, conversation)  # the first copy wins
    return list(conversations.values())
