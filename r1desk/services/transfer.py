"""Export conversations to files and import them back: plain Python, no Qt needed.

Used by the CLI directly and by the GUI (which runs it in steps and shows `progress`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

from r1desk.domain import Conversation
from r1desk.export.atomic import fsync_folder, write_atomic
from r1desk.export.filenames import safe_filename, unique_path
from r1desk.export.html_export import conversation_to_html
from r1desk.export.importers import detect_and_parse
from r1desk.export.json_export import conversation_to_json, conversations_to_json
from r1desk.export.markdown_export import conversation_to_markdown
from r1desk.export.text_export import conversation_to_text
from r1desk.storage import ImportResult
from r1desk.texts import QT_TRANSLATE_NOOP

Format = Literal["md", "json", "html", "txt", "pdf"]
FORMATS: tuple[Format, ...] = ("md", "json", "html", "txt", "pdf")
Progress = Callable[[int, int], bool]
"""progress(done, total) -> keep going? Returning False cancels."""

_TEXT_WRITERS: dict[str, Callable[..., str]] = {
    "md": conversation_to_markdown,
    "json": conversation_to_json,
    "html": conversation_to_html,
    "txt": conversation_to_text,
}


class ConversationStore(Protocol):
    """The part of `r1desk.storage.Repository` this module uses."""

    def list_conversations(self, filter_text: str = "") -> list[Conversation]: ...
    def get_conversation(
        self, conversation_id: int, *, with_messages: bool = True
    ) -> Conversation: ...
    def conversation_ids_with_messages(self) -> list[int]: ...
    def import_conversations(self, conversations: Iterable[Conversation]) -> ImportResult: ...


class ImportCancelled(Exception):
    """The user cancelled an import; the transaction was rolled back, nothing was added."""


@dataclass(frozen=True)
class ExportPlan:
    """Which conversation goes to which file; `existing` are the targets already on disk."""

    targets: list[tuple[list[int], Path]]
    existing: list[Path]


def _titles(repo: ConversationStore, ids: list[int]) -> dict[int, str]:
    wanted = set(ids)
    titles = {c.id: c.title for c in repo.list_conversations() if c.id in wanted}
    for missing in wanted - titles.keys():  # not in the list (e.g. filtered out): ask directly
        titles[missing] = repo.get_conversation(missing, with_messages=False).title
    return {k: v for k, v in titles.items() if k is not None}


def plan_export(
    repo: ConversationStore, ids: list[int] | None, fmt: Format, out: Path
) -> ExportPlan:
    """Where `export_conversations` would write, without writing anything.

    One conversation: `out` is the file. Several (or `ids=None`, meaning all, or `out` an
    existing folder): `out` is a folder with one file per conversation named after its title,
    except for JSON with an `out` ending in `.json`, which is one file holding them all.
    "All" leaves out conversations without a message (a never-used "New conversation");
    ones chosen by id are written even when empty.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (expected one of {', '.join(FORMATS)})")
    out = Path(out)
    chosen = repo.conversation_ids_with_messages() if ids is None else list(dict.fromkeys(ids))
    many = ids is None or len(chosen) > 1 or out.is_dir()
    one_file = not many or (fmt == "json" and out.suffix.lower() == ".json" and not out.is_dir())
    targets: list[tuple[list[int], Path]]
    if not chosen:
        targets = []
    elif one_file:
        targets = [(chosen, out)]
    else:
        titles = _titles(repo, chosen)
        taken: set[str] = set()
        targets = [
            ([cid], unique_path(out, safe_filename(titles[cid], fmt), taken)) for cid in chosen
        ]
    return ExportPlan(targets, [path for _, path in targets if path.exists()])


def _render(conversations: list[Conversation], fmt: Format, include_reasoning: bool) -> str:
    if fmt == "json":
        return conversations_to_json(conversations, include_reasoning=include_reasoning)
    (conversation,) = conversations
    return _TEXT_WRITERS[fmt](conversation, include_reasoning=include_reasoning)


def export_conversations(
    repo: ConversationStore,
    ids: list[int] | None,
    fmt: Format,
    out: Path,
    *,
    include_reasoning: bool = True,
    overwrite: bool = False,
    progress: Progress | None = None,
) -> list[Path]:
    """Write the conversations `ids` (None: all) as `fmt` to `out`; see `plan_export` for
    where files go. Returns the files written.

    Without `overwrite`, nothing is written if any target exists (FileExistsError names it).
    `progress(done, total)` returning False stops after the current file: files already written
    stay complete, no file is ever half-written.
    """
    plan = plan_export(repo, ids, fmt, out)
    if plan.existing and not overwrite:
        names: str = ", ".join(str(p) for p in plan.existing[:3])
        if len(plan.existing) > 3:
            more = QT_TRANSLATE_NOOP("Export", "{names} and {count} more")
            names = more.format(names=names, count=len(plan.existing) - 3)
        text = QT_TRANSLATE_NOOP(
            "Export", "{files} already exist(s); not overwriting (confirm, or use --force)"
        )
        raise FileExistsError(text.format(files=names))
    written: list[Path] = []
    try:
        for path in _write_planned(repo, plan, fmt, include_reasoning, overwrite, progress):
            written.append(path)  # one by one: a failure later still syncs these
    finally:  # each file was fsync'd; one fsync per folder makes all its renames durable
        for folder in {path.parent for path in written}:
            fsync_folder(folder)
    return written


def _write_planned(
    repo: ConversationStore,
    plan: ExportPlan,
    fmt: Format,
    include_reasoning: bool,
    overwrite: bool,
    progress: Progress | None,
) -> Iterator[Path]:
    """Write the plan's files, yielding each once written; stops when `progress` says so."""
    total = sum(len(group) for group, _ in plan.targets)
    done = 0
    for group, path in plan.targets:
        conversations: list[Conversation] = []
        for conversation_id in group:
            if progress is not None and not progress(done, total):
                return
            conversations.append(repo.get_conversation(conversation_id, with_messages=True))
            done += 1
        path.parent.mkdir(parents=True, exist_ok=True)
        if fmt == "pdf":
            from r1desk.export.pdf import pdf_bytes  # Qt only when a PDF is asked for

            data: str | bytes = pdf_bytes(conversations[0], include_reasoning=include_reasoning)
        else:
            data = _render(conversations, fmt, include_reasoning)
        write_atomic(path, data, overwrite=overwrite, sync_folder=False)
        yield path
    if progress is not None:
        progress(total, total)


def _reporting(
    conversations: list[Conversation], progress: Progress | None
) -> Iterator[Conversation]:
    total = len(conversations)
    step = max(1, total // 100)
    for index, conversation in enumerate(conversations):
        if progress is not None and index % step == 0 and not progress(index, total):
            raise ImportCancelled(
                QT_TRANSLATE_NOOP("Import", "import cancelled; nothing was imported")
            )
        yield conversation


def import_file(
    repo: ConversationStore, path: Path, progress: Progress | None = None
) -> ImportResult:
    """Import every conversation in `path` (r1desk JSON or ChatGPT export) in one transaction.

    Conversations whose uid is already stored are skipped, so importing twice adds nothing.
    Raises ImportFormatError for a malformed file (nothing imported) and ImportCancelled
    if `progress` returns False (rolled back, nothing imported).
    """
    conversations = detect_and_parse(Path(path))
    result = repo.import_conversations(_reporting(conversations, progress))
    if progress is not None:
        progress(len(conversations), len(conversations))
    return result
