"""Conversation -> a plain-text transcript anyone can read in a terminal or editor."""

from __future__ import annotations

from r1desk.domain import Conversation, Message
from r1desk.export.common import (
    ROLE_LABELS,
    display_title,
    human_time,
    metadata_lines,
    reasoning_label,
    status_note,
)

RULE = "-" * 72


def _indent(text: str, prefix: str) -> str:
    return "\n".join(prefix + line if line else prefix.rstrip() for line in text.split("\n"))


def _message(message: Message, include_reasoning: bool) -> str:
    header = f"{ROLE_LABELS[message.role]} ({human_time(message.created_at)}"
    header += f", {message.model})" if message.model else ")"
    parts = [header + ":"]
    if include_reasoning and message.reasoning.strip():
        parts.append(f"  [{reasoning_label(message)}]")
        parts.append(_indent(message.reasoning.strip("\n"), "  | "))
        parts.append("")
    parts.append(message.content.rstrip("\n"))
    note = status_note(message)
    if note:
        parts.append(note)
    return "\n".join(parts) + "\n"


def conversation_to_text(conversation: Conversation, *, include_reasoning: bool = True) -> str:
    title = " ".join(display_title(conversation).split())
    lines = [title, "=" * min(max(len(title), 3), 72)]
    lines += [f"{label}: {value}" for label, value in metadata_lines(conversation)]
    out = "\n".join(lines) + "\n"
    for message in conversation.messages:
        out += f"\n{RULE}\n" + _message(message, include_reasoning)
    return out
