"""Argdown (https://argdown.org) out and in.

Export: every node is an Argdown statement titled with its id (`[cheap-power]:
text`); `pro`/`con` premises are nested under their parent as `+`/`-`
relations, exactly as in the map; a ref is a reference to the titled
statement (`+ [cheap-power]`). Tags become `#tags`; `by`, quotes, weight,
implicit, note and url become the statement's YAML data `{...}`; the map's
description, actors and sources go into the front matter under `argmap:`.

Undercuts: Argdown undercuts attack an *argument* (its inference), while an
argmap undercut attacks the link from a premise to its parent. So each link
that is undercut is written as an argument titled with the link's id, whose
description mentions both ends and whose data names them:

    <build-plant.pro.2>: @[cheap-power] supports @[build-plant]. {"argmap-link": {...}}
      _ [build-plant.pro.2.undercut.1]: Recent plants ran far over budget ...

The argument has no premise-conclusion structure and no relation of its own,
so the statement relations Argdown sees are exactly the map's links.

Linked groups: each is an argument titled `linked <group id>` whose
premise-conclusion structure lists the group's premises (defined there, or
referred to) and ends in the group's own statement, titled with its id,
with its derived text and its fields as data beside `"argmap-group": true`;
the parent names the argument with `+` or `-` (Argdown passes the relation on
to the conclusion), so the statements Argdown sees are the map's nodes and
its relations the map's links, the premises' part in a group being the pcs.

Import reads the same shapes back, and from hand-written Argdown also:
untitled statements, `<+ <- <_ +> -> _>` directions, `><` (as two attacks),
arguments without a premise-conclusion structure (as premises, with their
description as text), and premise-conclusion structures (the premises of
each inference, a linked group when there are several, support the
conclusion it leads to; the group of the main conclusion takes the
argument's title as id and its description as note; the inference rule is
left out). Every simplification is a W6xx warning naming the line.
"""

from __future__ import annotations

import functools
import json
import re
from collections import deque
from collections.abc import Iterable
from typing import Any

import attrs

from argmap.errors import Diagnostic, FormatError, Position, warning
from argmap.formats import Exported, Losses
from argmap.formats.draft import Draft, DraftNode
from argmap.model import ArgumentMap, Link, LinkKind, Node

# ---------------------------------------------------------------------------
# Export

_ALWAYS_ESCAPED = set("\\@#*_[]<>{}/")
_SHORTCODE = re.compile(r"\.[^\s]+?\.|:[^\s]+?:")
_TAG_WORD = re.compile(r"[A-Za-z0-9-]+\Z")
LINK_DATA_KEY = "argmap-link"
# On the conclusion of a premise-conclusion structure: this statement is the linked group
# of the premises, not a statement they support.
GROUP_DATA_KEY = "argmap-group"


def escape_text(text: str) -> str:
    """`text` written so that Argdown reads it back as the same plain text."""
    out = []
    for i, ch in enumerate(text):
        if ch in _ALWAYS_ESCAPED or (ch in ".:" and _SHORTCODE.match(text, i)):
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


def _flow(value: Any) -> str:
    """A value as a one-line YAML flow collection without braces inside strings.

    Argdown finds the end of inline data by the first `}`, even inside quotes,
    so braces in strings are written as JSON escapes (which YAML reads too).
    """
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_flow(str(k))}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False).replace("{", "\\u007b").replace("}", "\\u007d")
    return json.dumps(value)


class _Exporter:
    def __init__(self, m: ArgumentMap) -> None:
        self.m = m
        self.lines: list[str] = []
        self.losses = Losses("Argdown")
        self.groups: list[Node] = []  # linked groups met, written after the claims

    def statement(self, node: Node) -> str:
        text = node.text
        # A group's text joins its premises': their line breaks are warned about there.
        if ("\n" in text or "\r" in text) and not node.is_group:
            text = " ".join(text.split())
            self.losses.other(
                warning(
                    "W603",
                    f"line breaks in the text of {node.id} become spaces in Argdown",
                    node.position_of("text"),
                )
            )
        parts = [f"[{node.id}]: {escape_text(text)}"]
        data: dict[str, Any] = {}
        odd_tags = []
        for tag in node.tags:
            if _TAG_WORD.match(tag):
                parts.append(f"#{tag}")
            elif ")" not in tag and tag.strip() == tag and tag:
                parts.append(f"#({tag})")
            else:
                odd_tags.append(tag)
        # Every other field as the map file writes it: nothing is left out.
        data.update((k, v) for k, v in node.as_data().items() if k not in ("id", "text", "tags"))
        if node.is_group:
            text = " ".join(text.split())
            parts[0] = f"[{node.id}]: {escape_text(text)}"
            data = {GROUP_DATA_KEY: True, **data}
        if odd_tags:
            data["tags"] = odd_tags
        if data:
            parts.append(_flow(data))
        return " ".join(parts)

    def children(self, target: str, depth: int) -> None:
        for link in self.m.incoming(target):
            if link.kind in (LinkKind.UNDERCUT, LinkKind.LINKED):
                continue
            self.item(link, "+" if link.kind is LinkKind.PRO else "-", depth)

    def item(self, link: Link, symbol: str, depth: int) -> None:
        indent = "  " * depth
        node = self.m.node(link.source)
        if link.note:
            self.losses.add("note", link.id, link.position, noun="link")
        if node.is_group:  # the argument standing for the group, written on its own below
            self.lines.append(f"{indent}{symbol} <{group_argument(node.id)}>")
            self.groups.append(node)
        elif link.is_ref:
            self.lines.append(f"{indent}{symbol} [{node.id}]")
        else:
            self.lines.append(f"{indent}{symbol} {self.statement(node)}")
            self.children(node.id, depth + 1)

    def text(self) -> str:
        m = self.m
        front: dict[str, Any] = {}
        if m.description:
            front["description"] = m.description
        if m.allow_cycles:
            front["allow-cycles"] = True
        if m.sources:
            front["sources"] = {s.id: s.as_data() for s in m.sources.values()}
        if m.actors:
            front["actors"] = {
                a.id: {
                    k: (v.value if k == "kind" else v)
                    for k, v in attrs.asdict(a, recurse=False).items()
                    if v is not None and k not in ("id", "position", "field_positions")
                }
                for a in m.actors.values()
            }
        self.lines += ["===", f"title: {json.dumps(m.title, ensure_ascii=False)}"]
        if front:
            block = json.dumps(front, ensure_ascii=False, indent=2).replace("\n", "\n  ")
            self.lines.append(f"argmap: {block}")
        self.lines += ["===", ""]
        for claim in m.claim_nodes():
            self.lines.append(self.statement(claim))
            self.children(claim.id, 1)
            self.lines.append("")
        while self.groups:  # a premise of a group may hold a group of its own
            self.group(self.groups.pop(0))
        for link in m.links:
            undercuts = m.undercutters(link.id)
            if not undercuts:
                continue
            self.lines.append(self.inference(link))
            for undercut in undercuts:
                self.item(undercut, "_", 1)
            self.lines.append("")
        while self.groups:  # groups met under undercuts
            self.group(self.groups.pop(0))
        return "\n".join(self.lines).rstrip("\n") + "\n"

    def group(self, group: Node) -> None:
        """A linked group as an argument: its premises, an inference, and as conclusion the
        group's own statement (its derived text, its fields, marked as the group)."""
        self.lines += [f"<{group_argument(group.id)}>", ""]
        members = self.m.members(group.id)
        for n, link in enumerate(members, start=1):
            premise = self.m.node(link.source)
            if link.note:
                self.losses.add("note", link.id, link.position, noun="link")
            if link.is_ref:
                self.lines.append(f"({n}) [{premise.id}]")
            else:
                self.lines.append(f"({n}) {self.statement(premise)}")
                self.children(premise.id, 1)
        self.lines += ["----", f"({len(members) + 1}) {self.statement(group)}", ""]

    def inference(self, link: Link) -> str:
        """The argument standing for one link, so that `_` has something to attack."""
        if link.kind is LinkKind.UNDERCUT:
            description = f"@[{link.source}] undercuts @<{link.target}>."
        else:
            verb = "supports" if link.kind is LinkKind.PRO else "attacks"
            description = f"@[{link.source}] {verb} @[{link.target}]."
        data = {
            LINK_DATA_KEY: {"source": link.source, "target": link.target, "kind": link.kind.value}
        }
        return f"<{link.id}>: {description} {_flow(data)}"


def _join_tags(tags: list[str], more: Iterable[str]) -> None:
    """Add each of `more` that `tags` lacks, in order: a tag said twice is kept once."""
    for tag in more:
        if tag not in tags:
            tags.append(tag)


def group_argument(group_id: str) -> str:
    """The title of the argument standing for a linked group: not the group's id, which
    (a path id) may be the id of its link, whose argument an undercut needs."""
    return f"linked {group_id}"


def export(m: ArgumentMap) -> Exported:
    exporter = _Exporter(m)
    text = exporter.text()
    return Exported(text, exporter.losses.warnings())


# ---------------------------------------------------------------------------
# Import

_RELATION = re.compile(r"(<\+|<-|<_|\+>|->|_>|><|\+|-|_)[ \t]+(.*)")
_PCS_ITEM = re.compile(r"\((\d+)\)[ \t]+(.*)")
_INFERENCE = re.compile(r"-{2,}[ \t]*")
_LIST_ITEM = re.compile(r"(\*|\d+\.)[ \t]+(.*)")
_HEADING = re.compile(r"#{1,6}[ \t]")
_STATEMENT_DEF = re.compile(r"\[([^\]]+)\]:[ \t]*(.*)")
_STATEMENT_REF = re.compile(r"\[([^\]]+)\](?!\()[ \t]*(.*)")
_ARGUMENT_DEF = re.compile(r"<([^>]+)>:[ \t]*(.*)")
_ARGUMENT_REF = re.compile(r"<([^>]+)>[ \t]*(.*)")
# Each pattern's repeated part cannot run past the mark that would close it (`[^()]`,
# `[^*]`): a mark that is never closed costs a look up to the next mark, not to the end
# of the line, so a line of 20,000 unclosed marks is read in linear time.
_TAG = re.compile(r"#\(([^()]+)\)|#([A-Za-z0-9\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+)")
_MENTION = re.compile(r"@\[([^\[\]]+)\]|@<([^<>]+)>")
_LINK = re.compile(r"\[([^\[\]]+)\]\(([^()]+)\)")
_EMPHASIS = re.compile(
    r"\*\*([^\s*](?:[^*]*[^\s*])?)\*\*|__([^\s_](?:[^_]*[^\s_])?)__"
    r"|\*([^\s*](?:[^*]*[^\s*])?)\*|(?<!\w)_([^\s_](?:[^_]*[^\s_])?)_(?!\w)"
)
_ESCAPED = re.compile(r"\\(.)")
_NODE_FIELDS = ("by", "quote", "weight", "implicit", "note", "url", "tags")
# Placeholders for escaped characters while the markup is taken apart: a block of 4,096
# code points of the supplementary private use planes that the text does not use, so
# that every character of the text comes back as it was.
_BLOCK = 0x1000
_BLOCKS = range(0xF0000, 0x10F000, _BLOCK)


def _free_block(raw: str) -> int:
    """The first placeholder block with no character of `raw` in it."""
    for base in _BLOCKS:
        if not re.search(f"[{chr(base)}-{chr(base + _BLOCK - 1)}]", raw):
            return base
    return _BLOCKS[-1]  # 31 blocks all in use: only a file built to defeat this


@functools.cache
def _restore_table(base: int) -> dict[int, int]:
    return {base + code: code for code in range(_BLOCK)}


@attrs.define
class _Statement:
    key: str
    title: str | None
    position: Position
    text: str = ""
    more: list[str] = attrs.field(factory=list)  # lines continuing the text, joined at the end
    text_position: Position | None = None
    data: dict[str, Any] = attrs.field(factory=dict)
    tags: list[str] = attrs.field(factory=list)
    top_level: bool = False


@attrs.define
class _Argument:
    title: str
    position: Position
    descriptions: list[str] = attrs.field(factory=list)
    data: dict[str, Any] = attrs.field(factory=dict)
    # premise-conclusion structure: statement keys, and the index each inference precedes
    pcs: list[str] = attrs.field(factory=list)
    inferences: list[int] = attrs.field(factory=list)


@attrs.define
class _Relation:
    kind: str  # support, attack, undercut, contradiction
    source: tuple[str, str]  # ("s"|"a", key)
    target: tuple[str, str]
    position: Position


_ESCAPE_OR_BRACE = re.compile(r"\\.|[{}]", re.DOTALL)
_BRACE = re.compile(r"[{}]")
_COMMENT_OR_DATA = re.compile(r"\\.|\{|<!--|/\*|//|\n", re.DOTALL)
_NOT_NEWLINE = re.compile(r"[^\n]")


def _open_braces(raw: str, depth: int = 0) -> int:
    """How many `{` are still open at the end of `raw`, `depth` being open before it
    (escaped braces do not count)."""
    for match in _ESCAPE_OR_BRACE.finditer(raw):
        brace = match.group()
        if brace == "{":
            depth += 1
        elif brace == "}" and depth:
            depth -= 1
    return depth


def _closing_brace(text: str, start: int) -> int:
    """The index of the `}` that closes the `{` at `start`, or -1 if none does."""
    depth = 0
    for match in _BRACE.finditer(text, start):
        depth += 1 if match.group() == "{" else -1
        if depth == 0:
            return match.start()
    return -1


def _strip_comments(text: str) -> str:
    """Comments replaced by spaces (line breaks kept, so positions stay true).

    YAML data in braces is kept whole: a `//` in a url there is no comment.
    One pass over the places where something may start (escape, brace, comment).
    """
    out: list[str] = []
    kept = 0  # text[kept:] is not yet in `out`
    line_start = 0
    at = 0
    n = len(text)
    while True:
        match = _COMMENT_OR_DATA.search(text, at)
        if match is None:
            break
        token, i = match.group(), match.start()
        at = match.end()
        if token == "\n":
            line_start = at
            continue
        if token.startswith("\\"):
            continue
        if token == "{":
            close = _closing_brace(text, i)
            at = n if close < 0 else close + 1
            continue
        if token == "<!--":
            end = text.find("-->", i + 4)
            end = n if end < 0 else end + 3
        elif token == "/*":
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
        elif "](" in text[line_start:i]:  # `//` inside a link's url
            continue
        else:
            end = text.find("\n", i)
            end = n if end < 0 else end
        out += [text[kept:i], _NOT_NEWLINE.sub(" ", text[i:end])]
        kept = at = end
    out.append(text[kept:])
    return "".join(out)


class _Reader:
    def __init__(self, text: str, path: str) -> None:
        self.path = path
        self.text = text
        self.statements: dict[str, _Statement] = {}
        self.arguments: dict[str, _Argument] = {}
        self.relations: list[_Relation] = []
        self.warnings: list[Diagnostic] = []
        self.front: dict[str, Any] = {}
        self.untitled = 0
        self.anonymous = 0

    def pos(self, line: int, column: int = 1) -> Position:
        return Position(self.path, line, column)

    def warn(self, code: str, message: str, position: Position) -> None:
        self.warnings.append(warning(code, message, position))

    def fail(self, message: str, line: int, column: int = 1) -> FormatError:
        return FormatError("E601", f"Argdown: {message}", self.pos(line, column))

    # -- data and text

    def data(self, raw: str, line: int, column: int, *, what: str) -> dict[str, Any]:
        """The mapping YAML reads in `raw`, which starts at (line, column); `what` names it
        in the error when it is not a mapping."""
        from argmap.formats.yaml_writer import YamlDataError, read_yaml_data

        try:
            value = read_yaml_data(raw)
        except YamlDataError as exc:
            at_line = line + exc.line - 1
            at_col = column + exc.column - 1 if exc.line == 1 else exc.column
            raise self.fail(f"invalid YAML data: {exc}", at_line, at_col) from None
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise self.fail(f"{what} must be a mapping {{key: value}}", line, column)
        return value

    def split_data(self, content: str, line: int, column: int) -> tuple[str, dict[str, Any]]:
        """The content without its `{...}` data blocks, and their data read (later wins)."""
        rest: list[str] = []
        data: dict[str, Any] = {}
        kept = 0
        for match in _ESCAPE_OR_BRACE.finditer(content):
            start = match.start()
            if match.group() != "{" or start < kept:
                continue
            close = _closing_brace(content, start)
            if close < 0:
                raise self.fail("data `{` is never closed", line, column + start)
            data.update(
                self.data(content[start : close + 1], line, column + start, what="data in braces")
            )
            rest.append(content[kept:start])
            kept = close + 1
        rest.append(content[kept:])
        return "".join(rest), data

    def clean(self, raw: str) -> tuple[str, list[str]]:
        """Plain text and tags from Argdown inline markup."""
        base = _free_block(raw)
        protected = _ESCAPED.sub(
            lambda mt: chr(base + ord(mt.group(1))) if ord(mt.group(1)) < 0x1000 else mt.group(1),
            raw,
        )
        tags = [a or b for a, b in _TAG.findall(protected)]
        text = _TAG.sub("", protected)
        text = _MENTION.sub(lambda mt: mt.group(1) or mt.group(2), text)
        text = _LINK.sub(lambda mt: f"{mt.group(1)} ({mt.group(2)})", text)
        for _ in range(3):
            text = _EMPHASIS.sub(lambda mt: next(g for g in mt.groups() if g is not None), text)
        restore = _restore_table(base)
        text = text.translate(restore)
        tags = [t.translate(restore) for t in tags]
        return " ".join(text.split()), [" ".join(t.split()) for t in tags]

    # -- elements

    def element(self, content: str, line: int, column: int, top_level: bool) -> tuple[str, str]:
        """Record the statement or argument `content` defines or names; return its handle."""
        match = _ARGUMENT_DEF.match(content)
        if match:
            argument = self.argument(match.group(1).strip(), line, column)
            text, data = self.split_data(match.group(2), line, column + match.start(2))
            if text.strip():
                argument.descriptions.append(text)
            argument.data.update(data)
            return ("a", argument.title)
        match = _ARGUMENT_REF.match(content)
        if match and not match.group(2).strip().startswith(":"):
            argument = self.argument(match.group(1).strip(), line, column)
            self.ignore_rest(match.group(2), line, column + match.start(2))
            return ("a", argument.title)
        match = _STATEMENT_DEF.match(content)
        if match:
            return (
                "s",
                self.define(
                    match.group(1).strip(),
                    match.group(2),
                    line,
                    column,
                    column + match.start(2),
                    top_level,
                ),
            )
        match = _STATEMENT_REF.match(content)
        if match:
            statement = self.statement(match.group(1).strip(), line, column)
            statement.top_level = statement.top_level or top_level
            self.ignore_rest(match.group(2), line, column + match.start(2))
            return ("s", statement.key)
        return ("s", self.define(None, content, line, column, column, top_level))

    def ignore_rest(self, rest: str, line: int, column: int) -> None:
        text, data = self.split_data(rest, line, column)
        if text.strip():
            self.warn(
                "W611",
                f"text after a reference is left out: {text.strip()!r}",
                self.pos(line, column),
            )
        for key in data:  # a statement's data belongs where it is defined
            self.warn(
                "W618", f"data field {key!r} after a reference is left out", self.pos(line, column)
            )

    def argument(self, title: str, line: int, column: int) -> _Argument:
        if title not in self.arguments:
            self.arguments[title] = _Argument(title, self.pos(line, column))
        return self.arguments[title]

    def statement(self, title: str, line: int, column: int) -> _Statement:
        if title not in self.statements:
            self.statements[title] = _Statement(title, title, self.pos(line, column))
        return self.statements[title]

    def define(
        self, title: str | None, raw: str, line: int, column: int, text_column: int, top_level: bool
    ) -> str:
        if title is None:
            self.untitled += 1
            statement = _Statement(f"untitled {self.untitled}", None, self.pos(line, column))
            self.statements[statement.key] = statement
        else:
            statement = self.statement(title, line, column)
        statement.top_level = statement.top_level or top_level
        text, data = self.split_data(raw, line, text_column)
        self.add_text(statement, text, line, text_column)
        statement.data.update(data)
        return statement.key

    def add_text(self, statement: _Statement, raw: str, line: int, column: int) -> None:
        text, tags = self.clean(raw)
        _join_tags(statement.tags, tags)
        if not text:
            return
        if statement.text and statement.text_position and statement.text_position.line != line:
            if text != statement.text:
                self.warn(
                    "W611",
                    f"[{statement.title}] is defined again with other text: the first text is kept",
                    self.pos(line, column),
                )
            return
        statement.text = f"{statement.text} {text}".strip()
        statement.text_position = self.pos(line, column)

    # -- the file

    def parse(self) -> None:
        original = self.text.split("\n")
        start = self.front_matter(original)
        lines = original[:start] + _strip_comments("\n".join(original[start:])).split("\n")
        stack: list[tuple[int, tuple[str, str]]] = []
        last: tuple[str, str] | None = None
        argument: _Argument | None = None  # the argument whose pcs may follow
        in_rule = False
        block = 0  # lines in the current block
        i = start
        while i < len(lines):
            raw = lines[i].rstrip()
            number = i + 1
            i += 1
            if not raw.strip() and original[i - 1].strip():
                continue  # only a comment: not a blank line, the block goes on
            # YAML data spread over several lines: gather it into this line.
            depth = _open_braces(raw)
            if depth:
                gathered = [raw]
                while depth and i < len(lines):
                    gathered.append(lines[i].rstrip())
                    depth = _open_braces(gathered[-1], depth)
                    i += 1
                raw = "\n".join(gathered)
            if not raw.strip():
                # A lone argument title may be followed by a blank line and then its
                # premise-conclusion structure.
                if not (argument is not None and block == 1 and not argument.pcs):
                    argument = None
                stack, last, in_rule, block = [], None, False, 0
                continue
            block += 1
            indent = len(raw) - len(raw.lstrip(" \t"))
            content = raw.strip()
            column = indent + 1
            if in_rule:
                if _INFERENCE.fullmatch(content) and content == "--":
                    in_rule = False
                elif argument is not None:
                    self.warn(
                        "W612",
                        f"inference rule {content!r} of <{argument.title}> is left out",
                        self.pos(number, column),
                    )
                continue
            if indent == 0 and _HEADING.match(content):
                self.warn(
                    "W611",
                    f"heading {content.lstrip('#').strip()!r}: sections are not carried over",
                    self.pos(number, column),
                )
                stack, last, argument = [], None, None
                continue
            if indent > 0:
                match = _RELATION.fullmatch(content)
                if match:
                    while stack and stack[-1][0] >= indent:
                        stack.pop()
                    if not stack:
                        raise self.fail(
                            "relation without a statement or argument above it", number, column
                        )
                    parent = stack[-1][1]
                    child = self.element(match.group(2), number, column + match.start(2), False)
                    self.relation(match.group(1), parent, child, number, column)
                    stack.append((indent, child))
                    last = child
                    continue
                if last is not None:
                    self.continuation(last, content, number, column)
                    continue
                raise self.fail("indented text with nothing above it", number, column)
            pcs = _PCS_ITEM.fullmatch(content)
            if pcs or _INFERENCE.fullmatch(content):
                if argument is None:
                    self.anonymous += 1
                    argument = self.argument(f"argument {self.anonymous}", number, column)
                if pcs:
                    key = self.element(pcs.group(2), number, column + pcs.start(2), False)
                    if key[0] != "s":
                        raise self.fail(
                            "a premise-conclusion item must be a statement", number, column
                        )
                    argument.pcs.append(key[1])
                    stack, last = [(0, key)], key
                else:
                    argument.inferences.append(len(argument.pcs))
                    stack, last = [(0, ("a", argument.title))], None
                    in_rule = content == "--"
                continue
            if (
                last is not None
                and len(stack) == 1
                and stack[0][1] == last
                and not _STATEMENT_REF.match(content)
                and not _ARGUMENT_REF.match(content)
                and not _LIST_ITEM.fullmatch(content)
            ):
                # A paragraph goes on until a blank line: this line continues its text.
                self.continuation(last, content, number, column)
                continue
            if content.startswith("@include"):
                self.warn(
                    "W611",
                    f"{content} is left out: import the included file on its own",
                    self.pos(number, column),
                )
                continue
            listed = _LIST_ITEM.fullmatch(content)
            if listed:
                content, column = listed.group(2), column + listed.start(2)
            handle = self.element(content, number, column, True)
            stack, last = [(0, handle)], handle
            argument = self.arguments[handle[1]] if handle[0] == "a" else None

    def continuation(self, handle: tuple[str, str], content: str, line: int, column: int) -> None:
        if handle[0] == "s":
            statement = self.statements[handle[1]]
            text, data = self.split_data(content, line, column)
            statement.data.update(data)
            if text.strip():
                cleaned, tags = self.clean(text)
                statement.more.append(cleaned)  # joined once: adding each would be quadratic
                _join_tags(statement.tags, tags)
        else:
            argument = self.arguments[handle[1]]
            text, data = self.split_data(content, line, column)
            argument.data.update(data)
            if text.strip():
                argument.descriptions.append(text)

    def relation(
        self, symbol: str, parent: tuple[str, str], child: tuple[str, str], line: int, column: int
    ) -> None:
        kind = {"+": "support", "-": "attack", "_": "undercut", "><": "contradiction"}[
            symbol.strip("<>") or "><"
        ]
        position = self.pos(line, column)
        if symbol.endswith(">") and symbol != "><":
            self.relations.append(_Relation(kind, parent, child, position))
        else:
            self.relations.append(_Relation(kind, child, parent, position))

    def front_matter(self, lines: list[str]) -> int:
        first = next((n for n, line in enumerate(lines) if line.strip()), None)
        if first is None or lines[first].strip() != "===":
            return 0
        for end in range(first + 1, len(lines)):
            if lines[end].strip() == "===":
                raw = "\n".join(lines[first + 1 : end])
                data = self.data(
                    "{}" if not raw.strip() else raw, first + 2, 1, what="front matter"
                )
                self.front = data
                return end + 1
        raise self.fail("front matter `===` is never closed", first + 1)


def _node_from(reader: _Reader, statement: _Statement, draft: Draft) -> DraftNode:
    node = DraftNode(
        statement.key,
        statement.text or statement.title or "",
        statement.position,
        title=statement.title,
        tags=list(statement.tags),
    )
    _apply_data(reader, node, statement.data, statement.text_position or statement.position)
    return node


def _apply_data(reader: _Reader, node: DraftNode, data: dict[str, Any], position: Position) -> None:
    for key, value in data.items():
        if key == GROUP_DATA_KEY and value is True:
            continue  # the resolver reads it, on the conclusion of an argument
        if key == "by":
            node.by = [str(v) for v in (value if isinstance(value, list) else [value])]
        elif key == "quote":
            quotes = value if isinstance(value, list) else [value]
            node.quotes = [
                {str(k): str(v) for k, v in q.items()} for q in quotes if isinstance(q, dict)
            ]
        elif key == "weight" and isinstance(value, (int, float)) and not isinstance(value, bool):
            node.weight = float(value)
        elif key == "implicit" and isinstance(value, bool):
            node.implicit = value
        elif key in ("note", "url") and isinstance(value, str):
            setattr(node, key, value)
        elif key == "tags" and isinstance(value, list):
            _join_tags(node.tags, map(str, value))
        else:
            reader.warn("W618", f"data field {key!r} is left out", position)


def read(text: str, path: str) -> Draft:
    reader = _Reader(text, path)
    reader.parse()
    for statement in reader.statements.values():
        if statement.more:
            statement.text = " ".join([statement.text, *statement.more]).strip()
    front = reader.front
    draft = Draft(path, title=str(front.get("title") or ""))
    extra = front.get("argmap") or {}
    if isinstance(extra, dict):
        draft.description = (
            extra.get("description") if isinstance(extra.get("description"), str) else None
        )
        draft.allow_cycles = extra.get("allow-cycles") is True
        for field, target in (("actors", draft.actors), ("sources", draft.sources)):
            entries = extra.get(field) or {}
            if isinstance(entries, dict):
                target.update({str(k): v for k, v in entries.items() if isinstance(v, dict)})
    for key in front:
        if key not in ("title", "argmap"):
            reader.warn("W611", f"front matter setting {key!r} is left out", reader.pos(1))
    for statement in reader.statements.values():
        if not statement.text:
            reader.warn(
                "W617",
                f"[{statement.title}] is referred to but never given a text: its title"
                " is used as text",
                statement.position,
            )
        draft.add_node(_node_from(reader, statement, draft))
        if statement.top_level:
            draft.claims.append(statement.key)
    _Resolver(reader, draft).run()
    draft.warnings += reader.warnings
    return draft


class _Resolver:
    """Arguments and relations -> argmap nodes and links."""

    def __init__(self, reader: _Reader, draft: Draft) -> None:
        self.reader = reader
        self.draft = draft
        self.link_args: dict[str, dict[str, Any]] = {}  # argument title -> its argmap-link data
        self.arg_nodes: dict[str, str] = {}  # argument title -> node key standing for it
        # (argument title, index of a conclusion in its pcs) -> the link of that inference
        self.step_links: dict[tuple[str, int], str] = {}
        # the linked group statement (argmap's own Argdown) -> the argument that holds it
        self.group_owners: dict[str, str] = {}

    def run(self) -> None:
        reader, draft = self.reader, self.draft
        for title, argument in reader.arguments.items():
            link = argument.data.get(LINK_DATA_KEY)
            cleaned = [reader.clean(d) for d in argument.descriptions]
            tags = list(dict.fromkeys(t for _text, found in cleaned for t in found))
            if isinstance(link, dict):
                self.link_args[title] = link
                for key in argument.data:
                    if key != LINK_DATA_KEY:
                        reader.warn(
                            "W618",
                            f"data field {key!r} of <{title}>, which stands for a link,"
                            " is left out",
                            argument.position,
                        )
                if tags:
                    reader.warn(
                        "W611",
                        f"tags ({', '.join(tags)}) of <{title}>, which stands for a link,"
                        " are left out",
                        argument.position,
                    )
            elif argument.pcs:
                self.flatten(argument, tags, [text for text, _found in cleaned])
            else:
                key = f"<{title}>"
                text = " ".join(text for text, _found in cleaned).strip() or title
                node = DraftNode(key, text, argument.position, title=title, tags=tags)
                _apply_data(reader, node, argument.data, argument.position)
                draft.add_node(node)
                self.arg_nodes[title] = key
                reader.warn(
                    "W613",
                    f"argument <{title}> is imported as a premise with its description as text",
                    argument.position,
                )
        undercuts = []
        for rel in reader.relations:
            if rel.kind == "undercut":
                undercuts.append(rel)
                continue
            source, target = self.node_of(rel.source, rel), self.node_of(rel.target, rel)
            if source is None or target is None:
                continue
            if rel.kind == "contradiction":
                draft.add_link(LinkKind.CON, source, target, rel.position)
                draft.add_link(LinkKind.CON, target, source, rel.position)
                reader.warn("W615", "contradiction imported as two attacks", rel.position)
            else:
                kind = LinkKind.PRO if rel.kind == "support" else LinkKind.CON
                draft.add_link(kind, source, target, rel.position)
        # Our own link arguments name links by (source, target, kind); an undercut's
        # target is another link argument, so resolve them in rounds.
        by_titles: dict[tuple[str, Any, Any], list[str]] = {}
        for lk in draft.links:
            ends = (lk.kind.value, self.title_of(lk.source), self.title_of(lk.target))
            by_titles.setdefault(ends, []).append(lk.key)
        link_keys: dict[str, list[str]] = {}
        for title, spec in self.link_args.items():
            if spec.get("kind") in ("pro", "con"):
                ends = (spec["kind"], spec.get("source"), spec.get("target"))
                link_keys[title] = by_titles.get(ends, [])
        # Our own undercut-link arguments, by the (link, undercutter) they stand for.
        undercut_args: dict[tuple[Any, Any], list[str]] = {}
        for title, spec in self.link_args.items():
            if spec.get("kind") == "undercut":
                undercut_args.setdefault((spec.get("target"), spec.get("source")), []).append(title)
        # Each undercut is resolved once what it attacks is known: in dependency order,
        # so a chain written in any order takes one pass.
        waiting: dict[tuple[str, str], list[_Relation]] = {}
        queue = deque(undercuts)
        while queue:
            rel = queue.popleft()
            targets = self.links_of(rel.target, link_keys)
            if targets is None:
                waiting.setdefault(rel.target, []).append(rel)
                continue
            source = self.node_of(rel.source, rel)
            if source is None:
                continue
            if not targets:
                reader.warn(
                    "W614",
                    f"undercut of {self.show(rel.target)}: no premise-to-parent link"
                    " found for it to attack; left out",
                    rel.position,
                )
            title = rel.target[1] if rel.target[0] == "a" else ""
            for target in targets:
                made = draft.add_link(LinkKind.UNDERCUT, source, target, rel.position)
                for other in undercut_args.get((title, self.title_of(source)), []):
                    link_keys.setdefault(other, []).append(made.key)
                    queue.extend(waiting.pop(("a", other), []))
        unresolved = {id(rel) for rels in waiting.values() for rel in rels}
        for rel in undercuts:
            if id(rel) in unresolved:
                reader.warn(
                    "W617",
                    f"undercut of {self.show(rel.target)}, which names a link that"
                    " is not in the file; left out",
                    rel.position,
                )

    def show(self, handle: tuple[str, str]) -> str:
        return f"<{handle[1]}>" if handle[0] == "a" else f"[{handle[1]}]"

    def title_of(self, key: str) -> str | None:
        node = self.draft.nodes.get(key)
        return node.title if node else None

    def node_of(self, handle: tuple[str, str], rel: _Relation) -> str | None:
        kind, key = handle
        if kind == "s":
            return key
        if key in self.arg_nodes:
            return self.arg_nodes[key]
        argument = self.reader.arguments[key]
        if argument.pcs and argument.inferences:
            return argument.pcs[-1]
        # An argument reaching here either stands for one of argmap's links or has numbered
        # statements without an inference line, and so no conclusion to relate.
        what = (
            "stands for a link"
            if key in self.link_args
            else "has numbered statements but no inference line"
        )
        self.reader.warn("W614", f"relation of <{key}>, which {what}, is left out", rel.position)
        return None

    def links_of(
        self, handle: tuple[str, str], link_keys: dict[str, list[str]]
    ) -> list[str] | None:
        """The links an undercut of `handle` attacks; None if not known yet."""
        kind, key = handle
        if kind == "s":
            return []
        if key in self.link_args:
            return link_keys.get(key)
        draft = self.draft
        if key in self.arg_nodes:
            node = self.arg_nodes[key]
            return [
                lk.key
                for lk in draft.links
                if lk.source == node and lk.kind is not LinkKind.UNDERCUT
            ]
        argument = self.reader.arguments[key]
        if not argument.inferences or argument.inferences[-1] >= len(argument.pcs):
            return []
        # The last inference: the link (a group's, or a single premise's) to the conclusion;
        # for argmap's own Argdown, where the conclusion is the group, the group's links.
        last = argument.inferences[-1]
        if (argument.title, last) in self.step_links:
            return [self.step_links[(argument.title, last)]]
        group = argument.pcs[last]
        return [
            lk.key
            for lk in draft.links
            if lk.source == group and lk.kind in (LinkKind.PRO, LinkKind.CON)
        ]

    def flatten(self, argument: _Argument, tags: list[str], descriptions: list[str]) -> None:
        """Each inference of a premise-conclusion structure: its premises (the statements
        since the inference before it) support its conclusion, as one linked group when
        there are several. The main conclusion's group is titled with the argument and
        takes its description as note; the argument's tags go to its main conclusion
        (which its relations go to, too). Argdown written by argmap marks the main
        conclusion as the group itself (GROUP_DATA_KEY): then the group is that statement."""
        reader, draft = self.reader, self.draft
        for key in argument.data:
            reader.warn(
                "W618", f"data field {key!r} of <{argument.title}> is left out", argument.position
            )
        if not argument.inferences:
            reader.warn(
                "W612",
                f"<{argument.title}> has numbered statements but no inference line:"
                " imported as statements only"
                + (f"; its tags ({', '.join(tags)}) are left out" if tags else ""),
                argument.position,
            )
            return
        main_key = argument.pcs[-1]
        main = draft.nodes[main_key]
        marked = reader.statements[main_key].data.get(GROUP_DATA_KEY) is True
        if marked:
            main.group = True
        if tags:
            _join_tags(main.tags, tags)
            reader.warn(
                "W612",
                f"<{argument.title}> is imported as its premise-conclusion structure: its"
                f" tags ({', '.join(tags)}) go to its main conclusion",
                argument.position,
            )
        description = " ".join(" ".join(descriptions).split())
        if description == " ".join(main.text.split()):
            description = ""  # the description says the conclusion again: nothing to keep
        previous = 0
        steps = [at for at in argument.inferences if 0 < at < len(argument.pcs)]
        for at in steps:
            conclusion = argument.pcs[at]
            premises = list(dict.fromkeys(argument.pcs[previous:at]))
            position = draft.nodes[premises[0]].position
            last = at == steps[-1]
            if last and marked:
                # argmap's own Argdown: one argument per group, whose premises are the
                # group's. A second argument concluding in it cannot join it unsaid.
                owner = self.group_owners.setdefault(conclusion, argument.title)
                if owner != argument.title:
                    reader.warn(
                        "W614",
                        f"<{argument.title}> concludes [{conclusion}], the linked group of"
                        f" <{owner}>, which stands on its own premises only: this inference"
                        + (" and its description are" if description else " is")
                        + " left out",
                        argument.position,
                    )
                    description = ""
                    break
                for premise in premises:
                    draft.add_link(LinkKind.LINKED, premise, conclusion, position)
                if description and main.note:
                    reader.warn(
                        "W611",
                        f"the description of <{argument.title}> is left out: its linked group"
                        f" [{conclusion}] has a note already",
                        argument.position,
                    )
                elif description:
                    main.note = description
                description = ""
            elif len(premises) > 1:
                key = f"<{argument.title}> {at}"
                made = draft.add_group(
                    key,
                    premises,
                    LinkKind.PRO,
                    conclusion,
                    argument.position,
                    title=argument.title if last else None,
                )
                self.step_links[(argument.title, at)] = made.key
                if last and description:
                    draft.nodes[key].note = description
                    description = ""
            else:
                made = draft.add_link(LinkKind.PRO, premises[0], conclusion, position)
                self.step_links[(argument.title, at)] = made.key
            previous = at
        if description:
            reader.warn(
                "W611",
                f"the description of <{argument.title}> is left out: its main conclusion"
                " has one premise, so no linked group to note it on",
                argument.position,
            )
