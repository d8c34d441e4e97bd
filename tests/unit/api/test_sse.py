"""The event-stream decoder gives the same events however the bytes are split."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from r1desk.api import SSEDecoder, SSEEvent
from r1desk.api.sse import decode_sse_text
from tests.unit.api._support import split_at


def decode(chunks: list[str]) -> list[SSEEvent]:
    decoder = SSEDecoder()
    events: list[SSEEvent] = []
    for chunk in chunks:
        events += decoder.feed(chunk)
    return events + decoder.finish()


def test_openai_style_stream_with_keep_alive_and_done() -> None:
    text = ': keep-alive\n\ndata: {"a": 1}\n\n: keep-alive\n\ndata: {"b": 2}\n\ndata: [DONE]\n\n'
    events = decode([text])
    assert [e.data for e in events] == ['{"a": 1}', '{"b": 2}', "[DONE]"]
    assert [e.is_done for e in events] == [False, False, True]
    assert all(e.event == "message" for e in events)


def test_multiline_data_event_names_and_all_line_endings() -> None:
    text = "event: update\r\ndata: one\rdata:two\ndata:  three\r\n\r\nid: 7\nretry: 10\ndata: x\n\n"
    assert decode([text]) == [SSEEvent("update", "one\ntwo\n three"), SSEEvent("message", "x")]


def test_a_crlf_split_between_chunks_is_one_line_end() -> None:
    assert decode(["data: a\r", "\n\r", "\ndata: b\r\n\r\n"]) == [
        SSEEvent("message", "a"),
        SSEEvent("message", "b"),
    ]
    assert decode(["data: a\r", "", "\n", "\r\n"]) == [SSEEvent("message", "a")]


def test_events_without_data_are_not_dispatched() -> None:
    assert decode(["event: ping\n\n: comment only\n\n"]) == []


def test_a_last_event_without_its_blank_line_is_still_delivered() -> None:
    assert decode(["data: tail"]) == [SSEEvent("message", "tail")]


def test_whole_body_helper() -> None:
    assert decode_sse_text("data: 1\n\ndata: 2\n\n") == [
        SSEEvent("message", "1"),
        SSEEvent("message", "2"),
    ]


line = st.one_of(
    st.builds(
        lambda s: f"data: {s}", st.text(st.characters(blacklist_characters="\r\n"), max_size=8)
    ),
    st.builds(lambda s: f"event:{s}", st.sampled_from(["x", "update", ""])),
    st.just(": keep-alive"),
    st.just("data"),
    st.just(""),
)
stream_text = st.tuples(
    st.lists(line, max_size=20),
    st.lists(st.sampled_from(["\n", "\r\n", "\r"]), min_size=20, max_size=20),
).map(lambda t: "".join(ln + end for ln, end in zip(t[0], t[1], strict=False)))


@settings(max_examples=300, deadline=None)
@given(text=stream_text, cuts=st.lists(st.integers(min_value=0, max_value=10_000), max_size=15))
def test_any_chunking_gives_the_same_events(text: str, cuts: list[int]) -> None:
    assert decode(split_at(text, cuts)) == decode([text])


@settings(max_examples=100, deadline=None)
@given(
    payloads=st.lists(st.text(st.characters(blacklist_characters="\r\n"), max_size=10), max_size=8)
)
def test_each_data_line_round_trips(payloads: list[str]) -> None:
    text = "".join(f"data:{p}\n\n" for p in payloads)
    expected = [p[1:] if p.startswith(" ") else p for p in payloads]
    assert [e.data for e in decode(list(text))] == expected
