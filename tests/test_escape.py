"""The sanitisers of argmap/escape.py for terminals, logs, CSV and Markdown: exact output."""

from __future__ import annotations

import csv
import io

from argmap.escape import csv_cell, csv_row, md, terminal_line, terminal_text


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
