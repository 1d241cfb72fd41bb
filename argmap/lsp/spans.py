"""Where a YAML value starts and ends, found from the loader's start positions.

The loader records the line and column where every node, field value and list
item starts; an editor wants the whole extent (a squiggle under `crain`, not a
mark at its first letter). These functions read the extent off the text with a
small scanner for the few shapes a value can take: a quoted or plain scalar, a
block scalar (`|`, `>`), a flow collection (`{...}`, `[...]`), or a key.

Lines and columns here are 0-based and count code points (as the loader does);
`features` turns them into the editor's units. Every loop moves forward through
the text, so no input can make a scan recurse or hang.
"""

from __future__ import annotations

import re
from typing import NamedTuple


class Span(NamedTuple):
    """A stretch of text: 0-based lines, code-point columns, the end exclusive."""

    start_line: int
    start_col: int
    end_line: int
    end_col: int

    def contains(self, line: int, col: int) -> bool:
        """True if (line, col) lies in the span or just after its last character."""
        return (self.start_line, self.start_col) <= (line, col) <= (self.end_line, self.end_col)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _is_blank_or_comment(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def _key_column(line: str) -> int:
    """The column of the first key or value on the line, after any `- ` item markers."""
    j = _indent(line)
    while line.startswith("- ", j) or line[j:] == "-":
        j += 2
        while j < len(line) and line[j] == " ":
            j += 1
    return j


def in_flow(line: str, col: int) -> bool:
    """True if an unclosed `[` or `{` precedes `col` on the line (outside quotes)."""
    depth = 0
    quote = ""
    for ch in line[:col]:
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch in "[{":
            depth += 1
        elif ch in "]}" and depth:
            depth -= 1
    return depth > 0


def _quoted_end(lines: list[str], li: int, ci: int) -> tuple[int, int]:
    quote = lines[li][ci]
    j = ci + 1
    while li < len(lines):
        line = lines[li]
        while j < len(line):
            ch = line[j]
            if quote == '"' and ch == "\\":
                j += 2
                continue
            if ch == quote:
                if quote == "'" and line[j + 1 : j + 2] == "'":
                    j += 2
                    continue
                return li, j + 1
            j += 1
        li, j = li + 1, 0
    last = len(lines) - 1
    return last, len(lines[last])  # unterminated: the loader has said so


def _flow_end(lines: list[str], li: int, ci: int) -> tuple[int, int]:
    depth = 0
    j = ci
    while li < len(lines):
        line = lines[li]
        while j < len(line):
            ch = line[j]
            if ch in "\"'":
                li, j = _quoted_end(lines, li, j)
                line = lines[li]
                continue
            if ch == "#" and (j == 0 or line[j - 1] in " \t"):
                break  # a comment runs to the end of the line
            if ch in "[{":
                depth += 1
            elif ch in "]}":
                depth -= 1
                if depth == 0:
                    return li, j + 1
            j += 1
        li, j = li + 1, 0
    last = len(lines) - 1
    return last, len(lines[last])


def _content_end(line: str, start: int) -> int:
    """The end of the line's content from `start`: before a comment and trailing spaces."""
    cut = line.find(" #", start)
    end = len(line) if cut < 0 else cut
    return len(line[:end].rstrip())


def _block_scalar_end(lines: list[str], li: int, ci: int) -> tuple[int, int]:
    parent = _key_column(lines[li])
    if parent == ci:  # `- |` : the item's dash sets the indentation
        parent = _indent(lines[li])
    end = (li, _content_end(lines[li], ci))
    k = li + 1
    while k < len(lines):
        line = lines[k]
        if line.strip():
            if _indent(line) <= parent:
                break
            end = (k, len(line.rstrip()))
        k += 1
    return end


_PLAIN_STOP_BLOCK = re.compile(r": | #|:$")
_PLAIN_STOP_FLOW = re.compile(r": | #|:$|[,\]\}]")


def _plain_end(lines: list[str], li: int, ci: int) -> tuple[tuple[int, int], bool]:
    """The end of a plain scalar, and whether it is a key (followed by `:`)."""
    line = lines[li]
    flow = in_flow(line, ci)
    stop = (_PLAIN_STOP_FLOW if flow else _PLAIN_STOP_BLOCK).search(line, ci + 1)
    end = stop.start() if stop else len(line)
    is_key = stop is not None and line[stop.start()] == ":"
    end_at = (li, len(line[:end].rstrip()))
    if flow or is_key or (stop is not None and line.startswith(" #", stop.start())):
        return end_at, is_key
    # A plain scalar may run on over lines indented deeper than its key.
    parent = _key_column(line)
    if parent == ci:
        parent = _indent(line)
    k = li + 1
    while k < len(lines):
        nxt = lines[k]
        if not nxt.strip():
            k += 1
            continue
        if _indent(nxt) <= parent or nxt.lstrip().startswith("#"):
            break
        cut = _PLAIN_STOP_BLOCK.search(nxt)
        if cut is not None and nxt[cut.start()] == ":":
            break  # a key: the scalar ended before it (the loader has said whether it may)
        end_at = (k, _content_end(nxt, 0))
        if cut is not None:
            break
        k += 1
    return end_at, False


def token_span(lines: list[str], line: int, col: int) -> Span:
    """The extent of the scalar, key or flow collection starting at (line, col).

    A key gives just the key; a block mapping or list (which starts with a key or
    a `-`) gives its first line. A position past the text is clamped to its end.
    """
    if not lines:
        return Span(0, 0, 0, 0)
    if line >= len(lines):
        last = len(lines) - 1
        return Span(last, len(lines[last]), last, len(lines[last]))
    text = lines[line]
    col = min(max(col, 0), len(text))
    if col >= len(text):
        return Span(line, col, line, col)
    ch = text[col]
    if ch in "\"'":
        end = _quoted_end(lines, line, col)
    elif ch in "[{":
        end = _flow_end(lines, line, col)
    elif ch in "|>":
        end = _block_scalar_end(lines, line, col)
    elif ch == "-" and text[col + 1 : col + 2] in ("", " "):
        end = (line, _content_end(text, col))
    else:
        end, _is_key = _plain_end(lines, line, col)
    return Span(line, col, end[0], end[1])


def inner(lines: list[str], span: Span) -> Span:
    """The span without its quotes, if it is a quoted scalar on one line."""
    if span.start_line != span.end_line:
        return span
    text = lines[span.start_line][span.start_col : span.end_col]
    if len(text) >= 2 and text[0] in "\"'" and text[-1] == text[0]:
        return Span(span.start_line, span.start_col + 1, span.end_line, span.end_col - 1)
    return span


def key_before(lines: list[str], line: int, col: int) -> Span | None:
    """The key whose value starts at (line, col): `crane` for the `{name: ...}` of
    `crane: {name: ...}`, or for a block mapping the key on the line above it."""
    if line >= len(lines):
        return None
    before = lines[line][:col].rstrip()
    if before.endswith(":") and before[:-1].strip():
        head = before[:-1].rstrip()
        start = max(head.rfind(c) for c in " {,") + 1
        return inner(lines, Span(line, start, line, len(head)))
    if before.strip():
        return None
    k = line - 1
    while k >= 0 and _is_blank_or_comment(lines[k]):
        k -= 1
    if k < 0:
        return None
    above = lines[k]
    start = _key_column(above)
    if start >= col:
        return None
    key_end, is_key = (
        _plain_end(lines, k, start)
        if above[start : start + 1] not in "\"'"
        else (
            _quoted_end(lines, k, start),
            True,
        )
    )
    if not is_key and above[start : start + 1] not in "\"'":
        return None
    return inner(lines, Span(k, start, key_end[0], key_end[1]))


_REF_KEY = re.compile(r"""(["']?)ref\1[ \t]*:(?:[ \t]+|$)""")
_FLOW_REF_KEY = re.compile(r"""[{,][ \t]*(["']?)ref\1[ \t]*:[ \t]*""")


def ref_value_span(lines: list[str], line: int, col: int) -> Span | None:
    """The value of the `ref` key in the list item (a mapping) starting at (line, col)."""
    if line >= len(lines):
        return None
    text = lines[line]
    if text[col : col + 1] == "{":
        found = _FLOW_REF_KEY.search(text, col)
        if found is None:
            return None
        return token_span(lines, line, found.end())
    k = line
    while k < len(lines):
        current = lines[k]
        if k > line:
            if _is_blank_or_comment(current):
                k += 1
                continue
            if _indent(current) < col:
                return None
            if _indent(current) > col:
                k += 1
                continue
        found = _REF_KEY.match(current, col)
        if found is not None:
            at = found.end()
            if at >= len(current.rstrip()):
                return Span(k, at, k, at)  # `ref:` with nothing yet
            return token_span(lines, k, at)
        k += 1
    return None


def block_end(lines: list[str], line: int, col: int, *, siblings_at_col: bool) -> tuple[int, int]:
    """Where the block that starts at (line, col) ends: before the next line indented
    less than `col` (or no deeper than `col`, when `siblings_at_col`: a mapping's keys)."""
    end = (line, _content_end(lines[line], col)) if line < len(lines) else (line, col)
    k = line + 1
    while k < len(lines):
        current = lines[k]
        if not _is_blank_or_comment(current):
            ind = _indent(current)
            if ind < col or (siblings_at_col and ind <= col):
                break
            end = (k, _content_end(current, 0))
        k += 1
    return end
