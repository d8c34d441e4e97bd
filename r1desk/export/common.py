"""Small helpers every export format shares: times, costs, labels."""

from __future__ import annotations

from datetime import datetime, timezone

from r1desk.domain import Conversation, Message, MessageStatus, Role

ROLE_LABELS = {Role.SYSTEM: "System", Role.USER: "You", Role.ASSISTANT: "Assistant"}


def iso_z(moment: datetime) -> str:
    """ISO 8601 in UTC with a trailing `Z` (naive times are taken as UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")


def parse_iso_z(text: str) -> datetime:
    """The inverse of `iso_z`; accepts `Z` or an explicit offset (fromisoformat on 3.10
    does not know `Z`). Raises ValueError on anything else."""
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


def human_time(moment: datetime) -> str:
    """A readable UTC time for transcripts: `2025-01-31 14:05 UTC`."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def models_of(conversation: Conversation) -> list[str]:
    """The distinct models that answered, in order of first use."""
    seen: dict[str, None] = {}
    for message in conversation.messages:
        if message.role is Role.ASSISTANT and message.model:
            seen.setdefault(message.model, None)
    return list(seen)


def total_cost(conversation: Conversation) -> float | None:
    """Credits spent on the whole conversation; None when no message knows its cost."""
    costs = [m.cost for m in conversation.messages if m.cost is not None]
    return sum(costs) if costs else None


def format_credits(value: float) -> str:
    """Credits with enough digits to be useful and no float noise (`0.0123`)."""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def reasoning_label(message: Message) -> str:
    """`Reasoning (Thought for 12 s)` when the time is known, else `Reasoning`: how long R1
    reasoned, or the whole reply's time for replies stored without it (as the app shows)."""
    seconds = message.thinking_time_s
    if seconds is None:
        return "Reasoning"
    return f"Reasoning (Thought for {round(seconds)} s)"


def status_note(message: Message) -> str:
    """A short note for replies that did not complete, or '' when there is nothing to say."""
    if message.status is MessageStatus.COMPLETE:
        return ""
    note = f"[{message.status.value}]"
    return f"{note} {message.error}" if message.error else note


def metadata_lines(conversation: Conversation) -> list[tuple[str, str]]:
    """(label, value) pairs shown under the title in every human-readable format."""
    rows: list[tuple[str, str]] = []
    models = models_of(conversation)
    if models:
        rows.append(("Model" if len(models) == 1 else "Models", ", ".join(models)))
    rows.append(("Created", human_time(conversation.created_at)))
    rows.append(("Updated", human_time(conversation.updated_at)))
    cost = total_cost(conversation)
    if cost is not None:
        rows.append(("Total cost", f"{format_credits(cost)} credits"))
    rows.append(("Messages", str(len(conversation.messages))))
    return rows


def display_title(conversation: Conversation) -> str:
    return conversation.title.strip() or "Untitled conversation"
