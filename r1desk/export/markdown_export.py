"""Conversation -> Markdown. Message content is already Markdown and is written verbatim,
except that the user's line breaks are made hard breaks (see `keep_line_breaks`)."""

from __future__ import annotations

from r1desk.domain import Conversation, Message, Role
from r1desk.export.common import (
    ROLE_LABELS,
    display_title,
    human_time,
    metadata_lines,
    reasoning_label,
    status_note,
)
from r1desk.render.markdown import markdown_parser

HARD_BREAK = "  "


def _one_line(text: str) -> str:
    return " ".join(text.split())


def keep_line_breaks(text: str) -> str:
    """`text` with each line break kept when the Markdown is rendered, as the app shows what
    the user typed: a single newline is only a soft break (a space), so every line followed by
    a non-blank one ends with two spaces, Markdown's invisible hard break. Where that changes
    nothing (end of a paragraph, a heading, a table row) it is ignored; code blocks, which
    keep their lines anyway and whose text would be copied with the spaces, are left alone.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # as markdown-it counts lines
    lines = text.split("\n")
    in_code: set[int] = set()
    for token in markdown_parser().parse(text):
        if token.type in ("fence", "code_block") and token.map is not None:
            in_code.update(range(*token.map))
    for index, line in enumerate(lines[:-1]):
        if index in in_code or not line.strip() or not lines[index + 1].strip():
            continue
        if not line.endswith((HARD_BREAK, "\\")):  # a trailing backslash breaks already
            lines[index] = line + HARD_BREAK
    return "\n".join(lines)


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
        content = message.content
        if message.role is Role.USER:  # the app shows it as typed, line breaks and all
            content = keep_line_breaks(content)
        parts.append(content if content.endswith("\n") else content + "\n")
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
