"""YAML map files -> `ArgumentMap`, keeping the line and column of every node and field.

We read PyYAML's event stream (libyaml's C parser when present) and compose
the tree ourselves, iteratively, instead of calling `yaml.compose`/`yaml.load`:
- no recursion, so a hostile nesting depth is refused instead of crashing
  the C composer (it segfaults near 100,000 levels);
- anchors, aliases, tags, duplicate keys and extra documents are seen as
  events, with their positions, and refused;
- nothing is ever constructed from a tag, so `!!python/...` cannot execute;
- it is several times faster than PyYAML's composer (no Mark objects).

Scalars are kept as text; each field decides what type it wants, so
`date: 2011` and `text: yes` mean what the author wrote.
"""

from __future__ import annotations

import difflib
import functools
import os
import re
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

import attrs
import yaml
from yaml.parser import Parser as _PyParser
from yaml.reader import Reader
from yaml.scanner import Scanner

from argmap.errors import Diagnostic, MapLoadError, NotAMapError, Position, error, warning
from argmap.files import ReadError, read_regular_file
from argmap.gcpause import gc_paused
from argmap.model import (
    FORMAT_VERSION,
    Actor,
    ActorKind,
    ArgumentMap,
    Link,
    LinkKind,
    Node,
    NodeKind,
    Quote,
    Source,
    group_text,
)
from argmap.vocabulary import On, Type, file_fields, file_keys, group_keys, ignore_problem

try:  # libyaml's parser: the same events, several times faster
    from yaml._yaml import CParser as _CParser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    _CParser = None  # type: ignore[assignment,misc]


class _PureParser(Reader, Scanner, _PyParser):
    """PyYAML's pure-Python event parser, for installs without libyaml."""

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        _PyParser.__init__(self)


def _event_parser(text: str, pure: bool) -> Any:
    return _PureParser(text) if pure or _CParser is None else _CParser(text)


MAX_FILE_BYTES = 32 * 1024 * 1024
"""Larger files are refused (E003): about 200,000 nodes of ordinary text."""

MAX_DEPTH = 256
"""Deepest YAML nesting accepted (E008). A premise nests two levels below its
parent (the list and the item), so this allows argument chains ~120 deep."""

TYPED_TAGS = frozenset("tag:yaml.org,2002:" + t for t in ("int", "float", "bool", "null"))
ALLOWED_TAGS = frozenset(
    "tag:yaml.org,2002:" + t for t in ("str", "int", "float", "bool", "null", "map", "seq")
)

# ---------------------------------------------------------------------------
# The composed tree: plain, slotted, positioned.


class YNode:
    __slots__ = ("kind", "value", "line", "column", "plain")

    def __init__(self, kind: str, value: Any, line: int, column: int, plain: bool) -> None:
        self.kind = kind  # "map", "seq" or "scalar"
        # map: dict[str, tuple[YNode key, YNode value]]; seq: list[YNode]; scalar: str
        self.value = value
        self.line = line  # 1-based
        self.column = column  # 1-based
        self.plain = plain  # scalar written without quotes (so `null`, `1` mean what YAML says)


_EMPTY_FILE = "the file is empty: a map needs `argmap: 1`, a title and claims"
_KIND_WORDS = {"map": "a mapping", "seq": "a list", "scalar": "a single value"}


class _Collector:
    """Diagnostics found while loading one file."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.diagnostics: list[Diagnostic] = []
        self.warnings: list[Diagnostic] = []  # found while loading; validate reports them
        self.not_a_map = False  # YAML of another kind: a list, or no `argmap` nor `claims`

    def pos(self, node: YNode) -> Position:
        return Position(self.path, node.line, node.column)

    def at(self, line: int, column: int) -> Position:
        return Position(self.path, line, column)

    def add(self, code: str, message: str, position: Position) -> None:
        self.diagnostics.append(error(code, message, position))

    def fail(self) -> MapLoadError:
        kind = NotAMapError if self.not_a_map else MapLoadError
        return kind(sorted(self.diagnostics, key=Diagnostic.sort_key))


def _mark_position(out: _Collector, mark: Any) -> Position:
    if mark is None:
        return Position(out.path, 1, 1)
    return out.at(mark.line + 1, mark.column + 1)


def _within(text: str, at: Position) -> Position:
    """The position, or the end of the text if it lies past it: at the end of a file with
    no final newline libyaml points at a line that does not exist."""
    last = text.count("\n") + 1
    if at.line <= last:
        return at
    return at._replace(line=last, column=len(text) - (text.rfind("\n") + 1) + 1)


def _is_tab_at(text: str, mark: Any) -> bool:
    if mark is None:
        return False
    lines = text.splitlines()
    line = lines[mark.line] if mark.line < len(lines) else ""
    return line[mark.column : mark.column + 1] == "\t"


def _compose(text: str, out: _Collector, pure: bool = False, *, prose: bool = True) -> YNode | None:
    """The single document as a YNode tree; records an error and returns None on failure."""
    ev_scalar = yaml.ScalarEvent
    ev_map_start = yaml.MappingStartEvent
    ev_seq_start = yaml.SequenceStartEvent
    ev_end = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    ev_alias = yaml.AliasEvent
    ev_doc_start = yaml.DocumentStartEvent
    allowed = ALLOWED_TAGS
    root: YNode | None = None
    # Each open collection, and for a mapping the key waiting for its value.
    stack: list[YNode] = []
    pending_key: list[YNode | None] = []
    # The key each open collection stands under (None for a list item or the root).
    names: list[str | None] = []
    flow = 0  # open flow collections (`[...]`, `{...}`): their syntax errors are not prose
    flows: list[bool] = []  # for each open collection: is it a flow one
    # `prose`: a map file, whose text fields YAML can cut or break (W207, E004 messages).
    hash_lines = _lines_with_hash(text) if prose else {}
    last_value: Any = None  # the last scalar event that was a value: see _syntax_error
    documents = 0
    try:
        parser = _event_parser(text, pure)  # the pure reader refuses control characters here
        while True:
            event: Any = parser.get_event()
            if event is None:
                break
            cls = event.__class__
            if cls is ev_scalar or cls is ev_map_start or cls is ev_seq_start:
                mark = event.start_mark
                if event.anchor is not None:
                    out.add(
                        "E006",
                        f"YAML anchors are not allowed (&{event.anchor}): write the content out,"
                        " or use `ref` to reuse a node",
                        out.at(mark.line + 1, mark.column + 1),
                    )
                    return None
                tag = event.tag
                if tag is not None and tag != "!" and tag not in allowed:
                    out.add(
                        "E007",
                        f"YAML tag {tag!r} is not allowed: maps hold plain text, numbers and lists",
                        out.at(mark.line + 1, mark.column + 1),
                    )
                    return None
                if cls is ev_scalar:
                    node = YNode(
                        "scalar",
                        event.value,
                        mark.line + 1,
                        mark.column + 1,
                        # libyaml says '' for plain, PyYAML None; `!!float 0.5` is plain too
                        (not event.style and tag is None) or tag in TYPED_TAGS,
                    )
                elif cls is ev_map_start:
                    node = YNode("map", {}, mark.line + 1, mark.column + 1, False)
                else:
                    node = YNode("seq", [], mark.line + 1, mark.column + 1, False)
                name: str | None = None
                if stack:
                    parent = stack[-1]
                    if parent.kind == "seq":
                        parent.value.append(node)
                        if cls is ev_scalar:
                            last_value = None if flow else event
                            if (  # a list of premises: `- text # …`
                                node.plain
                                and event.end_mark.line in hash_lines
                                and names[-1] in _PREMISE_LISTS
                            ):
                                _cut_at_hash(text, hash_lines, event, "premise", out)
                    else:
                        key = pending_key[-1]
                        if key is None:
                            if node.kind != "scalar":
                                out.add("E012", "mapping keys must be plain words", out.pos(node))
                                return None
                            if node.value in parent.value:
                                first = parent.value[node.value][0]
                                out.add(
                                    "E011",
                                    f"duplicate key {node.value!r} (first at line {first.line});"
                                    " YAML would silently keep only the last",
                                    out.pos(node),
                                )
                                return None
                            pending_key[-1] = node
                        else:
                            parent.value[key.value] = (key, node)
                            pending_key[-1] = None
                            name = key.value
                            if cls is ev_scalar:
                                last_value = None if flow else event
                                if node.plain and event.end_mark.line in hash_lines:
                                    field = "claim" if names[-1] == "claims" else name
                                    if field in _PROSE_FIELDS:
                                        _cut_at_hash(text, hash_lines, event, field, out)
                else:
                    root = node
                if node.kind != "scalar":
                    stack.append(node)
                    pending_key.append(None)
                    names.append(name)
                    flows.append(bool(event.flow_style))
                    flow += flows[-1]
                    if len(stack) > MAX_DEPTH:
                        out.add(
                            "E008",
                            f"nesting deeper than {MAX_DEPTH} levels",
                            out.pos(node),
                        )
                        return None
            elif cls in ev_end:
                stack.pop()
                pending_key.pop()
                names.pop()
                flow -= flows.pop()
            elif cls is ev_alias:
                out.add(
                    "E006",
                    f"YAML aliases are not allowed (*{event.anchor}): use `ref` to reuse a node",
                    _mark_position(out, event.start_mark),
                )
                return None
            elif cls is ev_doc_start:
                documents += 1
                if documents > 1:
                    out.add(
                        "E005",
                        "more than one YAML document (`---`): put one map in each file",
                        _mark_position(out, event.start_mark),
                    )
                    return None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        if "nesting depth" in problem:  # libyaml's own bound, reached in flow style
            out.add("E008", f"nesting deeper than {MAX_DEPTH} levels", _mark_position(out, mark))
        elif _is_tab_at(text, mark):
            problem = "a tab here; YAML indents with spaces only"
            out.add("E004", f"YAML syntax error: {problem}", _mark_position(out, mark))
        else:
            where = _within(text, _mark_position(out, mark))
            scalar = _prose_before(last_value, exc.problem_mark) if prose else None
            if scalar is not None:
                message, where = _unquoted_prose(problem, where, scalar, out)
                out.add("E004", message, where)
            else:
                out.add("E004", f"YAML syntax error: {problem}", where)
        return None
    except yaml.reader.ReaderError as exc:
        out.add(*_unreadable_character(text, exc, out))
        return None
    except yaml.YAMLError as exc:
        out.add("E004", f"YAML syntax error: {exc}", Position(out.path, 1, 1))
        return None
    return root


# ---------------------------------------------------------------------------
# Messages about prose the YAML syntax took apart.

# Fields that hold prose: an unquoted ` #` in them starts a comment and cuts the text.
_PROSE_FIELDS = frozenset({"text", "note", "title", "description", "claim"})
_PREMISE_LISTS = frozenset({"pro", "con", "undercut"})
_HASH_AFTER_SPACE = re.compile(r"[ \t]#")
_COMMENT_AFTER = re.compile(r"[ \t]+#")
# `text  # why`: two blanks before the `#` and one after is how a comment is written on
# purpose (the starter map does it); prose cut at `#` reads `the #1 issue`.
_DELIBERATE_COMMENT = re.compile(r"[ \t]{2,}#(?:[ \t]|\Z)")


def _lines_with_hash(text: str) -> dict[int, int]:
    """0-based line -> offset of its start, for each line where ` #` could start a comment.

    One pass over the text; the (rare) lines found are the only ones looked at again.
    """
    lines: dict[int, int] = {}
    line, at = 0, 0
    for match in _HASH_AFTER_SPACE.finditer(text):
        line += text.count("\n", at, match.start())
        at = match.start()
        if line not in lines:
            lines[line] = text.rfind("\n", 0, at) + 1
    return lines


def _cut_at_hash(
    text: str, hash_lines: dict[int, int], event: Any, field: str, out: _Collector
) -> None:
    """W207 if a comment follows this plain scalar on its last line: YAML cut the text there."""
    end = event.end_mark
    start = hash_lines[end.line]
    stop = text.find("\n", start)
    rest = text[start : len(text) if stop < 0 else stop][end.column :]
    found = _COMMENT_AFTER.match(rest)
    if found is None or _DELIBERATE_COMMENT.match(rest):
        return
    cut = rest[found.end() - 1 :].rstrip()
    shown = cut if len(cut) <= 40 else cut[:37] + "..."
    what = {"claim": "the claim's text", "premise": "the premise's text"}.get(field, f"`{field}`")
    out.warnings.append(
        warning(
            "W207",
            f"{what} is cut at ` #`: YAML reads {shown!r} as a comment; put the whole"
            " text in double quotes to keep it (or move the comment to its own line)",
            out.at(end.line + 1, end.column + found.end()),
        )
    )


def _prose_before(last_value: Any, problem: Any) -> Any:
    """The value scalar a syntax error follows on its own last line, if any: the error then
    comes from prose that needed quotes (`: ` in plain text, an apostrophe in '…')."""
    if last_value is None or problem is None or problem.line != last_value.end_mark.line:
        return None
    return last_value


def _unquoted_prose(
    problem: str, where: Position, scalar: Any, out: _Collector
) -> tuple[str, Position]:
    """The E004 message for a syntax error inside prose, at the line where the prose began."""
    began = _mark_position(out, scalar.start_mark)
    at = f"line {where.line}, column {where.column}"
    closing = f"line {scalar.end_mark.line + 1}, column {scalar.end_mark.column}"
    style = scalar.style
    if style == "'":
        fix = (
            f"the text in single quotes that begins here ends at the apostrophe at {closing};"
            " write an apostrophe inside it as '' (two), or put the text in double quotes"
        )
    elif style == '"':
        fix = (
            f"the text in double quotes that begins here ends at the quote at {closing};"
            ' write a quote inside it as \\", or put the text in single quotes'
        )
    else:
        fix = (
            f"the unquoted text that begins here goes wrong at {at}: text with"
            " `: ` or ` #` in it, or starting with a quote, must be quoted; put it in double quotes"
        )
        if where.line > began.line:  # or the next line was meant as a field of its own
            fix += f" (or, if line {where.line} starts a new field, indent it as the field above)"
    return f"YAML syntax error: {fix}", began


def _unreadable_character(
    text: str, exc: yaml.reader.ReaderError, out: _Collector
) -> tuple[str, str, Position]:
    """E002 for a character YAML refuses (a NUL, a control character), at its real place."""
    at = min(max(exc.position, 0), len(text))
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    char = exc.character if isinstance(exc.character, str) else chr(exc.character)
    code = f"U+{ord(char):04X}"
    if char == "\x00" and text.count("\x00") * 3 >= len(text):
        # every other byte zero: ASCII text saved as UTF-16 without a byte-order mark
        message = "the file looks like UTF-16 (NUL bytes between the letters); save it as UTF-8"
    elif char == "\x00":
        message = f"a NUL byte ({code}) is not allowed in a map; remove it"
    else:
        message = f"control character {code} is not allowed in a map; remove it"
    return "E002", message, Position(out.path, line, column)


# ---------------------------------------------------------------------------
# Scalars: YAML 1.1's plain-scalar meanings, for the fields that want them.

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"})
_FALSE = frozenset({"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"})
_INT = re.compile(r"[-+]?(0|[1-9][0-9_]*)$")
_FLOAT = re.compile(r"[-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+]?[0-9]+)?$|[-+]?[0-9]+[eE][-+]?[0-9]+$")


def _plain_number(node: YNode) -> float | None:
    """The number a plain scalar writes (`0.5`, `1_000`, `1e3`), or None if it is no number."""
    if (
        node.kind == "scalar"
        and node.plain
        and (_INT.match(node.value) or _FLOAT.match(node.value))
    ):
        try:
            return float(node.value.replace("_", ""))
        except ValueError:
            pass
    return None


def _is_format_version(node: YNode) -> bool:
    """`argmap: 1`, `"1"` or `1.0`: what the JSON Schema accepts as the version, too."""
    if node.kind != "scalar":
        return False
    return node.value == str(FORMAT_VERSION) or _plain_number(node) == FORMAT_VERSION


def _is_null(node: YNode) -> bool:
    return node.kind == "scalar" and node.plain and node.value in _NULLS


# ---------------------------------------------------------------------------
# Fields.

# The keys each kind of mapping may hold, from the model's vocabulary; the lists of
# premises (`pro`, `con`, `undercut`) are links, not fields of the node they are under.
_NODE_KEYS = file_keys(Node, On.PREMISE)  # id, text, by, implicit, quote, weight, ...
ROOT_FIELDS = file_keys(ArgumentMap)
SOURCE_FIELDS = file_keys(Source)
ACTOR_FIELDS = file_keys(Actor)
QUOTE_FIELDS = file_keys(Quote)
CLAIM_FIELDS = (*(k for k in _NODE_KEYS if k != "id"), "pro", "con")
PREMISE_FIELDS = (*_NODE_KEYS, "pro", "con", "undercut")
REF_FIELDS = (*file_keys(Link, On.REF), "undercut")
# A linked group (`{linked: [...]}` under `pro` or `con`): its premises, the node fields
# that describe the group as a whole, and the undercuts on its one link to the parent.
GROUP_FIELDS = ("linked", *group_keys(Node), "undercut")


@functools.cache
def _required(cls: type) -> tuple[str, ...]:
    return tuple(f.key for f in file_fields(cls) if f.required)


@functools.cache
def _optional_text(cls: type) -> tuple[tuple[str, str], ...]:
    """(attribute, key) of the optional plain-text fields of a model class."""
    return tuple(
        (f.name, f.key)
        for f in file_fields(cls)
        if not f.required and f.spec.type is Type.TEXT and f.spec.on is On.ANY
    )


class _Builder:
    def __init__(self, out: _Collector) -> None:
        self.out = out
        self.nodes: list[Node] = []
        self.links: list[Link] = []
        self.groups: list[int] = []  # indexes in `nodes` of the linked groups

    # -- typed field readers; each records an error and returns None on a wrong type

    def _wrong_type(self, field: str, want: str, node: YNode) -> None:
        self._wrong(f"`{field}`", want, node)

    def _wrong(self, what: str, want: str, node: YNode) -> None:
        """E114: `what` (a field in backticks, an item of one, an entry) is not `want`."""
        if _is_null(node):
            message = f"{what} is empty: it must be {want}"
        else:
            got = f"{node.value!r}" if node.kind == "scalar" else _KIND_WORDS[node.kind]
            message = f"{what} must be {want}, not {got}"
        self.out.add("E114", message, self.out.pos(node))

    def string(self, field: str, node: YNode) -> str | None:
        if node.kind != "scalar":
            self._wrong_type(field, "text", node)
            return None
        if _is_null(node):
            return ""  # empty: the validator says so for fields where it matters
        return str(node.value)

    def boolean(self, field: str, node: YNode) -> bool | None:
        if node.kind == "scalar" and node.plain:
            if node.value in _TRUE:
                return True
            if node.value in _FALSE:
                return False
        self._wrong_type(field, "true or false", node)
        return None

    def number(self, field: str, node: YNode) -> float | None:
        value = _plain_number(node)
        if value is None:
            self._wrong_type(field, "a number", node)
        elif value == 0.0:
            value = 0.0  # `-0.0` is zero: never shown as negative
        return value

    def string_list(
        self, field: str, node: YNode, *, single_ok: bool, each: str, every: str
    ) -> tuple[str, ...] | None:
        """A list of texts, each `each` (`every`: the same, in the plural); with `single_ok`,
        one text alone stands for a list of one."""
        if node.kind == "scalar" and single_ok and not _is_null(node):
            return (str(node.value),)
        if node.kind != "seq":
            want = f"{each} or a list of {every}" if single_ok else f"a list of {every}"
            self._wrong_type(field, want, node)
            return None
        items: list[str] = []
        for n, item in enumerate(node.value, start=1):
            if item.kind != "scalar" or _is_null(item):
                self._wrong(f"`{field}` item {n}", each, item)
                return None
            items.append(str(item.value))
        return tuple(items)

    def fields(
        self, what: str, node: YNode, allowed: tuple[str, ...], required: tuple[str, ...]
    ) -> dict[str, YNode] | None:
        """The mapping's values by field name, after refusing unknown fields and missing ones."""
        if node.kind != "map":
            self._wrong(what, "a mapping", node)  # `what` names an entry, not a field
            return None
        values: dict[str, YNode] = {}
        ok = True
        for name, (key, value) in node.value.items():
            if name in allowed:
                values[name] = value
                continue
            ok = False
            if name == "<<":
                message = "YAML merge keys (`<<:`) are not supported: write the fields out"
                self.out.add("E113", message, self.out.pos(key))
                continue
            hint = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
            suggestion = (
                f"; did you mean {hint[0]}?" if hint else f" (allowed: {', '.join(allowed)})"
            )
            self.out.add("E113", f"unknown field {name!r} in {what}{suggestion}", self.out.pos(key))
        for name in required:
            if name not in values:
                ok = False
                self.out.add("E115", f"{what} needs `{name}`", self.out.pos(node))
        return values if ok else None

    def optional_text(self, cls: type, values: dict[str, YNode]) -> dict[str, str | None]:
        """The optional text fields of a `cls` that the mapping gives, by attribute."""
        return {
            name: self.string(key, values[key])
            for name, key in _optional_text(cls)
            if key in values
        }

    def field_positions(self, values: dict[str, YNode]) -> dict[str, Position]:
        path = self.out.path
        return {k: Position(path, v.line, v.column) for k, v in values.items()}

    # -- the document

    def build(self, root: YNode) -> ArgumentMap | None:
        out = self.out
        if _is_null(root):  # a file of only `---` or comments
            out.add("E009", _EMPTY_FILE, out.at(1, 1))
            return None
        if root.kind != "map":
            out.not_a_map = root.kind == "seq"
            out.add(
                "E009", "a map file must be a mapping with `argmap: 1` at the top", out.pos(root)
            )
            return None
        version = root.value.get("argmap")
        if version is None:
            out.not_a_map = "claims" not in root.value
            out.add("E010", "not an argmap file: `argmap: 1` is missing", out.pos(root))
            return None
        vnode = version[1]
        if not _is_format_version(vnode):
            shown = repr(vnode.value) if vnode.kind == "scalar" else _KIND_WORDS[vnode.kind]
            out.add(
                "E010",
                f"unsupported format version {shown}: this argmap reads version {FORMAT_VERSION}",
                out.pos(vnode),
            )
            return None
        values = self.fields("the map", root, ROOT_FIELDS, _required(ArgumentMap))
        if values is None:
            return None
        title = self.string("title", values["title"]) or ""
        description = (
            self.string("description", values["description"]) if "description" in values else None
        )
        allow_cycles = False
        if "allow-cycles" in values:
            allow_cycles = bool(self.boolean("allow-cycles", values["allow-cycles"]))
        sources = self.named_entries("sources", values.get("sources"), self.source)
        actors = self.named_entries("actors", values.get("actors"), self.actor)
        claims_node = values["claims"]
        claim_ids: list[str] = []
        if claims_node.kind != "map" or not claims_node.value:
            if claims_node.kind == "map" or _is_null(claims_node):
                out.add(
                    "E116", "a map needs at least one claim under `claims`", out.pos(claims_node)
                )
            else:
                self._wrong_type("claims", "a mapping of claim ids to claims", claims_node)
        else:
            for cid, (key, cnode) in claims_node.value.items():
                claim_ids.append(cid)
                self.claim(cid, key, cnode)
        if out.diagnostics:
            return None
        derive_group_texts(self.nodes, self.links, self.groups)
        return ArgumentMap(
            path=out.path,
            title=title,
            position=out.pos(root),
            description=description,
            allow_cycles=allow_cycles,
            sources=sources,
            actors=actors,
            nodes=tuple(self.nodes),
            links=tuple(self.links),
            claims=tuple(claim_ids),
            field_positions=self.field_positions(values),
            load_warnings=tuple(out.warnings),
        )

    def named_entries(
        self, field: str, node: YNode | None, make: Callable[[str, YNode], Any]
    ) -> dict[str, Any]:
        if node is None or _is_null(node):
            return {}
        if node.kind != "map":
            self._wrong_type(field, "a mapping of ids to entries", node)
            return {}
        entries = {}
        for name, (_key, value) in node.value.items():
            entry = make(name, value)
            if entry is not None:
                entries[name] = entry
        return entries

    def source(self, sid: str, node: YNode) -> Source | None:
        values = self.fields(f"source {sid!r}", node, SOURCE_FIELDS, _required(Source))
        if values is None:
            return None
        ignore: tuple[str, ...] = ()
        if "ignore" in values:
            ignore = (
                self.string_list(
                    "ignore",
                    values["ignore"],
                    single_ok=False,
                    each="lines (`3`, `44-48`) or a text",
                    every="lines or texts",
                )
                or ()
            )
            for item, entry in zip(values["ignore"].value, ignore, strict=False):
                problem = ignore_problem(entry)
                if problem:
                    self.out.add("E117", f"ignore entry {entry!r} {problem}", self.out.pos(item))
        return Source(
            id=sid,
            title=self.string("title", values["title"]) or "",
            position=self.out.pos(node),
            field_positions=self.field_positions(values),
            ignore=ignore,
            **self.optional_text(Source, values),
        )

    def actor(self, aid: str, node: YNode) -> Actor | None:
        values = self.fields(f"actor {aid!r}", node, ACTOR_FIELDS, _required(Actor))
        if values is None:
            return None
        kind = None
        if "kind" in values:
            word = self.string("kind", values["kind"])
            if word is None:  # not text: E114 has said so
                return None
            try:
                kind = ActorKind(word)
            except ValueError:
                kinds = ", ".join(k.value for k in ActorKind)
                self.out.add(
                    "E117",
                    f"actor kind {word!r} is not one of: {kinds}",
                    self.out.pos(values["kind"]),
                )
                return None
        return Actor(
            id=aid,
            name=self.string("name", values["name"]) or "",
            position=self.out.pos(node),
            kind=kind,
            field_positions=self.field_positions(values),
            **self.optional_text(Actor, values),
        )

    def quotes(self, node: YNode) -> tuple[Quote, ...]:
        items = node.value if node.kind == "seq" else [node]
        found = []
        for item in items:
            values = self.fields("quote", item, QUOTE_FIELDS, _required(Quote))
            if values is None:
                continue
            found.append(
                Quote(
                    source=self.string("source", values["source"]) or "",
                    text=self.string("text", values["text"]) or "",
                    position=self.out.pos(values["text"]),
                    field_positions=self.field_positions(values),
                    **self.optional_text(Quote, values),
                )
            )
        return tuple(found)

    def claim(self, cid: str, key: YNode, node: YNode) -> None:
        if node.kind == "scalar" and not _is_null(node):
            self.nodes.append(Node(cid, NodeKind.CLAIM, str(node.value), self.out.pos(key), True))
            return
        if node.kind == "map" and "id" in node.value:
            self.out.add(
                "E113",
                f"a claim's id is its key ({cid!r}): remove `id`",
                self.out.pos(node.value["id"][0]),
            )
            return
        if node.kind == "map" and "undercut" in node.value:
            self.out.add(
                "E105",
                "`undercut` attacks the link from a premise to its parent; a top-level claim has"
                " no parent (use `con` to attack the claim)",
                self.out.pos(node.value["undercut"][0]),
            )
            return
        values = self.fields(f"claim {cid!r}", node, CLAIM_FIELDS, _required(Node))
        if values is None:
            return
        self.node_from(cid, NodeKind.CLAIM, True, self.out.pos(key), values)

    def node_from(
        self,
        nid: str,
        kind: NodeKind,
        explicit: bool,
        position: Position,
        values: dict[str, YNode],
        link_id: str | None = None,
    ) -> None:
        """The node, then the premises written under it; `link_id`: the link it hangs on."""
        text = self.string("text", values["text"]) or ""
        implicit = (
            bool(self.boolean("implicit", values["implicit"])) if "implicit" in values else False
        )
        self.nodes.append(
            Node(
                id=nid,
                kind=kind,
                text=text,
                position=position,
                explicit_id=explicit,
                implicit=implicit,
                quotes=self.quotes(values["quote"]) if "quote" in values else (),
                **self.shared_node_fields(values),
            )
        )
        # Lists in the order the file gives them, so that nodes and links keep file order.
        for name, value in values.items():
            if name == "pro" or name == "con":
                self.items(value, LinkKind(name), owner=nid)
            elif name == "undercut" and link_id is not None:
                self.items(value, LinkKind.UNDERCUT, owner=link_id)

    def shared_node_fields(self, values: dict[str, YNode]) -> dict[str, Any]:
        """The fields premises and linked groups both read: by, tags, weight, note,
        url, with their positions."""
        found: dict[str, Any] = self.optional_text(Node, values)
        if "by" in values:
            found["by"] = (
                self.string_list(
                    "by", values["by"], single_ok=True, each="an actor id", every="actor ids"
                )
                or ()
            )
        if "tags" in values:
            found["tags"] = (
                self.string_list(
                    "tags", values["tags"], single_ok=False, each="a tag", every="tags"
                )
                or ()
            )
        if "weight" in values:
            found["weight"] = self.number("weight", values["weight"])
        positions = self.field_positions(values)
        if "by" in values and values["by"].kind == "seq":  # `by.2`: an unknown actor's own place
            for n, item in enumerate(values["by"].value):
                positions[f"by.{n}"] = self.out.pos(item)
        found["field_positions"] = positions
        return found

    def group(self, item: YNode, kind: LinkKind, target: str, link_id: str) -> None:
        """A linked group: its node, the link from it to its parent, a LINKED link from
        each of its premises, and the undercuts on the group's link."""
        out = self.out
        refused = [key for name, (key, _v) in item.value.items() if name not in GROUP_FIELDS]
        for key in refused:
            name = key.value
            if name in ("pro", "con"):
                why = "support or attack one of its premises instead"
            else:
                why = "its words are its premises'; write it on a premise under `linked`"
            out.add(
                "E120",
                f"a linked group cannot carry `{name}`: {why}"
                f" (a group may carry {', '.join(GROUP_FIELDS)})",
                out.pos(key),
            )
        if refused:
            return
        values = self.fields("a linked group", item, GROUP_FIELDS, ("linked",))
        if values is None:
            return
        gid = link_id
        explicit = "id" in values
        if explicit:
            given = self.string("id", values["id"])
            gid = link_id if given is None else given
        premises = values["linked"]
        if _is_null(premises) or (premises.kind == "seq" and not premises.value):
            out.add(
                "E121",
                "a linked group needs its premises under `linked` (two or more)",
                out.pos(premises),
            )
            return
        if premises.kind != "seq":
            self._wrong_type("linked", "a list of premises", premises)
            return
        pos = out.pos(item)
        self.links.append(Link(link_id, kind, gid, target, pos))
        # Its text is derived once every node is read (a premise may be a ref to one below).
        self.nodes.append(
            Node(
                id=gid,
                kind=NodeKind.GROUP,
                text="",
                position=pos,
                explicit_id=explicit,
                **self.shared_node_fields(values),
            )
        )
        self.groups.append(len(self.nodes) - 1)
        for name, value in values.items():
            if name == "linked":
                self.items(value, LinkKind.LINKED, owner=gid)
            elif name == "undercut":
                self.items(value, LinkKind.UNDERCUT, owner=link_id)

    def items(self, node: YNode, kind: LinkKind, owner: str) -> None:
        """The premises (or refs) of one `pro`, `con` or `undercut` list."""
        if _is_null(node):
            return
        if node.kind != "seq":
            self._wrong_type(kind.value, "a list of premises", node)
            return
        for n, item in enumerate(node.value, start=1):
            link_id = f"{owner}.{kind.value}.{n}"
            self.item(item, kind, owner, link_id)

    def item(self, item: YNode, kind: LinkKind, target: str, link_id: str) -> None:
        pos = self.out.pos(item)
        if item.kind == "map" and kind is LinkKind.LINKED:
            if self.misplaced_in_group(item):
                return
        elif item.kind == "map" and "linked" in item.value:
            if kind is LinkKind.UNDERCUT:
                self.out.add(
                    "E120",
                    "an undercut cannot be a linked group: it attacks an inference on its own;"
                    " write each premise as an undercut of its own",
                    self.out.pos(item.value["linked"][0]),
                )
                return
            self.group(item, kind, target, link_id)
            return
        if item.kind == "scalar":
            if _is_null(item):
                self.out.add("E109", "empty premise", pos)
                return
            self.nodes.append(Node(link_id, NodeKind.PREMISE, str(item.value), pos))
            self.links.append(Link(link_id, kind, link_id, target, pos))
            return
        if item.kind == "map" and "ref" in item.value:
            extra = [key for name, (key, _v) in item.value.items() if name not in REF_FIELDS]
            for key in extra:
                self.out.add(
                    "E104",
                    f"a `ref` item may carry only `note` and `undercut`, not `{key.value}`:"
                    " a reference is a link; edit the node where it is defined",
                    self.out.pos(key),
                )
            if extra:
                return
            values = self.fields("a `ref` item", item, REF_FIELDS, _required(Link))
            if values is None:
                return
            ref = self.string("ref", values["ref"]) or ""
            note = self.string("note", values["note"]) if "note" in values else None
            self.links.append(Link(link_id, kind, ref, target, pos, is_ref=True, note=note))
            if "undercut" in values:
                self.items(values["undercut"], LinkKind.UNDERCUT, owner=link_id)
            return
        values = self.fields("a premise", item, PREMISE_FIELDS, _required(Node))
        if values is None:
            return
        nid = link_id
        explicit = "id" in values
        if explicit:  # an empty id stays empty, for the validator to refuse (E110)
            given = self.string("id", values["id"])
            nid = link_id if given is None else given
        self.links.append(Link(link_id, kind, nid, target, pos))
        self.node_from(nid, NodeKind.PREMISE, explicit, pos, values, link_id=link_id)

    def misplaced_in_group(self, item: YNode) -> bool:
        """E120 for what a premise of a linked group cannot carry: a group of its own,
        or an undercut (which attacks the group's inference as a whole)."""
        found = False
        for name, (key, _value) in item.value.items():
            if name == "linked":
                message = "a linked group's premises are premises: a group cannot hold a group"
            elif name == "undercut":
                message = (
                    "an undercut attacks the group's inference as a whole: write it beside"
                    " `linked`, not on one premise"
                )
            else:
                continue
            self.out.add("E120", message, self.out.pos(key))
            found = True
        return found


def derive_group_texts(nodes: list[Node], links: Sequence[Link], groups: Sequence[int]) -> None:
    """Set each linked group's derived text (`nodes[i]` for i in `groups`) from its
    premises' words, in place; a ref to an unknown id (which the validator reports) by its
    id. A premise may be written anywhere in the map (a ref), so this runs on the whole map
    once every node is read."""
    if not groups:
        return
    text_of: dict[str, str] = {}
    for node in nodes:
        text_of.setdefault(node.id, node.text)
    premises: dict[str, list[str]] = {}
    for link in links:
        if link.kind is LinkKind.LINKED:
            premises.setdefault(link.target, []).append(text_of.get(link.source, link.source))
    for index in groups:
        node = nodes[index]
        nodes[index] = attrs.evolve(node, text=group_text(premises.get(node.id, [])))


# ---------------------------------------------------------------------------
# Entry points.


def _build(text: str, out: _Collector, pure_python: bool) -> ArgumentMap | None:
    root = _compose(text, out, pure_python)
    if root is None:
        if not out.diagnostics:
            out.add("E009", _EMPTY_FILE, out.at(1, 1))
        raise out.fail()
    return _Builder(out).build(root)


def loads_map(text: str, path: str = "<string>", *, pure_python: bool = False) -> ArgumentMap:
    """Build a map from YAML text; MapLoadError lists every problem found.

    `pure_python` forces PyYAML's Python parser (the fallback without libyaml).
    """
    out = _Collector(path)
    # Hundreds of thousands of small acyclic objects: see gcpause. The YAML tree is freed
    # when `_build` returns, before the collector is back on, so its first pass never
    # walks it; the map is kept (frozen) out of every later pass.
    with gc_paused(keep=True):
        built = _build(text, out, pure_python)
    if built is None:
        raise out.fail()
    return built


class ClaimPart(NamedTuple):
    """One claim read alone by `load_claim_part`, and the keys around it."""

    read: bool  # False: the text is not YAML the loader reads; `errors` says why
    root_keys: tuple[tuple[str, int, int], ...]  # the top-level keys, with line and column
    claim_keys: tuple[tuple[str, int, int], ...]  # the keys under `claims`, likewise
    nodes: tuple[Node, ...]  # the first claim's nodes and links, as `loads_map` builds them
    links: tuple[Link, ...]
    errors: tuple[Diagnostic, ...]  # why the text does not read, or what the claim lacks
    warnings: tuple[Diagnostic, ...]  # what the whole text's reading noticed (W207)


def load_claim_part(text: str, path: str = "<string>") -> ClaimPart | None:
    """The first claim under `claims` of a YAML text, built by `loads_map`'s own rules, with
    the keys of the top level and of `claims` (for `argmap.incremental`, which cuts one claim
    out of a map file); if the text is not YAML the loader reads (a syntax error, an anchor,
    a duplicate key...), what `loads_map` says of it. None if it has no mapping `claims` with
    a claim in it."""
    out = _Collector(path)
    root = _compose(text, out)
    if root is None:
        return ClaimPart(False, (), (), (), (), tuple(out.diagnostics), tuple(out.warnings))
    if root.kind != "map" or "claims" not in root.value:
        return None
    claims = root.value["claims"][1]
    if claims.kind != "map" or not claims.value:
        return None
    builder = _Builder(out)
    cid, (key, node) = next(iter(claims.value.items()))
    builder.claim(cid, key, node)

    def keys(mapping: YNode) -> tuple[tuple[str, int, int], ...]:
        return tuple((name, k.line, k.column) for name, (k, _v) in mapping.value.items())

    return ClaimPart(
        True,
        keys(root),
        keys(claims),
        tuple(builder.nodes),
        tuple(builder.links),
        tuple(out.diagnostics),
        tuple(out.warnings),
    )


def read_map_text(path: str | os.PathLike[str], limit: int | None = None) -> str:
    """The file's text, refused (MapLoadError) if unreadable, over `limit` bytes or not UTF-8.

    `limit` is the map file's by default; `import` reads foreign files up to its own."""
    shown = str(path)
    where = Position(shown, 0, 0)

    def fail(code: str, message: str, position: Position = where) -> MapLoadError:
        return MapLoadError([error(code, message, position)])

    try:
        most = MAX_FILE_BYTES if limit is None else limit
        data = read_regular_file(path, most)
    except ReadError as exc:
        message = exc.message
        if exc.code == "E003":
            what = "maps are" if limit is None else "files to import are"
            message = message.replace("the limit is", f"{what} limited to")
        raise fail(exc.code, message) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise fail(
            "E002",
            f"not UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8",
            Position(shown, line, column),
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]  # a byte-order mark is harmless; YAML would count it as a column
    return text


def load_map(path: str | os.PathLike[str]) -> ArgumentMap:
    """Read and build the map at `path`; MapLoadError lists every problem found."""
    return loads_map(read_map_text(path), str(path))


def load_yaml_data(text: str, path: str = "<string>") -> Any:
    """Plain data (dicts, lists, text, numbers, booleans, None) from a YAML snippet, read by
    the map file's rules: anchors, aliases, tags, duplicate keys, several documents and
    nesting deeper than MAX_DEPTH are refused (MapLoadError, positions within `text`).

    For the YAML other formats embed (Argdown's `{...}` data and front matter).
    """
    out = _Collector(path)
    root = _compose(text, out, prose=False)
    if root is None:
        if out.diagnostics:
            raise out.fail()
        return None
    # Built bottom-up without recursion: each collection is filled after its children.
    built: dict[int, Any] = {}
    order: list[YNode] = []
    todo = [root]
    while todo:
        node = todo.pop()
        order.append(node)
        if node.kind == "map":
            todo += [v for _k, v in node.value.values()]
        elif node.kind == "seq":
            todo += node.value
    for node in reversed(order):
        if node.kind == "map":
            value: Any = {k: built.pop(id(v)) for k, (_key, v) in node.value.items()}
        elif node.kind == "seq":
            value = [built.pop(id(v)) for v in node.value]
        else:
            value = _plain_value(node)
        built[id(node)] = value
    return built[id(root)]


def _plain_value(node: YNode) -> Any:
    """What a scalar means in YAML 1.1, as PyYAML's safe loader reads it."""
    if not node.plain:
        return node.value
    if node.value in _NULLS:
        return None
    if node.value in _TRUE:
        return True
    if node.value in _FALSE:
        return False
    number = _plain_number(node)
    if number is None:
        return node.value
    if _INT.match(node.value) and len(node.value) <= 100:
        return int(node.value.replace("_", ""))
    return number
