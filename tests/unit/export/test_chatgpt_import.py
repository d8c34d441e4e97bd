from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from r1desk.domain import Role
from r1desk.export.importers import ImportFormatError, detect_and_parse
from tests.unit.export.chatgpt_data import T0, branching_conversation, simple_conversation


def _write(tmp_path: Path, document: Any) -> Path:
    path = tmp_path / "conversations.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def test_branching_conversation_keeps_only_the_current_branch_in_order(tmp_path: Path) -> None:
    (conversation,) = detect_and_parse(_write(tmp_path, [branching_conversation()]))
    assert [(m.role, m.content) for m in conversation.messages] == [
        (Role.USER, "First question 中文"),
        (Role.ASSISTANT, "First answer 🚀"),
        (Role.USER, "Edited question"),  # the image part is left out, the text kept
        (Role.ASSISTANT, "Edited answer\n\n```py\nprint(1)\n```"),
    ]
    assert "Abandoned" not in json.dumps([m.content for m in conversation.messages])


def test_titles_times_models_and_uid_are_kept(tmp_path: Path) -> None:
    (conversation,) = detect_and_parse(_write(tmp_path, [branching_conversation("xyz")]))
    assert conversation.title == "Branching chat"
    assert conversation.uid == "chatgpt-xyz"
    assert conversation.created_at == datetime.fromtimestamp(T0, tz=timezone.utc)
    assert conversation.updated_at == datetime.fromtimestamp(T0 + 8, tz=timezone.utc)
    first, answer = conversation.messages[:2]
    assert first.created_at == datetime.fromtimestamp(T0 + 1, tz=timezone.utc)
    assert answer.model == "gpt-4o"
    assert answer.provider == "chatgpt"


def test_missing_title_comes_from_the_first_question(tmp_path: Path) -> None:
    raw = simple_conversation("c1")
    raw["title"] = None
    (conversation,) = detect_and_parse(_write(tmp_path, [raw]))
    assert conversation.title == "Hello from c1"


def test_zip_export_is_read_too(tmp_path: Path) -> None:
    import zipfile

    archive = tmp_path / "chatgpt-export.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("conversations.json", json.dumps([simple_conversation("z1")]))
        zf.writestr("chat.html", "<html></html>")
    (conversation,) = detect_and_parse(archive)
    assert conversation.uid == "chatgpt-z1"


def test_syntax_error_reports_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "conversations.json"
    path.write_text('[\n  {"title": "x",\n   "mapping": {]\n', encoding="utf-8")
    with pytest.raises(ImportFormatError) as caught:
        detect_and_parse(path)
    assert (caught.value.line, caught.value.column) == (3, 16)
    assert "line 3, column 16" in str(caught.value)


def test_shape_error_reports_the_json_path(tmp_path: Path) -> None:
    items = [simple_conversation(f"c{i}") for i in range(5)]
    items[3]["mapping"]["u"]["message"]["author"] = "user"  # should be an object
    with pytest.raises(ImportFormatError) as caught:
        detect_and_parse(_write(tmp_path, items))
    assert caught.value.json_path == "[3].mapping.u.message.author"
    assert "expected an object" in str(caught.value)


def test_broken_parent_link_is_reported(tmp_path: Path) -> None:
    raw = simple_conversation("c0")
    raw["mapping"]["a"]["parent"] = "ghost"
    with pytest.raises(ImportFormatError, match=r"'ghost' is not in mapping \(at \[0\]\.mapping"):
        detect_and_parse(_write(tmp_path, [raw]))


def test_parent_cycle_is_reported_not_looped_forever(tmp_path: Path) -> None:
    raw = simple_conversation("c0")
    raw["mapping"]["r"]["parent"] = "a"
    with pytest.raises(ImportFormatError, match="cycle"):
        detect_and_parse(_write(tmp_path, [raw]))


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "not valid JSON"),
        (b"\xff\xfe garbage", "not UTF-8"),
        (b'{"hello": "world"}', "not a conversation export"),
        (b"[1, 2]", "not a conversation export"),
    ],
)
def test_other_files_are_rejected_with_a_reason(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "file.json"
    path.write_bytes(content)
    with pytest.raises(ImportFormatError, match=reason):
        detect_and_parse(path)


def test_duplicate_ids_in_one_file_are_imported_once(tmp_path: Path) -> None:
    items = [simple_conversation("same", "first"), simple_conversation("same", "second")]
    (conversation,) = detect_and_parse(_write(tmp_path, items))
    assert conversation.title == "first"
