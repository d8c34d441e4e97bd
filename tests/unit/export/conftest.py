"""A conversation that holds everything that has broken exporters before."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from r1desk.domain import (
    Conversation,
    ConversationSettings,
    Message,
    MessageStatus,
    Role,
    Usage,
)
from r1desk.storage import Repository

T0 = datetime(2025, 3, 1, 9, 30, 15, 123456, tzinfo=timezone.utc)

CODE_FENCE = '```python\ndef greet(name: str) -> str:\n    return f"你好, {name} 🚀"\n```'
TABLE = "| Language | Greeting |\n| --- | --- |\n| 中文 | 你好 |\n| English | Hello 🚀 |"
SCRIPT = "<script>alert(1)</script>"
REASONING = "The user wants a greeting.\nI should answer in 中文 and show code."


def make_conversation(title: str = "Greetings 你好 🚀 <b>bold</b>") -> Conversation:
    return Conversation(
        title=title,
        uid="fixture-uid-1",
        created_at=T0,
        updated_at=T0 + timedelta(minutes=5),
        pinned=True,
        draft="unsent draft",
        settings=ConversationSettings(system_prompt="Be brief.", max_tokens=2048, temperature=0.6),
        messages=[
            Message(
                role=Role.USER,
                content=f"Show me a table and some code, please. {SCRIPT}",
                created_at=T0,
            ),
            Message(
                role=Role.ASSISTANT,
                content=f"Here is a table:\n\n{TABLE}\n\nAnd code:\n\n{CODE_FENCE}\n\n中文 text 🚀",
                reasoning=REASONING,
                created_at=T0 + timedelta(seconds=42),
                provider="segmind",
                model="deepseek-r1",
                usage=Usage(
                    prompt_tokens=12, completion_tokens=340, total_tokens=352, reasoning_tokens=200
                ),
                credits_before=10.5,
                credits_after=10.4875,
                elapsed_s=41.6,
            ),
            Message(role=Role.USER, content=SCRIPT, created_at=T0 + timedelta(minutes=1)),
            Message(
                role=Role.ASSISTANT,
                content="Partial ans",
                created_at=T0 + timedelta(minutes=2),
                provider="segmind",
                model="deepseek-r1",
                status=MessageStatus.INTERRUPTED,
                error="Stopped by you",
            ),
        ],
    )


@pytest.fixture
def conversation() -> Conversation:
    return make_conversation()


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[Repository]:
    """A real repository on a fresh SQLite file."""
    repository = Repository.open(tmp_path / "data" / "r1desk.sqlite3")
    try:
        yield repository
    finally:
        repository.close()
