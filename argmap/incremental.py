"""Checking a map again after an edit inside one top-level claim, without reading the rest.

While an author types, an edit almost always stays inside one claim: the lines
from its key under `claims` to the next claim's key (or, for the last claim, to
the next top-level key or the end of the file). `reload` reads those lines alone,
with the loader's own rules (`load.load_claim_part`, on a text that keeps every
line where it stood, so every position and message comes out as a full load
gives it), puts the claim's nodes and links in place of the old ones in the last
map that loaded, moves what follows by the lines the edit added or removed, and
runs `validate_map` on the result: every whole-map check (ids across claims,
refs, cycles, actors and sources, quotes) sees the whole map, as `argmap
validate` does.

The answer is the one a full `loads_map` + `validate_map` of the text gives, or
None when this module cannot be sure of that; the caller then checks the whole
text. It gives up on an edit outside the claims or across two of them; on claims
not written as a block mapping; on a claim that no longer starts where it did,
grew a second key at the claims' level or took another claim's id; on tabs, on
line breaks other than `\n`, and after a YAML directive (`%TAG`). When the claim
is not YAML the loader reads, its error is the whole text's only if it is a
syntax error, an anchor or a tag, stands below the claim's unchanged key and
above the next, and every line of the claim is indented under its key (the
reasons are at `_unread`). A claim that reads but does not load (an unknown
field) gives its errors, which are the map's; the next edit is then checked
against the last map that loaded.

The validator's one costly whole-map check, the search for a ref cycle, is left
to what the edited claim's refs depend on when the map before had no cycle (the
proof is at `_still_acyclic`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TypeVar

import attrs

from argmap.errors import Diagnostic, Position
from argmap.gcpause import gc_paused
from argmap.load import derive_group_texts, load_claim_part
from argmap.model import Actor, ArgumentMap, Link, Node, Quote, Source
from argmap.quotes import SourceTexts
from argmap.validate import find_cycle, validate_map

T = TypeVar("T")
E = TypeVar("E", Actor, Source)

# Line breaks YAML counts besides `\n`: with one of them the loader's line numbers are not
# the lines of a text split at `\n`, and this module would put things on the wrong line.
_OTHER_BREAKS = ("\r", "\x85", "\u2028", "\u2029")


def _plain_breaks(text: str) -> bool:
    return not any(b in text for b in _OTHER_BREAKS)


@attrs.frozen
class Basis:
    """The last version of a document that loaded (its lines split at `\\n`, and its map), and
    where the current text differs from it, if it does: the current lines
    `first`..`end` (exclusive) stand where the basis had `first`..`basis_end`."""

    lines: Sequence[str]
    map: ArgumentMap
    dirty: tuple[int, int, int] | None = None  # (first, basis_end, end)
    # The map's search for a ref cycle ran and found none (see `_still_acyclic`).
    acyclic: bool = False

    @classmethod
    def of(cls, lines: Sequence[str], m: ArgumentMap, diagnostics: Iterable[Diagnostic]) -> Basis:
        """The basis of a map and what `validate_map` found in it."""
        return cls(lines, m, acyclic=_searched_no_cycle(m, diagnostics))


def _searched_no_cycle(m: ArgumentMap, diagnostics: Iterable[Diagnostic]) -> bool:
    """`validate_map` looked for a ref cycle and found none: it looks unless the map
    allows cycles or has a duplicated id (E101), and says E103 if it finds one."""
    return not m.allow_cycles and not any(d.code in ("E101", "E103") for d in diagnostics)


@attrs.frozen
class Reloaded:
    """What a full load and validation of the edited text finds, found from one claim."""

    map: ArgumentMap | None  # None: the claim does not load, and so neither does the map
    diagnostics: list[Diagnostic]
    basis: Basis  # for the next edit


def reload(
    basis: Basis,
    lines: Sequence[str],
    first: int,
    old_end: int,
    new_end: int,
    *,
    sources: SourceTexts | None = None,
) -> Reloaded | None:
    """Load and validate `lines` (the document split at `\\n`): the current text of `basis`
    with its lines `first`..`old_end` (exclusive) replaced by `lines[first:new_end]`.

    The result equals `loads_map` and `validate_map` of the whole text (the map, or the
    loader's errors); None when the edit is not one this can check alone.
    """
    wide = widened(basis, lines, first, old_end, new_end)
    if wide is None or wide.dirty is None:
        return None
    lo, basis_hi, new_hi = wide.dirty
    # As `loads_map` does: the new map is there to stay, and the collector would walk the
    # whole of it (and the old one) again and again while it is built and checked.
    with gc_paused(keep=True):
        return _reload(basis, lines, lo, basis_hi, new_hi, sources)


def widened(
    basis: Basis, lines: Sequence[str], first: int, old_end: int, new_end: int
) -> Basis | None:
    """The basis of `lines`, edited as `reload` says: where they differ from the basis's
    text, the edited lines included. For the next edit after one that must be checked in
    full and does not load. None if `lines` are not that edit of the current text."""
    if not 0 <= first < old_end or new_end <= first or new_end > len(lines):
        return None
    lo, basis_hi, new_hi = first, old_end, new_end
    if basis.dirty is not None:  # the text already differs from the basis: cover both
        a, b, c = basis.dirty
        lo = min(a, first)
        hi = max(c, old_end)
        basis_hi, new_hi = hi + (b - c), hi + (new_end - old_end)
    if basis_hi > len(basis.lines) or new_hi > len(lines):
        return None
    # Everything outside the edited lines is the basis's, or the edit is not what we were
    # told: then no shortcut.
    if lines[:lo] != basis.lines[:lo] or lines[new_hi:] != basis.lines[basis_hi:]:
        return None
    return attrs.evolve(basis, dirty=(lo, basis_hi, new_hi))


def _claim_starts(m: ArgumentMap) -> tuple[list[int], int] | None:
    """The index in `m.nodes` of each claim's node, and the column of the claims' keys; None
    unless the claims are a block mapping (`claims:` and the claims on lines of their own)."""
    starts = [i for i, node in enumerate(m.nodes) if node.is_claim]
    if len(starts) != len(m.claims) or not starts:
        return None
    column = m.nodes[starts[0]].position.column
    if m.position.column != 1 or column <= 1:
        return None
    if m.field_positions.get("claims") != m.nodes[starts[0]].position:
        return None  # `claims: {...}`: the mapping starts before its first key
    if any(m.nodes[i].position.column != column for i in starts):
        return None
    return starts, column


def _top_level_after(lines: Sequence[str], start: int) -> int:
    """The first line after `start` that begins at the left edge and is no comment: where the
    last claim ends. A quoted or flow value going on at the left edge ends the claim early, so
    that it does not read: that is checked in full."""
    for k in range(start + 1, len(lines)):
        line = lines[k]
        if line and line[0] not in " #":
            return k
    return len(lines)


def _reload(
    basis: Basis,
    lines: Sequence[str],
    lo: int,
    basis_hi: int,
    new_hi: int,
    sources: SourceTexts | None,
) -> Reloaded | None:
    m = basis.map
    found = _claim_starts(m)
    if found is None:
        return None
    starts, column = found
    if any(line.startswith("%") for line in basis.lines[: m.position.line - 1]):
        return None  # a `%TAG` directive would make tags mean something else in the claim
    keys = [m.nodes[i].position.line - 1 for i in starts]  # 0-based lines of the claim keys
    # The claim the edit is in: its key is the last at or above the first edited line.
    index = -1
    for n, key in enumerate(keys):
        if key > lo:
            break
        index = n
    if index < 0:
        return None  # above the first claim
    start = keys[index]
    last = index == len(keys) - 1
    basis_stop = _top_level_after(basis.lines, start) if last else keys[index + 1]
    if basis_hi > basis_stop:
        return None  # the edit reaches past the claim
    delta = new_hi - basis_hi
    stop = basis_stop + delta  # where the claim ends in the new text
    piece = lines[start:stop]
    if any(not _plain_breaks(line) or "\t" in line for line in piece):
        return None
    if any(not _plain_breaks(line) for line in basis.lines[lo:basis_hi]):
        return None
    if start < 1:
        return None
    # The claim where it stands, under a `claims:` of its own, with the line that follows it
    # (the next claim's key or top-level key): each line keeps its number.
    after = lines[stop] if stop < len(lines) else None
    text = "\n" * (start - 1) + "claims:\n" + "\n".join(piece)
    if after is not None:
        text += "\n" + after + "\n"
    part = load_claim_part(text, m.path)
    if part is None:
        return None
    if not part.read:
        return _unread(
            basis, part.errors, piece, column, (lo, start, basis_hi, new_hi, stop), after
        )
    cid = part.claim_keys[0][0]
    # The claim read alone must be the one claim where the old one stood, followed by what
    # followed it: else the edit changed more than this claim (a new key at its level, an
    # indentation that moved the claim into the one above...).
    root_keys = [("claims", start, 1)]
    claim_keys = [(cid, start + 1, column)]
    if not last:
        claim_keys.append((m.claims[index + 1], stop + 1, column))
    elif after is not None:
        root_keys.append((part.root_keys[-1][0], stop + 1, 1))
    if list(part.root_keys) != root_keys or list(part.claim_keys) != claim_keys:
        return None
    if cid != m.claims[index] and cid in m.claims:
        return None  # another claim's key: the full load says it is a duplicate
    warnings = tuple(w for w in part.warnings if w.position.line <= stop)
    if part.errors:
        # The rest loaded before and is as it was: this claim's errors are the map's.
        errors = sorted(part.errors, key=Diagnostic.sort_key)
        return Reloaded(None, errors, attrs.evolve(basis, dirty=(lo, basis_hi, new_hi)))
    new = _splice(m, starts, index, basis_stop, part.nodes, part.links, warnings, cid, delta)
    if new is None:
        return None
    acyclic = basis.acyclic and _still_acyclic(new, part.links)
    diagnostics = validate_map(new, sources=sources, acyclic=acyclic)
    return Reloaded(new, diagnostics, Basis.of(lines, new, diagnostics))


def _still_acyclic(new: ArgumentMap, links: Sequence[Link]) -> bool:
    """Whether the map with the claim read again (whose links are `links`) has no ref cycle,
    given that the map before had none: so if no cycle passes through a ref written in the
    claim (a search of what those refs depend on, not of the whole map).

    Why: a node depends on the links written under it, a link on its source node and on
    the undercuts written under it. A link that is not a ref has its source written in its
    own claim; so from the claim's nodes and links, only a ref written in the claim leads
    out of it, and without one they form a tree. A cycle through the claim therefore runs
    through one of its refs. A cycle that avoids the claim was there before: outside the
    claim, each link names the node it named before or none (unless an id is now defined
    twice: then `validate_map` does not search, and had one been twice before, it would
    not have searched then).
    """
    refs = [link.id for link in links if link.is_ref]
    return not refs or find_cycle(new, refs) is None


# Errors of YAML reading that stand where they are found, whatever follows in the file.
_LOCAL_ERRORS = frozenset({"E004", "E006", "E007"})


def _unread(
    basis: Basis,
    errors: tuple[Diagnostic, ...],
    piece: Sequence[str],
    column: int,
    where: tuple[int, int, int, int, int],
    after: str | None,
) -> Reloaded | None:
    """The claim's lines are not YAML the loader reads: the whole text stops at the same place
    with the same error, provided that
    - the claim's key line is as it was (the claim above read up to it, and no further),
      and the error stands below it (a value above may end on the key line, and the
      message for an error on a value's last line speaks of that value);
    - every other line of the claim is indented under its key, or a comment (a key at the
      claims' level or the top level could be a duplicate of one elsewhere, which the
      whole text would find first);
    - the error stands before the next key (YAML reads at most to the end of that key on its
      line before it gives up: it is the same line in both texts);
    - nothing in the claim is a character YAML refuses (the reader checks text ahead of
      the parse, by blocks of the file: which error comes first would depend on them).
    Any other such error (a duplicate key, a second document) is checked in full."""
    lo, start, basis_hi, new_hi, stop = where
    if lo <= start or any(d.code not in _LOCAL_ERRORS for d in errors):
        return None
    if any(d.position.line <= start + 1 for d in errors):
        return None
    if after is not None and any(d.position.line > stop for d in errors):
        return None
    if not all(line.isprintable() for line in piece):
        return None
    for line in piece[1:]:
        body = line.lstrip(" ")
        if body and not body.startswith("#") and len(line) - len(body) < column:
            return None
    return Reloaded(None, list(errors), attrs.evolve(basis, dirty=(lo, basis_hi, new_hi)))


def _splice(
    m: ArgumentMap,
    starts: list[int],
    index: int,
    basis_stop: int,
    nodes: tuple[Node, ...],
    links: tuple[Link, ...],
    warnings: tuple[Diagnostic, ...],
    cid: str,
    delta: int,
) -> ArgumentMap | None:
    """`m` with claim `index` replaced by the claim read again, and what follows it moved by
    `delta` lines; None if `m`'s links or warnings are not in file order, as the loader
    leaves them."""
    start_line = m.nodes[starts[index]].position.line  # 1-based, like positions
    stop_line = basis_stop + 1
    node_stop = starts[index + 1] if index + 1 < len(starts) else len(m.nodes)
    link_parts = _three(m.links, lambda lk: lk.position.line, start_line, stop_line)
    warning_parts = _three(m.load_warnings, lambda d: d.position.line, start_line, stop_line)
    if link_parts is None or warning_parts is None:
        return None
    links_before, _old, links_after = link_parts
    warnings_before, _old_warnings, warnings_after = warning_parts
    nodes_after: Sequence[Node] = m.nodes[node_stop:]
    actors, sources, fields = m.actors, m.sources, m.field_positions
    if delta:
        nodes_after = [_moved_node(n, delta) for n in nodes_after]
        links_after = [attrs.evolve(lk, position=_moved(lk.position, delta)) for lk in links_after]
        warnings_after = [
            attrs.evolve(d, position=_moved(d.position, delta)) for d in warnings_after
        ]
        actors = {k: _moved_entry(a, delta, stop_line) for k, a in actors.items()}
        sources = {k: _moved_entry(s, delta, stop_line) for k, s in sources.items()}
        fields = _moved_fields(fields, delta, stop_line)
    claims = (*m.claims[:index], cid, *m.claims[index + 1 :])
    all_nodes = [*m.nodes[: starts[index]], *nodes, *nodes_after]
    all_links = (*links_before, *links, *links_after)
    # A linked group's text is made of its premises' words, which may be written in
    # another claim (a ref): derived again over the whole map, as the loader does.
    groups = [i for i, node in enumerate(all_nodes) if node.is_group]
    derive_group_texts(all_nodes, all_links, groups)
    return attrs.evolve(
        m,
        nodes=tuple(all_nodes),
        links=all_links,
        claims=claims,
        load_warnings=(*warnings_before, *warnings, *warnings_after),
        actors=actors,
        sources=sources,
        field_positions=fields,
    )


def _three(
    items: Sequence[T], line_of: Callable[[T], int], start: int, stop: int
) -> tuple[Sequence[T], Sequence[T], Sequence[T]] | None:
    """The items on lines before `start`, from `start` to `stop` (exclusive), and after; None
    unless they come in that order."""
    first = second = len(items)
    for n, item in enumerate(items):
        line = line_of(item)
        if line < start:
            if first < len(items):
                return None
        elif line < stop:
            if second < len(items):
                return None
            first = min(first, n)
        else:
            first = min(first, n)
            second = min(second, n)
    return items[:first], items[first:second], items[second:]


def _moved(p: Position, delta: int) -> Position:
    return Position(p.file, p.line + delta, p.column)


def _moved_fields(
    fields: Mapping[str, Position], delta: int, from_line: int = 0
) -> dict[str, Position]:
    return {k: _moved(p, delta) if p.line >= from_line else p for k, p in fields.items()}


def _moved_quote(q: Quote, delta: int) -> Quote:
    return attrs.evolve(
        q,
        position=_moved(q.position, delta),
        field_positions=_moved_fields(q.field_positions, delta),
    )


def _moved_node(n: Node, delta: int) -> Node:
    return attrs.evolve(
        n,
        position=_moved(n.position, delta),
        field_positions=_moved_fields(n.field_positions, delta),
        quotes=tuple(_moved_quote(q, delta) for q in n.quotes),
    )


def _moved_entry(entry: E, delta: int, from_line: int) -> E:
    if entry.position.line < from_line:
        return entry
    return attrs.evolve(
        entry,
        position=_moved(entry.position, delta),
        field_positions=_moved_fields(entry.field_positions, delta, from_line),
    )
