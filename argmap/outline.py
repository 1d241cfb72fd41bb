"""One node and everything beneath it, as a tree: what `argmap show` prints, and its JSON."""

from __future__ import annotations

import enum
from typing import Any

import attrs

from argmap.evaluate import Evaluation
from argmap.graph import (
    evaluation_info,
    parents,
    strength_of,
)
from argmap.model import ArgumentMap, Link, LinkKind, Node
from argmap.numbers import json_number
from argmap.quotes import QuoteChecks

MAX_OUTLINE_DEPTH = 100
"""`show` stops expanding below this many levels (a long chain of refs); the cut is marked."""


class Relation(enum.Enum):
    ROOT = "root"
    PRO = "pro"
    CON = "con"
    UNDERCUT = "undercut"
    LINKED = "linked"  # a premise of the linked group above


_RELATION = {
    LinkKind.PRO: Relation.PRO,
    LinkKind.CON: Relation.CON,
    LinkKind.UNDERCUT: Relation.UNDERCUT,
    LinkKind.LINKED: Relation.LINKED,
}


@attrs.frozen
class OutlineItem:
    """A node as it appears in `argmap show`'s tree."""

    node: Node
    relation: Relation
    link: Link | None  # the link that puts it here (None for the root)
    repeat: bool  # shown earlier in the tree: not expanded again
    hidden: int  # items directly beneath it that are not shown (--depth)
    children: tuple[OutlineItem, ...]


def outline(m: ArgumentMap, node_id: str, depth: int | None = None) -> OutlineItem:
    """The node `node_id` and everything beneath it, each node expanded once.

    Under each premise come first the undercuts on its link to the item above
    (they attack that link), then its own pro and con. Under a linked group come
    first its premises (they make it), then the undercuts on its link. `depth` limits the
    levels shown beneath the root (a group's premises are on the group's level); the items
    cut are counted in `hidden`.
    KeyError if there is no such node.
    """
    limit = MAX_OUTLINE_DEPTH if depth is None else min(depth, MAX_OUTLINE_DEPTH)
    expanded: set[str] = set()

    def build(node: Node, relation: Relation, link: Link | None, level: int) -> OutlineItem:
        cuts: list[tuple[Relation, Link]] = []
        if link is not None and link.kind is not LinkKind.UNDERCUT:
            cuts = [(Relation.UNDERCUT, u) for u in m.undercutters(link.id)]
        own = [
            (_RELATION[lk.kind], lk)
            for lk in m.incoming(node.id)
            if lk.kind is not LinkKind.UNDERCUT
        ]
        below = own + cuts if node.is_group else cuts + own
        below = [(r, lk) for r, lk in below if m.get_node(lk.source) is not None]
        repeat = node.id in expanded
        if repeat:
            # Undercuts belong to this link, not to the node: they are still shown.
            below = [(r, lk) for r, lk in below if r is Relation.UNDERCUT]
        else:
            expanded.add(node.id)
        # A linked group's premises stand on its level: the group and they are one reason.
        shown = [(r, lk) for r, lk in below if r is Relation.LINKED or level < limit]
        kids = tuple(
            build(m.node(lk.source), r, lk, level if r is Relation.LINKED else level + 1)
            for r, lk in shown
        )
        return OutlineItem(node, relation, link, repeat, len(below) - len(shown), kids)

    return build(m.node(node_id), Relation.ROOT, None, 0)


def outline_nodes(root: OutlineItem) -> list[Node]:
    """Every node the outline shows, each once: the nodes whose quotes `show` checks."""
    seen: dict[str, Node] = {}
    stack = [root]
    while stack:
        item = stack.pop()
        seen.setdefault(item.node.id, item.node)
        stack.extend(item.children)
    return list(seen.values())


def outline_json(
    m: ArgumentMap, root: OutlineItem, checks: QuoteChecks, evaluation: Evaluation | None
) -> dict[str, Any]:
    """`argmap show --format json`: the tree of `outline`, one object a node, with what the
    terminal view shows of it (README, JSON output)."""

    def item_json(item: OutlineItem) -> dict[str, Any]:
        node, link = item.node, item.link
        strength, status = strength_of(evaluation, node.id)
        link_score = evaluation.links.get(link.id) if evaluation and link else None
        doc: dict[str, Any] = {
            "id": node.id,
            "kind": node.kind.value,
            "relation": item.relation.value,
            "link": link.id if link is not None else None,
            "ref": link is not None and link.is_ref,
            "text": node.text,
            "implicit": node.implicit,
            "by": list(node.by),
            "weight": node.weight,
            "tags": list(node.tags),
            "note": node.note,
            "link_note": link.note if link is not None else None,
            "url": node.url,
            "quotes": [{**q.as_data(), "check": checks.verdict(q).value} for q in node.quotes],
            "strength": json_number(strength),
            "status": status,
            "link_strength": json_number(link_score.strength) if link_score is not None else None,
            "repeat": item.repeat,
            "hidden": item.hidden,
            "children": [item_json(child) for child in item.children],  # depth <= 100
        }
        if node.is_group:  # its premises, whether or not --depth shows them
            doc["premises"] = [lk.source for lk in m.members(node.id)]
        return doc

    return {
        "map": {"title": m.title, "path": m.path},
        "evaluation": evaluation_info(evaluation),
        "written_under": parents(m, root.node.id),
        "node": item_json(root),
    }
