"""The last session's Markdown, kept for the next start's first paint (real files)."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from r1desk.render import prerendered, render_markdown
from r1desk.render.message_card import cached_markdown
from r1desk.render.prerendered import PRERENDERED, Prerendered, renderer_fingerprint, save

ANSWER = "Here:\n\n```python\nprint('<hi>')\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
REASONING = "First I *think*, then I answer."


@pytest.fixture
def shared() -> Iterator[Prerendered]:
    """The app-wide instance, emptied (with the render cache) before and after."""
    PRERENDERED.forget()
    cached_markdown.cache_clear()
    yield PRERENDERED
    PRERENDERED.forget()
    cached_markdown.cache_clear()


def test_what_was_saved_loads_exactly_as_it_renders(tmp_path: Path) -> None:
    path = tmp_path / "first-paint.json"
    save(path, [(ANSWER, False, "Copy"), (REASONING, True, "复制")])
    loaded = Prerendered()
    loaded.load(path)
    assert loaded.get(ANSWER, False, "Copy") == render_markdown(ANSWER, highlight=False)
    assert loaded.get(REASONING, True, "复制") == render_markdown(
        REASONING, dark=True, copy_label="复制", highlight=False
    )
    # Only the very same text, colours and label.
    assert loaded.get(ANSWER + " ", False, "Copy") is None
    assert loaded.get(ANSWER, True, "Copy") is None
    assert loaded.get(ANSWER, False, "复制") is None


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_the_file_is_readable_by_the_user_only(tmp_path: Path) -> None:
    path = tmp_path / "first-paint.json"
    save(path, [(ANSWER, False, "Copy")])
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert not (tmp_path / "first-paint.json.tmp").exists()


def test_another_renderer_or_a_damaged_file_gives_nothing(tmp_path: Path) -> None:
    path = tmp_path / "first-paint.json"
    save(path, [(ANSWER, False, "Copy")])
    document = json.loads(path.read_text("utf-8"))
    assert document["renderer"] == renderer_fingerprint()
    document["renderer"] = "1-00000000"  # made by another version of r1desk
    path.write_text(json.dumps(document), "utf-8")
    loaded = Prerendered()
    loaded.load(path)
    assert len(loaded) == 0

    for damaged in ("{not json", '{"renderer": "x"}', "[]", ""):
        path.write_text(damaged, "utf-8")
        loaded.load(path)
        assert len(loaded) == 0
    loaded.load(tmp_path / "missing.json")
    assert len(loaded) == 0


def test_a_file_that_cannot_be_written_is_skipped(tmp_path: Path) -> None:
    blocker = tmp_path / "a file, not a folder"
    blocker.write_text("")
    save(blocker / "first-paint.json", [(ANSWER, False, "Copy")])
    assert list(tmp_path.iterdir()) == [blocker]


def test_cards_use_a_loaded_entry_for_plain_code_only(tmp_path: Path, shared: Prerendered) -> None:
    path = tmp_path / "first-paint.json"
    save(path, [(ANSWER, False, "Copy")])
    document = json.loads(path.read_text("utf-8"))
    document["entries"][0]["html"] = "<p>as rendered last time</p>"
    path.write_text(json.dumps(document), "utf-8")
    shared.load(path)
    assert cached_markdown(ANSWER, False, "Copy", False).html == "<p>as rendered last time</p>"
    assert cached_markdown(ANSWER, False, "Copy", True).html != "<p>as rendered last time</p>"


def test_a_build_without_sources_still_keeps_and_finds_its_entries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A frozen app (PyInstaller) has no .py files next to the renderer's modules.
    monkeypatch.setattr(prerendered, "RENDERER_SOURCES", ("not shipped.py",))
    path = tmp_path / "first-paint.json"
    save(path, [(ANSWER, False, "Copy")])
    loaded = Prerendered()
    loaded.load(path)
    assert loaded.get(ANSWER, False, "Copy") == render_markdown(ANSWER, highlight=False)
