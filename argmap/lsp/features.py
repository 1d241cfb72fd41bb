"""Every editor feature of `argmap lsp`, as pure functions of one document's analysis.

`analyse(text, path, ...)` loads and validates the text with argmap's own
`loads_map` / `validate_map` (the very checks `argmap validate` runs) and keeps
the map; the other functions answer one LSP request each from it and return
lsprotocol values, ready to send. Nothing here does I/O but reading source files
for quote checks, and nothing raises for anything a document contains.

Positions: the loader's 1-based lines and code-point columns become 0-based LSP
positions in the encoding the client and server agreed on (UTF-16 unless the
client offers another); `spans` finds where each value ends.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterable, Sequence
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import attrs
from lsprotocol import types

from argmap.errors import ArgmapError, Diagnostic, MapLoadError, Position, Severity, error
from argmap.load import MAX_FILE_BYTES, loads_map
from argmap.lsp.spans import (
    Span,
    block_end,
    in_flow,
    inner,
    key_before,
    ref_value_span,
    token_span,
)
from argmap.model import ArgumentMap, Link, LinkKind, Node
from argmap.quotes import QuoteCheck, QuoteChecks, SourceTexts, check_quotes
from argmap.validate import find_cycle, has_errors, validate_map
from argmap.vocabulary import is_id
from argmap.wording import SCORES_CAVEAT, STATUS_WORD

SOURCE = "argmap"
MAP_SUFFIXES = (".argmap.yaml", ".argmap.yml")
_TOP_LEVEL_VERSION = re.compile(r"^(\{\s*)?[\"']?argmap[\"']?\s*:", re.MULTILINE)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@attrs.frozen
class Settings:
    """What the editor may configure (`argmap.sources`, `argmap.evaluate`)."""

    sources: tuple[str, ...] = ()  # more folders to look for source files in
    evaluate: bool = False  # hover shows each node's score and status

    @classmethod
    def from_client(
        cls, value: Any, root: str | None = None, base: Settings | None = None
    ) -> Settings:
        """Settings from initializationOptions or workspace settings: `{"argmap": {...}}` or
        the inner object itself. A key not given keeps its value in `base`; unknown keys and
        wrong types are ignored; relative folders are taken from the workspace root."""
        base = base or cls()
        if isinstance(value, dict) and isinstance(value.get("argmap"), dict):
            value = value["argmap"]
        if not isinstance(value, dict):
            return base
        sources = base.sources
        if "sources" in value:
            folders = value["sources"]
            if isinstance(folders, str):
                folders = [folders]
            if not isinstance(folders, list | tuple):
                folders = []
            resolved = []
            for folder in folders:
                if isinstance(folder, str) and folder:
                    path = Path(folder).expanduser()
                    if not path.is_absolute() and root:
                        path = Path(root) / path
                    resolved.append(str(path))
            sources = tuple(resolved)
        evaluate = base.evaluate
        if isinstance(value.get("evaluate"), bool):
            evaluate = value["evaluate"]
        return cls(sources, evaluate)


def is_map_document(path: str, text: str) -> bool:
    """A map file: named `*.argmap.yaml` / `*.argmap.yml`, or with a top-level `argmap:` key.
    Other YAML (a CI workflow, a config file) is left alone."""
    return path.endswith(MAP_SUFFIXES) or _TOP_LEVEL_VERSION.search(text) is not None


# ---------------------------------------------------------------------------
# Units: the loader counts code points; the client counts in its position encoding.


def _units(prefix: str, encoding: str) -> int:
    if prefix.isascii() or encoding == types.PositionEncodingKind.Utf32:
        return len(prefix)
    if encoding == types.PositionEncodingKind.Utf8:
        return len(prefix.encode("utf-8"))
    return len(prefix.encode("utf-16-le")) // 2


def _code_points(line: str, units: int, encoding: str) -> int:
    if line.isascii() or encoding == types.PositionEncodingKind.Utf32:
        return min(units, len(line))
    counted = 0
    for i, ch in enumerate(line):
        if counted >= units:
            return i
        counted += _units(ch, encoding)
    return len(line)


@attrs.frozen
class Occurrence:
    """One place an id stands: where it is defined, or where a ref, `by` or quote names it."""

    kind: str  # "node", "actor" or "source"
    name: str
    span: Span  # the id itself, without quotes
    definition: bool


# ---------------------------------------------------------------------------
# The analysis of one document.


@attrs.define
class Analysis:
    """One version of a document: its map (None if it does not load) and its diagnostics."""

    path: str
    text: str
    lines: list[str]
    map: ArgumentMap | None
    diagnostics: list[Diagnostic]
    settings: Settings
    texts: SourceTexts
    encoding: str = types.PositionEncodingKind.Utf16
    _index: list[Occurrence] | None = None
    _anchors: list[Occurrence] | None = None
    _checks: QuoteChecks | None = None
    _score_lines: dict[str, str] | None = None

    # -- positions

    def position(self, line: int, col: int) -> types.Position:
        """The LSP position of a 0-based line and code-point column."""
        text = self.lines[line] if line < len(self.lines) else ""
        return types.Position(line, _units(text[:col], self.encoding))

    def range(self, span: Span) -> types.Range:
        return types.Range(
            self.position(span.start_line, span.start_col),
            self.position(span.end_line, span.end_col),
        )

    def from_lsp(self, position: types.Position) -> tuple[int, int]:
        """The 0-based line and code-point column of an LSP position."""
        line = min(position.line, len(self.lines) - 1)
        return line, _code_points(self.lines[line], position.character, self.encoding)

    def span_at(self, position: Position) -> Span:
        """The extent of the value the loader's (1-based) position points at."""
        if position.line <= 0:
            return Span(0, 0, 0, len(self.lines[0]))
        return token_span(self.lines, position.line - 1, position.column - 1)

    def point_at(self, position: Position) -> Span:
        """The one character at the position (or the empty end of its line)."""
        line = min(max(position.line - 1, 0), len(self.lines) - 1)
        col = min(max(position.column - 1, 0), len(self.lines[line]))
        return Span(line, col, line, min(col + 1, len(self.lines[line])))

    # -- the ids of the map and where they stand

    def definition_span(self, node: Node) -> Span:
        if node.explicit_id and not node.is_claim:
            return inner(self.lines, self.span_at(node.position_of("id")))
        return inner(self.lines, self.span_at(node.position))

    def occurrences(self) -> list[Occurrence]:
        """Every place an id of a node, actor or source stands, in file order."""
        if self._index is None:
            self._index = _index(self) if self.map is not None else []
        return self._index

    def occurrence_at(self, line: int, col: int) -> Occurrence | None:
        for occurrence in self.occurrences():
            if occurrence.span.contains(line, col):
                return occurrence
        return None

    def node_at(self, line: int, col: int) -> Node | None:
        """The node whose id or text is under (line, col)."""
        m = self.map
        if m is None:
            return None
        found = self.occurrence_at(line, col)
        if found is not None and found.kind == "node":
            return m.get_node(found.name)
        if self._anchors is None:
            self._anchors = [
                Occurrence("node", n.id, self.span_at(n.position_of("text")), False)
                for n in m.nodes
            ]
        for anchor in self._anchors:
            if anchor.span.contains(line, col):
                return m.get_node(anchor.name)
        return None


def _index(a: Analysis) -> list[Occurrence]:
    m = a.map
    assert m is not None
    lines = a.lines
    found: list[Occurrence] = []

    def at(kind: str, name: str, position: Position, definition: bool = False) -> None:
        found.append(Occurrence(kind, name, inner(lines, a.span_at(position)), definition))

    for node in m.nodes:
        found.append(Occurrence("node", node.id, a.definition_span(node), True))
        for n, actor in enumerate(node.by):
            where = node.field_positions.get(f"by.{n}", node.position_of("by"))
            at("actor", actor, where)
        for quote in node.quotes:
            at("source", quote.source, quote.position_of("source"))
            if quote.speaker is not None:
                at("actor", quote.speaker, quote.position_of("speaker"))
    for link in m.links:
        if link.is_ref:
            span = ref_value_span(lines, link.position.line - 1, link.position.column - 1)
            if span is not None:
                found.append(Occurrence("node", link.source, inner(lines, span), False))
    for kind, entries in (("actor", m.actors), ("source", m.sources)):
        for entry in entries.values():
            key = key_before(lines, entry.position.line - 1, entry.position.column - 1)
            if key is not None:
                found.append(Occurrence(kind, entry.id, key, True))
    found.sort(key=lambda o: (o.span.start_line, o.span.start_col))
    return found


def split_lines(text: str) -> list[str]:
    """The document's lines as LSP counts them (\\n, \\r\\n or \\r ends a line)."""
    if "\r" not in text:
        return text.split("\n")
    return _LINE_BREAK.split(text)


def _size(text: str) -> int:
    """The text's size in UTF-8 bytes, or a bound of it that decides the size check."""
    if len(text) * 4 <= MAX_FILE_BYTES:
        return len(text)  # under the limit however it is encoded: no need to count
    return len(text.encode("utf-8", "surrogatepass"))


def analyse(
    text: str,
    path: str,
    settings: Settings | None = None,
    texts: SourceTexts | None = None,
    encoding: str = types.PositionEncodingKind.Utf16,
) -> Analysis:
    """Load and validate the text as `argmap validate` would the file at `path`.

    Quotes are checked against source files beside `path` and in the settings' folders.
    """
    settings = settings or Settings()
    texts = texts if texts is not None else SourceTexts(settings.sources)
    m: ArgumentMap | None = None
    size = _size(text)
    if size > MAX_FILE_BYTES:
        message = f"file is {size:,} bytes; maps are limited to {MAX_FILE_BYTES:,} bytes"
        diagnostics = [error("E003", message, Position(path, 1, 1))]
    else:
        try:
            m = loads_map(text, path)
        except MapLoadError as exc:
            diagnostics = list(exc.diagnostics)
        else:
            diagnostics = validate_map(m, sources=texts)
    return Analysis(path, text, split_lines(text), m, diagnostics, settings, texts, encoding)


# Typing in a node's text: the one edit that cannot change what the checks find.

# A plain scalar that starts with one of these, or holds `#` or `:`, may mean something
# else to YAML (a comment, a key, a quoted or flow value): such an edit is checked in full.
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_NULL_WORDS = frozenset({"null", "~"})


def _plain_words(value: str) -> bool:
    return (
        bool(value.strip())
        and value[0] not in _INDICATORS
        and not value[0].isspace()
        and "#" not in value
        and ":" not in value
        and value.isprintable()
        and value.strip().casefold() not in _NULL_WORDS
    )


def reanalyse(
    previous: Analysis, text: str, line: int, start: int, end: int, inserted: str
) -> Analysis:
    """The analysis of `text`, which is `previous.text` with the code-point columns
    `start`..`end` of 0-based `line` replaced by `inserted`.

    When the edit stays inside the one-line plain `text:` value of a node and leaves it
    plain, non-empty text, the checks cannot find anything new (no check reads a node's
    words, and nothing else on the line moves): the previous findings stand and only the
    node's text is replaced. Any other edit is checked in full by `analyse`.
    """
    quick = retext(previous, text, line, start, end, inserted)
    if quick is not None:
        return quick
    return analyse(text, previous.path, previous.settings, previous.texts, previous.encoding)


def retext(
    a: Analysis, text: str, line: int, start: int, end: int, inserted: str
) -> Analysis | None:
    """`reanalyse`'s quick path alone: the new analysis, or None if the edit needs a full
    check."""
    m = a.map
    if m is None or "\n" in inserted or "\r" in inserted or "\r" in text:
        return None
    if line >= len(a.lines) or not 0 <= start <= end <= len(a.lines[line]):
        return None
    old_line = a.lines[line]
    new_line = old_line[:start] + inserted + old_line[end:]
    offset = sum(map(len, a.lines[:line])) + line  # the line breaks are one "\n" each
    if text != a.text[: offset + start] + inserted + a.text[offset + end :]:
        return None  # not the edit we were told about
    written = [
        (i, n)
        for i, n in enumerate(m.nodes)
        if n.field_positions.get("text", (0, 0))[1] == line + 1
    ]
    if len(written) != 1:
        return None
    index, node = written[0]
    col = node.field_positions["text"].column - 1
    span = token_span(a.lines, line, col)
    if span.end_line != line or not col <= start <= end <= span.end_col:
        return None
    if in_flow(old_line, col):
        return None
    old_value = old_line[col : span.end_col]
    rest = new_line[col:]
    new_value = rest.rstrip()
    if old_line[span.end_col :].strip() or not _plain_words(old_value):
        return None  # a comment after the value, or a value that is not plain words
    if (
        not _plain_words(new_value)
        or new_value != old_value[: start - col] + inserted + (old_value[end - col :]).rstrip()
    ):
        return None
    lines = [*a.lines[:line], new_line, *a.lines[line + 1 :]]
    if token_span(lines, line, col).end_line != line:
        return None  # the next line would continue it
    nodes = list(m.nodes)
    nodes[index] = attrs.evolve(node, text=new_value)
    return Analysis(
        a.path,
        text,
        lines,
        attrs.evolve(m, nodes=tuple(nodes)),
        a.diagnostics,
        a.settings,
        a.texts,
        a.encoding,
    )


# ---------------------------------------------------------------------------
# Diagnostics.

_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
_FIRST_KEY = re.compile(r"duplicate key (.+) \(first at line (\d+)\)")


def diagnostics(a: Analysis, uri: str) -> list[types.Diagnostic]:
    """Every finding of `argmap validate`, with its code, severity and the extent it is about;
    for duplicates and cycles, the other places as related information."""
    m = a.map
    refs: set[Position] | None = None  # made only when a diagnostic may point at a ref
    entries: dict[Position, str] = {}
    if m is not None:
        entries = {e.position: "W203" for e in m.actors.values()}
        entries.update({e.position: "W202" for e in m.sources.values()})
    out = []
    for d in a.diagnostics:
        span = None
        p = d.position
        if m is not None and d.code in ("E102", "E103", "W205"):
            if refs is None:
                refs = {lk.position for lk in m.links if lk.is_ref}
            if p in refs:
                span = ref_value_span(a.lines, p.line - 1, p.column - 1)
        elif entries.get(p) == d.code:
            span = key_before(a.lines, p.line - 1, p.column - 1)
        if span is None and d.code == "E004":  # a syntax error is at a point, not a value
            span = a.point_at(d.position)
        if span is None:
            span = a.span_at(d.position)
        out.append(
            types.Diagnostic(
                range=a.range(span),
                message=d.message,
                severity=_SEVERITY[d.severity],
                code=d.code,
                source=SOURCE,
                related_information=_related(a, d, uri) or None,
            )
        )
    return out


def _related(a: Analysis, d: Diagnostic, uri: str) -> list[types.DiagnosticRelatedInformation]:
    def place(span: Span, message: str) -> types.DiagnosticRelatedInformation:
        return types.DiagnosticRelatedInformation(types.Location(uri, a.range(span)), message)

    m = a.map
    if d.code == "E011":
        found = _FIRST_KEY.match(d.message)
        if found is None:
            return []
        try:
            key = str(ast.literal_eval(found.group(1)))
        except (ValueError, SyntaxError):
            return []
        line = int(found.group(2)) - 1
        col = a.lines[line].find(key) if line < len(a.lines) else -1
        if col < 0:
            return []
        return [place(Span(line, col, line, col + len(key)), f"{key!r} first written here")]
    if m is None:
        return []
    if d.code == "E101":
        duplicate = next(
            (n for n in m.nodes if d.position in (n.position_of("id"), n.position)), None
        )
        if duplicate is None:
            return []
        first = m.get_node(duplicate.id)
        if first is None or first is duplicate:
            return []
        return [place(a.definition_span(first), f"{first.id!r} first defined here")]
    if d.code == "E103":
        cycle = find_cycle(m) or []
        seen: list[str] = []
        for node_id in cycle:
            if node_id not in seen:
                seen.append(node_id)
        return [
            place(a.definition_span(m.node(node_id)), f"{node_id!r} is on the cycle")
            for node_id in seen
            if m.get_node(node_id) is not None
        ]
    return []


# ---------------------------------------------------------------------------
# Navigation: definition, references, rename.


def definition(a: Analysis, position: types.Position, uri: str) -> list[types.Location]:
    """Where the node, actor or source named under the cursor is defined."""
    found = a.occurrence_at(*a.from_lsp(position))
    if found is None:
        return []
    return [
        types.Location(uri, a.range(o.span))
        for o in a.occurrences()
        if o.definition and o.kind == found.kind and o.name == found.name
    ]


def references(
    a: Analysis, position: types.Position, uri: str, include_declaration: bool = True
) -> list[types.Location]:
    """Every place the node, actor or source under the cursor is named."""
    found = a.occurrence_at(*a.from_lsp(position))
    if found is None:
        return []
    return [
        types.Location(uri, a.range(o.span))
        for o in a.occurrences()
        if o.kind == found.kind
        and o.name == found.name
        and (include_declaration or not o.definition)
    ]


class RenameRefused(Exception):
    """A rename that would break the map: the message says why."""


def prepare_rename(a: Analysis, position: types.Position) -> types.Range | None:
    found = a.occurrence_at(*a.from_lsp(position))
    if found is None:
        return None
    _check_renamable(a, found)
    return a.range(found.span)


def _check_renamable(a: Analysis, found: Occurrence) -> None:
    m = a.map
    assert m is not None
    if found.kind == "node":
        node = m.get_node(found.name)
        if node is not None and not node.is_claim and not node.explicit_id:
            raise RenameRefused(
                f"{found.name!r} is a path id (where the premise is written): give the premise"
                " an `id` to name it"
            )


def rename(a: Analysis, position: types.Position, new_name: str, uri: str) -> types.WorkspaceEdit:
    """Rename the id under the cursor everywhere in the file; RenameRefused if the new id is
    not a valid id or is taken, or if the map does not load."""
    found = a.occurrence_at(*a.from_lsp(position))
    m = a.map
    if found is None or m is None:
        raise RenameRefused("no node, actor or source id here")
    _check_renamable(a, found)
    if not is_id(new_name):
        raise RenameRefused(
            f"{new_name!r} is not a valid id: use lower-case letters, digits, '.', '_' and '-',"
            " starting with a letter or digit"
        )
    old = found.name
    names = {old: new_name}
    if found.kind == "node":
        # The premises written under it without an `id` take their path ids from it.
        prefix = old + "."
        for node in m.nodes:
            if node.id.startswith(prefix) and not node.explicit_id:
                names[node.id] = new_name + node.id[len(old) :]
        taken = set(m.node_ids)
    else:
        taken = set(m.actors if found.kind == "actor" else m.sources)
    for before, after in names.items():
        if after != before and after in taken and after not in names:
            raise RenameRefused(f"{found.kind} id {after!r} is already taken in this map")
    edits = [
        types.TextEdit(a.range(o.span), names[o.name])
        for o in a.occurrences()
        if o.kind == found.kind and o.name in names and (o.name == old or not o.definition)
    ]
    return types.WorkspaceEdit(changes={uri: edits})


# ---------------------------------------------------------------------------
# Hover.


def _status_word(status: Any) -> str:
    # The evaluation's own names, or the literature's `in` / `out`, to the words we show.
    name: str = {"accepted": "in", "rejected": "out"}.get(status.value, status.value)
    return STATUS_WORD.get(name, name)


_CHECK_WORDS = {
    QuoteCheck.VERIFIED: "verified",
    QuoteCheck.NOT_FOUND: "not found in the source",
    QuoteCheck.UNCHECKED: "unchecked",
}


def _quote_checks(a: Analysis) -> QuoteChecks:
    assert a.map is not None
    if a._checks is None:
        a._checks = check_quotes(a.map, a.texts)
    return a._checks


def hover(a: Analysis, position: types.Position) -> types.Hover | None:
    """A node's text, who argues it, its quotes and their verification, its note, and (with
    `argmap.evaluate`) its score; an actor's or source's entry."""
    m = a.map
    if m is None:
        return None
    line, col = a.from_lsp(position)
    found = a.occurrence_at(line, col)
    if found is not None and found.kind == "actor" and found.name in m.actors:
        actor = m.actors[found.name]
        parts = [f"**actor `{actor.id}`**: {actor.name}"]
        parts += [f"{label}: {v}" for label, v in (("role", actor.role), ("url", actor.url)) if v]
        if actor.kind is not None:
            parts.append(f"kind: {actor.kind.value}")
        return _hover(a, found.span, parts)
    if found is not None and found.kind == "source" and found.name in m.sources:
        source = m.sources[found.name]
        parts = [f"**source `{source.id}`**: {source.title}"]
        for label in ("author", "publisher", "date", "url", "file"):
            value = getattr(source, label)
            if value:
                parts.append(f"{label}: {value}")
        return _hover(a, found.span, parts)
    node = a.node_at(line, col)
    if node is None:
        return None
    kind = "linked group" if node.is_group else node.kind.value
    parts = [f"**{kind} `{node.id}`**" + (" (implicit)" if node.implicit else "")]
    parts.append(node.text)
    parts += _group_lines(m, node)
    if node.by:
        names = [
            f"{m.actors[b].name} (`{b}`)" if b in m.actors else f"`{b}` (unknown actor)"
            for b in node.by
        ]
        parts.append("argued by " + ", ".join(names))
    if node.quotes:
        checks = _quote_checks(a)
        lines = []
        for quote in node.quotes:
            verdict = checks.verdict(quote)
            why = _CHECK_WORDS[verdict]
            if verdict is QuoteCheck.UNCHECKED:
                why += " (" + _unchecked_reason(a, quote.source) + ")"
            lines.append(f"- “{quote.text}” ({quote.source}): {why}")
        parts.append("quotes:\n" + "\n".join(lines))
    if node.note:
        parts.append(f"note: {node.note}")
    if a.settings.evaluate:
        parts.append(_score_line(a, node))
    span = found.span if found is not None else a.span_at(node.position_of("text"))
    return _hover(a, span, parts)


def _group_lines(m: ArgumentMap, node: Node) -> list[str]:
    """For a linked group, its premises (and its cap); for a premise of one, which group
    and with what."""
    if node.is_group:
        premises = ", ".join(f"`{lk.source}`" for lk in m.members(node.id))
        bears = [
            f"one {lk.kind.value} reason of `{lk.target}`" for lk in m.links if lk.source == node.id
        ]
        lines = [f"{bears[0] if bears else 'one reason'}: its premises {premises}, only together"]
        if node.weight is not None:
            lines.append(f"weight {node.weight:g}: caps its strength (its weakest premise's)")
        return lines
    lines = []
    for lk in m.links:
        if lk.source == node.id and lk.kind is LinkKind.LINKED:
            others = [f"`{o.source}`" for o in m.members(lk.target) if o.source != node.id]
            lines.append(
                f"a premise of the linked group `{lk.target}`"
                + (f", together with {', '.join(others)}" if others else "")
            )
    return lines


def _unchecked_reason(a: Analysis, source_id: str) -> str:
    assert a.map is not None
    source = a.map.sources.get(source_id)
    if source is None:
        return "unknown source"
    if source.file is None:
        return "the source has no `file`"
    return f"{source.file} not found beside the map or in `argmap.sources`"


def _score_line(a: Analysis, node: Node) -> str:
    if a._score_lines is None:
        a._score_lines = _score_lines(a)
    return a._score_lines.get(node.id, a._score_lines.get("", "score: not computed"))


def _score_lines(a: Analysis) -> dict[str, str]:
    """Each node's score line, computed once per version of the document; under the key ""
    the reason when there are no scores."""
    from argmap.evaluate import evaluate

    assert a.map is not None
    if has_errors(d for d in a.diagnostics if d.code != "E108"):  # quotes do not bear on it
        return {"": "score: not computed while the map has errors"}
    try:
        evaluation = evaluate(a.map)
    except ArgmapError as exc:
        return {"": f"score: not computed ({exc.message})"}
    if not evaluation.converged:
        residual = evaluation.residual
        return {
            "": f"score: not computed (the evaluation did not converge; residual {residual:.2g})"
        }
    return {
        node_id: f"strength {score.strength:.2f}, {_status_word(score.status)}"
        f" ({evaluation.semantics}); {SCORES_CAVEAT}"
        for node_id, score in evaluation.nodes.items()
    }


def _hover(a: Analysis, span: Span, parts: list[str]) -> types.Hover:
    return types.Hover(
        contents=types.MarkupContent(types.MarkupKind.Markdown, "\n\n".join(parts)),
        range=a.range(span),
    )


# ---------------------------------------------------------------------------
# Completion.


@cache
def _schema() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        files("argmap").joinpath("argmap.schema.json").read_text(encoding="utf-8")
    )
    return data


def schema_fields(context: str) -> dict[str, str]:
    """The fields the map format allows in a context (`root`, `claim`, `premise`, `ref`,
    `quote`, `actor`, `source`), from argmap's JSON Schema, with their descriptions."""
    schema = _schema()
    if context == "root":
        props = schema["properties"]
    elif context == "claim":
        claim = schema["definitions"]["claim"]
        props = next(o["properties"] for o in claim["oneOf"] if "properties" in o)
    else:
        props = schema["definitions"][context]["properties"]
    return {name: str(spec.get("description", "")) for name, spec in props.items()}


def _path_to(lines: list[str], line: int, col: int) -> list[str] | None:
    """The keys leading to the cursor's mapping, `-` for a list item: for a premise under a
    claim's `con`, `["claims", "c", "con", "-"]`. None where the structure is unclear."""
    current = lines[line][:col]
    indent = len(current) - len(current.lstrip(" "))
    key_col = indent
    path: list[str] = []
    rest = current[indent:]
    while rest.startswith("- ") or rest == "-":
        path.append("-")
        key_col += 2
        rest = rest[2:]
        while rest.startswith(" "):
            key_col, rest = key_col + 1, rest[1:]
    limit = indent if path else key_col
    for k in range(line - 1, -1, -1):
        if limit == 0:
            break
        text = lines[k]
        stripped = text.strip()
        if not stripped or stripped.startswith("#"):
            continue
        ind = len(text) - len(text.lstrip(" "))
        kc = ind
        body = text[ind:]
        dashes = 0
        while body.startswith("- ") or body == "-":
            dashes += 1
            body = body[2:]
            kc += 2
            while body.startswith(" "):
                kc, body = kc + 1, body[1:]
        if kc > limit:
            continue
        if kc == limit:
            if dashes:  # a sibling key of an item's mapping
                path.append("-")
                limit = ind
            continue
        found = re.match(r"""["']?([^"'#:]+?)["']?\s*:\s*(#.*)?$""", body)
        if found is None:
            return None
        path.append(found.group(1))
        if dashes:
            path.append("-")
            limit = ind
        else:
            limit = kc
    return path[::-1]


def _field_context(path: list[str]) -> str | None:
    if not path:
        return "root"
    if len(path) == 2 and path[0] in ("sources", "actors"):
        return path[0][:-1]
    if path[0] != "claims" or len(path) < 2:
        return None
    if len(path) == 2:
        return "claim"
    if path[-1] == "quote" or path[-2:] == ["quote", "-"]:
        return "quote"
    if path[-1] == "-" and path[-2] in ("pro", "con", "undercut"):
        return "item"
    return None


_VALUE_CONTEXT = re.compile(
    r"""(?:^|[\s{,])(ref|by|source|speaker)\s*:\s*(?:\[(?:[^\]]*,)?\s*)?["']?([\w.-]*)$"""
)
_LIST_ITEM = re.compile(r"""^\s*-\s+["']?([\w.-]*)$""")
_FIELD = re.compile(r"""^\s*(?:-\s+)*([\w-]*)$""")


def completion(
    a: Analysis, last_map: ArgumentMap | None, position: types.Position
) -> list[types.CompletionItem]:
    """Node ids after `ref:`, actor ids in `by` and `speaker`, source ids after `source:`,
    and the field names the schema allows where a key is being typed.

    `last_map` is the last version of the document that loaded: while a line is being
    typed the document often does not."""
    m = a.map or last_map
    if position.line >= len(a.lines):
        return []  # past the end of the document
    line, col = a.from_lsp(position)
    prefix = a.lines[line][:col]
    found = _VALUE_CONTEXT.search(prefix)
    field = None
    word = ""
    if found is not None:
        field, word = found.group(1), found.group(2)
    else:
        item = _LIST_ITEM.match(prefix)
        if item is not None:
            item_path = _path_to(a.lines, line, col) or []
            if item_path[-2:] == ["by", "-"]:
                field, word = "by", item.group(1)
    start = a.position(line, col - len(word))
    edit_range = types.Range(start, position)
    if field is not None:
        if m is None:
            return []
        if field == "ref":  # not a linked group: a ref to one is an error (E122)
            return [
                _item(n.id, types.CompletionItemKind.Reference, n.text, edit_range)
                for n in m.unique_nodes()
                if not n.is_group
            ]
        if field in ("by", "speaker"):
            return [
                _item(x.id, types.CompletionItemKind.Value, x.name, edit_range)
                for x in m.actors.values()
            ]
        return [
            _item(s.id, types.CompletionItemKind.Value, s.title, edit_range)
            for s in m.sources.values()
        ]
    key = _FIELD.match(prefix)
    if key is None:
        return []
    path = _path_to(a.lines, line, col)
    context = _field_context(path) if path is not None else None
    if context is None:
        return []
    fields = (
        {"ref": schema_fields("ref")["ref"], **schema_fields("premise")}
        if context == "item"
        else schema_fields(context)
    )
    word = key.group(1)
    edit_range = types.Range(a.position(line, col - len(word)), position)
    return [
        types.CompletionItem(
            label=name,
            kind=types.CompletionItemKind.Field,
            detail=description or None,
            text_edit=types.TextEdit(edit_range, f"{name}: "),
        )
        for name, description in fields.items()
    ]


def _item(
    label: str, kind: types.CompletionItemKind, detail: str, edit_range: types.Range
) -> types.CompletionItem:
    shown = detail if len(detail) <= 80 else detail[:77] + "..."
    return types.CompletionItem(
        label=label, kind=kind, detail=shown, text_edit=types.TextEdit(edit_range, label)
    )


# ---------------------------------------------------------------------------
# Document symbols: the claim outline.


def symbols(a: Analysis) -> list[types.DocumentSymbol]:
    """Each claim with the pro, con and undercut premises written under it, as a tree; a
    linked group with its premises (`linked: ID`) as its children."""
    m = a.map
    if m is None:
        return []
    written = {n.position: n for n in m.nodes if not n.is_claim}
    out = []
    for claim in m.claim_nodes():
        start = claim.position
        line, col = start.line - 1, start.column - 1
        end = block_end(a.lines, line, col, siblings_at_col=True)
        whole = Span(line, col, *end)
        out.append(
            _symbol(
                a,
                claim.id,
                claim.text,
                types.SymbolKind.Class,
                whole,
                a.definition_span(claim),
                _children(a, m, written, m.incoming(claim.id), whole),
            )
        )
    return out


def _children(
    a: Analysis,
    m: ArgumentMap,
    written: dict[Position, Node],
    links: Iterable[Link],
    parent: Span,
) -> list[types.DocumentSymbol]:
    out = []
    # Undercuts first: they attack the link above, as `argmap show` lists them; but a
    # linked group's premises come before them (they make the group), as in `show`.
    ordered = sorted(
        links, key=lambda lk: (lk.kind is not LinkKind.LINKED, lk.kind is not LinkKind.UNDERCUT)
    )
    for link in ordered:
        line, col = link.position.line - 1, link.position.column - 1
        if not parent.contains(line, col):
            continue  # a duplicated id's links belong to the other definition
        if link.is_ref:
            ref = ref_value_span(a.lines, line, col) or token_span(a.lines, line, col)
            whole = Span(line, col, *block_end(a.lines, line, col, siblings_at_col=False))
            if a.lines[line][col : col + 1] == "{":
                whole = token_span(a.lines, line, col)
            target = m.get_node(link.source)
            below = _children(a, m, written, m.undercutters(link.id), whole)
            out.append(
                _symbol(
                    a,
                    f"{link.kind.value}: ref {link.source}",
                    target.text if target else "unknown id",
                    types.SymbolKind.Key,
                    whole,
                    inner(a.lines, ref),
                    below,
                )
            )
            continue
        node = written.get(link.position)
        if node is None:
            continue
        block = "text" in node.field_positions or node.is_group  # a group is its `linked:`
        if a.lines[line][col : col + 1] in ("{", '"', "'") or not block:
            whole = token_span(a.lines, line, col)
        else:
            whole = Span(line, col, *block_end(a.lines, line, col, siblings_at_col=False))
        selection = a.definition_span(node)
        if not (whole.contains(selection.start_line, selection.start_col)):
            selection = Span(line, col, line, col)
        under = list(m.undercutters(link.id)) + [
            lk for lk in m.incoming(node.id) if lk.kind is not LinkKind.UNDERCUT
        ]
        name = f"{link.kind.value}: {node.id}"
        if node.is_group:
            name = f"{link.kind.value}: linked group {node.id}"
        out.append(
            _symbol(
                a,
                name,
                node.text,
                types.SymbolKind.Property,
                whole,
                selection,
                _children(a, m, written, under, whole),
            )
        )
    return out


def _symbol(
    a: Analysis,
    name: str,
    detail: str,
    kind: types.SymbolKind,
    whole: Span,
    selection: Span,
    children: list[types.DocumentSymbol],
) -> types.DocumentSymbol:
    shown = " ".join(detail.split())
    if len(shown) > 80:
        shown = shown[:77] + "..."
    return types.DocumentSymbol(
        name=name,
        kind=kind,
        range=a.range(whole),
        selection_range=a.range(selection),
        detail=shown or None,
        children=children or None,
    )


# ---------------------------------------------------------------------------
# Code actions.

_DID_YOU_MEAN = re.compile(r"did you mean '?([\w.-]+)'?\?")


def code_actions(
    a: Analysis, diagnostics: Sequence[types.Diagnostic], uri: str
) -> list[types.CodeAction]:
    """One quick fix for each diagnostic that has one obvious fix: a 'did you mean' id or
    field name replaces what was written; a missing `argmap: 1` is inserted."""
    out = []
    for d in diagnostics:
        if d.source != SOURCE:
            continue
        found = _DID_YOU_MEAN.search(d.message)
        if found is not None and d.code in ("E102", "E106", "E107", "E113"):
            word = found.group(1)
            title = f"Replace with '{word}'"
            edit = types.TextEdit(d.range, word)
        elif d.code == "E010" and d.message.endswith("`argmap: 1` is missing"):
            line = d.range.start.line
            if line < len(a.lines) and a.lines[line].lstrip().startswith("{"):
                continue  # a flow mapping: no line to add
            title = "Add `argmap: 1`"
            at = types.Position(line, 0)
            edit = types.TextEdit(types.Range(at, at), "argmap: 1\n")
        else:
            continue
        out.append(
            types.CodeAction(
                title=title,
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[d],
                is_preferred=True,
                edit=types.WorkspaceEdit(changes={uri: [edit]}),
            )
        )
    return out
