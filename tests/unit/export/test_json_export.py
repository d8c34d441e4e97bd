from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from r1desk.domain import Conversation
from r1desk.export.importers import detect_and_parse
from r1desk.export.json_export import conversation_to_json, conversations_to_json
from r1desk.services.transfer import export_conversations, import_file
from r1desk.storage import Repository
from tests.unit.export.conftest import CODE_FENCE, REASONING, make_conversation

ISO_Z = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?Z$")
CONVERSATION_FIELDS = {
    "uid",
    "title",
    "created_at",
    "updated_at",
    "pinned",
    "draft",
    "settings",
    "messages",
}
MESSAGE_FIELDS = {
    "role",
    "content",
    "reasoning",
    "created_at",
    "provider",
    "model",
    "usage",
    "credits_before",
    "credits_after",
    "elapsed_s",
    "thought_s",
    "status",
    "error",
}


def test_document_is_versioned_and_has_every_field(conversation: Conversation) -> None:
    document = json.loads(conversation_to_json(conversation))
    assert document["format_version"] == 1
    assert document["app"] == "r1desk"
    (item,) = document["conversations"]
    assert set(item) == CONVERSATION_FIELDS
    assert item["uid"] == "fixture-uid-1"
    assert item["pinned"] is True
    assert item["draft"] == "unsent draft"
    assert item["settings"] == {
        "system_prompt": "Be brief.",
        "max_tokens": 2048,
        "temperature": 0.6,
        "top_p": None,
    }
    for message in item["messages"]:
        assert set(message) == MESSAGE_FIELDS
    answer = item["messages"][1]
    assert CODE_FENCE in answer["content"]
    assert answer["reasoning"] == REASONING
    assert answer["usage"]["reasoning_tokens"] == 200
    assert (answer["credits_before"], answer["credits_after"]) == (10.5, 10.4875)
    assert answer["elapsed_s"] == 41.6
    assert item["messages"][3]["status"] == "interrupted"
    assert item["messages"][3]["error"] == "Stopped by you"


def test_times_are_iso_8601_utc_with_z(conversation: Conversation) -> None:
    item = json.loads(conversation_to_json(conversation))["conversations"][0]
    times = [item["created_at"], item["updated_at"]] + [m["created_at"] for m in item["messages"]]
    assert all(ISO_Z.match(t) for t in times), times
    assert item["created_at"] == "2025-03-01T09:30:15.123456Z"


def test_non_ascii_is_written_as_is(conversation: Conversation) -> None:
    text = conversation_to_json(conversation)
    assert "中文 text 🚀" in json.loads(text)["conversations"][0]["messages"][1]["content"]
    assert "中文" in text  # readable, not \\u escapes


def test_no_reasoning_variant_empties_it(conversation: Conversation) -> None:
    document = json.loads(conversation_to_json(conversation, include_reasoning=False))
    assert all(m["reasoning"] == "" for m in document["conversations"][0]["messages"])


def test_parse_gives_back_equal_conversations(conversation: Conversation, tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(conversations_to_json([conversation]), encoding="utf-8")
    (parsed,) = detect_and_parse(path)
    assert parsed == conversation


@pytest.mark.parametrize("ids_kind", ["all", "one"])
def test_round_trip_through_a_real_database_is_identical(
    repo: Repository, tmp_path: Path, ids_kind: str
) -> None:
    second = make_conversation(title="Second")
    second.uid = "fixture-uid-2"
    second.messages[1].usage = None
    second.messages[1].credits_before = None
    repo.import_conversations([make_conversation(), second])
    ids = None if ids_kind == "all" else [repo.all_conversation_ids()[0]]
    first_file = tmp_path / "first.json"
    export_conversations(repo, ids, "json", first_file)

    with Repository.open(tmp_path / "empty-data-dir" / "r1desk.sqlite3") as fresh:
        result = import_file(fresh, first_file)
        assert result.added == (2 if ids is None else 1)
        second_file = tmp_path / "second.json"
        export_conversations(
            fresh, None if ids is None else fresh.all_conversation_ids(), "json", second_file
        )

    assert second_file.read_bytes() == first_file.read_bytes()
    assert "fixture-uid-1" in first_file.read_text(encoding="utf-8")
