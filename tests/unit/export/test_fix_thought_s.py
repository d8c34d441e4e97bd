"""Exports carry how long R1 reasoned (thought_s), and say it as the app does."""

from __future__ import annotations

import json

from r1desk.domain import Conversation, Message, MessageStatus, Role
from r1desk.export.importers.r1desk_json import parse_r1desk
from r1desk.export.json_export import conversations_to_json
from r1desk.export.markdown_export import conversation_to_markdown


def _conversation(thought_s: float | None) -> Conversation:
    answer = Message(
        Role.ASSISTANT,
        "Done.",
        reasoning="Let me think.",
        elapsed_s=41.6,
        thought_s=thought_s,
        status=MessageStatus.COMPLETE,
    )
    return Conversation(title="Timing", messages=[Message(Role.USER, "Think."), answer])


def test_json_keeps_thought_s_through_export_and_import() -> None:
    document = json.loads(conversations_to_json([_conversation(12.3)]))
    (restored,) = parse_r1desk(document)
    assert restored.messages[1].thought_s == 12.3
    (old,) = parse_r1desk(json.loads(conversations_to_json([_conversation(None)])))
    assert old.messages[1].thought_s is None  # and files written before it existed import


def test_the_reasoning_label_gives_the_thinking_time_else_the_whole_time() -> None:
    assert "Reasoning (Thought for 12 s)" in conversation_to_markdown(_conversation(12.3))
    assert "Reasoning (Thought for 42 s)" in conversation_to_markdown(_conversation(None))
