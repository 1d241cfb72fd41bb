"""Premises counted more than once: a node whose strength reaches another node along more
than one route (through refs), so that every semantics adds it in more than once there.
Depends on the model only, so that `validate` can warn about it cheaply (W210)."""

from __future__ import annotations

import gc
from typing import Any

import attrs

from argmap.model import ArgumentMap, Link, LinkKind


@attrs.frozen
class Repeat:
    """A node whose strength reaches `at` along more than one route (through refs)."""

    node: str
    at: str  # the node where the routes meet
    routes: tuple[tuple[str, ...], ...]  # node ids from `node` to `at`, two of them
    count: int  # how many of `at`'s inputs carry it
    link: str  # the link out of `node` that starts the second route (where it is written)

    def as_data(self) -> dict[str, Any]:
        return {
            "node": self.node,
            "at": self.at,
            "routes": [list(r) for r in self.routes],
            "count": self.count,
        }


def repeated_premises(m: ArgumentMap) -> list[Repeat]:
    """Nodes that reach another node by more than one route, so every semantics counts them
    more than once there; reported where the routes meet. Only nodes written under more
    than one parent (through refs) can repeat; what lies under them repeats with them and is
    not reported again. Arguments on cycles are left out (a cycle repeats everything on it)."""
    collecting = gc.isenabled()
    gc.disable()  # as in evaluate(): the many small lists would make each collection walk the map
    try:
        return _repeated(m)
    finally:
        if collecting:
            gc.enable()


# An argument: a node by its id, or a link as ("link", id) (a premise without an id has its
# link's id as its node id, so the two must be told apart).
_Arg = str | tuple[str, str]


def _repeated(m: ArgumentMap) -> list[Repeat]:
    out: dict[str, list[Link]] = {}
    for lk in m.links:
        out.setdefault(lk.source, []).append(lk)
    shared = {nid for nid, links in out.items() if len(links) > 1 and m.get_node(nid)}
    if not shared:
        return []
    undercut = LinkKind.UNDERCUT

    def users(a: _Arg) -> list[_Arg]:
        if isinstance(a, str):
            return [("link", lk.id) for lk in out.get(a, ())]
        lk = m.get_link(a[1])
        if lk is None:
            return []
        if lk.kind is undercut:
            return [("link", lk.target)] if m.get_link(lk.target) else []
        return [lk.target] if m.get_node(lk.target) else []

    # Only what lies downstream of a shared node can carry one: the rest is left alone.
    region: set[_Arg] = set(shared)
    stack: list[_Arg] = list(shared)
    while stack:
        for b in users(stack.pop()):
            if b not in region:
                region.add(b)
                stack.append(b)

    def deps(a: _Arg) -> list[_Arg]:
        found: list[_Arg]
        if isinstance(a, str):
            found = [("link", lk.id) for lk in m.incoming(a) if lk.kind is not undercut]
        else:
            lk = m.link(a[1])
            found = [lk.source]
            found += [("link", u.id) for u in m.incoming(lk.id) if u.kind is undercut]
        return [d for d in found if d in region]

    inputs = {a: deps(a) for a in region}
    waiting = {a: len(d) for a, d in inputs.items()}
    followers: dict[_Arg, list[_Arg]] = {}
    for a, d in inputs.items():
        for b in d:
            followers.setdefault(b, []).append(a)
    ready = [a for a, w in waiting.items() if not w]
    order: list[_Arg] = []
    while ready:
        a = ready.pop()
        order.append(a)
        for b in followers.get(a, ()):
            waiting[b] -= 1
            if not waiting[b]:
                ready.append(b)
    empty: frozenset[str] = frozenset()
    up: dict[_Arg, frozenset[str]] = {}  # the shared nodes each argument carries
    found: list[Repeat] = []
    for a in order:
        carried = [up.get(d, empty) | {d} if d in shared else up.get(d, empty) for d in inputs[a]]
        if len(carried) <= 1:
            up[a] = carried[0] if carried else empty
            continue
        seen: set[str] = set()
        twice: set[str] = set()
        for c in carried:
            twice |= seen & c
            seen |= c
        up[a] = frozenset(seen)
        if not twice or not isinstance(a, str):
            continue
        # what lies under a repeated node repeats with it: report only the node itself
        inner = {z for y in twice for z in up.get(y, empty) if z != y}
        for x in sorted(twice - inner):
            carriers = [d for d in inputs[a] if d == x or x in up.get(d, empty)]
            walks = [_route(x, d, inputs, up) for d in carriers[:2]]
            if m.link(walks[0][1]).is_ref and not m.link(walks[1][1]).is_ref:
                walks.reverse()  # point at the ref: that is where the node is written again
            routes = tuple(route + (a,) for route, _ in walks)
            if routes[0] == routes[1]:
                continue  # the same link written twice: W205 says so
            found.append(Repeat(x, a, routes, len(carriers), walks[1][1]))
    found.sort(key=lambda r: (r.at, r.node))
    return found


def _route(
    x: str, start: _Arg, inputs: dict[_Arg, list[_Arg]], up: dict[_Arg, frozenset[str]]
) -> tuple[tuple[str, ...], str]:
    """The route from node x to `start` (a link into the meeting node): node ids, x first,
    with "undercut on L" where it goes through an undercut on link L; and the id of the link
    out of x it starts with (where x is written on this route)."""
    path: list[str] = []
    a = start
    while True:
        b = next(b for b in inputs[a] if b == x or x in up.get(b, frozenset()))
        if isinstance(a, str):
            path.append(a)
        elif not isinstance(b, str):  # b is an undercut on link a
            path.append(f"undercut on {a[1]}")
        if b == x:
            assert not isinstance(a, str)
            path.append(x)
            return tuple(reversed(path)), a[1]
        a = b
