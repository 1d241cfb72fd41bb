"""Making text safe for each output target: the one place where that is done.

One sanitiser per target: a terminal or a line-oriented log (`terminal_text`,
`terminal_line`), CSV (`csv_cell`, `csv_row`), Markdown (`md`), and Graphviz
(below).

Everything taken from a map passes through here before it reaches an output.
For a diagram: Graphviz's HTML-like labels (`html_text`) and its escStrings
(`esc_string`, for tooltips); only plain http(s) links become `URL`s
(`safe_url`, `url_attribute`); a node whose id is not a plain id gets a made-up
DOT name (`vocabulary.is_id`). The SVG that a renderer writes from argmap's DOT holds no
script, no event handler and no `javascript:` link, whatever the map says.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

# The one link rule, from the vocabulary: validate refuses what this leaves out.
from argmap.vocabulary import safe_url as safe_url

_DROP_CATEGORIES = {"Cc", "Cs", "Co", "Cn"}  # controls, surrogates, private use, unassigned
# Every other way of ending a line: Graphviz would break the line at some of
# them without making the box taller, so the text would spill out of it.
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
# Bidi embeddings, overrides and isolates reorder what a reader sees (a label
# could show words in another order than the map has them); the bidi algorithm
# lays out right-to-left text correctly without them.
_BIDI_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


def clean_text(value: str) -> str:
    """Text safe to put in XML and to show: control, unassigned and bidi override
    characters dropped, tabs made spaces, every line separator a newline.

    Newlines are kept (callers turn them into line breaks).
    """
    if value.replace("\n", "").isprintable():  # no control, format, private or unassigned
        return value
    value = _LINE_BREAKS.sub("\n", value).replace("\t", " ").translate(_BIDI_CONTROLS)
    return "".join(
        ch for ch in value if ch == "\n" or unicodedata.category(ch) not in _DROP_CATEGORIES
    )


def html_text(value: str) -> str:
    """Text for a Graphviz HTML-like label: cleaned, and every markup character an entity."""
    out = html_entities(clean_text(value).replace("\n", " "))
    return out.replace("\\", "\\\\")  # Graphviz expands \N, \G, \l in label text too


def html_entities(value: str) -> str:
    """Text for an HTML (or Graphviz HTML-like) element or quoted attribute: every markup
    character an entity. The one HTML escaper: diagrams' labels and the report's page."""
    return (
        value.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
    )


def script_json(text: str) -> str:
    """JSON text that no string in it can end early inside an HTML `<script>` element
    (`</script>`, `<!--`), nor break a JavaScript line (U+2028, U+2029)."""
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


class DotText(str):
    """A DOT value that is text, never an HTML-like label, whatever its characters."""

    __slots__ = ()


# A DOT ID that needs no quotes: a name or a numeral, and not one of DOT's keywords.
_DOT_NAME = re.compile(r"(?:[a-zA-Z_][a-zA-Z0-9_]*|-?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?))\Z")
_DOT_KEYWORDS = frozenset({"node", "edge", "graph", "digraph", "subgraph", "strict"})
# A double quote, and any backslash already before it: each pair of backslashes
# stays a literal backslash, and one lone backslash is taken as already escaping it.
_QUOTE = re.compile(r'((?:\\\\)*)\\?"')


def dot_id(value: str) -> str:
    """A value as a DOT ID: bare when it is a plain name or numeral, an HTML-like label
    (`<...>`, built by argmap) as it is, anything else in double quotes with each `"` escaped.

    Backslashes are left for the value's own escapes (`esc_string` writes them).
    """
    if _DOT_NAME.match(value) and value.lower() not in _DOT_KEYWORDS:
        return value
    if value.startswith("<") and value.endswith(">") and not isinstance(value, DotText):
        return value
    if '"' in value:
        value = _QUOTE.sub(r'\1\\"', value)
    return f'"{value}"'


def esc_string(value: str) -> str:
    """Text for a Graphviz escString attribute (tooltip): literal, newlines kept as breaks.

    Graphviz expands escapes in a tooltip twice (`\\N` becomes the node's name,
    `\\l` a line break), so each backslash is written as four; it also keeps
    what looks like an XML entity, so `&` is written as one.
    """
    text = clean_text(value)
    escaped = _esc_lines(text)
    if _quoted_bytes(escaped) > TOOLTIP_BYTES:
        # Graphviz cannot read a quoted string past 16,384 bytes ("longer than 16384?"): a
        # premise that long would make the whole diagram fail. Cut the tooltip, and say so.
        keep = len(text)
        while _quoted_bytes(escaped) > TOOLTIP_BYTES:
            keep = max(0, keep * TOOLTIP_BYTES // _quoted_bytes(escaped) - 1)
            escaped = _esc_lines(text[:keep].rstrip() + TOOLTIP_CUT)
    return DotText(escaped)


def _quoted_bytes(escaped: str) -> int:
    """Its size in the DOT file: UTF-8 bytes, and one more for each `"` that `dot_id` escapes."""
    return len(escaped.encode("utf-8")) + escaped.count('"')


TOOLTIP_BYTES = 12_000  # below Graphviz's 16,384, with room for DOT's own quoting
TOOLTIP_CUT = "… (cut here: the map holds the whole text; `argmap show` prints it)"


def _esc_lines(text: str) -> str:
    lines = text.replace("&", "&amp;").split("\n")
    return "\\n".join(line.replace("\\", "\\" * 4) for line in lines)


def url_attribute(url: str) -> str:
    """A checked http(s) link as a DOT attribute: `&` written as an entity.

    Some Graphviz versions copy a URL into the SVG without escaping `&`, which
    would leave the SVG unreadable to an XML parser; all of them keep an entity.
    """
    return DotText(url.replace("&", "&amp;"))


# ---------------------------------------------------------------------------
# Terminals and line-oriented logs (diagnostics, GitHub annotations, CI logs)

# C0 and C1 controls but newline and tab, DEL, and the bidi embeddings, overrides and
# isolates: in a terminal they move the cursor, clear the screen, retitle the window
# (OSC) or show words in another order than the text has them.
_TERMINAL_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# For one line, also every way of ending a line: a newline in a file name would
# otherwise start a forged diagnostic line.
# And the lone surrogates by which Python keeps the bytes of a file name that is not
# UTF-8: shown as those bytes (`\xff`), as `files.display_path` does.
_LINE_CONTROL = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\udc80-\udcff]"
)


def terminal_text(value: str) -> str:
    """Text for a terminal: control, escape and bidi-override characters dropped (they
    would act instead of showing); newlines and tabs kept."""
    return _TERMINAL_CONTROL.sub("", value)


def terminal_line(value: str) -> str:
    """One line for a terminal or a log: each control character, line break or bidi
    override shown as its escape (`\\x1b`, `\\n`, `\\u202e`), so that nothing acts and
    nothing is hidden (a file name with a newline in it stays on its one line)."""
    if not _LINE_CONTROL.search(value):
        return value
    return _LINE_CONTROL.sub(_visible, value)


def _visible(match: re.Match[str]) -> str:
    ch = match.group()
    named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
    if ch in named:
        return named[ch]
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


# ---------------------------------------------------------------------------
# CSV

# The separators of the common spreadsheet locales, and line breaks: a cell holding
# one is quoted, so that no reader splits it into cells or rows.
_CSV_SPLITTERS = (",", ";", "\t", "|", "\r", "\n")
_CSV_QUOTED = re.compile('[,;\t|\r\n"]')
# A spreadsheet runs a cell that starts with one of these as a formula; after a
# separator or line break it starts a cell too, for a reader that splits there.
_FORMULA_START = re.compile(r"(^|[,;\t|\r\n])(?=[=+\-@\t\r])")


def csv_cell(value: Any) -> str:
    """One CSV field, safe in any spreadsheet: a text that would start a formula
    (`= + - @`, tab, CR), at its start or after a separator or line break, gets a `'`
    in front (shown as text); a cell with a separator (`,` `;` tab `|`), a line
    break or a quote is quoted. Controls that would act on a terminal are dropped.
    None is empty; a list is joined with `;`; numbers are written as they are."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        return str(value)
    text = ";".join(map(str, value)) if isinstance(value, (list, tuple)) else str(value)
    text = _FORMULA_START.sub(r"\1'", _without_controls(text))
    if _CSV_QUOTED.search(text):
        text = '"' + text.replace('"', '""') + '"'
    return text


def _without_controls(value: str) -> str:
    """`terminal_text`, keeping carriage returns too (a quoted CSV cell may hold them)."""
    return _TERMINAL_CONTROL.sub(lambda m: m.group() if m.group() == "\r" else "", value)


def csv_row(values: Iterable[Any]) -> str:
    """One CSV line (comma-separated, `\\n`-terminated) of `csv_cell`s."""
    return ",".join(csv_cell(v) for v in values) + "\n"


# ---------------------------------------------------------------------------
# Markdown (GitHub-flavoured)

_MD_SPECIAL = str.maketrans(
    {c: "\\" + c for c in "\\`*_[]|#~@$"} | {"<": "&lt;", ">": "&gt;", "&": "&amp;"}
)
# What GitHub turns into a link without any markup: a URL with a scheme, or www.
_BARE_LINK = re.compile(r"(?i)\b(?:[a-z][a-z0-9+.-]*://|www\.)[^\s<>]*")


def md(text: str) -> str:
    """Map text as literal markdown: no emphasis, links, HTML, @-mentions, math or broken
    table cells and list items (line breaks become spaces, controls dropped).

    A bare URL (`https://…`, `www.…`) is written as a code span: GitHub makes no link
    of it, and it still copies exactly (a `|` in it is written `%7C`, the same URL).
    """
    plain = " ".join(terminal_text(text).split())
    out: list[str] = []
    start = 0
    for match in _BARE_LINK.finditer(plain):
        out.append(plain[start : match.start()].translate(_MD_SPECIAL))
        out.append(_code_span(match.group().replace("|", "%7C")))
        start = match.end()
    out.append(plain[start:].translate(_MD_SPECIAL))
    return "".join(out)


def _code_span(value: str) -> str:
    longest = max((len(run) for run in re.findall("`+", value)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if value.startswith("`") or value.endswith("`") else ""
    return f"{fence}{pad}{value}{pad}{fence}"
