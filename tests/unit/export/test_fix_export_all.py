"""Exporting all conversations leaves out those without a message (the never-used "New
conversation" the app keeps ready); exporting one by choice still writes it. Real files."""

from __future__ import annotations

from pathlib import Path

import pytest

from r1desk.domain import Message, Role
from r1desk.services.transfer import export_conversations, plan_export
from r1desk.storage import Repository


def _seed(repo: Repository) -> tuple[int, int]:
    empty = repo.create_conversation("")  # what a fresh window holds until you type
    used = repo.create_conversation("Plans")
    assert empty.id is not None and used.id is not None
    repo.add_message(used.id, Message(Role.USER, "Hello"))
    return empty.id, used.id


@pytest.mark.parametrize("fmt", ["json", "md"])
def test_export_all_skips_conversations_without_messages(
    repo: Repository, tmp_path: Path, fmt: str
) -> None:
    _seed(repo)
    out = tmp_path / "all"
    written = export_conversations(repo, None, fmt, out)  # type: ignore[arg-type]
    assert [path.name for path in written] == [f"Plans.{fmt}"]
    assert sorted(path.name for path in out.iterdir()) == [f"Plans.{fmt}"]
    assert not (out / f"conversation.{fmt}").exists()


def test_an_empty_conversation_chosen_by_name_is_still_written(
    repo: Repository, tmp_path: Path
) -> None:
    empty, _used = _seed(repo)
    target = tmp_path / "conversation.md"
    assert export_conversations(repo, [empty], "md", target) == [target]
    assert target.read_text(encoding="utf-8").startswith("# Untitled conversation\n")
    assert plan_export(repo, [empty], "json", tmp_path / "c.json").targets == [
        ([empty], tmp_path / "c.json")
    ]


def test_export_all_leaves_out_deleted_conversations_too(repo: Repository) -> None:
    _empty, used = _seed(repo)
    gone = repo.create_conversation("Deleted").id
    assert gone is not None
    repo.add_message(gone, Message(Role.USER, "bye"))
    repo.delete_conversation(gone)
    assert repo.conversation_ids_with_messages() == [used]
