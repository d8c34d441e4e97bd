from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from r1desk.paths import AppPaths

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def test_for_data_dir_puts_everything_in_that_folder(tmp_path: Path) -> None:
    paths = AppPaths.for_data_dir(tmp_path / "portable")

    assert paths.database == tmp_path / "portable" / "r1desk.sqlite3"
    assert paths.settings_file == tmp_path / "portable" / "settings.json"
    assert paths.ui_state_file == tmp_path / "portable" / "ui-state.ini"
    assert paths.exports_dir == tmp_path / "portable" / "exports"


def test_for_data_dir_expands_home_and_makes_the_path_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)

    assert AppPaths.for_data_dir("~/chats").data_dir == tmp_path / "chats"
    assert AppPaths.for_data_dir("relative").config_dir == tmp_path / "relative"


def test_default_uses_per_user_platform_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if os.name != "posix" or os.uname().sysname != "Linux":
        pytest.skip("XDG variables only steer platformdirs on Linux")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))

    paths = AppPaths.default()

    assert paths.database == tmp_path / "share" / "r1desk" / "r1desk.sqlite3"
    assert paths.settings_file == tmp_path / "config" / "r1desk" / "settings.json"
    assert paths.exports_dir != paths.data_dir / "exports"  # the user's documents folder


def test_building_paths_touches_no_disk(tmp_path: Path) -> None:
    AppPaths.for_data_dir(tmp_path / "not-yet")

    assert not (tmp_path / "not-yet").exists()


@posix_only
def test_ensure_creates_private_folders_even_with_a_permissive_umask(tmp_path: Path) -> None:
    paths = AppPaths(data_dir=tmp_path / "a" / "data", config_dir=tmp_path / "b" / "config")
    old_umask = os.umask(0o000)
    try:
        paths.ensure()
    finally:
        os.umask(old_umask)

    for folder in (paths.data_dir, paths.config_dir):
        assert folder.is_dir()
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700


@posix_only
def test_ensure_leaves_an_existing_folder_alone_and_can_run_twice(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)
    paths = AppPaths.for_data_dir(shared)

    paths.ensure()
    paths.ensure()

    assert stat.S_IMODE(shared.stat().st_mode) == 0o755


def test_ensure_returns_the_paths_so_it_chains(tmp_path: Path) -> None:
    paths = AppPaths.for_data_dir(tmp_path / "d")

    assert paths.ensure() is paths
    assert paths.settings_file.parent.is_dir()
