"""Reasoning and answer come apart the same way however the reply is chunked."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from r1desk.api import Delta, ReasoningExtractor, split_reasoning
from tests.unit.api._support import split_at

# Text made of the characters that matter: tag pieces, whitespace, and plain letters.
_ALPHABET = st.sampled_from([*"<>/thinkabc xy\n", "<think>", "</think>", "é", "`"])
texts = st.lists(_ALPHABET, max_size=40).map("".join)


def run(chunks: list[str], bare_window: int | None = None) -> tuple[str, str]:
    extractor = ReasoningExtractor(bare_window=bare_window)
    deltas: list[Delta] = []
    for chunk in chunks:
        deltas += extractor.feed(chunk)
    deltas += extractor.finish()
    assert all(d.text for d in deltas), "no empty deltas"
    reasoning = "".join(d.text for d in deltas if d.kind == "reasoning")
    content = "".join(d.text for d in deltas if d.kind == "content")
    return reasoning, content


def without(text: str, *tags: str) -> str:
    while any(tag in text for tag in tags):
        for tag in tags:
            text = text.replace(tag, "")
    return text


cuts = st.lists(st.integers(min_value=0, max_value=10_000), max_size=12)


@settings(max_examples=300, deadline=None)
@given(reasoning=texts, content=texts, cuts=cuts, lead=st.sampled_from(["", " ", "\n\n"]))
def test_think_tags_split_anywhere_give_reasoning_and_content(
    reasoning: str, content: str, cuts: list[int], lead: str
) -> None:
    reasoning = without(reasoning, "</think>")
    text = f"{lead}<think>{reasoning}</think>{content}"
    assert run(split_at(text, cuts)) == (reasoning.strip(), content.lstrip())


@settings(max_examples=300, deadline=None)
@given(reasoning=texts, content=texts, cuts=cuts)
def test_bare_closing_tag_split_anywhere_gives_reasoning_and_content(
    reasoning: str, content: str, cuts: list[int]
) -> None:
    reasoning = without(reasoning, "</think>", "<think>")
    text = f"{reasoning}</think>{content}"
    assert run(split_at(text, cuts)) == (reasoning.strip(), content.lstrip())


@settings(max_examples=300, deadline=None)
@given(content=texts, cuts=cuts)
def test_text_without_closing_tag_is_all_content(content: str, cuts: list[int]) -> None:
    content = without(content, "</think>")
    if content.lstrip().startswith("<think>"):
        content = "x" + content
    assert run(split_at(content, cuts)) == ("", content.lstrip())


def test_a_later_closing_tag_in_the_answer_stays_content() -> None:
    answer = "Use it like this:\n```\n</think>\n```\nand `</think>` ends it."
    assert run(["<think>plan</think>\n\n", answer]) == ("plan", answer)
    assert split_reasoning(f"plan</think>{answer}") == ("plan", answer)


def test_an_opening_tag_before_the_bare_close_means_it_is_all_content() -> None:
    text = "The tags are <think> and </think>."
    assert split_reasoning(text) == ("", text)


def test_streams_longer_than_the_window_without_a_tag_become_content() -> None:
    extractor = ReasoningExtractor(bare_window=10)
    assert extractor.feed("short") == []  # still waiting: it might be bare reasoning
    shown = extractor.feed(" answer that goes on")
    assert shown == [Delta("content", "short answer that goes on")]
    assert extractor.feed(" then </think> later") == [Delta("content", " then </think> later")]


def test_reasoning_is_shown_while_it_streams() -> None:
    extractor = ReasoningExtractor()
    assert extractor.feed("<thi") == []
    assert extractor.feed("nk>Let me think") == [Delta("reasoning", "Let me think")]
    assert extractor.feed(" more</th") == [Delta("reasoning", " more")]
    assert extractor.feed("ink>\n\nAnswer") == [Delta("content", "Answer")]


def test_field_reasoning_stops_any_splitting_of_content() -> None:
    extractor = ReasoningExtractor()
    out = extractor.feed_reasoning("\nthinking ") + extractor.feed("a </think> b")
    out += extractor.finish()
    assert out == [Delta("reasoning", "thinking"), Delta("content", "a </think> b")]


def test_unterminated_reasoning_is_kept_as_reasoning() -> None:
    assert split_reasoning("<think>cut off by max_tokens") == ("cut off by max_tokens", "")


def test_whitespace_and_empty_replies() -> None:
    assert split_reasoning("") == ("", "")
    assert split_reasoning("  \n") == ("", "")
    assert split_reasoning("<think>\n\n</think>\n\nHi") == ("", "Hi")
    assert split_reasoning("<thin") == ("", "<thin")
