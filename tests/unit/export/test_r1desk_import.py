from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from r1desk.domain import Conversation
from r1desk.export.importers import ImportFormatError, detect_and_parse
from r1desk.export.json_export import conversations_to_json


def _document(conversation: Conversation) -> dict[str, Any]:
    second = Conversation(title="Other", uid="other")
    document: dict[str, Any] = json.loads(conversations_to_json([second, conversation]))
    return document


def _fails(tmp_path: Path, document: Any) -> ImportFormatError:
    path = tmp_path / "export.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ImportFormatError) as caught:
        detect_and_parse(path)
    return caught.value


def test_unknown_role_is_reported_with_its_path(tmp_path: Path, conversation: Conversation) -> None:
    document = _document(conversation)
    document["conversations"][1]["messages"][2]["role"] = "wizard"
    error = _fails(tmp_path, document)
    assert error.json_path == "conversations[1].messages[2].role"
    assert "unknown role 'wizard'" in str(error)


def test_bad_time_is_reported(tmp_path: Path, conversation: Conversation) -> None:
    document = _document(conversation)
    document["conversations"][1]["created_at"] = "yesterday"
    error = _fails(tmp_path, document)
    assert error.json_path == "conversations[1].created_at"


def test_missing_field_is_reported(tmp_path: Path, conversation: Conversation) -> None:
    document = _document(conversation)
    del document["conversations"][1]["messages"][0]["content"]
    error = _fails(tmp_path, document)
    assert "missing field 'content'" in str(error)
    assert error.json_path == "conversations[1].messages[0]"


def test_newer_format_version_asks_for_an_update(
    tmp_path: Path, conversation: Conversation
) -> None:
    document = _document(conversation)
    document["format_version"] = 2
    assert "newer r1desk" in str(_fails(tmp_path, document))


def test_duplicate_uid_is_rejected(tmp_path: Path, conversation: Conversation) -> None:
    document = _document(conversation)
    document["conversations"][0]["uid"] = conversation.uid
    assert "duplicate uid" in str(_fails(tmp_path, document))


def test_unknown_extra_fields_are_ignored(tmp_path: Path, conversation: Conversation) -> None:
    document = _document(conversation)
    document["exported_by"] = "a later r1desk"
    document["conversations"][1]["messages"][0]["attachments"] = []
    path = tmp_path / "export.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert detect_and_parse(path)[1] == conversation
