"""Command line: `r1desk` opens the window; sub-commands work without one.

Only the standard library is imported here, so `r1desk --version` and usage errors never touch Qt.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from r1desk import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="r1desk",
        description="A fast native desktop chat client for DeepSeek-R1.",
    )
    parser.add_argument("--version", action="version", version=f"r1desk {__version__}")
    parser.add_argument(
        "--data-dir",
        type=Path,
        metavar="PATH",
        help="keep the database, settings and window state in PATH instead of the default",
    )
    parser.add_argument(
        "--api-base",
        metavar="URL",
        help="use this API base URL for this run only (e.g. a local test server)",
    )
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="start the full app offscreen without network, show the window, then quit",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    search = commands.add_parser("search", help="search every stored message")
    search.add_argument("query")
    search.add_argument("--limit", type=int, default=20)
    search.add_argument("--json", action="store_true", help="print JSON lines")

    export = commands.add_parser("export", help="export conversations to files")
    which = export.add_mutually_exclusive_group(required=True)
    which.add_argument("--all", action="store_true", help="every conversation")
    which.add_argument("--id", type=int, nargs="+", dest="ids", metavar="ID")
    export.add_argument(
        "--format", required=True, choices=["md", "json", "html", "txt", "pdf"], dest="fmt"
    )
    export.add_argument("--out", required=True, type=Path, metavar="PATH")
    export.add_argument("--no-reasoning", action="store_true", help="leave R1's reasoning out")
    export.add_argument("--force", action="store_true", help="overwrite existing files")

    importer = commands.add_parser(
        "import", help="import r1desk JSON or a ChatGPT conversations.json"
    )
    importer.add_argument("file", type=Path)

    # Let sub-commands accept --data-dir after their own arguments too.
    for sub in (search, export, importer):
        sub.add_argument("--data-dir", type=Path, metavar="PATH", default=argparse.SUPPRESS)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        from r1desk.app import run_gui

        return run_gui(args.data_dir, api_base=args.api_base, smoke_test=args.smoke_test)

    from r1desk import commands

    return commands.run(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
