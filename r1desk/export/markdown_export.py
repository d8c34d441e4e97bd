"""Conversation -> Markdown. Message content is already Markdown and is written verbatim."""

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


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _reasoning_block(message: Message) -> str:
    # A literal </details> inside the reasoning would close the block early.
    body = message.reasoning.strip("\n").replace("</details>", "&lt;/details>")
    return f"<details>\n<summary>{reasoning_label(message)}</summary>\n\n{body}\n\n</details>\n"


def _message(message: Message, include_reasoning: bool) -> str:
    heading = f"## {ROLE_LABELS[message.role]}"
    details = [human_time(message.created_at)]
    if message.model:
        details.append(message.model)
    parts = [f"{heading}\n\n*{' · '.join(details)}*\n"]
    if include_reasoning and message.reasoning.strip():
        parts.append(_reasoning_block(message))
    if message.content:
        parts.append(message.content if message.content.endswith("\n") else message.content + "\n")
    note = status_note(message)
    if note:
        parts.append(f"> {_one_line(note)}\n")
    return "\n".join(parts)


def conversation_to_markdown(conversation: Conversation, *, include_reasoning: bool = True) -> str:
    """The whole conversation as one Markdown document (ends with a newline)."""
    lines = [f"# {_one_line(display_title(conversation))}", ""]
    lines += [f"- **{label}:** {value}" for label, value in metadata_lines(conversation)]
    out = "\n".join(lines) + "\n"
    for message in conversation.messages:
        out += "\n---\n\n" + _message(message, include_reasoning)
    return out
