"""JSON reading that remembers where each object starts, for positioned messages."""

from __future__ import annotations

import bisect
import json
import json.decoder
import json.scanner
from typing import Any

from argmap.errors import FormatError, Position


class JsonObject(dict[str, Any]):
    """A JSON object that knows the line and column of its `{`."""

    line = 1
    column = 1


class _Decoder(json.JSONDecoder):
    def __init__(self, text: str) -> None:
        super().__init__(object_pairs_hook=JsonObject)
        newlines = [i for i, ch in enumerate(text) if ch == "\n"]

        def parse_object(s_and_end: tuple[str, int], *args: Any) -> tuple[Any, int]:
            s, end = s_and_end
            obj, new_end = json.decoder.JSONObject(s_and_end, *args)  # type: ignore[attr-defined]
            start = end - 1  # index of the `{`
            before = bisect.bisect_left(newlines, start)  # line breaks before the `{`
            obj.line = before + 1
            obj.column = start - (newlines[before - 1] + 1 if before else 0) + 1
            return obj, new_end

        self.parse_object = parse_object
        # The pure-Python scanner calls self.parse_object; the C one would not.
        self.scan_once = json.scanner.py_make_scanner(self)  # type: ignore[attr-defined]


def load_json(text: str, path: str) -> Any:
    """The JSON value in `text`; FormatError E601 naming line and column if it is not JSON."""
    try:
        return _Decoder(text).decode(text)
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
