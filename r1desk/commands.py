"""The command-line sub-commands: search, export and import. No window is opened."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from r1desk.paths import AppPaths
from r1desk.storage import HIGHLIGHT_END, HIGHLIGHT_START, Repository


def _open_repo(data_dir: Path | None) -> Repository:
    paths = AppPaths.for_data_dir(data_dir) if data_dir else AppPaths.default()
    paths.ensure()
    return Repository.open(paths.database)


def _search(repo: Repository, args: argparse.Namespace) -> int:
    hits = repo.search(args.query, limit=args.limit)
    for hit in hits:
        snippet = hit.snippet.replace(HIGHLIGHT_START, "[").replace(HIGHLIGHT_END, "]")
        if args.json:
            row = {
                "conversation_id": hit.conversation_id,
                "message_id": hit.message_id,
                "title": hit.conversation_title,
                "role": hit.role.value,
                "created_at": hit.created_at.isoformat(),
                "snippet": snippet,
            }
            print(json.dumps(row, ensure_ascii=False))
        else:
            print(f"{hit.conversation_id}\t{hit.conversation_title}\t{' '.join(snippet.split())}")
    if not hits and not args.json:
        print(f"No messages match {args.query!r}.", file=sys.stderr)
    return 0


def _export(repo: Repository, args: argparse.Namespace) -> int:
    from r1desk.services.transfer import export_conversations

    ids = None if args.all else list(args.ids)
    try:
        written = export_conversations(
            repo,
            ids,
            args.fmt,
            args.out,
            include_reasoning=not args.no_reasoning,
            overwrite=args.force,
        )
    except FileExistsError as error:
        print(f"r1desk: {error}", file=sys.stderr)
        return 1
    except LookupError as error:
        print(f"r1desk: {error}", file=sys.stderr)
        return 1
    print(f"Exported {_count(len(written), 'file')} to {args.out}")
    return 0


def _import(repo: Repository, args: argparse.Namespace) -> int:
    from r1desk.export.importers import ImportFormatError
    from r1desk.services.transfer import import_file

    try:
        result = import_file(repo, args.file)
    except (ImportFormatError, OSError) as error:
        print(f"r1desk: cannot import {args.file}: {error}", file=sys.stderr)
        return 1
    added = _count(result.added, "conversation")
    print(f"Imported {added}; {result.skipped} already present.")
    return 0


def run(args: argparse.Namespace) -> int:
    handlers = {"search": _search, "export": _export, "import": _import}
    repo = _open_repo(getattr(args, "data_dir", None))
    try:
        return handlers[args.command](repo, args)
    finally:
        repo.close()


def _count(n: int, noun: str) -> str:
    """'1 file', '2 files': the command line speaks English only."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
