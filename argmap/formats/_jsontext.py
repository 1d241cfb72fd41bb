"""JSON reading that remembers where each object starts, for positioned messages."""

from __future__ import annotations

import bisect
import json
import json.decoder
import json.scanner
import re
from typing import Any

from argmap.errors import FormatError, Position


class JsonObject(dict[str, Any]):
    """A JSON object that knows the line and column of its `{`."""

    line = 1
    column = 1


MAX_DIGITS = 4000
"""Longer numbers are refused: Python will not convert more than 4,300 digits to an int."""


class _Refused(Exception):
    """Raised inside the decoder; load_json turns it into a positioned FormatError."""

    def __init__(self, message: str, index: int) -> None:
        super().__init__(message)
        self.message = message
        self.index = index


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


class _Decoder(json.JSONDecoder):
    def __init__(self, text: str) -> None:
        super().__init__(
            object_pairs_hook=JsonObject, parse_int=_number(int), parse_float=_number(float)
        )
        self.newlines = [m.start() for m in re.finditer("\n", text)]

        def parse_object(s_and_end: tuple[str, int], *args: Any) -> tuple[Any, int]:
            s, end = s_and_end
            pairs: list[tuple[str, Any]] = []

            def keep(items: list[tuple[str, Any]]) -> JsonObject:
                pairs.extend(items)
                return JsonObject(items)

            obj, new_end = json.decoder.JSONObject(  # type: ignore[attr-defined]
                s_and_end, *args[:3], keep, *args[4:]
            )
            start = end - 1  # index of the `{`
            if len(obj) != len(pairs):
                seen: set[str] = set()
                twice = ""
                for key, _value in pairs:
                    if key in seen:
                        twice = key
                        break
                    seen.add(key)
                raise _Refused(
                    f"key {twice!r} is written twice in one object; JSON readers would keep"
                    " only one",
                    start,
                )
            obj.line, obj.column = self.line_column(start)
            return obj, new_end

        self.parse_object = parse_object
        # The pure-Python scanner calls self.parse_object; the C one would not.
        self.scan_once = json.scanner.py_make_scanner(self)  # type: ignore[attr-defined]

    def line_column(self, index: int) -> tuple[int, int]:
        """1-based line and column of a character of the text."""
        before = bisect.bisect_left(self.newlines, index)  # line breaks before it
        return before + 1, index - (self.newlines[before - 1] + 1 if before else 0) + 1


def load_json(text: str, path: str) -> Any:
    """The JSON value in `text`; FormatError E601 naming line and column if it is not JSON."""
    decoder = _Decoder(text)
    try:
        return decoder.decode(text)
    except _Refused as exc:
        line, column = decoder.line_column(exc.index)
        raise FormatError(
            "E601", f"not valid JSON: {exc.message}", Position(path, line, column)
        ) from None
    except _LongNumber as exc:
        # The number's first place outside a string (or the first place at all).
        found = re.search(rf"(?<![\w.\"])-?{exc.digits[:50]}", text)
        line, column = decoder.line_column(found.start() if found else 0)
        raise FormatError(
            "E601",
            f"not valid JSON: a number with {len(exc.digits.lstrip('-')):,} digits"
            f" (at most {MAX_DIGITS:,} are read)",
            Position(path, line, column),
        ) from None
    except json.JSONDecodeError as exc:
        raise FormatError(
            "E601", f"not valid JSON: {exc.msg}", Position(path, exc.lineno, exc.colno)
        ) from None
    except RecursionError:
        raise FormatError("E601", "JSON nested too deeply", Position(path, 1, 1)) from None


def where(path: str, obj: Any) -> Position:
    """The position of a JSON object read by load_json (line 1 for anything else)."""
    if isinstance(obj, JsonObject):
        return Position(path, obj.line, obj.column)
    return Position(path, 1, 1)
