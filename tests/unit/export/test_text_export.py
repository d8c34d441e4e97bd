from __future__ import annotations

from r1desk.domain import Conversation
from r1desk.export.text_export import conversation_to_text
from tests.unit.export.conftest import CODE_FENCE, SCRIPT, TABLE


def test_readable_transcript(conversation: Conversation) -> None:
    text = conversation_to_text(conversation)
    lines = text.splitlines()
    assert lines[0] == "Greetings 你好 🚀 <b>bold</b>"
    assert set(lines[1]) == {"="}
    assert "You (2025-03-01 09:30 UTC):" in text
    assert "Assistant (2025-03-01 09:30 UTC, deepseek-r1):" in text
    assert CODE_FENCE in text
    assert TABLE in text
    assert SCRIPT in text
    assert "[interrupted] Stopped by you" in text


def test_reasoning_is_marked_and_indented(conversation: Conversation) -> None:
    text = conversation_to_text(conversation)
    assert "  [Reasoning (Thought for 42 s)]" in text
    assert "  | I should answer in 中文 and show code." in text
    without = conversation_to_text(conversation, include_reasoning=False)
    assert "Reasoning" not in without
    assert "中文 text 🚀" in without
