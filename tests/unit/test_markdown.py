"""Data text reaches Streamlit's Markdown as literal text, and only web links are links."""

from dashboard.panels.markdown import badge, md, md_link


def test_markdown_syntax_in_data_is_escaped() -> None:
    assert md("[click](javascript:x)") == "\\[click\\]\\(javascript\\:x\\)"
    assert md("![i](http://evil.example/a.png)").startswith("\\!\\[i\\]\\(http\\:")
    assert md("$x$ <b>b</b> :red[r]") == "\\$x\\$ \\<b\\>b\\<\\/b\\> \\:red\\[r\\]"
    assert md("line one\n# line two") == "line one \\# line two"


def test_only_http_links_become_links() -> None:
    assert md_link("USGS", "https://pubs.usgs.gov/a.pdf") == "[USGS](https://pubs.usgs.gov/a.pdf)"
    assert md_link("bad", "javascript:alert(1)") == "bad"
    assert md_link("x", "https://a.example/b_(c) d") == "[x](https://a.example/b_%28c%29%20d)"


def test_badges_use_the_grade_colour() -> None:
    assert badge("verified", "Verified") == ":green-badge[Verified]"
    assert badge("disputed", "Disputed [!]") == ":red-badge[Disputed \\[\\!\\]]"
