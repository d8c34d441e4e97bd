"""Markdown rendered when r1desk last closed, for the first paint of the next start.

The messages on screen at closing are the first shown at the next start. Rendering them
needs markdown-it, whose import and set-up took ~30 ms before the window could paint. So
closing keeps their HTML (code plain, as the first paint shows it) in a small JSON file in
the data dir, and the next start uses an entry only for the very same text, colours and
"Copy" label, made by the same renderer (a checksum of its sources and r1desk's version).
"""

from __future__ import annotations

import contextlib
import json
import zlib
from collections.abc import Iterable
from pathlib import Path

from r1desk import __version__
from r1desk.private_files import write_private_file_atomically
from r1desk.render.markdown import RenderedMarkdown, render_markdown

FORMAT = 1
MAX_ENTRIES = 40
RENDERER_SOURCES = ("markdown.py", "message_card.py", "highlight.py")

Key = tuple[str, bool, str]  # text, dark, copy label


def renderer_fingerprint() -> str:
    """Changes whenever the renderer's code or r1desk's version does (a frozen build has
    no sources to read: there the version alone pins the renderer)."""
    checksum = zlib.crc32(__version__.encode())
    for name in RENDERER_SOURCES:
        with contextlib.suppress(OSError):
            checksum = zlib.crc32((Path(__file__).parent / name).read_bytes(), checksum)
    return f"{FORMAT}-{checksum:08x}"


class Prerendered:
    """What the last session rendered; empty until `load`."""

    def __init__(self) -> None:
        self._entries: dict[Key, RenderedMarkdown] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def load(self, path: Path) -> None:
        """Read the file; a missing, damaged or outdated one leaves nothing to use."""
        self._entries = {}
        try:
            document = json.loads(path.read_text("utf-8"))
            if document["renderer"] != renderer_fingerprint():
                return
            for entry in document["entries"]:
                key = (str(entry["text"]), bool(entry["dark"]), str(entry["copy_label"]))
                blocks = tuple(str(block) for block in entry["code_blocks"])
                self._entries[key] = RenderedMarkdown(str(entry["html"]), blocks)
        except (OSError, ValueError, KeyError, TypeError):
            self._entries = {}

    def get(self, text: str, dark: bool, copy_label: str) -> RenderedMarkdown | None:
        return self._entries.get((text, dark, copy_label))

    def forget(self) -> None:
        self._entries = {}


def save(path: Path, wanted: Iterable[Key]) -> None:
    """Render `wanted` afresh (never copied from a loaded file) and write them atomically,
    readable by the user only. Failing to write only costs the next start its head start."""
    entries = []
    for text, dark, copy_label in list(dict.fromkeys(wanted))[:MAX_ENTRIES]:
        rendered = render_markdown(text, dark=dark, copy_label=copy_label, highlight=False)
        entries.append(
            {
                "text": text,
                "dark": dark,
                "copy_label": copy_label,
                "html": rendered.html,
                "code_blocks": list(rendered.code_blocks),
            }
        )
    document = {"renderer": renderer_fingerprint(), "entries": entries}
    with contextlib.suppress(OSError):
        write_private_file_atomically(path, json.dumps(document, ensure_ascii=False))


PRERENDERED = Prerendered()
