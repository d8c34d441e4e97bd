"""Cut long Markdown into chunks that render exactly as the whole text does.

A reply that streams in is rendered again on every update. Cut into chunks, only the last one
changes, so only it is rendered and laid out again: an update costs a chunk, not the reply.

Cuts are made only between two top-level blocks that Markdown cannot join, as markdown-it's
own block parser sees them: a paragraph, heading or code fence, then another. At such a
point nothing is open, so the text after it parses alone exactly as it does in the whole.
Lists (a later item would make the whole list loose), tables and quotes never touch a cut,
and a text that defines a link reference is never cut (a later definition could change an
earlier link). So rendering the chunks one by one and joining the HTML gives the HTML of the
whole text, apart from the numbers of the code blocks' "Copy" links, which restart in every
chunk.

While a reply grows, every cut but the last stays valid (the blocks around it are complete),
so only the text from the last-but-one cut on is parsed again.
"""

from __future__ import annotations

import re
import threading
from itertools import pairwise

from r1desk.render.markdown import markdown_parser

CHUNK_CHARS = 1000

_CLEAN_BLOCKS = {"paragraph_open", "heading_open", "fence"}
_LINK_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:", re.MULTILINE)
_RECENT = 8  # texts whose cuts are remembered: a card streams reasoning and answer at once
_lock = threading.Lock()
_recent: list[tuple[str, tuple[int, ...]]] = []  # (text, its cuts), newest last


def split_markdown(text: str, min_chars: int = CHUNK_CHARS) -> list[str]:
    """`text` in chunks of at least `min_chars` (the last may be shorter), cut only where
    rendering chunk by chunk gives the same HTML as rendering the whole."""
    if len(text) < 2 * min_chars or "\r" in text or "\0" in text:
        return [text]  # markdown-it rewrites those two, which would shift the offsets
    if _LINK_DEFINITION.search(text):
        return [text]
    cuts = _cuts(text, min_chars)
    return [text[a:b] for a, b in pairwise((*cuts, len(text)))]


def _cuts(text: str, min_chars: int) -> tuple[int, ...]:
    settled: tuple[int, ...] = (0,)
    with _lock:
        for known_text, known_cuts in _recent:
            if text == known_text:
                return known_cuts
            if len(known_cuts) - 1 > len(settled) and text.startswith(known_text):
                settled = known_cuts[:-1]
    cuts = settled + _cuts_after(text, settled[-1], min_chars)
    with _lock:
        _recent.append((text, cuts))
        del _recent[:-_RECENT]
    return cuts


def _cuts_after(text: str, start: int, min_chars: int) -> tuple[int, ...]:
    """Cuts after `start`, itself a cut (or 0), at least `min_chars` apart."""
    tail = text[start:]
    md = markdown_parser()
    tokens = md.block.parse(tail, md, {}, []) or []
    blocks = [token for token in tokens if token.level == 0 and token.nesting >= 0 and token.map]
    line_offsets = [0]
    for line in tail.split("\n"):
        line_offsets.append(line_offsets[-1] + len(line) + 1)
    cuts: list[int] = []
    last = start
    for before, after in pairwise(blocks):
        if before.type in _CLEAN_BLOCKS and after.type in _CLEAN_BLOCKS:
            offset = start + line_offsets[after.map[0]]  # type: ignore[index]
            if offset - last >= min_chars:
                cuts.append(offset)
                last = offset
    return tuple(cuts)
