"""Deterministic benchmark data: conversations, and a cached database of 500,000 messages.

The same seed always gives the same conversations (fixed uids and times), so results of two
runs compare. The large database is built once with `Repository.import_conversations` and
cached under /tmp, keyed by `DATA_VERSION`, the sizes and the storage schema source.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from r1desk.domain import Conversation, Message, Role, Usage

DATA_VERSION = 1
CACHE_ROOT = Path(tempfile.gettempdir()) / "r1desk-bench-cache"
BIG_UID = "bench-big-conversation"
START = datetime(2025, 1, 6, 9, 0, tzinfo=timezone.utc)

# A small vocabulary, weighted so a few words are everywhere (like "the") and most are not.
_COMMON_TEXT = "the a to of and is in it that for you with this on be as not are can"
_TECH_TEXT = (
    "model answer reasoning python list value function return result data token stream "
    "credits request error query table column index cache layout paint window thread loop "
    "event socket buffer parser schema migration export import search widget signal slot "
    "timer latency memory profile benchmark budget baseline message conversation"
)
_RARE_TEXT = "quokka zeppelin marzipan fjord obelisk"  # each in about 1 message of 400
_COMMON, _TECH, RARE_WORDS = _COMMON_TEXT.split(), _TECH_TEXT.split(), _RARE_TEXT.split()
_VOCAB = _COMMON + _TECH
_WEIGHTS = [30.0] * len(_COMMON) + [4.0] * len(_TECH)

# The queries the search benchmarks run: a common word, a rare word, a prefix, a phrase.
SEARCH_QUERIES = {
    "common_word": "stream",
    "rare_word": "quokka",
    "prefix": "lay*",
    "phrase": '"event loop"',
}


def quick_mode() -> bool:
    """`python -m benchmarks --quick` sets this for every module: smaller data, fewer runs."""
    return bool(os.environ.get("R1DESK_BENCH_QUICK"))


class TextMaker:
    """Sentences, replies and reasoning from one seeded random generator."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def sentence(self, low: int = 6, high: int = 18) -> str:
        rng = self.rng
        words = rng.choices(_VOCAB, _WEIGHTS, k=rng.randint(low, high))
        if rng.random() < 0.05:
            words.insert(rng.randrange(len(words)), "event loop")
        if rng.random() < 0.0005 * len(RARE_WORDS):
            words.append(rng.choice(RARE_WORDS))
        return " ".join(words).capitalize() + "."

    def paragraph(self, sentences: int) -> str:
        return " ".join(self.sentence() for _ in range(sentences))

    def question(self) -> str:
        return self.paragraph(self.rng.randint(1, 2))

    def reply(self) -> str:
        rng = self.rng
        parts = [self.paragraph(rng.randint(1, 3)) for _ in range(rng.randint(1, 3))]
        if rng.random() < 0.3:
            parts.append("- **" + rng.choice(_TECH) + "**: " + self.sentence() + "\n- `x = 1`")
        if rng.random() < 0.2:
            lines = "\n".join(f"    v{k} = step({k}, '{rng.choice(_TECH)}')" for k in range(6))
            parts.append(f"```python\ndef run():\n{lines}\n    return v0\n```")
        return "\n\n".join(parts)


def make_messages(text: TextMaker, count: int, start: datetime) -> list[Message]:
    """`count` alternating user/assistant messages, 30 s apart, starting at `start`."""
    messages = []
    for i in range(count):
        created = start + timedelta(seconds=30 * i)
        if i % 2 == 0:
            messages.append(Message(Role.USER, text.question(), created_at=created))
            continue
        messages.append(
            Message(
                Role.ASSISTANT,
                text.reply(),
                reasoning=text.paragraph(text.rng.randint(2, 4)),
                created_at=created,
                provider="segmind",
                model="deepseek-reasoner",
                usage=Usage(120, 340, 460, 200),
                credits_before=10.0,
                credits_after=9.9875,
                elapsed_s=round(text.rng.uniform(3, 60), 2),
            )
        )
    return messages


def generate_conversations(
    count: int, total_messages: int, *, seed: int = 7, big_messages: int = 0
) -> Iterator[Conversation]:
    """`count` conversations holding `total_messages` in all; with `big_messages`, the one
    in the middle (uid `BIG_UID`, older than the first page of the list) has that many."""
    text = TextMaker(seed)
    big_index = count // 2 if big_messages else -1
    rest = total_messages - max(big_messages, 0)
    others = count - (1 if big_messages else 0)
    other = 0
    for i in range(count):
        if i == big_index:
            size = big_messages
        else:
            size = rest // others + (1 if other < rest % others else 0)
            other += 1
        start = START + timedelta(hours=i)
        messages = make_messages(text, size, start)
        first = messages[0].content if messages else "Empty"
        yield Conversation(
            title=" ".join(first.split()[:6]),
            uid=BIG_UID if i == big_index else f"bench-{seed}-{i:06d}",
            created_at=start,
            updated_at=messages[-1].created_at if messages else start,
            messages=messages,
        )


@dataclass(frozen=True)
class BenchDatabase:
    path: Path
    conversations: int
    messages: int
    big_conversation_id: int | None
    big_conversation_messages: int


def _schema_key() -> str:
    import r1desk.storage.migrations as migrations

    return hashlib.sha256(Path(migrations.__file__).read_bytes()).hexdigest()[:12]


def cached_database(
    conversations: int = 10_000, messages: int = 500_000, big_messages: int = 5_000
) -> BenchDatabase:
    """The large database, built on first use (a minute or two) and reused afterwards."""
    from r1desk.storage import Repository

    key = f"v{DATA_VERSION}-{conversations}-{messages}-{big_messages}-{_schema_key()}"
    folder = CACHE_ROOT / key
    path = folder / "r1desk.sqlite3"
    if not path.exists():
        folder.parent.mkdir(parents=True, exist_ok=True)
        building = Path(tempfile.mkdtemp(prefix="building-", dir=folder.parent))
        with Repository.open(building / "r1desk.sqlite3") as repo:
            repo.import_conversations(
                generate_conversations(conversations, messages, big_messages=big_messages)
            )
        checkpoint(building / "r1desk.sqlite3")
        try:
            building.rename(folder)
        except OSError:  # another run finished first
            shutil.rmtree(building, ignore_errors=True)
    conn = sqlite3.connect(path)
    try:
        row = conn.execute("SELECT id FROM conversations WHERE uid = ?", (BIG_UID,)).fetchone()
    finally:
        conn.close()
    return BenchDatabase(path, conversations, messages, row[0] if row else None, big_messages)


def checkpoint(path: Path) -> None:
    """Fold the WAL into the database file so one file copy carries everything."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def data_dir_with(
    database: Path | None, folder: Path, last_conversation: int | None = None
) -> Path:
    """A fresh `--data-dir` holding a copy of `database` (or nothing) and the window state."""
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o700)
    if database is not None:
        shutil.copyfile(database, folder / "r1desk.sqlite3")
        (folder / "r1desk.sqlite3").chmod(0o600)
    if last_conversation is not None:
        (folder / "ui-state.ini").write_text(f"[window]\nlast_conversation={last_conversation}\n")
    return folder
