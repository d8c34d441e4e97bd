"""Where r1desk keeps its files: one small value object, no I/O until `ensure()`."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "r1desk"
PRIVATE_DIR_MODE = 0o700


@dataclass(frozen=True)
class AppPaths:
    """The app's folders. `default_exports_dir` is only where the export dialog starts."""

    data_dir: Path
    config_dir: Path
    default_exports_dir: Path | None = None

    @classmethod
    def default(cls) -> AppPaths:
        """The per-user platform folders (e.g. ~/.local/share/r1desk, ~/.config/r1desk)."""
        return cls(
            data_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            config_dir=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
            default_exports_dir=Path(platformdirs.user_documents_dir()),
        )

    @classmethod
    def for_data_dir(cls, path: str | os.PathLike[str]) -> AppPaths:
        """Everything in one folder (the `--data-dir` option; portable installs, tests)."""
        root = Path(path).expanduser().absolute()
        return cls(data_dir=root, config_dir=root)

    @property
    def database(self) -> Path:
        return self.data_dir / "r1desk.sqlite3"

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def ui_state_file(self) -> Path:
        return self.config_dir / "ui-state.ini"

    @property
    def prerendered_file(self) -> Path:
        """The messages last on screen, rendered for the next start's first paint."""
        return self.data_dir / "first-paint.json"

    @property
    def exports_dir(self) -> Path:
        """The folder an export dialog opens in; exporters create it if they write there."""
        return self.default_exports_dir or self.data_dir / "exports"

    def ensure(self) -> AppPaths:
        """Create the data and config folders; new ones are private (0700) on POSIX.

        A folder that already exists keeps its permissions: `--data-dir` may point at a
        folder the user made and shares on purpose.
        """
        for folder in dict.fromkeys((self.data_dir, self.config_dir)):
            _make_private_dir(folder)
        return self


def _make_private_dir(folder: Path) -> None:
    if folder.is_dir():
        return
    folder.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    if os.name == "posix":
        folder.chmod(PRIVATE_DIR_MODE)  # mkdir's mode is filtered by the umask
