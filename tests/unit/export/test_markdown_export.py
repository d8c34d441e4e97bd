from __future__ import annotations

from r1desk.domain import Conversation
from r1desk.export.markdown_export import conversation_to_markdown
from tests.unit.export.conftest import CODE_FENCE, REASONING, SCRIPT, TABLE


def test_code_fences_and_tables_are_kept_exactly(conversation: Conversation) -> None:
    text = conversation_to_markdown(conversation)
    assert CODE_FENCE in text
    assert TABLE in text
    assert "中文 text 🚀" in text


def test_title_metadata_and_roles(conversation: Conversation) -> None:
    text = conversation_to_markdown(conversation)
    assert text.startswith("# Greetings 你好 🚀")
    assert "**Model:** deepseek-r1" in text
    assert "**Created:** 2025-03-01 09:30 UTC" in text
    assert "**Total cost:** 0.0125 credits" in text
    assert text.count("## You") == 2
    assert text.count("## Assistant") == 2
    assert "[interrupted] Stopped by you" in text


def test_message_content_is_not_re_escaped(conversation: Conversation) -> None:
    assert SCRIPT in conversation_to_markdown(conversation)


def test_reasoning_is_in_a_details_block(conversation: Conversation) -> None:
    text = conversation_to_markdown(conversation)
    start = text.index("<details>")
    end = text.index("</details>")
    block = text[start:end]
    assert "<summary>Reasoning (Thought for 42 s)</summary>" in block
    assert REASONING in block
    assert start < text.index("Here is a table")  # before the answer it led to


def test_no_reasoning_variant_omits_it(conversation: Conversation) -> None:
    text = conversation_to_markdown(conversation, include_reasoning=False)
    assert "<details>" not in text
    assert "The user wants a greeting" not in text
    assert CODE_FENCE in text


def test_reasoning_cannot_close_the_details_block_early(conversation: Conversation) -> None:
    conversation.messages[1].reasoning = "a </details> b"
    text = conversation_to_markdown(conversation)
    assert text.count("</details>") == 1


def test_empty_conversation_has_a_title() -> None:
    text = conversation_to_markdown(Conversation(title=""))
    assert text.startswith("# Untitled conversation\n")
    assert "Total cost" not in text
