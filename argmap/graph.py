"""Walks over a map's links: what stands beneath a node, on which side and how deep,
and where a node bears on others.

Plain typed functions shared by the summary, `show`, the listings and `report`
(with the small helpers they have in common). Definitions, also in the README:

- a premise's **side** is the way it bears on a claim through the chain of
  links between them: a pro keeps the side, a con flips it, an undercut takes
  the side opposite to the premise whose link it attacks. An objection to an
  objection counts *for* the claim. A node reached along two chains with
  different sides counts on both. The premises of a linked group stand on the
  group's side (they bear on the parent only together); the group counts as one
  **reason** (`reasons_beneath`), its premises not again.
  Another claim reached through a `ref` counts as one node on its side; what
  stands beneath it is counted in its own row, not again under each claim that
  refs it (so a chain of claims is counted in linear time).
- **depth** is the longest chain of links from the claim down to a premise
  (an undercut lies one level below the premise whose link it attacks; a linked
  group's premises lie on the group's level, the group being one reason). In a
  map with cycles a chain stops where it would come back to a node on it.
"""

from __future__ import annotations

import difflib
from collections import deque
from collections.abc import Iterable, Iterator

from argmap.evaluate import Evaluation
from argmap.model import ArgumentMap, Link, LinkKind, Node


def strength_of(evaluation: Evaluation | None, node_id: str) -> tuple[float | None, str | None]:
    score = evaluation.nodes.get(node_id) if evaluation is not None else None
    if score is None:
        return None, None
    return score.strength, score.status.value


def children(m: ArgumentMap, node_id: str) -> list[tuple[Link, list[Link]]]:
    """The pro and con links into a node (for a linked group: the links from its premises),
    each with the undercuts on it, in file order."""
    return [
        (lk, list(m.undercutters(lk.id)))
        for lk in m.incoming(node_id)
        if lk.kind is not LinkKind.UNDERCUT
    ]


def sides_beneath(m: ArgumentMap, root: str) -> dict[str, set[int]]:
    """Every node beneath `root` with its sides: +1 for the root, -1 against (module docstring).

    Linked groups and their premises are included. The walk does not go below another
    claim. The root itself is not included (unless a cycle leads back to it).
    """
    return _sides(m, root, members=True)


def reasons_beneath(m: ArgumentMap, root: str) -> dict[str, set[int]]:
    """The reasons beneath `root` with their sides: as `sides_beneath`, but a linked group
    counts once and its premises not again (unless one also stands elsewhere beneath the
    root, as a plain pro or con); what stands beneath its premises is still counted."""
    return _sides(m, root, members=False)


def _sides(m: ArgumentMap, root: str, *, members: bool) -> dict[str, set[int]]:
    found: dict[str, set[int]] = {}
    queue: deque[tuple[str, int]] = deque([(root, 1)])
    seen = {(root, 1)}
    while queue:
        node_id, side = queue.popleft()
        for link, undercuts in children(m, node_id):
            # a pro keeps the side, and so does a linked group's premise; a con flips it
            premise_side = -side if link.kind is LinkKind.CON else side
            member = link.kind is LinkKind.LINKED
            steps = [(link.source, premise_side, member)]
            steps += [(u.source, -premise_side, False) for u in undercuts]
            for child, child_side, is_member in steps:
                node = m.get_node(child)
                if node is None:
                    continue
                if members or not is_member:
                    found.setdefault(child, set()).add(child_side)
                if node.is_claim:
                    continue  # another claim: its own tree is counted in its own row
                if (child, child_side) not in seen:
                    seen.add((child, child_side))
                    queue.append((child, child_side))
    found.get(root, set()).discard(1)  # a cycle back to the root on its own side says nothing
    if root in found and not found[root]:
        del found[root]
    return found


def depths(m: ArgumentMap) -> dict[str, int]:
    """For every node: the longest chain of links beneath it (0 for a node with none).

    An undercut counts two levels below the node whose premise's link it
    attacks (it hangs under that premise). Iterative: deep chains do not hit
    Python's recursion limit.
    """
    memo: dict[str, int] = {}
    for start in m.node_ids:
        if start in memo:
            continue
        on_stack = {start}
        # (node, its children still to visit, best chain so far, length of the link from its parent)
        stack: list[tuple[str, Iterator[tuple[str, int]], int, int]] = [
            (start, iter(_below(m, start)), 0, 0)
        ]
        while stack:
            current, below, best, step_in = stack[-1]
            descended = False
            for child, step in below:
                if child in memo:
                    best = max(best, memo[child] + step)
                elif child in on_stack:
                    best = max(best, step)  # a cycle: the chain stops here
                else:
                    stack[-1] = (current, below, best, step_in)
                    on_stack.add(child)
                    stack.append((child, iter(_below(m, child)), 0, step))
                    descended = True
                    break
            if descended:
                continue
            memo[current] = best
            on_stack.discard(current)
            stack.pop()
            if stack:
                parent, parent_below, parent_best, parent_step = stack[-1]
                stack[-1] = (parent, parent_below, max(parent_best, best + step_in), parent_step)
    return memo


def _below(m: ArgumentMap, node_id: str) -> list[tuple[str, int]]:
    """Nodes beneath one node, each with its distance: 1 for pro and con, 2 for undercuts,
    0 for a linked group's premises (on the group's level)."""
    out: list[tuple[str, int]] = []
    for link, undercuts in children(m, node_id):
        if m.get_node(link.source) is not None:
            out.append((link.source, 0 if link.kind is LinkKind.LINKED else 1))
        out += [(u.source, 2) for u in undercuts if m.get_node(u.source) is not None]
    return out


def evaluation_info(evaluation: Evaluation | None) -> dict[str, str] | None:
    if evaluation is None:
        return None
    return {
        "semantics": evaluation.semantics,
        "support": evaluation.support,
        "status_semantics": evaluation.status_semantics,
    }


def actor_ids(node: Node) -> list[str]:
    return list(node.by) + [q.speaker for q in node.quotes if q.speaker is not None]


def in_order(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def parents(m: ArgumentMap, node_id: str) -> list[str]:
    """Where a node bears on others: `pro build-plant`, `con other (ref)`, for an
    undercut the link it attacks, `undercut of cheap-power → build-plant`, for a linked
    group's premise `premise of linked group g1`."""
    out: list[str] = []
    for lk in m.links:
        if lk.source != node_id:
            continue
        if lk.kind is LinkKind.UNDERCUT:
            attacked = m.get_link(lk.target)
            target = f"{attacked.source} → {attacked.target}" if attacked else lk.target
            out.append(f"undercut of {target}")
        elif lk.kind is LinkKind.LINKED:
            out.append(f"premise of linked group {lk.target}" + (" (ref)" if lk.is_ref else ""))
        else:
            out.append(f"{lk.kind.value} {lk.target}" + (" (ref)" if lk.is_ref else ""))
    return out


def nearest_ids(m: ArgumentMap, wanted: str, n: int = 3) -> list[str]:
    """The node ids most like `wanted`, best first (for "did you mean")."""
    ids = m.node_ids
    close = difflib.get_close_matches(wanted, ids, n=n, cutoff=0.5)
    if len(close) < n:
        close += [i for i in ids if wanted and wanted in i and i not in close][: n - len(close)]
    return close
