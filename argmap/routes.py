"""Premises counted more than once: a node whose strength reaches another node along more
than one route (through refs), so that every semantics adds it in more than once there.
Depends on the model only, so that `validate` can warn about it cheaply (W210)."""

from __future__ import annotations

from typing import Any

import attrs

from argmap.model import ArgumentMap, LinkKind


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
    node_ids = m.node_ids
    n = len(node_ids)
    index = {nid: k for k, nid in enumerate(node_ids)}
    links = [lk for lk in m.links if lk.source in index]
    link_index = {lk.id: n + k for k, lk in enumerate(links)}
    total = n + len(links)
    names = node_ids + [lk.id for lk in links]
    index_of = {lk.id: k for k, lk in enumerate(links)}
    deps: list[list[int]] = [[] for _ in range(total)]
    users: list[list[int]] = [[] for _ in range(total)]
    for k, lk in enumerate(links, start=n):
        to = link_index.get(lk.target) if lk.kind is LinkKind.UNDERCUT else index.get(lk.target)
        if to is None:
            continue
        deps[k].append(index[lk.source])
        deps[to].append(k)
    for i in range(total):
        for j in deps[i]:
            users[j].append(i)
    shared = {i for i in range(n) if len(users[i]) > 1}
    if not shared:
        return []
    waiting = [len(d) for d in deps]
    ready = [i for i in range(total) if not waiting[i]]
    order: list[int] = []
    while ready:
        i = ready.pop()
        order.append(i)
        for k in users[i]:
            waiting[k] -= 1
            if not waiting[k]:
                ready.append(k)
    empty: frozenset[int] = frozenset()
    up: list[frozenset[int]] = [empty] * total  # the shared nodes each argument carries
    found: list[Repeat] = []
    for i in order:
        carried = [up[j] | {j} if j in shared else up[j] for j in deps[i]]
        if len(carried) == 1:
            up[i] = carried[0]
            continue
        seen: set[int] = set()
        twice: set[int] = set()
        for c in carried:
            twice |= seen & c
            seen |= c
        up[i] = frozenset(seen)
        if twice and i < n:
            # what lies under a repeated node repeats with it: report only the node itself
            inner = {z for y in twice for z in up[y] if z != y}
            for x in sorted(twice - inner):
                carriers = [j for j in deps[i] if j == x or x in up[j]]
                walks = [_route(x, j, deps, up, n, names) for j in carriers[:2]]
                if links[index_of[walks[0][1]]].is_ref and not links[index_of[walks[1][1]]].is_ref:
                    walks.reverse()  # point at the ref: that is where the node is written again
                routes = tuple(route + (node_ids[i],) for route, _ in walks)
                if routes[0] == routes[1]:
                    continue  # the same link written twice: W205 says so
                found.append(Repeat(node_ids[x], node_ids[i], routes, len(carriers), walks[1][1]))
    found.sort(key=lambda r: (r.at, r.node))
    return found


def _route(
    x: int, j: int, deps: list[list[int]], up: list[frozenset[int]], n: int, names: list[str]
) -> tuple[tuple[str, ...], str]:
    """The route from node x to argument j (a link into the meeting node): node ids, x first,
    with "undercut on L" where it goes through an undercut on link L; and the id of the link
    out of x it starts with (where x is written on this route)."""
    path: list[str] = []
    i = j
    while True:
        k = next(k for k in deps[i] if k == x or x in up[k])
        if i < n:
            path.append(names[i])
        elif k >= n:  # k is an undercut on link i
            path.append(f"undercut on {names[i]}")
        if k == x:
            path.append(names[x])
            return tuple(reversed(path)), names[i]
        i = k
