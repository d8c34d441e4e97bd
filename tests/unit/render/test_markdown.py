from __future__ import annotations

import importlib.metadata
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from r1desk.render import is_safe_url, render_markdown

CODE = 'def greet(name):\n    return f"<b>{name}</b>"  # keep <b> & "quotes"\n\n\n'


def test_table_renders_with_qt_friendly_borders() -> None:
    out = render_markdown("| name | value |\n|---|---:|\n| a | 1 |\n| b | 2 |").html
    assert '<table border="1"' in out and 'cellpadding="4"' in out
    assert "<th>name</th>" in out
    assert re.search(r"<td[^>]*>2</td>", out)


def test_lists_and_strikethrough() -> None:
    out = render_markdown("- one\n- two\n\n1. first\n2. second\n\n~~gone~~").html
    assert out.count("<li>") == 4
    assert "<ul>" in out and "<ol>" in out
    assert "<s>gone</s>" in out


def test_code_is_kept_exactly_and_has_a_copy_link() -> None:
    text = f"Intro\n\n```python\n{CODE}```\n\nthen\n\n```\nplain <code>\n```\n"
    result = render_markdown(text)
    assert result.code_blocks == (CODE, "plain <code>\n")
    assert 'href="r1desk-copy:0"' in result.html
    assert 'href="r1desk-copy:1"' in result.html
    assert "style=" in result.html and "class=" not in result.html  # inline styles only
    assert "&lt;b&gt;" in result.html and "<b>{name}" not in result.html


def test_unknown_language_is_plain_and_escaped() -> None:
    result = render_markdown("```nosuchlanguage\n<x> & y\n```")
    assert "&lt;x&gt; &amp; y" in result.html
    assert result.code_blocks == ("<x> & y\n",)


def test_a_language_pygments_lacks_never_starts_a_plugin_scan(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # For a name it does not know, Pygments reads every installed package's entry points
    # (5-20 ms); a streaming reply shows its fence's name while it arrives ("pytho").
    scans: list[str] = []

    def entry_points(**selection: str) -> importlib.metadata.EntryPoints:
        scans.append(str(selection))
        return importlib.metadata.EntryPoints(())

    monkeypatch.setattr(importlib.metadata, "entry_points", entry_points)
    for partial in ("pytho", "plaintext", "no-such-language"):
        html = render_markdown(f"```{partial}\nif a < b: pass\n```", dark=False).html
        assert ">if a &lt; b: pass</pre>" in html  # plain: no spans in the code
    assert scans == []
    coloured = render_markdown("```python\nif a < b: pass\n```", dark=False).html
    assert ">if a &lt; b: pass</pre>" not in coloured  # Pygments' own lexers still colour


def test_raw_html_is_shown_as_text() -> None:
    out = render_markdown(
        "Hi <script>alert(1)</script> <b onclick='x'>b</b>\n\n<div>block</div>"
    ).html
    assert "<script" not in out.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "<b onclick" not in out and "<div>" not in out


def test_only_http_https_mailto_links_are_links() -> None:
    out = render_markdown(
        "[web](https://example.com) [plain](http://example.org/a?b=1&c=2) [mail](mailto:a@b.c) "
        "[js](javascript:alert(1)) [file](file:///etc/passwd) [data](data:text/html,hi) "
        "[rel](docs/readme.md) <javascript:alert(2)>\n\n[ref]: JavaScript:alert(3)\n\n[r][ref]"
    ).html
    hrefs = re.findall(r'href="([^"]*)"', out)
    assert hrefs == ["https://example.com", "http://example.org/a?b=1&amp;c=2", "mailto:a@b.c"]
    assert "javascript:alert(1)" in out  # still visible, as text


def test_images_are_never_loaded() -> None:
    out = render_markdown(
        "![chart](https://example.com/c.png) ![local](file:///tmp/x.png) "
        "![inline](data:image/png;base64,AAAA) ![rel](pic.png)"
    ).html
    assert "<img" not in out and "src=" not in out
    assert '<a href="https://example.com/c.png"' in out and "🖼 chart" in out
    assert "file:///tmp/x.png" not in re.findall(r'href="([^"]*)"', out)


def test_cjk_and_emoji_pass_through() -> None:
    out = render_markdown("漢字とかな 😀 **太字** 👍🏽").html
    assert "漢字とかな 😀" in out and "<strong>太字</strong>" in out and "👍🏽" in out


def test_dark_variant_uses_other_colours() -> None:
    text = "A [link](https://e.com) and `x`\n\n```python\nx = 1\n```"
    light, dark = render_markdown(text), render_markdown(text, dark=True)
    assert light.html != dark.html
    assert light.code_blocks == dark.code_blocks


def test_is_safe_url() -> None:
    assert is_safe_url("HTTPS://x") and is_safe_url(" mailto:a@b") and is_safe_url("http://x")
    for bad in ("javascript:x", "file:///x", "data:x", "ftp://x", "r1desk-action:retry", "", "//x"):
        assert not is_safe_url(bad)


_NASTY = st.sampled_from(
    [
        "<script>",
        "</script>",
        "<img src=x onerror=alert(1)>",
        "javascript:alert(1)",
        "[a](javascript:x)",
        "![i](http://x/y.png)",
        "![i](javascript:x)",
        "<javascript:x>",
        "```",
        "`",
        "\n",
        "[r]: javascript:x\n",
        "[r]",
        "<a href='javascript:x'>",
        "JaVaScRiPt:",
        "&#106;avascript:",
        "|a|\n|-|\n",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_NASTY, st.text(max_size=20)), max_size=12).map("".join))
def test_no_script_no_image_no_javascript_link(text: str) -> None:
    for dark in (False, True):
        out = render_markdown(text, dark=dark).html.lower()
        assert "<script" not in out
        assert "<img" not in out
        for href in re.findall(r'href="([^"]*)"', out):
            assert href.startswith(("http://", "https://", "mailto:", "r1desk-copy:")), href


def test_plain_code_colours_match_the_highlighting_style_without_loading_it() -> None:
    import subprocess
    import sys

    from r1desk.render.highlight import code_colors, code_theme

    for dark in (False, True):
        theme = code_theme(dark)
        assert code_colors(dark) == (theme.background, theme.foreground)
    # Rendering plain code (highlight=False) must not import Pygments.
    script = (
        "import sys; from r1desk.render import render_markdown;"
        "render_markdown('```python\\nx = 1\\n```', highlight=False);"
        "print('pygments' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
