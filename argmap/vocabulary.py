"""The map format's vocabulary: the rules for ids, links and dates, and how a model field is
described, written once for the loader, the validator, the schema test, the writers and diff.

`model.py` declares every field a map file can hold with `attrs.field(metadata=spec(...))`;
`file_fields(cls)` walks them. A field without a spec is derived (positions, kinds, path
ids) and never written to a map file. Adding a field to the format is a change here (its
spec on the model class) and in each foreign format that can carry it.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

# ---------------------------------------------------------------------------
# Rules, each written once. The `*_RULE` strings are regular expressions in the common
# subset of Python's `re` and ECMA-262, so the JSON Schema states the very same rule.

ID_RULE = r"[a-z0-9][a-z0-9._-]*"
"""An id: lower-case letters, digits, `.`, `_`, `-`, starting with a letter or digit."""

# What a link may not hold, besides its scheme: white space, the characters that end or
# break an attribute or a tag (`<`, `>`, `"`), a backslash (not part of any URL; Graphviz
# would read it as an escape, and browsers turn it into `/`), control characters, and the
# bidirectional overrides that make a link read other than it goes.
_URL_FORBIDDEN = r"\s<>\"\\\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
URL_RULE = r"[Hh][Tt][Tt][Pp][Ss]?://[^" + _URL_FORBIDDEN + r"]+"
"""A link: http:// or https:// and at least one character, none of them forbidden."""

DATE_RULE = r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?"
"""A date: YYYY, YYYY-MM or YYYY-MM-DD."""

IGNORE_LINES_RULE = r"[0-9]+(-[0-9]+)?"
"""A source's `ignore` entry that names lines: `3`, or `44-48`; any other entry is a text."""

ID_PATTERN = re.compile(ID_RULE + r"\Z")
IGNORE_LINES_PATTERN = re.compile(IGNORE_LINES_RULE + r"\Z")
URL_PATTERN = re.compile(URL_RULE + r"\Z")
DATE_PATTERN = re.compile(DATE_RULE + r"\Z")
_SCHEME = re.compile(r"https?://", re.IGNORECASE)
_FORBIDDEN_CHAR = re.compile(r"[" + _URL_FORBIDDEN + r"]")


def json_pattern(rule: str) -> str:
    """The rule as a JSON Schema `pattern` (which matches anywhere unless anchored)."""
    return f"^{rule}$"


def is_id(text: str) -> bool:
    return ID_PATTERN.match(text) is not None


def ignore_lines(entry: str) -> tuple[int, int] | None:
    """The first and last line an `ignore` entry names (`3`, `44-48`); None for a text."""
    if not IGNORE_LINES_PATTERN.match(entry.strip()):
        return None
    first, _, last = entry.strip().partition("-")
    return int(first), int(last or first)


def ignore_problem(entry: str) -> str | None:
    """Why an `ignore` entry cannot be used, in words that end a sentence; None if it can."""
    if not entry.strip():
        return "is empty; give lines (`3`, `44-48`) or a text"
    lines = ignore_lines(entry)
    if lines is not None and (lines[0] < 1 or lines[1] < lines[0]):
        return "names no lines: lines count from 1, and a range runs from low to high"
    return None


def is_date(text: str) -> bool:
    return DATE_PATTERN.match(text) is not None


def safe_url(url: str | None) -> str | None:
    """The link without surrounding white space if it is a plain http(s) address, else None
    (never `javascript:`, never a character that could break out of an attribute)."""
    if url is None:
        return None
    url = url.strip()
    return url if URL_PATTERN.match(url) else None


def url_problem(url: str) -> str | None:
    """Why `url` is not a link a map may hold, in words that end a sentence; None if it is."""
    stripped = url.strip()
    if URL_PATTERN.match(stripped):
        return None
    scheme = _SCHEME.match(stripped)
    if scheme is None or scheme.end() == len(stripped):
        return "is not an http(s) address; only http:// and https:// links are allowed"
    bad = _FORBIDDEN_CHAR.search(stripped)
    assert bad is not None  # the scheme matched and the rest is not empty
    char = bad[0]
    if char == "\\":
        what = "a backslash"
    elif char.isspace():
        what = "a space" if char == " " else f"white space (U+{ord(char):04X})"
    elif char in '<>"':
        what = f"{char!r}"
    else:
        what = f"the control character U+{ord(char):04X}"
    return f"holds {what}, which a link cannot; write it percent-encoded"


# ---------------------------------------------------------------------------
# Field specs.


class Type(enum.Enum):
    """What a field's value is in a map file."""

    TEXT = "text"  # one string
    FLAG = "flag"  # true or false
    NUMBER = "number"
    WORDS = "words"  # a list of strings (`tags`)
    IDS = "ids"  # an actor id or a list of them (`by`)
    CHOICE = "choice"  # one word of an enum (`kind`)
    QUOTES = "quotes"  # one quote or a list of them
    VERSION = "version"  # `argmap: 1`
    ENTRIES = "entries"  # a mapping of ids to sources or actors
    CLAIMS = "claims"  # a mapping of claim ids to claims


class Rule(enum.Enum):
    """A check on a field's value beyond its type."""

    NONEMPTY = "nonempty"  # some text besides white space
    ID = "id"  # ID_RULE
    URL = "url"  # URL_RULE
    DATE = "date"  # DATE_RULE
    UNIT = "unit"  # a number in [0, 1]
    ACTOR = "actor"  # the id of an actor of the map
    SOURCE = "source"  # the id of a source of the map


class On(enum.Enum):
    """Where a node or link field may be written."""

    ANY = "any"
    PREMISE = "premise"  # not on a claim (a claim's id is its key)
    REF = "ref"  # only on a `{ref: ID}` item


@attrs.frozen
class FieldSpec:
    """How one model field is written in a map file."""

    key: str  # the key in the map file
    type: Type
    required: bool = False
    rule: Rule | None = None
    on: On = On.ANY
    help: str = ""
    group: bool = False  # a linked group may carry it too


SPEC = "argmap"  # the metadata key of a field's FieldSpec


def spec(
    key: str,
    type: Type = Type.TEXT,
    *,
    required: bool = False,
    rule: Rule | None = None,
    on: On = On.ANY,
    help: str = "",
    group: bool = False,
) -> dict[str, FieldSpec]:
    """Field metadata that makes an attrs field part of the map format; `group`: a node
    field that a linked group may carry too."""
    return {SPEC: FieldSpec(key, type, required, rule, on, help, group)}


@attrs.frozen
class FileField:
    """A model attribute together with how the map file writes it."""

    name: str  # the attribute
    spec: FieldSpec

    @property
    def key(self) -> str:
        return self.spec.key

    @property
    def required(self) -> bool:
        return self.spec.required


_FIELDS: dict[type, tuple[FileField, ...]] = {}  # the loader asks for each node: walk once


def file_fields(cls: type) -> tuple[FileField, ...]:
    """The fields of a model class that a map file can hold, in declaration order."""
    found = _FIELDS.get(cls)
    if found is None:
        fields = attrs.fields(cls)
        found = _FIELDS[cls] = tuple(
            FileField(a.name, a.metadata[SPEC]) for a in fields if SPEC in a.metadata
        )
    return found


def file_keys(cls: type, on: On | None = None) -> tuple[str, ...]:
    """The map-file keys of a model class (those allowed `on` a kind of item, if given)."""
    return tuple(
        f.key for f in file_fields(cls) if on is None or f.spec.on is On.ANY or f.spec.on is on
    )


def group_keys(cls: type) -> tuple[str, ...]:
    """The map-file keys of a node class that a linked group may carry."""
    return tuple(f.key for f in file_fields(cls) if f.spec.group)


def plain_value(value: Any) -> Any:
    """A model value as plain data: enums by their value, tuples as lists, objects by
    their own `as_data()`."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple):
        return [plain_value(v) for v in value]
    if isinstance(value, Mapping):
        return {k: plain_value(v) for k, v in value.items()}
    as_data = getattr(value, "as_data", None)
    if as_data is not None:
        return as_data()
    return value


def as_data(obj: Any, *, keep_empty: bool = False) -> dict[str, Any]:
    """The object's map-file fields as plain data keyed as the map file writes them.

    Fields that are unset (None, an empty tuple, a false flag) are left out unless
    `keep_empty`; then every field is there, None for "not given".
    """
    data: dict[str, Any] = {}
    for f in file_fields(type(obj)):
        value = getattr(obj, f.name)
        if not keep_empty and (value is None or value == () or value == {} or value is False):
            continue
        data[f.key] = plain_value(value)
    return data


def iter_specs(*classes: type) -> Iterator[tuple[type, FileField]]:
    for cls in classes:
        for f in file_fields(cls):
            yield cls, f
