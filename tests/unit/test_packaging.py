"""What installs r1desk: icons, desktop entry, one app id, the wheel and the size check."""

from __future__ import annotations

import plistlib
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage, QImageReader
from PySide6.QtSvg import QSvgRenderer

from r1desk.app import APP_ID
from r1desk.ui.icons import APP_ICON_SIZES, WINDOW_ICON_SIZES, app_icon

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "resources"
ICONS = RESOURCES / "icons"
DESKTOP = RESOURCES / f"{APP_ID}.desktop"


def desktop_entry() -> dict[str, str]:
    lines = DESKTOP.read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines if "=" in line)


def test_desktop_file_is_named_after_the_app_id_and_launches_r1desk() -> None:
    entry = desktop_entry()
    assert entry["Icon"] == APP_ID
    assert entry["Exec"].split()[0] == "r1desk"
    assert entry["Type"] == "Application"


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils absent")
def test_desktop_file_passes_desktop_file_validate() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == ""  # no warnings either


def test_the_same_app_id_is_used_by_every_platform() -> None:
    with (ROOT / "packaging" / "macos" / "Info.plist").open("rb") as plist:
        info = plistlib.load(plist)
    assert info["CFBundleIdentifier"] == APP_ID
    assert info["NSHighResolutionCapable"] is True
    assert info["CFBundleIconFile"] == "r1desk.icns"
    iss = (ROOT / "packaging" / "windows" / "r1desk.iss").read_text(encoding="utf-8")
    assert re.findall(r'AppUserModelID: "([^"]+)"', iss) == [APP_ID, APP_ID]
    deb = (ROOT / "packaging" / "linux" / "build-deb.sh").read_text(encoding="utf-8")
    assert f'app_id="{APP_ID}"' in deb


def test_svg_icon_is_valid_and_square() -> None:
    renderer = QSvgRenderer(str(ICONS / "r1desk.svg"))
    assert renderer.isValid()
    assert renderer.defaultSize() == QSize(512, 512)


@pytest.mark.parametrize("size", APP_ICON_SIZES)
def test_png_icon_exists_in_every_size_and_decodes(size: int) -> None:
    image = QImage(str(ICONS / f"r1desk-{size}.png"))
    assert image.size() == QSize(size, size)
    assert image.hasAlphaChannel()
    centre = image.pixelColor(size // 2, size // 2)
    assert centre.alpha() == 255  # the mark is drawn, not an empty canvas


@pytest.mark.parametrize(
    ("name", "sizes"),
    [
        ("r1desk.ico", {16, 24, 32, 48, 64, 128, 256}),
        ("r1desk.icns", {16, 32, 64, 128, 256, 512, 1024}),
    ],
)
def test_windows_and_macos_icons_hold_every_size(name: str, sizes: set[int]) -> None:
    reader = QImageReader(str(ICONS / name))
    found = set()
    for index in range(reader.imageCount()):
        assert reader.jumpToImage(index)
        image = reader.read()
        assert not image.isNull(), reader.errorString()
        assert image.width() == image.height()
        found.add(image.width())
    assert found == sizes


def test_window_icon_carries_the_sizes_a_window_uses(qapp: object) -> None:
    icon = app_icon()
    assert not icon.isNull()
    assert {size.width() for size in icon.availableSizes()} == set(WINDOW_ICON_SIZES)
    assert set(WINDOW_ICON_SIZES) < set(APP_ICON_SIZES)
    assert not icon.pixmap(24, 24).isNull()


def run_check_size(folder: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    script = ROOT / "packaging" / "check_size.py"
    return subprocess.run(
        [sys.executable, str(script), str(folder), *extra],
        capture_output=True,
        text=True,
        check=False,
    )


def test_size_check_passes_under_budget_and_fails_over_it(tmp_path: Path) -> None:
    (tmp_path / "_internal").mkdir()
    (tmp_path / "_internal" / "libQt6Core.so.6").write_bytes(b"\0" * 3 * 2**20)
    (tmp_path / "r1desk").write_bytes(b"\0" * 2**20)
    under = run_check_size(tmp_path, "--budget-mib", "5")
    assert under.returncode == 0, under.stderr
    assert "4.0 MiB" in under.stdout
    over = run_check_size(tmp_path, "--budget-mib", "3")
    assert over.returncode == 1
    assert "over budget" in over.stderr


def test_size_check_fails_when_an_excluded_qt_part_is_shipped(tmp_path: Path) -> None:
    translations = tmp_path / "_internal" / "PySide6" / "Qt" / "translations"
    translations.mkdir(parents=True)
    (translations / "qtbase_de.qm").write_bytes(b"qm")
    (tmp_path / "_internal" / "libQt6WebEngineCore.so.6").write_bytes(b"so")
    result = run_check_size(tmp_path)
    assert result.returncode == 1
    assert "qtbase_de.qm" in result.stderr
    assert "WebEngineCore" in result.stderr


def test_size_check_keeps_qt_translations_only_for_languages_r1desk_ships(tmp_path: Path) -> None:
    qt = tmp_path / "_internal" / "PySide6" / "Qt" / "translations"
    qt.mkdir(parents=True)
    (qt / "qtbase_zh_CN.qm").write_bytes(b"qm")
    ours = tmp_path / "_internal" / "r1desk" / "translations"
    ours.mkdir(parents=True)
    (ours / "r1desk_zh_CN.qm").write_bytes(b"qm")
    assert run_check_size(tmp_path).returncode == 0
    (qt / "qtbase_fr.qm").write_bytes(b"qm")
    result = run_check_size(tmp_path)
    assert result.returncode == 1
    assert "qtbase_fr.qm" in result.stderr


@pytest.mark.slow
@pytest.mark.timeout(180)
def test_wheel_carries_every_module_and_the_resources(tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ("r1desk", "resources"):
        shutil.copytree(ROOT / folder, source / folder, ignore=ignore)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), "."],
        cwd=source,
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("r1desk-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())

    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "r1desk").rglob("*.py")}
    assert modules - names == set()
    expected = {f"r1desk/resources/icons/r1desk-{size}.png" for size in APP_ICON_SIZES} | {
        "r1desk/resources/__init__.py",
        "r1desk/resources/icons/r1desk.svg",
        "r1desk/resources/icons/r1desk.ico",
        "r1desk/resources/icons/r1desk.icns",
        f"r1desk/resources/{APP_ID}.desktop",
        "r1desk/py.typed",
    }
    expected |= {
        qm.relative_to(ROOT).as_posix() for qm in (ROOT / "r1desk" / "translations").glob("*.qm")
    }
    assert expected - names == set()
