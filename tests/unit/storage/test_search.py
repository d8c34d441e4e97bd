"""Full-text search: kept in sync, FTS syntax, forgiving of bad syntax, snippets, order."""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from r1desk.domain import Message, Role
from r1desk.storage import HIGHLIGHT_END, HIGHLIGHT_START, Repository


def _cid(repo: Repository, title: str = "chat") -> int:
    conversation_id = repo.create_conversation(title).id
    assert conversation_id is not None
    return conversation_id


def _found(repo: Repository, query: str) -> list[str]:
    ids = {hit.message_id for hit in repo.search(query)}
    return sorted(
        m.content for cid in repo.all_conversation_ids() for m in repo.messages(cid) if m.id in ids
    )


def test_index_follows_insert_update_and_delete(repo: Repository) -> None:
    cid = _cid(repo)
    message = repo.add_message(cid, Message(Role.USER, "the quick brown fox"))
    assert _found(repo, "fox") == ["the quick brown fox"]

    repo.update_message(dataclasses.replace(message, content="a lazy dog"))
    assert _found(repo, "fox") == []
    assert _found(repo, "dog") == ["a lazy dog"]

    repo.update_message(dataclasses.replace(message, content="a lazy dog", error="x"))
    assert _found(repo, "dog") == ["a lazy dog"]  # unchanged content stays indexed once

    repo.delete_message(message.id or 0)
    assert _found(repo, "dog") == []


def test_index_follows_delete_messages_from(repo: Repository) -> None:
    cid = _cid(repo)
    first = repo.add_message(cid, Message(Role.USER, "alpha"))
    repo.add_message(cid, Message(Role.ASSISTANT, "alpha beta"))
    repo.delete_messages_from(cid, first.id or 0)
    assert repo.search("alpha") == []


def test_reasoning_is_not_searched(repo: Repository) -> None:
    cid = _cid(repo)
    repo.add_message(cid, Message(Role.ASSISTANT, "visible answer", reasoning="hidden musing"))
    assert repo.search("musing") == []
    assert len(repo.search("visible")) == 1


def test_hit_carries_what_the_results_list_shows(repo: Repository) -> None:
    cid = _cid(repo, "Cooking")
    when = datetime(2025, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    stored = repo.add_message(
        cid, Message(Role.ASSISTANT, "Simmer the tomato sauce gently.", created_at=when)
    )
    (hit,) = repo.search("tomato")
    assert hit.conversation_id == cid
    assert hit.message_id == stored.id
    assert hit.conversation_title == "Cooking"
    assert hit.role is Role.ASSISTANT
    assert hit.created_at == when
    assert hit.snippet == f"Simmer the {HIGHLIGHT_START}tomato{HIGHLIGHT_END} sauce gently."


def test_long_message_snippet_is_cut_around_the_match(repo: Repository) -> None:
    cid = _cid(repo)
    words = [f"filler{i}" for i in range(200)]
    words[150] = "needle"
    repo.add_message(cid, Message(Role.USER, " ".join(words)))
    (hit,) = repo.search("needle")
    assert f"{HIGHLIGHT_START}needle{HIGHLIGHT_END}" in hit.snippet
    assert "…" in hit.snippet
    assert len(hit.snippet) < 300


def test_prefix_and_phrase_queries(repo: Repository) -> None:
    cid = _cid(repo)
    for text in ("python packaging", "pythonic code", "packaging python", "jython"):
        repo.add_message(cid, Message(Role.USER, text))
    assert _found(repo, "pyth*") == ["packaging python", "python packaging", "pythonic code"]
    assert _found(repo, "p*") == ["packaging python", "python packaging", "pythonic code"]
    assert _found(repo, '"python packaging"') == ["python packaging"]
    assert _found(repo, "python packaging") == ["packaging python", "python packaging"]
    assert _found(repo, "jython OR pythonic") == ["jython", "pythonic code"]


def test_accents_and_case_are_ignored(repo: Repository) -> None:
    cid = _cid(repo)
    repo.add_message(cid, Message(Role.USER, "Crème Brûlée recipe"))
    assert len(repo.search("creme brulee")) == 1
    assert len(repo.search("CRÈME")) == 1


@pytest.mark.parametrize(
    "query",
    [
        '"unbalanced',
        "AND",
        "OR",
        "NOT",
        "-",
        ":",
        "*",
        "fox AND",
        "(fox",
        "fox)",
        "nosuch:thing",
        "fox -dog",
        "^",
        "NEAR(",
        '"',
        "''",
        "fox\x00",
        "+",
        "fox:*",
        "a*b",
    ],
)
def test_malformed_queries_are_searched_as_plain_words(repo: Repository, query: str) -> None:
    cid = _cid(repo)
    repo.add_message(cid, Message(Role.USER, "the fox and the dog"))
    hits = repo.search(query)
    if "fox" in query:
        assert len(hits) == 1
    assert all(hit.conversation_id == cid for hit in hits)


def test_operator_words_match_as_plain_words(repo: Repository) -> None:
    cid = _cid(repo)
    repo.add_message(cid, Message(Role.USER, "salt AND pepper"))
    assert len(repo.search("AND")) == 1
    assert len(repo.search('"salt AND')) == 1


def test_empty_query_finds_nothing(repo: Repository) -> None:
    repo.add_message(_cid(repo), Message(Role.USER, "anything"))
    assert repo.search("") == []
    assert repo.search("   ") == []


def test_best_match_first_then_newest(repo: Repository) -> None:
    cid = _cid(repo)
    base = datetime(2025, 1, 1, tzinfo=timezone.utc)
    weak = repo.add_message(cid, Message(Role.USER, "rust " + "other words " * 30, created_at=base))
    older_strong = repo.add_message(
        cid, Message(Role.USER, "rust rust rust", created_at=base + timedelta(days=1))
    )
    newer_strong = repo.add_message(
        cid, Message(Role.USER, "rust rust rust", created_at=base + timedelta(days=2))
    )
    ids = [hit.message_id for hit in repo.search("rust")]
    assert ids == [newer_strong.id, older_strong.id, weak.id]
    assert len(repo.search("rust", limit=2)) == 2


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.text(max_size=40))
def test_any_text_query_never_raises(repo: Repository, query: str) -> None:
    if not repo.conversation_count():
        repo.add_message(_cid(repo), Message(Role.USER, "some text to search with a fox"))
    hits = repo.search(query)
    assert len(hits) <= 50


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.text(alphabet='ab *"-:()^+AND OR NOT NEAR', max_size=20))
def test_operator_soup_never_raises(repo: Repository, query: str) -> None:
    if not repo.conversation_count():
        repo.add_message(_cid(repo), Message(Role.USER, "a b ab ba AND OR"))
    repo.search(query)


def test_search_reads_committed_data_from_another_instance(db_path: Path) -> None:
    with Repository.open(db_path) as writer, Repository.open(db_path) as reader:
        writer.add_message(_cid(writer), Message(Role.USER, "shared secret word"))
        assert len(reader.search("secret")) == 1


def test_external_content_index_passes_integrity_check(db_path: Path) -> None:
    with Repository.open(db_path) as repo:
        cid = _cid(repo)
        kept = repo.add_message(cid, Message(Role.USER, "one two three"))
        edited = repo.add_message(cid, Message(Role.ASSISTANT, "four five"))
        gone = repo.add_message(cid, Message(Role.USER, "six"))
        repo.update_message(dataclasses.replace(edited, content="four five six seven"))
        repo.delete_message(gone.id or 0)
        repo.delete_conversation(repo.create_conversation("tmp").id or 0)
        repo.purge_deleted()
        assert kept.id is not None
    conn = sqlite3.connect(db_path)
    try:
        # Raises "database disk image is malformed" if index and messages disagree.
        conn.execute("INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 1)")
    finally:
        conn.close()
