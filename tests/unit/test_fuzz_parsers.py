"""Property-based fuzzing of every parser that reads what a server or a file says.

No exception may escape except the typed ones. The number of examples comes from the hypothesis
profile in tests/conftest.py (dev: 200 each; CI: 1000 each), never from a hard-coded setting.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from r1desk.api import ApiError, ReasoningExtractor, SSEDecoder, error_from_response
from r1desk.api.completion import completion_from_text
from r1desk.domain import Conversation
from r1desk.export.importers import ImportFormatError, parse_document

# Text that is likely to hit the parsers' special cases, mixed with anything at all.
_TOKENS = [
    "<think>", "</think>", "<think", "</thi", "nk>", "\n", "\r", "\r\n", ":", "data:", "data: ",
    "event:", "[DONE]", "{", "}", '"', "\\", " ", "\x00", "é", "😀", "```", "<html>", "<script>",
]  # fmt: skip
pieces = st.one_of(st.sampled_from(_TOKENS), st.text(max_size=12))
messy_text = st.lists(pieces, max_size=30).map("".join)
chunkings = st.lists(messy_text, max_size=20)


# -- the reasoning extractor ---------------------------------------------------------------------


@given(chunks=chunkings, reasoning_chunks=st.lists(messy_text, max_size=3))
def test_reasoning_extractor_never_raises_and_loses_no_text(
    chunks: list[str], reasoning_chunks: list[str]
) -> None:
    extractor = ReasoningExtractor()
    deltas = []
    for text in reasoning_chunks:
        deltas += extractor.feed_reasoning(text)
    for chunk in chunks:
        deltas += extractor.feed(chunk)
    deltas += extractor.finish()
    assert all(d.kind in ("reasoning", "content") for d in deltas)
    # Only whitespace and at most one <think> and one </think> may go; nothing is invented.
    said = Counter(c for c in "".join(reasoning_chunks + chunks) if not c.isspace())
    out = Counter(c for d in deltas for c in d.text if not c.isspace())
    assert out <= said
    assert said - out <= Counter("<think></think>")


@given(text=messy_text, cut=st.integers(min_value=0, max_value=200))
def test_reasoning_split_does_not_depend_on_where_the_stream_is_cut(text: str, cut: int) -> None:
    def run(chunks: list[str]) -> tuple[str, str]:
        extractor = ReasoningExtractor(bare_window=None)
        deltas = [d for c in chunks for d in extractor.feed(c)] + extractor.finish()
        reasoning = "".join(d.text for d in deltas if d.kind == "reasoning")
        return reasoning, "".join(d.text for d in deltas if d.kind == "content")

    cut = min(cut, len(text))
    assert run([text[:cut], text[cut:]]) == run([text])


# -- the SSE decoder -----------------------------------------------------------------------------


@given(chunks=chunkings)
def test_sse_decoder_never_raises_and_chunking_does_not_matter(chunks: list[str]) -> None:
    whole = SSEDecoder()
    expected = whole.feed("".join(chunks)) + whole.finish()
    split = SSEDecoder()
    got = [e for c in chunks for e in split.feed(c)] + split.finish()
    assert got == expected
    assert all(isinstance(e.data, str) and isinstance(e.event, str) for e in got)


@given(text=messy_text, content_type=st.sampled_from(["text/event-stream", "application/json", ""]))
def test_completion_from_any_text_is_a_completion_or_a_typed_error(
    text: str, content_type: str
) -> None:
    try:
        completion = completion_from_text(text, content_type)
    except ApiError as error:
        assert error.user_message and "<" not in error.user_message
        return
    assert isinstance(completion.content, str) and isinstance(completion.reasoning, str)


# -- the error-body parser -----------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | messy_text,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(["error", "detail", "message", "msg", "x"]), inner, max_size=4
        )
    ),
    max_leaves=12,
)
bodies = st.one_of(
    st.binary(max_size=300),
    messy_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
    json_values.map(lambda v: json.dumps(v).encode()),
)
header_values = st.one_of(
    st.sampled_from(["12", "-1", "1e309", "nan", "inf", "Wed, 21 Oct 2015 07:28:00 GMT", "", "x"]),
    st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=20),
)
headers = st.dictionaries(
    st.sampled_from(["retry-after", "x-remaining-credits", "location", "content-type"]),
    header_values,
    max_size=4,
)
SECRET = "sk-FUZZSECRET-42"


@given(
    status=st.integers(min_value=100, max_value=999),
    headers=headers,
    body=bodies,
    url=st.sampled_from(["http://127.0.0.1:1/v1/x?key=1", "not a url", "", "https://[::1"]),
)
def test_error_from_response_is_always_a_safe_api_error(
    status: int, headers: dict[str, str], body: bytes, url: str
) -> None:
    body = body.replace(b"KEY", SECRET.encode())
    error = error_from_response(status, headers, body, url, secret=SECRET)
    assert isinstance(error, ApiError)
    for text in (error.user_message, error.next_step, str(error), repr(error)):
        assert SECRET not in text
        assert "<script" not in text.lower() and "<html" not in text.lower()
        assert "\n" not in text


# -- the importers -------------------------------------------------------------------------------

anything = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
times = st.one_of(st.sampled_from(["2024-01-02T03:04:05Z", "2024-13-99T00:00:00Z", ""]), anything)


def _maybe(value: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(value, anything)


r1desk_message = st.fixed_dictionaries(
    {
        "role": _maybe(st.sampled_from(["user", "assistant", "system"])),
        "content": _maybe(st.text(max_size=20)),
        "status": _maybe(st.sampled_from(["complete", "failed", "pending", "interrupted"])),
        "created_at": times,
    },
    optional={"reasoning": anything, "usage": anything, "error": anything, "model": anything},
)
r1desk_documents = st.fixed_dictionaries(
    {
        "app": st.just("r1desk"),
        "format_version": _maybe(st.just(1)),
        "conversations": _maybe(
            st.lists(
                st.fixed_dictionaries(
                    {
                        "title": _maybe(st.text(max_size=20)),
                        "created_at": times,
                        "updated_at": times,
                        "messages": _maybe(st.lists(r1desk_message, max_size=3)),
                    },
                    optional={"uid": anything, "settings": anything, "pinned": anything},
                ),
                max_size=3,
            )
        ),
    }
)
chatgpt_node = st.fixed_dictionaries(
    {"id": st.text(max_size=4), "parent": _maybe(st.text(max_size=4))},
    optional={
        "children": _maybe(st.lists(st.text(max_size=4), max_size=3)),
        "message": _maybe(
            st.fixed_dictionaries(
                {
                    "author": _maybe(st.fixed_dictionaries({"role": _maybe(st.text(max_size=9))})),
                    "content": _maybe(
                        st.fixed_dictionaries(
                            {
                                "content_type": _maybe(st.sampled_from(["text", "code"])),
                                "parts": _maybe(st.lists(anything, max_size=3)),
                            }
                        )
                    ),
                },
                optional={"create_time": anything, "metadata": anything},
            )
        ),
    },
)
chatgpt_documents = st.lists(
    st.fixed_dictionaries(
        {
            "title": _maybe(st.text(max_size=10)),
            "mapping": _maybe(
                st.lists(chatgpt_node, max_size=5).map(lambda ns: {n["id"]: n for n in ns})
            ),
        },
        optional={"create_time": anything, "current_node": anything, "update_time": anything},
    ),
    max_size=3,
)


@given(document=st.one_of(r1desk_documents, chatgpt_documents, anything))
def test_importers_return_conversations_or_a_typed_error(document: Any) -> None:
    try:
        conversations = parse_document(document)
    except ImportFormatError as error:
        assert str(error)
        return
    assert all(isinstance(c, Conversation) for c in conversations)
