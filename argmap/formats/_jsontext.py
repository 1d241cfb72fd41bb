"""JSON reading that remembers where each object starts, for positioned messages."""

from __future__ import annotations

import bisect
import json
import re
from typing import Any

from argmap.errors import FormatError, Position


class JsonObject(dict[str, Any]):
    """A JSON object that knows the line and column of its `{`."""

    line = 1
    column = 1


MAX_DIGITS = 4000
"""Longer numbers are refused: Python will not convert more than 4,300 digits to an int."""


class _LongNumber(Exception):
    def __init__(self, digits: str) -> None:
        super().__init__(digits)
        self.digits = digits


def _number(parse: Any) -> Any:
    def checked(digits: str) -> Any:
        if len(digits) > MAX_DIGITS:
            raise _LongNumber(digits)
        return parse(digits)

    return checked


# Strings and other text up to the next brace outside a string, or to the end: one
# match per brace, so the Python loop runs once per brace rather than once per string.
# Possessive, so it never backtracks. (Used on valid JSON only: the decoder read it.)
_UP_TO_BRACE = re.compile(r'(?:"[^"\\]*+(?:\\.[^"\\]*+)*+"|[^{}"]++)*+(?:([{}])|\Z)')


class _Lines:
    """Line and column of an index in the text."""

    def __init__(self, text: str) -> None:
        self.newlines = [m.start() for m in re.finditer("\n", text)]

    def at(self, index: int) -> tuple[int, int]:
        before = bisect.bisect_left(self.newlines, index)  # line breaks before it
        return before + 1, index - (self.newlines[before - 1] + 1 if before else 0) + 1


def _object_starts(text: str) -> list[int]:
    """The index of each object's `{`, in the order the objects close (as the decoder
    builds them)."""
    starts: list[int] = []
    opened: list[int] = []
    for match in _UP_TO_BRACE.finditer(text):
        brace = match.group(1)
        if brace == "{":
            opened.append(match.start(1))
        elif brace == "}" and opened:
            starts.append(opened.pop())
    return starts


def load_json(text: str, path: str) -> Any:
    """The JSON value in `text`, each object a JsonObject that knows where it starts.

    FormatError E601 naming line and column if it is not JSON, nests too deeply, has a
    number too long to read or an object with a key twice. The C decoder reads it (the
    pure-Python one, whose hooks could see positions, is ten times slower); positions
    come from one pass over the braces, matched to the objects in the order they close.
    """
    built: list[JsonObject] = []
    twice: list[tuple[int, str]] = []

    def keep(pairs: list[tuple[str, Any]]) -> JsonObject:
        obj = JsonObject(pairs)
        if len(obj) != len(pairs) and not twice:
            seen: set[str] = set()
            for key, _value in pairs:
                if key in seen:
                    twice.append((len(built), key))
                    break
                seen.add(key)
        built.append(obj)
        return obj

    decoder = json.JSONDecoder(
        object_pairs_hook=keep, parse_int=_number(int), parse_float=_number(float)
    )
    lines = _Lines(text)
    try:
        value = decoder.decode(text)
    except _LongNumber as exc:
        # The number's first place outside a string: the whole number, so that a shorter
        # one it starts with is not taken for it.
        found = re.search(rf"(?<![\w.\"]){re.escape(exc.digits)}(?![\w.])", text)
        line, column = lines.at(found.start() if found else 0)
        raise FormatError(
            "E601",
            f"not valid JSON: a number with {sum(c.isdigit() for c in exc.digits):,} digits"
            f" (at most {MAX_DIGITS:,} are read)",
            Position(path, line, column),
        ) from None
    except json.JSONDecodeError as exc:
        raise FormatError(
            "E601", f"not valid JSON: {exc.msg}", Position(path, exc.lineno, exc.colno)
        ) from None
    except RecursionError:
        raise FormatError("E601", "JSON nested too deeply", Position(path, 1, 1)) from None
    starts = _object_starts(text)
    if twice:
        ordinal, key = twice[0]
        line, column = lines.at(starts[ordinal])
        raise FormatError(
            "E601",
            f"not valid JSON: key {key!r} is written twice in one object; JSON readers would"
            " keep only one",
            Position(path, line, column),
        )
    for obj, start in zip(built, starts, strict=True):
        obj.line, obj.column = lines.at(start)
    return value


def where(path: str, obj: Any) -> Position:
    """The position of a JSON object read by load_json (line 1 for anything else)."""
    if isinstance(obj, JsonObject):
        return Position(path, obj.line, obj.column)
    return Position(path, 1, 1)


_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def dump_json(data: dict[str, Any], indent: int | None = None) -> str:
    """`data` as JSON text: pretty-printed with `indent`, else compact with each object of
    a top-level list on a line of its own (small, yet line numbers still point somewhere)."""
    if indent is not None:
        return json.dumps(data, indent=indent, ensure_ascii=False) + "\n"

    compact = _COMPACT.encode  # one encoder for every item: json.dumps would make one each

    fields = []
    for key, value in data.items():
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            items = ",\n".join(compact(item) for item in value)
            fields.append(f"{compact(key)}:[\n{items}\n]")
        else:
            fields.append(f"{compact(key)}:{compact(value)}")
    return "{" + ",".join(fields) + "}\n"
