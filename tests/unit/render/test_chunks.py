"""Chunked Markdown renders exactly as the whole text: checked on generated replies that mix
every block Markdown has, nested code fences and badly indented ones included."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from r1desk.render import chunks
from r1desk.render.chunks import split_markdown
from r1desk.render.markdown import render_markdown

COPY_LINK = re.compile(r"r1desk-copy:\d+")

WORDS = st.sampled_from(["alpha", "Beta", "*em*", "`x`", "**b**", "(p)", "[l](http://a)", "é"])
LINE = st.lists(WORDS, min_size=1, max_size=6).map(" ".join)
PARAGRAPH = st.lists(LINE, min_size=1, max_size=3).map("\n".join)
CODE = st.lists(st.sampled_from(["x = 1", "", "    y", "```", "~~~", "- z", "# c"]), max_size=4)


@st.composite
def blocks(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 11))
    text = draw(PARAGRAPH)
    code = "\n".join(draw(CODE))
    indent = draw(st.sampled_from(["", " ", "  ", "   ", "    "]))
    return [
        text,
        text,
        f"## {text.splitlines()[0]}",
        f"```python\n{code}\n```",
        f"- {text}\n- item\n\n  continued",
        f"1. {text}\n\n{indent}```\n{indent}{code}\n\n{indent}more\n```",
        f"> {text}\n>\n> ```\n> {code}\n> ```",
        f"| a | b |\n|---|---|\n| {text.splitlines()[0]} | 1 |",
        f"    indented {text}\n\n    code",
        f"{text}\n---",
        "***",
        f"~~~\n{code}\n",  # a fence left open
    ][kind]


REPLIES = st.lists(
    st.tuples(blocks(), st.sampled_from(["\n\n", "\n", "\n\n\n"])), min_size=1, max_size=14
).map(lambda parts: "".join(block + gap for block, gap in parts))


def _unnumbered(html: str) -> str:
    return COPY_LINK.sub("r1desk-copy:N", html)


@given(REPLIES)
def test_chunks_render_exactly_as_the_whole_text(text: str) -> None:
    chunks = split_markdown(text, min_chars=20)
    assert "".join(chunks) == text
    whole = render_markdown(text, highlight=False)
    parts = [render_markdown(chunk, highlight=False) for chunk in chunks]
    assert _unnumbered("".join(part.html for part in parts)) == _unnumbered(whole.html)
    assert [code for part in parts for code in part.code_blocks] == list(whole.code_blocks)


def test_a_long_reply_is_cut_between_paragraphs_into_chunks_of_the_minimum_size() -> None:
    paragraph = "Reasoning about the event loop, step by step. " * 10
    text = "\n\n".join([paragraph] * 30)
    chunks = split_markdown(text, min_chars=2000)
    assert len(chunks) > 5
    assert all(len(chunk) >= 2000 for chunk in chunks[:-1])
    assert all(chunk.endswith("\n\n") for chunk in chunks[:-1])


def test_cuts_already_made_stay_while_the_text_grows() -> None:
    paragraph = "A sentence that keeps the stream going for a while. " * 8
    text = "\n\n".join([paragraph] * 20)
    before = split_markdown(text)
    after = split_markdown(text + "\n\nMore text arrives" + " and more" * 50)
    assert after[: len(before) - 1] == before[:-1]


def test_short_texts_and_link_definitions_are_never_cut() -> None:
    paragraph = "Plain words in a paragraph. " * 20
    assert split_markdown("\n\n".join([paragraph] * 3), min_chars=2000) == [
        "\n\n".join([paragraph] * 3)
    ]
    text = "\n\n".join([paragraph] * 30) + "\n\n[ref]: http://example.com\n"
    assert split_markdown(text, min_chars=100) == [text]


def test_a_list_or_a_table_never_touches_a_cut() -> None:
    paragraph = "Words " * 60
    text = f"{paragraph}\n\n- one\n- two\n\n{paragraph}\n\n| a |\n|---|\n| 1 |\n\n{paragraph}"
    for chunk in split_markdown(text, min_chars=10):
        assert not chunk.startswith(("- ", "|"))
        assert not chunk.rstrip().endswith(("two", "| 1 |"))


@given(REPLIES, st.integers(7, 60))
def test_a_growing_text_is_cut_as_if_it_were_cut_afresh(text: str, step: int) -> None:
    """Streaming: cuts remembered from the shorter texts change nothing."""
    for end in range(step, len(text), step):
        split_markdown(text[:end], min_chars=20)
    grown = split_markdown(text, min_chars=20)
    chunks._recent.clear()
    assert grown == split_markdown(text, min_chars=20)
