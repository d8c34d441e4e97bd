"""Conversation -> one self-contained HTML file: inline CSS, no scripts, nothing loaded.

Replies and reasoning go through `render_markdown` (raw HTML escaped, unsafe links dropped,
no images); the user's own messages are plain text with their line breaks kept, as the app
shows them; everything else is escaped here, and a Content-Security-Policy forbids any
load or script even if something slipped through.
"""

from __future__ import annotations

import re
from html import escape

from r1desk.domain import Conversation, Message, Role
from r1desk.export.common import (
    ROLE_LABELS,
    display_title,
    human_time,
    iso_z,
    metadata_lines,
    reasoning_label,
    status_note,
)
from r1desk.render.markdown import render_markdown

CSP = "default-src 'none'; style-src 'unsafe-inline'"

# The app's message view puts a "Copy" link before each code block; a file has no use for it.
_COPY_LINK = re.compile(r'<a\b[^>]*\bhref="r1desk-copy:\d+"[^>]*>.*?</a>', re.DOTALL)
_EMPTY_WRAPPER = re.compile(r"<(div|p)\b[^>]*>\s*</\1>")

STYLE = """
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1f2328; --muted: #59636e;
  --line: #d1d9e0; --user: #eef4ff; --assistant: #ffffff; --reasoning: #f6f8fa; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d;
      --user: #162032; --assistant: #0d1117; --reasoning: #151b23; }
  /* render_markdown colours inline code for a light page; keep it readable on a dark one */
  :not(pre) > code { background-color: #2d3033 !important; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); line-height: 1.55;
  font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC",
    "PingFang SC", "Microsoft YaHei", sans-serif; }
main { max-width: 52rem; margin: 0 auto; padding: 2rem 1rem 4rem; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; overflow-wrap: anywhere; }
.meta { color: var(--muted); font-size: .9rem; margin: 0 0 1.5rem; padding: 0; list-style: none; }
.message { border: 1px solid var(--line); border-radius: 10px; padding: .75rem 1rem;
  margin: 0 0 1rem; background: var(--assistant); overflow-wrap: anywhere; }
.message.user { background: var(--user); }
.who { color: var(--muted); font-size: .85rem; margin: 0 0 .4rem; }
.who .role { color: var(--fg); font-weight: 600; }
.reasoning { background: var(--reasoning); border-left: 3px solid var(--line);
  border-radius: 6px; padding: .4rem .8rem; margin: .3rem 0 .8rem; color: var(--muted); }
.reasoning summary { cursor: pointer; font-weight: 600; }
.reasoning p { white-space: pre-line; }
.status { color: #cf222e; font-style: italic; }
pre { padding: .75rem 1rem; border-radius: 6px; overflow-x: auto; font-size: .9rem; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Noto Sans Mono CJK SC",
  monospace; }
table { border-collapse: collapse; margin: .5rem 0; }
th, td { border: 1px solid var(--line); padding: .3rem .6rem; }
blockquote { margin: .5rem 0; padding-left: 1rem; border-left: 3px solid var(--line); }
a { color: #0969da; }
@media (prefers-color-scheme: dark) { a { color: #4493f8; } }
@media print { .message { break-inside: avoid-page; } details.reasoning > * { display: block; } }
"""


def markdown_html(text: str) -> str:
    """Message Markdown as safe HTML, without the app-only "Copy" links."""
    rendered = render_markdown(text, dark=False).html
    return _EMPTY_WRAPPER.sub("", _COPY_LINK.sub("", rendered))


def plain_html(text: str) -> str:
    """What the user typed, as the app shows it: escaped text that keeps its line breaks
    (an inline style, which the PDF's QTextDocument honours as well as any browser)."""
    return f'<p class="plain" style="white-space: pre-wrap">{escape(text, quote=False)}</p>'


def _reasoning(message: Message, *, for_print: bool) -> str:
    label = escape(reasoning_label(message))
    body = markdown_html(message.reasoning)
    if for_print:  # QTextDocument has no <details>: a labelled block instead
        return f'<div class="reasoning"><p><b>{label}</b></p>{body}</div>\n'
    return f'<details class="reasoning"><summary>{label}</summary>{body}</details>\n'


def _message(message: Message, *, include_reasoning: bool, for_print: bool) -> str:
    role = message.role.value
    header = f'<span class="role">{escape(ROLE_LABELS[message.role])}</span> · '
    header += f'<time datetime="{iso_z(message.created_at)}">'
    header += f"{escape(human_time(message.created_at))}</time>"
    if message.model:
        header += f' · <span class="model">{escape(message.model)}</span>'
    parts = [f'<section class="message {role}">\n<p class="who">{header}</p>\n']
    if include_reasoning and message.reasoning.strip():
        parts.append(_reasoning(message, for_print=for_print))
    if message.content:
        plain = message.role is Role.USER  # the app shows user text as typed, not as Markdown
        body = plain_html(message.content) if plain else markdown_html(message.content)
        parts.append(f'<div class="content">{body}</div>\n')
    note = status_note(message)
    if note:
        parts.append(f'<p class="status">{escape(note)}</p>\n')
    parts.append("</section>\n")
    return "".join(parts)


def conversation_body(
    conversation: Conversation, *, include_reasoning: bool = True, for_print: bool = False
) -> str:
    """The content of <body>: title, metadata and messages (also what the PDF prints)."""
    meta = "".join(
        f"<li><b>{escape(label)}:</b> {escape(value)}</li>"
        for label, value in metadata_lines(conversation)
    )
    out = f'<h1>{escape(display_title(conversation))}</h1>\n<ul class="meta">{meta}</ul>\n'
    for message in conversation.messages:
        out += _message(message, include_reasoning=include_reasoning, for_print=for_print)
    return out


def conversation_to_html(conversation: Conversation, *, include_reasoning: bool = True) -> str:
    """A complete, self-contained HTML document."""
    body = conversation_body(conversation, include_reasoning=include_reasoning)
    return (
        '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light dark">\n'
        '<meta name="generator" content="r1desk">\n'
        f"<title>{escape(display_title(conversation))}</title>\n"
        f"<style>{STYLE}</style>\n</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n"
    )
