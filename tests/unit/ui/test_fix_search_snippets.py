"""Search results preview a message's words, not its Markdown."""

from __future__ import annotations

from r1desk.storage import HIGHLIGHT_END, HIGHLIGHT_START
from r1desk.ui.search_dialog import snippet_html

HIT = f"{HIGHLIGHT_START}quokka{HIGHLIGHT_END}"


def test_markdown_marks_are_left_out_of_the_preview() -> None:
    snippet = f"**What is a {HIT}?** | measure | value | | --- | :---: | ```python x = 1"
    assert snippet_html(snippet) == "What is a <b>quokka</b>? measure value python x = 1"


def test_headings_and_inline_code_lose_their_marks_but_not_their_words() -> None:
    snippet = f"## Notes\n- a `{HIT}` lives on #islands, 5 - 3 = 2 **bold**"
    assert snippet_html(snippet) == "Notes - a <b>quokka</b> lives on #islands, 5 - 3 = 2 bold"
