"""The command line: version and usage without Qt; search, export and import on a data dir."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from r1desk import __version__
from r1desk.cli import main
from r1desk.domain import Message, Role
from r1desk.paths import AppPaths
from r1desk.storage import Repository


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "r1desk", *args], capture_output=True, text=True, timeout=60
    )


def test_version_prints_and_never_loads_qt() -> None:
    probe = (
        "import sys\n"
        "from r1desk.cli import main\n"
        "try:\n"
        "    main(['--version'])\n"
        "except SystemExit as e:\n"
        "    assert e.code == 0\n"
        "assert 'PySide6' not in sys.modules, 'Qt was imported'\n"
        "assert 'httpx' not in sys.modules, 'httpx was imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"r1desk {__version__}"


def test_unknown_argument_is_a_usage_error() -> None:
    result = run_cli("--frobnicate")
    assert result.returncode == 2
    assert "usage: r1desk" in result.stderr and "--frobnicate" in result.stderr


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    paths = AppPaths.for_data_dir(folder).ensure()
    with Repository.open(paths.database) as repo:
        cats = repo.create_conversation("Cats")
        assert cats.id is not None
        repo.add_message(cats.id, Message(Role.USER, "tell me a joke about cats"))
        repo.add_message(cats.id, Message(Role.ASSISTANT, "Cats ~~never~~ always win.", "think"))
        dogs = repo.create_conversation("Dogs")
        assert dogs.id is not None
        repo.add_message(dogs.id, Message(Role.USER, "now a joke about dogs"))
    return folder


def test_search_prints_matches(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "joke", "--data-dir", str(data_dir), "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {row["title"] for row in rows} == {"Cats", "Dogs"}
    assert all("[joke]" in row["snippet"] for row in rows)
    assert main(["search", "zebra", "--data-dir", str(data_dir)]) == 0
    assert "No messages match" in capsys.readouterr().err


def test_export_then_import_round_trip(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "all.json"
    assert (
        main(
            ["export", "--all", "--format", "json", "--out", str(out), "--data-dir", str(data_dir)]
        )
        == 0
    )
    assert capsys.readouterr().out == f"Exported 1 file to {out}\n"
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["format_version"] == 1 and len(document["conversations"]) == 2
    # Refuses to overwrite without --force.
    assert (
        main(
            ["export", "--all", "--format", "json", "--out", str(out), "--data-dir", str(data_dir)]
        )
        == 1
    )
    fresh = tmp_path / "fresh"
    assert main(["import", str(out), "--data-dir", str(fresh)]) == 0
    assert capsys.readouterr().out.endswith("Imported 2 conversations; 0 already present.\n")
    assert main(["import", str(out), "--data-dir", str(fresh)]) == 0  # twice: nothing doubled
    with Repository.open(AppPaths.for_data_dir(fresh).database) as repo:
        assert sorted(c.title for c in repo.list_conversations()) == ["Cats", "Dogs"]
    again = tmp_path / "again.json"
    assert (
        main(["export", "--all", "--format", "json", "--out", str(again), "--data-dir", str(fresh)])
        == 0
    )
    assert again.read_text(encoding="utf-8") == out.read_text(encoding="utf-8")


def test_import_of_a_broken_file_says_where(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"format_version": 1,\n "conversations": [ }', encoding="utf-8")
    assert main(["import", str(broken), "--data-dir", str(tmp_path / "d")]) == 1
    err = capsys.readouterr().err
    assert "cannot import" in err and "line 2" in err
