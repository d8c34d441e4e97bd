from __future__ import annotations

import dataclasses
from datetime import timedelta

from r1desk.domain import INTERRUPTED_ERROR_TEXT, Message, MessageStatus, Role, utc_now
from r1desk.render.message_card import (
    LateColours,
    cached_markdown,
    message_card_html,
    reasoning_title,
)


def _assistant(**kw: object) -> Message:
    fields: dict[str, object] = {"role": Role.ASSISTANT, "content": "Answer"}
    fields.update(kw)
    return Message(**fields)  # type: ignore[arg-type]


def test_header_names_the_speaker_with_model_time_and_cost() -> None:
    m = _assistant(model="deepseek-r1", elapsed_s=12.34, credits_before=5.0, credits_after=4.9877)
    out = message_card_html(m, expanded=False, dark=False, now=utc_now()).html
    assert "<b>R1</b>" in out and "deepseek-r1" in out and "12.3 s" in out
    assert "−0.0123 credits" in out
    user = message_card_html(Message(Role.USER, "hi"), expanded=False, dark=False, now=utc_now())
    assert "<b>You</b>" in user.html


def test_reasoning_collapsed_by_default_and_expandable() -> None:
    m = _assistant(reasoning="secret chain of thought", elapsed_s=41.2)
    collapsed = message_card_html(m, expanded=False, dark=False, now=utc_now()).html
    assert "▸ Thought for 41 s" in collapsed and "secret chain" not in collapsed
    assert 'href="r1desk-toggle:"' in collapsed
    expanded = message_card_html(m, expanded=True, dark=False, now=utc_now()).html
    assert "▾ Thought for 41 s" in expanded and "secret chain of thought" in expanded
    assert expanded.index("secret chain") < expanded.index("Answer")  # above the answer
    assert "font-style:italic" in expanded


def test_thought_without_elapsed_and_pending_timer() -> None:
    now = utc_now()
    assert reasoning_title(_assistant(reasoning="r"), now) == "Thought"
    pending = _assistant(
        content="", status=MessageStatus.PENDING, created_at=now - timedelta(seconds=37)
    )
    assert reasoning_title(pending, now) == "Thinking… 37 s"
    assert "Thinking… 37 s" in message_card_html(pending, expanded=False, dark=False, now=now).html


def test_interrupted_and_failed_offer_retry() -> None:
    now = utc_now()
    stopped = _assistant(content="partial", status=MessageStatus.INTERRUPTED)
    out = message_card_html(stopped, expanded=False, dark=False, now=now).html
    assert "partial" in out and "Stopped — reply incomplete" in out
    assert 'href="r1desk-action:retry"' in out
    failed = _assistant(content="", status=MessageStatus.FAILED, error="Key rejected <401>")
    out = message_card_html(failed, expanded=False, dark=True, now=now).html
    assert "Key rejected &lt;401&gt;" in out and 'href="r1desk-action:retry"' in out


def test_a_reply_cut_off_by_the_app_closing_does_not_say_the_user_stopped_it() -> None:
    now = utc_now()
    cut = _assistant(
        content="partial", status=MessageStatus.INTERRUPTED, error=INTERRUPTED_ERROR_TEXT
    )
    out = message_card_html(cut, expanded=False, dark=False, now=now).html
    assert "Interrupted — r1desk closed before the reply was complete" in out
    assert "Stopped" not in out and 'href="r1desk-action:retry"' in out


def test_user_text_is_shown_verbatim_not_as_markdown() -> None:
    out = message_card_html(
        Message(Role.USER, "**a**\n<b>x</b>"), expanded=False, dark=False, now=utc_now()
    )
    assert "**a**\n&lt;b&gt;x&lt;/b&gt;" in out.html


def test_code_blocks_of_answer_then_reasoning() -> None:
    m = _assistant(content="```\nanswer code\n```", reasoning="```\nreasoning code\n```")
    card = message_card_html(m, expanded=True, dark=False, now=utc_now())
    assert card.code_blocks == ("answer code\n", "reasoning code\n")
    assert 'href="r1desk-copy:1"' in card.html and 'href="r1desk-copy:0"' in card.html


def test_a_queued_reply_says_which_stage_it_is_in() -> None:
    from datetime import timedelta

    from r1desk.domain import Message, MessageStatus, Role, utc_now
    from r1desk.render.message_card import message_card_html

    now = utc_now()
    waiting = Message(
        Role.ASSISTANT, "", status=MessageStatus.PENDING, created_at=now - timedelta(seconds=12)
    )
    assert "Thinking… 12 s" in message_card_html(waiting, expanded=False, dark=False, now=now).html
    waiting.error = "Queued…"
    assert "Queued… 12 s" in message_card_html(waiting, expanded=False, dark=False, now=now).html
    waiting.error = "Processing…"
    assert (
        "Processing… 12 s" in message_card_html(waiting, expanded=False, dark=False, now=now).html
    )


def test_code_is_highlighted_once_the_reply_is_complete() -> None:
    from r1desk.domain import Message, MessageStatus, Role, utc_now
    from r1desk.render.message_card import message_card_html

    reply = Message(
        Role.ASSISTANT, "```python\ndef f():\n    return 1\n```", status=MessageStatus.PENDING
    )
    streaming = message_card_html(reply, expanded=False, dark=False, now=utc_now())
    reply.status = MessageStatus.COMPLETE
    done = message_card_html(reply, expanded=False, dark=False, now=utc_now())
    assert streaming.code_blocks == done.code_blocks  # the copyable code is the same

    def code_html(card_html: str) -> str:
        return card_html.split("<pre", 1)[1].split(">", 1)[1].split("</pre>", 1)[0]

    assert "<span" not in code_html(streaming.html)  # plain while streaming
    assert "<span" in code_html(done.html)  # highlighted when complete


def _pending_reply_of_eight_chunks() -> Message:
    """A streaming reply long enough to be cut into chunks, each with its own code block."""
    prose = "Words about the event loop, long enough to fill a chunk. " * 12
    code = "```python\ndef f():\n    return 1\n```"
    text = "\n\n".join(f"Part {n}: {prose}\n\n{code}" for n in range(8))
    return Message(Role.ASSISTANT, text, status=MessageStatus.PENDING)


def test_a_streaming_reply_gets_colours_chunk_by_chunk_after_each_settles() -> None:
    late = LateColours()
    pending = _pending_reply_of_eight_chunks()

    def coloured() -> list[bool]:
        card = message_card_html(
            pending, expanded=False, dark=False, now=utc_now(), chunked=True, late=late
        )
        return [">def</span>" in piece for piece in card.pieces]

    first = coloured()
    assert len(first) >= 3
    assert not any(first)  # settling a chunk does not wait for Pygments: it is queued
    for settled in range(1, len(first)):
        late.colour_next()
        assert coloured() == [n < settled for n in range(len(first))]
    assert not late.waiting()  # the growing chunk stays plain and is not queued
    done = dataclasses.replace(pending, status=MessageStatus.COMPLETE)
    card = message_card_html(done, expanded=False, dark=False, now=utc_now(), chunked=True)
    assert all(">def</span>" in piece for piece in card.pieces)


def test_a_completed_reply_keeps_the_colours_its_chunks_got_while_streaming() -> None:
    late = LateColours()
    pending = _pending_reply_of_eight_chunks()
    message_card_html(  # settles all chunks but the last; LateColours queues them
        pending, expanded=False, dark=False, now=utc_now(), chunked=True, late=late
    )
    while late.waiting():
        late.colour_next()
    cached_markdown.cache_clear()  # as a long stream of other renders would have done
    done = dataclasses.replace(pending, status=MessageStatus.COMPLETE)
    card = message_card_html(
        done, expanded=False, dark=False, now=utc_now(), chunked=True, late=late
    )
    assert len(card.pieces) >= 3
    assert all(">def</span>" in piece for piece in card.pieces)
    assert cached_markdown.cache_info().misses == 1  # only the chunk that was still growing
