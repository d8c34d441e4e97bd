from __future__ import annotations

import json
import os
import stat
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from r1desk.domain import Conversation
from r1desk.export.importers import ImportFormatError
from r1desk.services.transfer import (
    ImportCancelled,
    export_conversations,
    import_file,
    plan_export,
)
from r1desk.storage import Repository
from tests.unit.export.chatgpt_data import branching_conversation, simple_conversation
from tests.unit.export.conftest import CODE_FENCE, make_conversation


def _fill(repo: Repository, titles: list[str]) -> list[int]:
    conversations = []
    for index, title in enumerate(titles):
        conversation = make_conversation(title)
        conversation.uid = f"uid-{index}"
        conversations.append(conversation)
    repo.import_conversations(conversations)
    return repo.all_conversation_ids()


def test_one_conversation_goes_to_the_given_file(repo: Repository, tmp_path: Path) -> None:
    (cid,) = _fill(repo, ["Only"])
    out = tmp_path / "chat.md"
    assert export_conversations(repo, [cid], "md", out) == [out]
    assert CODE_FENCE in out.read_text(encoding="utf-8")


def test_several_go_to_a_folder_named_by_title(repo: Repository, tmp_path: Path) -> None:
    _fill(repo, ["Same", "Same", "CON", "a/b: c?", "中文 🚀"])
    out = tmp_path / "exports"
    written = export_conversations(repo, None, "html", out)
    assert sorted(p.name for p in written) == sorted(
        ["Same.html", "Same (2).html", "CON_.html", "a_b_ c_.html", "中文 🚀.html"]
    )
    assert all(
        p.parent == out and p.read_text(encoding="utf-8").startswith("<!DOCTYPE") for p in written
    )


def test_json_with_several_and_a_json_path_is_one_file(repo: Repository, tmp_path: Path) -> None:
    _fill(repo, ["A", "B", "C"])
    out = tmp_path / "all.json"
    assert export_conversations(repo, None, "json", out) == [out]
    document = json.loads(out.read_text(encoding="utf-8"))
    assert sorted(c["title"] for c in document["conversations"]) == ["A", "B", "C"]


def test_existing_files_are_not_overwritten_without_the_flag(
    repo: Repository, tmp_path: Path
) -> None:
    _fill(repo, ["A", "B"])
    out = tmp_path / "exports"
    out.mkdir()
    (out / "B.txt").write_text("mine")
    assert plan_export(repo, None, "txt", out).existing == [out / "B.txt"]
    with pytest.raises(FileExistsError, match=r"B\.txt"):
        export_conversations(repo, None, "txt", out)
    assert sorted(p.name for p in out.iterdir()) == ["B.txt"]  # nothing written at all
    assert (out / "B.txt").read_text() == "mine"
    export_conversations(repo, None, "txt", out, overwrite=True)
    assert (out / "B.txt").read_text(encoding="utf-8").startswith("B\n")


def test_no_reasoning_option_reaches_the_files(repo: Repository, tmp_path: Path) -> None:
    (cid,) = _fill(repo, ["R"])
    out = tmp_path / "r.md"
    export_conversations(repo, [cid], "md", out, include_reasoning=False)
    assert "<details>" not in out.read_text(encoding="utf-8")


def test_progress_can_cancel_and_written_files_are_whole(repo: Repository, tmp_path: Path) -> None:
    _fill(repo, [f"Chat {i}" for i in range(6)])
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < 2

    out = tmp_path / "exports"
    written = export_conversations(repo, None, "md", out, progress=progress)
    assert len(written) == 2
    assert seen == [(0, 6), (1, 6), (2, 6)]
    assert sorted(out.iterdir()) == sorted(written)  # no temp files left
    for path in written:
        assert path.read_text(encoding="utf-8").endswith("> [interrupted] Stopped by you\n")


def test_a_folder_export_syncs_each_file_and_the_folder_once(
    repo: Repository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Syncing the folder after every file doubled the fsyncs: ~40% of a 10,000-file export.
    _fill(repo, [f"Chat {i}" for i in range(5)])
    synced: list[str] = []
    fsync = os.fsync

    def recording(fd: int) -> None:
        synced.append("folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file")
        fsync(fd)

    monkeypatch.setattr(os, "fsync", recording)
    out = tmp_path / "exports"
    written = export_conversations(repo, None, "md", out, progress=lambda done, total: done < 3)
    assert len(written) == 3  # cancelled after three: their renames are made durable too
    expected = ["file"] * 3 + (["folder"] if os.name == "posix" else [])
    assert synced == expected


def test_progress_reaches_the_total(repo: Repository, tmp_path: Path) -> None:
    _fill(repo, ["A", "B", "C"])
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return True

    export_conversations(repo, None, "txt", tmp_path / "x", progress=progress)
    assert seen[-1] == (3, 3)


def test_pdf_through_the_service(qapp: QApplication, repo: Repository, tmp_path: Path) -> None:
    _fill(repo, ["P1", "P2"])
    written = export_conversations(repo, None, "pdf", tmp_path / "pdfs")
    assert [p.read_bytes()[:5] for p in written] == [b"%PDF-", b"%PDF-"]


def test_unknown_format_is_refused(repo: Repository, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown export format"):
        export_conversations(repo, None, "docx", tmp_path / "x")  # type: ignore[arg-type]


def _chatgpt_file(tmp_path: Path, items: list[dict[str, object]]) -> Path:
    path = tmp_path / "conversations.json"
    path.write_text(json.dumps(items), encoding="utf-8")
    return path


def test_importing_twice_adds_nothing_the_second_time(repo: Repository, tmp_path: Path) -> None:
    path = _chatgpt_file(tmp_path, [branching_conversation(), simple_conversation("s1")])
    first = import_file(repo, path)
    assert (first.added, first.skipped) == (2, 0)
    second = import_file(repo, path)
    assert (second.added, second.skipped) == (0, 2)
    assert sorted(c.title for c in repo.list_conversations()) == ["Branching chat", "Simple"]


def test_a_bad_third_conversation_imports_nothing(repo: Repository, tmp_path: Path) -> None:
    items = [simple_conversation(f"c{i}") for i in range(5)]
    items[2]["current_node"] = 42
    with pytest.raises(ImportFormatError, match=r"\[2\]\.current_node"):
        import_file(repo, _chatgpt_file(tmp_path, items))
    assert repo.all_conversation_ids() == []


def test_cancelled_import_is_rolled_back(repo: Repository, tmp_path: Path) -> None:
    path = _chatgpt_file(tmp_path, [simple_conversation(f"c{i}") for i in range(50)])
    with pytest.raises(ImportCancelled):
        import_file(repo, path, progress=lambda done, total: done < 20)
    assert repo.all_conversation_ids() == []


def test_exported_r1desk_file_imports_into_another_data_dir(
    repo: Repository, tmp_path: Path
) -> None:
    _fill(repo, ["A", "B"])
    out = tmp_path / "all.json"
    export_conversations(repo, None, "json", out)
    with Repository.open(tmp_path / "other" / "db.sqlite3") as other:
        assert import_file(other, out).added == 2
        titles = sorted(c.title for c in other.list_conversations())
        assert titles == ["A", "B"]
        restored: Conversation = other.get_conversation(other.all_conversation_ids()[0])
        assert restored.messages[1].reasoning


def test_ten_thousand_conversations_import_in_seconds(repo: Repository, tmp_path: Path) -> None:
    path = _chatgpt_file(tmp_path, [simple_conversation(f"c{i}", f"T{i}") for i in range(10_000)])
    started = time.perf_counter()
    result = import_file(repo, path)
    elapsed = time.perf_counter() - started
    assert result.added == 10_000
    assert elapsed < 30, elapsed  # typically ~1 s; generous for slow CI machines
