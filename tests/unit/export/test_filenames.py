from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from r1desk.export.filenames import safe_filename, unique_path

WINDOWS_FORBIDDEN = set('<>:"/\\|?*')
RESERVED = {"CON", "PRN", "AUX", "NUL"} | {f"{p}{i}" for p in ("COM", "LPT") for i in range(1, 10)}


def _valid_everywhere(name: str) -> bool:
    stem = name.split(".", 1)[0]
    return (
        bool(name)
        and not (WINDOWS_FORBIDDEN & set(name))
        and all(ord(ch) >= 32 and ord(ch) != 127 for ch in name)
        and not name.endswith((" ", "."))
        and not name.startswith(" ")
        and stem.strip().upper() not in RESERVED
        and name not in (".", "..")
    )


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Hello world", "Hello world.md"),
        ('a<b>c:d"e/f\\g|h?i*j', "a_b_c_d_e_f_g_h_i_j.md"),
        ("line\nbreak\ttab", "line break tab.md"),
        ("bell\x07char", "bell_char.md"),
        ("trailing dots...", "trailing dots.md"),
        ("  spaces  ", "spaces.md"),
        ("", "conversation.md"),
        ("   ", "conversation.md"),
        ("...", "conversation.md"),
        ("???", "conversation.md"),
        ("中文 标题 🚀", "中文 标题 🚀.md"),
    ],
)
def test_examples(title: str, expected: str) -> None:
    assert safe_filename(title, "md") == expected


@pytest.mark.parametrize("title", ["CON", "con", "Nul", "COM1", "lpt9", "AUX.txt", "prn.tar.gz"])
def test_reserved_windows_names_are_changed(title: str) -> None:
    name = safe_filename(title, ".txt")
    assert _valid_everywhere(name), name
    assert name.lower().startswith(title.split(".")[0].lower() + "_")


def test_names_that_only_start_like_reserved_ones_are_kept() -> None:
    assert safe_filename("CONSOLE", "md") == "CONSOLE.md"
    assert safe_filename("COM10", "md") == "COM10.md"


def test_long_cjk_title_fits_the_byte_limit_without_splitting_a_character() -> None:
    name = safe_filename("中文标题" * 100, "html", max_len=120)
    assert len(name.encode("utf-8")) <= 120
    assert name.endswith(".html")
    assert set(name.removesuffix(".html")) <= set("中文标题")
    assert len(name.encode("utf-8")) > 110  # uses the room it has


def test_long_emoji_title_is_cut_on_a_character_boundary() -> None:
    name = safe_filename("🚀" * 200, "md", max_len=50)
    assert name == "🚀" * 11 + ".md"


@settings(max_examples=300, deadline=None)
@given(title=st.text(max_size=300), ext=st.sampled_from(["md", "json", "html", "txt", "pdf"]))
def test_any_title_gives_a_valid_non_empty_name(title: str, ext: str) -> None:
    name = safe_filename(title, ext)
    assert _valid_everywhere(name), repr(name)
    assert name.endswith("." + ext)
    assert len(name.removesuffix("." + ext)) > 0
    assert len(name.encode("utf-8")) <= 120


def test_unique_path_numbers_same_titles_in_one_run(tmp_path: Path) -> None:
    taken: set[str] = set()
    names = [unique_path(tmp_path, "Chat.md", taken).name for _ in range(3)]
    assert names == ["Chat.md", "Chat (2).md", "Chat (3).md"]
    # Windows and macOS file systems ignore case: "chat.md" would overwrite "Chat.md".
    assert unique_path(tmp_path, "chat.md", taken).name == "chat (4).md"


def test_unique_path_without_a_set_looks_at_the_folder(tmp_path: Path) -> None:
    (tmp_path / "Chat.md").write_text("x")
    (tmp_path / "Chat (2).md").write_text("x")
    assert unique_path(tmp_path, "Chat.md") == tmp_path / "Chat (3).md"
    assert unique_path(tmp_path, "Other.md") == tmp_path / "Other.md"


def test_unique_path_keeps_long_names_within_the_limit(tmp_path: Path) -> None:
    name = safe_filename("字" * 100, "md")
    taken = {name.casefold()}
    second = unique_path(tmp_path, name, taken).name
    assert second.endswith(" (2).md")
    assert len(second.encode("utf-8")) <= 120
