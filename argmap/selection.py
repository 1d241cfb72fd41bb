"""Choosing what to draw: the whole map, the nodes within `--depth` links of the claims,
or with `--focus` a node, what bears on it and the nodes it bears on (drawn as context);
the links whose ends are drawn; and, for `--cluster`, the claim each node is written under.
A linked group and its premises are chosen, or left out, together: never half a frame.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Mapping
from typing import TypeVar

from argmap.errors import RenderError
from argmap.model import ArgumentMap, Link, LinkKind, Node
from argmap.themes import RenderOptions


def descendants(m: ArgumentMap, roots: Iterable[str], depth: int | None) -> dict[str, int]:
    """Each node within `depth` links below the roots (what bears on them), with its distance.

    An undercutter counts as one link below the conclusion of the link it attacks, like
    the premise of that link. A linked group comes whole: its premises are at the group's
    distance (the group is one reason, drawn as one frame).
    """
    seen: dict[str, int] = {}

    def reach(node_id: str, level: int, into: list[str]) -> None:
        if node_id in seen:
            return
        seen[node_id] = level
        into.append(node_id)
        for member in m.members(node_id):
            reach(member.source, level, into)

    frontier: list[str] = []
    for r in roots:
        if m.get_node(r) is not None:
            reach(r, 0, frontier)
    level = 0
    while frontier and (depth is None or level < depth):
        level += 1
        nxt: list[str] = []
        for node_id in frontier:
            for link in m.incoming(node_id):
                if link.kind is LinkKind.UNDERCUT:
                    continue
                for source in _sources_on(m, link):
                    reach(source, level, nxt)
        frontier = nxt
    return seen


def _sources_on(m: ArgumentMap, link: Link) -> Iterator[str]:
    """The link's source and the sources of every undercut aimed at it (and at those)."""
    yield link.source
    for undercut in m.undercutters(link.id):
        yield from _sources_on(m, undercut)


def context_of(m: ArgumentMap, node_id: str) -> list[str]:
    """What a node bears on, up to the top-level claims: what a reader needs to place it."""
    found: list[str] = []
    seen = {node_id}
    frontier = [node_id]
    while frontier:
        nxt: list[str] = []
        for current in frontier:
            for link in m.links:
                if link.source != current:
                    continue
                for target in _ends_of_target(m, link):
                    if target not in seen:
                        seen.add(target)
                        found.append(target)
                        nxt.append(target)
        frontier = nxt
    return found


def _ends_of_target(m: ArgumentMap, link: Link) -> list[str]:
    if link.kind is not LinkKind.UNDERCUT:
        return [link.target]
    attacked = m.get_link(link.target)
    if attacked is None:
        return []
    return [*_ends_of_target(m, attacked), attacked.source]


T = TypeVar("T", Node, Link)


def _file_order(items: Iterable[T]) -> list[T]:
    """Nodes or links in the order the file writes them, by position, whatever order they
    were collected in."""
    return sorted(items, key=lambda item: (item.position.line, item.position.column))


def visible(m: ArgumentMap, options: RenderOptions) -> tuple[dict[str, Node], set[str]]:
    """The nodes to draw (in file order) and, of those, the ones drawn only as context."""
    if options.focus is None:
        if options.depth is None:
            return {n.id: n for n in _file_order(m.unique_nodes())}, set()
        keep = descendants(m, m.claims, options.depth)
        return {n.id: n for n in _file_order(m.unique_nodes()) if n.id in keep}, set()
    if m.get_node(options.focus) is None:
        close = difflib.get_close_matches(options.focus, m.node_ids, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise RenderError("E406", f"--focus names no node in this map: {options.focus!r}{hint}")
    keep = descendants(m, [options.focus], options.depth)
    if options.depth is None or options.depth > 0:
        # An undercut of the focus's own link disputes that the focus bears on
        # its parent: one link below the focus, like its own premises.
        below = None if options.depth is None else options.depth - 1
        # A premise of a linked group bears on the parent through the group's link.
        bearing = {options.focus} | {
            lk.target for lk in m.links if lk.kind is LinkKind.LINKED and lk.source == options.focus
        }
        attackers = [
            source
            for link in m.links
            if link.source in bearing and link.kind is not LinkKind.LINKED
            for source in list(_sources_on(m, link))[1:]
        ]
        for node_id, distance in descendants(m, attackers, below).items():
            keep.setdefault(node_id, distance + 1)
    context = {c for c in context_of(m, options.focus) if c not in keep}
    # Never half a frame: a linked group in the context brings its other premises.
    for group_id in list(context):
        context.update(lk.source for lk in m.members(group_id) if lk.source not in keep)
    shown = (n for n in _file_order(m.unique_nodes()) if n.id in keep or n.id in context)
    return {n.id: n for n in shown}, context


def drawn_links(m: ArgumentMap, shown: Mapping[str, Node]) -> list[Link]:
    """Links whose both ends are drawn, in file order (an undercut needs its link drawn)."""
    drawn: dict[str, Link] = {}
    for link in _file_order(m.links):  # an undercut comes after the link it attacks
        if link.source not in shown:
            continue
        if link.kind is LinkKind.UNDERCUT:
            if link.target in drawn:
                drawn[link.id] = link
        elif link.target in shown:
            drawn[link.id] = link
    return list(drawn.values())


def claim_owners(m: ArgumentMap) -> dict[str, str]:
    """For clusters: each node's claim, the one it is written under (refs don't move it)."""
    owner: dict[str, str] = {}
    for claim in m.claims:
        if m.get_node(claim) is None or claim in owner:
            continue
        owner[claim] = claim
        stack = [claim]
        while stack:
            current = stack.pop()
            for link in m.incoming(current):
                # a ref's node is written elsewhere, but an undercut of the ref is
                # written here, under it (`_defined_sources` skips the ref's node)
                if link.kind is LinkKind.UNDERCUT:
                    continue
                for defined in _defined_sources(m, link):
                    if defined not in owner:
                        owner[defined] = claim
                        stack.append(defined)
    return owner


def _defined_sources(m: ArgumentMap, link: Link) -> Iterator[str]:
    if not link.is_ref:
        yield link.source
    for undercut in m.undercutters(link.id):
        yield from _defined_sources(m, undercut)
