from __future__ import annotations

import re
from html.parser import HTMLParser

from r1desk.domain import Conversation, Message, Role
from r1desk.export.html_export import CSP, conversation_to_html
from tests.unit.export.conftest import REASONING, SCRIPT

LOADING_TAGS = {"script", "link", "img", "iframe", "object", "embed", "video", "audio", "source"}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(document: str) -> _Collector:
    collector = _Collector()
    collector.feed(document)
    collector.close()
    return collector


def test_script_in_a_message_stays_text(conversation: Conversation) -> None:
    document = conversation_to_html(conversation)
    assert "<script" not in document.lower()
    parsed = _parse(document)
    assert "script" not in {tag for tag, _ in parsed.tags}
    assert SCRIPT in "".join(parsed.text)  # shown to the reader as the text they typed


def test_nothing_is_loaded_from_anywhere(conversation: Conversation) -> None:
    lowered = conversation_to_html(conversation).lower()
    for needle in ("src=", "url(", "@import", "<link", "<img", "http://", "https://"):
        assert needle not in lowered, needle


def test_hostile_markdown_loads_nothing(conversation: Conversation) -> None:
    conversation.messages.append(
        Message(
            role=Role.ASSISTANT,
            content=(
                "![tracker](https://example.com/pixel.png) [bad](javascript:alert(1)) "
                "[ok](https://example.com/page) <img src=x onerror=alert(1)> "
                "<link rel=stylesheet href=https://example.com/a.css>"
            ),
        )
    )
    document = conversation_to_html(conversation)
    markup = re.sub(r">[^<]*<", "><", document).lower()  # tags only: escaped text can't hold <
    for needle in ("src=", "url(", "@import", "<link", "<img", "javascript:"):
        assert needle not in markup, needle
    parsed = _parse(document)
    assert not LOADING_TAGS & {tag for tag, _ in parsed.tags}
    for tag, attrs in parsed.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        if "href" in attrs:
            assert tag == "a"
            assert (attrs["href"] or "").startswith(("https://", "http://", "mailto:"))
    assert "https://example.com/page" in document  # a normal link is still a link


def test_content_security_policy_forbids_loads(conversation: Conversation) -> None:
    document = conversation_to_html(conversation)
    metas = [attrs for tag, attrs in _parse(document).tags if tag == "meta"]
    assert {"http-equiv": "Content-Security-Policy", "content": CSP} in metas
    assert CSP == "default-src 'none'; style-src 'unsafe-inline'"


def test_light_and_dark_inline_css(conversation: Conversation) -> None:
    document = conversation_to_html(conversation)
    assert "<style>" in document
    assert "@media (prefers-color-scheme: dark)" in document


def test_reasoning_in_details_and_cjk_and_highlighted_code(conversation: Conversation) -> None:
    document = conversation_to_html(conversation)
    details = re.search(r"<details[^>]*>(.*?)</details>", document, re.DOTALL)
    assert details is not None
    assert "Reasoning (Thought for 42 s)" in details.group(1)
    assert "I should answer in 中文" in details.group(1)
    assert "中文 text 🚀" in document
    assert "<table" in document
    assert '<span style="color' in document  # Pygments inline colours inside the code block
    assert "r1desk-copy:" not in document  # the app's Copy links are not exported
    text = "".join(_parse(document).text)
    assert "def" in text and "greet" in text
    for line in REASONING.splitlines():
        assert line in text


def test_no_reasoning_variant(conversation: Conversation) -> None:
    document = conversation_to_html(conversation, include_reasoning=False)
    assert "<details" not in document
    assert "The user wants a greeting" not in document


def test_title_and_model_are_escaped() -> None:
    hostile = '"><script>alert(1)</script>'
    conversation = Conversation(
        title=hostile,
        messages=[Message(role=Role.ASSISTANT, content="hi", model=hostile, reasoning=hostile)],
    )
    document = conversation_to_html(conversation)
    assert "<script" not in document.lower()
    assert "&lt;script&gt;" in document
