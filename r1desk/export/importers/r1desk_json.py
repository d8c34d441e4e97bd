"""r1desk's own JSON export (format_version 1) -> domain conversations."""

from __future__ import annotations

from typing import Any

from r1desk.domain import (
    Conversation,
    ConversationSettings,
    Message,
    MessageStatus,
    Role,
    Usage,
)
from r1desk.export.common import parse_iso_z
from r1desk.export.importers.errors import (
    ImportFormatError,
    expect,
    field,
    join_path,
    number,
    optional,
)
from r1desk.export.json_export import APP_NAME, FORMAT_VERSION
from r1desk.texts import QT_TRANSLATE_NOOP


def looks_like_r1desk(document: Any) -> bool:
    return isinstance(document, dict) and document.get("app") == APP_NAME


def _time(obj: dict[str, Any], key: str, path: str) -> Any:
    text = field(obj, key, str, path)
    try:
        return parse_iso_z(text)
    except ValueError:
        reason = QT_TRANSLATE_NOOP("Import", "not an ISO 8601 time: {value}")
        raise ImportFormatError(
            reason.format(value=repr(text)), json_path=join_path(path, key)
        ) from None


def _enum(obj: dict[str, Any], key: str, kind: type[Role] | type[MessageStatus], path: str) -> Any:
    text = field(obj, key, str, path)
    try:
        return kind(text)
    except ValueError:
        allowed = ", ".join(member.value for member in kind)
        reason = QT_TRANSLATE_NOOP("Import", "unknown {name} {value} (expected one of {allowed})")
        raise ImportFormatError(
            reason.format(name=key, value=repr(text), allowed=allowed),
            json_path=join_path(path, key),
        ) from None


def _usage(obj: dict[str, Any], path: str) -> Usage | None:
    raw = optional(obj, "usage", dict, path)
    if raw is None:
        return None
    where = join_path(path, "usage")
    return Usage(
        prompt_tokens=optional(raw, "prompt_tokens", int, where),
        completion_tokens=optional(raw, "completion_tokens", int, where),
        total_tokens=optional(raw, "total_tokens", int, where),
        reasoning_tokens=optional(raw, "reasoning_tokens", int, where),
    )


def _settings(obj: dict[str, Any], path: str) -> ConversationSettings:
    raw = optional(obj, "settings", dict, path) or {}
    where = join_path(path, "settings")
    return ConversationSettings(
        system_prompt=optional(raw, "system_prompt", str, where),
        max_tokens=optional(raw, "max_tokens", int, where),
        temperature=number(raw, "temperature", where),
        top_p=number(raw, "top_p", where),
    )


def _message(raw: Any, path: str) -> Message:
    obj = expect(raw, dict, path)
    return Message(
        role=_enum(obj, "role", Role, path),
        content=field(obj, "content", str, path),
        reasoning=optional(obj, "reasoning", str, path) or "",
        created_at=_time(obj, "created_at", path),
        provider=optional(obj, "provider", str, path) or "",
        model=optional(obj, "model", str, path) or "",
        usage=_usage(obj, path),
        credits_before=number(obj, "credits_before", path),
        credits_after=number(obj, "credits_after", path),
        elapsed_s=number(obj, "elapsed_s", path),
        thought_s=number(obj, "thought_s", path),
        status=_enum(obj, "status", MessageStatus, path),
        error=optional(obj, "error", str, path) or "",
    )


def _conversation(raw: Any, path: str) -> Conversation:
    obj = expect(raw, dict, path)
    uid = field(obj, "uid", str, path)
    if not uid.strip():
        raise ImportFormatError(
            QT_TRANSLATE_NOOP("Import", "empty uid"), json_path=join_path(path, "uid")
        )
    messages_path = join_path(path, "messages")
    raw_messages = field(obj, "messages", list, path)
    return Conversation(
        uid=uid,
        title=field(obj, "title", str, path),
        created_at=_time(obj, "created_at", path),
        updated_at=_time(obj, "updated_at", path),
        pinned=optional(obj, "pinned", bool, path) or False,
        draft=optional(obj, "draft", str, path) or "",
        settings=_settings(obj, path),
        messages=[_message(m, join_path(messages_path, i)) for i, m in enumerate(raw_messages)],
    )


def parse_r1desk(document: Any) -> list[Conversation]:
    """All conversations in a parsed r1desk JSON document; ImportFormatError if malformed."""
    root = expect(document, dict, "")
    if root.get("app") != APP_NAME:
        raise ImportFormatError(
            QT_TRANSLATE_NOOP("Import", 'not an r1desk export (no "app": "r1desk")'),
            json_path="app",
        )
    version = root.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise ImportFormatError(
            QT_TRANSLATE_NOOP("Import", "missing or invalid format_version"),
            json_path="format_version",
        )
    if version > FORMAT_VERSION:
        reason = QT_TRANSLATE_NOOP(
            "Import",
            "made by a newer r1desk (format_version {version}; this version reads "
            "{supported}): update r1desk to import it",
        )
        raise ImportFormatError(
            reason.format(version=version, supported=FORMAT_VERSION), json_path="format_version"
        )
    if version < 1:
        reason = QT_TRANSLATE_NOOP("Import", "unknown format_version {version}")
        raise ImportFormatError(reason.format(version=version), json_path="format_version")
    items = field(root, "conversations", list, "")
    conversations = [_conversation(c, join_path("conversations", i)) for i, c in enumerate(items)]
    seen: set[str] = set()
    for index, conversation in enumerate(conversations):
        if conversation.uid in seen:
            raise ImportFormatError(
                QT_TRANSLATE_NOOP("Import", "duplicate uid {uid}").format(
                    uid=repr(conversation.uid)
                ),
                json_path=join_path(join_path("conversations", index), "uid"),
            )
        seen.add(conversation.uid)
    return conversations
