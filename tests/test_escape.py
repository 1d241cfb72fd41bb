"""The sanitisers of argmap/escape.py (terminal, CSV, Markdown, HTML, DOT): exact output."""

from __future__ import annotations

import csv
import io

from argmap.escape import (
    TOOLTIP_BYTES,
    TOOLTIP_CUT,
    DotText,
    clean_text,
    csv_cell,
    csv_row,
    dot_id,
    esc_string,
    html_entities,
    html_text,
    md,
    script_json,
    terminal_line,
    terminal_text,
    url_attribute,
)


def test_terminal_text_drops_escape_sequences_c1_controls_and_bidi_overrides() -> None:
    hostile = "a\x1b]0;owned\x07b\x1b[2Jc\x9b31md\u202ee\nf\tg"
    assert terminal_text(hostile) == "a]0;ownedb[2Jc31mde\nf\tg"


def test_terminal_line_shows_every_control_and_line_break_as_an_escape() -> None:
    assert terminal_line("maps/a\nmaps/b.yaml:1:1: error: forged") == (
        "maps/a\\nmaps/b.yaml:1:1: error: forged"
    )
    assert (
        terminal_line("x\x1b]0;t\x07\r\u2028\u202e\x85") == "x\\x1b]0;t\\x07\\r\\u2028\\u202e\\x85"
    )
    assert terminal_line("plain – text") == "plain – text"


def test_csv_cell_quotes_every_locales_separator_and_line_breaks() -> None:
    assert csv_cell("a,b") == '"a,b"'
    assert csv_cell("a;b") == '"a;b"'
    assert csv_cell("a|b") == '"a|b"'
    assert csv_cell("a\tb") == '"a\tb"'
    assert csv_cell('say "x"') == '"say ""x"""'
    assert csv_cell("plain text.") == "plain text."


def test_csv_cell_neutralises_formulas_at_the_start_and_after_each_separator_or_break() -> None:
    assert csv_cell("=1+2") == "'=1+2"
    assert csv_cell("ok;=1+2") == '"ok;\'=1+2"'
    assert csv_cell("ok\r=cmd|' /C calc'!A0") == "\"ok\r'=cmd|' /C calc'!A0\""
    assert csv_cell("a\n@SUM(1)") == '"a\n\'@SUM(1)"'
    assert csv_cell(["x", "-1+2"]) == '"x;\'-1+2"'
    assert csv_cell("pro-con, well+good") == '"pro-con, well+good"'  # not after a separator


def test_csv_cell_keeps_numbers_and_empties() -> None:
    assert [csv_cell(v) for v in (None, 0.25, -1, 3, True)] == ["", "0.25", "-1", "3", "true"]


def test_csv_row_reads_back_as_one_row_of_the_same_cells() -> None:
    cells = ["a\r=x", "b;c", "plain"]
    rows = list(csv.reader(io.StringIO(csv_row(cells))))
    assert rows == [["a\r'=x", "b;c", "plain"]]


def test_csv_cell_drops_terminal_escapes() -> None:
    assert csv_cell("a\x1b[2Jb\x9bc") == "a[2Jbc"


def test_md_makes_no_link_of_a_bare_url_and_keeps_it_whole() -> None:
    assert md("See https://example.org/a_b?x=1 now") == "See `https://example.org/a_b?x=1` now"
    assert md("or www.example.org.") == "or `www.example.org.`"
    assert md("ftp://h/x|y") == "`ftp://h/x%7Cy`"
    assert md("odd https://h/`x`") == "odd `` https://h/`x` ``"


def test_md_still_escapes_the_rest() -> None:
    assert md("*a* [b](c) <i> @me #1 a|b\x1b[2J") == (
        "\\*a\\* \\[b\\](c) &lt;i&gt; \\@me \\#1 a\\|b\\[2J"
    )


def test_clean_text_drops_controls_and_bidi_overrides_and_makes_each_line_break_a_newline() -> None:
    hostile = "a\tb\r\nc\x0bd\x0ce\x85f\u2028g\u2029h\ri\u202ej\u2066k\x00l\ue000m\U000e0001n"
    assert clean_text(hostile) == "a b\nc\nd\ne\nf\ng\nh\nijklm\U000e0001n"
    assert clean_text("plain\ntext") == "plain\ntext"


def test_html_entities_writes_every_markup_character_as_an_entity() -> None:
    assert html_entities("<a href=\"x\" title='y'>&amp;</a>") == (
        "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;"
    )


def test_html_text_is_one_line_of_entities_with_graphviz_escapes_doubled() -> None:
    assert html_text("<b>\"x\" & 'y'</b>\n\\N\x07\u202e\r\nz") == (
        "&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt; \\\\N z"
    )


def test_script_json_cannot_end_its_script_element_or_a_javascript_line() -> None:
    assert script_json('{"a": "</script><!-- & \u2028\u2029"}') == (
        '{"a": "\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028\\u2029"}'
    )


def test_esc_string_keeps_breaks_and_writes_backslashes_and_ampersands_literally() -> None:
    value = esc_string("a & b \\N\nline two\x1b\r\nthree")
    assert value == "a &amp; b \\\\\\\\N\\nline two\\nthree"
    assert isinstance(value, DotText)
    assert dot_id(esc_string("<b>")) == '"<b>"'  # text, never an HTML-like label


def test_esc_string_cuts_a_tooltip_graphviz_could_not_read_to_just_under_its_limit() -> None:
    for text in ("x" * 20_000, '"' * 13_000, "é" * 9_000, "a\\" * 7_000):
        cut = esc_string(text)
        size = len(dot_id(cut).encode("utf-8")) - 2  # without dot_id's own two quotes
        assert cut.endswith(TOOLTIP_CUT)
        assert TOOLTIP_BYTES - 10 <= size <= TOOLTIP_BYTES
    assert esc_string("y" * 11_000) == "y" * 11_000  # under the limit: whole


def test_url_attribute_writes_ampersands_as_entities_and_is_never_a_label() -> None:
    assert url_attribute("https://h/?a=1&b=2") == "https://h/?a=1&amp;b=2"
    assert dot_id(url_attribute("<https://h/>")) == '"<https://h/>"'


def test_terminal_line_shows_the_bytes_of_a_file_name_that_is_not_utf8() -> None:
    assert terminal_line("f\udcff\udc80\x7f\x9f\t\x00") == "f\\xff\\x80\\x7f\\x9f\\t\\x00"


def test_esc_string_cuts_only_past_the_limit_and_stops_at_the_first_cut_that_fits() -> None:
    assert esc_string("y" * TOOLTIP_BYTES) == "y" * TOOLTIP_BYTES  # exactly at the limit: whole
    cut = esc_string("é" * 2_201 + "x" * 9_325)  # its first cut is exactly at the limit
    assert cut.endswith(TOOLTIP_CUT)
    assert len(cut.encode("utf-8")) == TOOLTIP_BYTES


def test_a_cut_tooltip_ends_at_its_last_word_not_in_the_white_space_after_it() -> None:
    # Where the cut falls in a run of spaces, the mark follows the last word itself.
    assert esc_string("x" + " " * 20_000) == "x" + TOOLTIP_CUT
    assert esc_string("  lead" + "x" * 20_000).startswith("  leadx")  # its start as written
