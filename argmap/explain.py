"""Why a verdict is what it is, and how fragile it is. Pure functions on the model and an
Evaluation; no I/O.

For a node (by default every top-level claim) `explain` gives:

- **contributions**: each premise upstream of it (every node its strength depends on,
  through `pro`, `con` and `undercut`), with the node's strength without that premise
  — the premise and every link out of it taken away — and the difference, sorted by
  the size of the difference. Exact: an acyclic map recomputes only the arguments between
  the premise and the node; a map with cycles is evaluated again without the premise.
- **flip**: the smallest set of premises found whose removal moves the node's strength
  across 0.5 or changes its status. Every set of one, two and three premises is tried
  while they number at most FLIP_EXACT_BUDGET sets in all (then the set is the smallest
  there is); beyond, a greedy search removes, one at a time, the premise that moves the
  node furthest towards the other side, for at most FLIP_GREEDY_BUDGET sets: the set it
  finds is the smallest if it is one larger than the sets tried exhaustively, else one
  that works, perhaps not the smallest (`exact` says which).
- **robustness**: the node's strength range when every base score upstream (its own
  included) varies within ±BASE_SPREAD (clipped to [0, 1]), and its verdict with every
  `implicit` (reconstructed) premise removed. The gradual semantics are monotone in every
  base score, so where each upstream node bears on the node in one direction only (every
  path from it has the same sign), the two corners of the box give the exact range. Where
  a node bears both ways (refs), the range is the lowest and highest of SAMPLES random
  draws, the corners by majority sign and the map as written; on a map with cycles, of
  CYCLIC_SAMPLES draws (each integrates the whole map again) and the map as written. The
  draws come from `random.Random` seeded with SEED and the node's id, so the same map
  gives the same figures.
  A verdict that keeps its status and its side of 0.5 across both is *robust*; otherwise
  *fragile*, with the reasons in plain words.

Everything here has `as_data()`: plain JSON-able dicts, the shape `argmap evaluate
--format json` prints under "explanations" (README, "Reading a verdict").
"""

from __future__ import annotations

import gc
import itertools
import math
import random
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs

from argmap.evaluate import (
    _COMBINE,
    IN,
    OUT,
    UNDEC,
    Evaluation,
    _Graph,
    _topological,
    evaluate,
    weakest_link,
)
from argmap.model import ArgumentMap, Link, LinkKind
from argmap.wording import ROBUST_MEANING, STATUS_WORD

# Base scores vary by this much either way for the robustness range.
BASE_SPREAD = 0.2
# Random draws where the range cannot be had from the corners, and their seed.
SAMPLES = 64
SEED = 16
# On a map with cycles each draw integrates the whole map again: fewer draws.
CYCLIC_SAMPLES = 20
# Sets of premises tried exhaustively when looking for a flip, at most.
FLIP_EXACT_BUDGET = 500
FLIP_MAX_EXACT_SIZE = 3
# Sets tried by the greedy search beyond, at most.
FLIP_GREEDY_BUDGET = 2_000
# On a map with cycles every trial is a whole evaluation: at most this many per node.
CYCLIC_BUDGET = 200
# Strengths within this of 0.5 are "at 0.5", on neither side.
SIDE_EPSILON = 1e-9

_LABEL = {IN: "in", OUT: "out", UNDEC: "undecided"}


def side(strength: float) -> int:
    """+1 above 0.5, -1 below, 0 at 0.5."""
    if strength > 0.5 + SIDE_EPSILON:
        return 1
    if strength < 0.5 - SIDE_EPSILON:
        return -1
    return 0


def _r(x: float) -> float:
    return round(x, 6)


@attrs.frozen
class Contribution:
    """What one premise does to the node: its strength with and without the premise."""

    premise: str
    without: float  # the node's strength without the premise
    contribution: float  # strength − without: > 0 the premise raises it, < 0 lowers it
    status_without: str  # "in" | "out" | "undecided"

    def as_data(self) -> dict[str, Any]:
        return {
            "premise": self.premise,
            "contribution": _r(self.contribution),
            "without": _r(self.without),
            "status_without": self.status_without,
        }


@attrs.frozen
class Flip:
    """A set of premises whose removal moves the node across 0.5 or changes its status."""

    removed: tuple[str, ...]
    strength: float  # the node's strength without them
    status: str  # and its status
    exact: bool  # True: no smaller set does it (exhaustive search); False: found greedily

    def as_data(self) -> dict[str, Any]:
        return {
            "removed": list(self.removed),
            "strength": _r(self.strength),
            "status": self.status,
            "smallest": self.exact,
        }


@attrs.frozen
class Robustness:
    low: float
    high: float
    method: str  # "exact" (corners of the box) | "sampled"
    samples: int  # random draws made (0 when exact)
    without_implicit: tuple[float, str] | None  # (strength, status); None: no implicit premise
    robust: bool
    reasons: tuple[str, ...]  # why fragile, in plain words; empty when robust

    def as_data(self) -> dict[str, Any]:
        return {
            "robust": self.robust,
            "range": [_r(self.low), _r(self.high)],
            "spread": BASE_SPREAD,
            "method": self.method,
            "samples": self.samples,
            "seed": SEED if self.samples else None,
            "without_implicit": None
            if self.without_implicit is None
            else {
                "strength": _r(self.without_implicit[0]),
                "status": self.without_implicit[1],
            },
            "reasons": list(self.reasons),
        }


@attrs.frozen
class Explanation:
    node: str
    strength: float
    status: str  # "in" | "out" | "undecided"
    unanswered: int  # objections (con links) that stand unanswered: why it falls
    unopposed: bool  # no con link at all: it stands only because nothing objects
    contributions: tuple[Contribution, ...] | None  # None: see `note`
    flip: Flip | None  # None: no set found (see `note`), or not computed
    robustness: Robustness | None
    note: str | None = None  # why something is missing, in plain words
    # the linked groups that bear on it directly, each as strong as its weakest premise
    groups: tuple[GroupReason, ...] = ()

    def as_data(self) -> dict[str, Any]:
        return {
            "node": self.node,
            "strength": _r(self.strength),
            "status": self.status,
            "unanswered_objections": self.unanswered,
            "unopposed": self.unopposed,
            "contributions": None
            if self.contributions is None
            else [c.as_data() for c in self.contributions],
            "flip": None if self.flip is None else self.flip.as_data(),
            "robustness": None if self.robustness is None else self.robustness.as_data(),
            "note": self.note,
            "groups": [group.as_data() for group in self.groups],
        }


@attrs.frozen
class GroupReason:
    """A linked group bearing on the node explained: one reason made of several premises,
    as strong as its weakest (argmap.evaluate.weakest_link)."""

    group: str
    side: str  # "pro" | "con"
    premises: tuple[str, ...]
    weakest: str  # the premise whose strength the group takes (or the group: its weight)
    strength: float

    def as_data(self) -> dict[str, Any]:
        return {
            "group": self.group,
            "side": self.side,
            "premises": list(self.premises),
            "weakest": self.weakest,
            "strength": _r(self.strength),
        }


def objections(m: ArgumentMap, node_id: str) -> tuple[Link, ...]:
    """The con links on a node; for a linked group, those on its premises (it has none of
    its own, and stands or falls with them)."""
    node = m.get_node(node_id)
    if node is not None and node.is_group:
        return tuple(lk for member in m.members(node_id) for lk in m.attackers(member.source))
    return m.attackers(node_id)


def status_words(m: ArgumentMap, evaluation: Evaluation, node_id: str, short: bool = True) -> str:
    """The words for a node's status as every table shows them: "stands", "unopposed",
    "undecided", "falls", or where its strength says otherwise why ("falls, 1 unanswered";
    `short=False`: "falls: 1 objection unanswered")."""
    from argmap.wording import disagreement, status_word

    score = evaluation.nodes[node_id]
    label = score.status.value
    con = objections(m, node_id)
    unanswered = sum(1 for lk in con if evaluation.links[lk.id].status.value == "in")
    why = disagreement(score.strength, label, unanswered, not con, short=short)
    return why if why is not None else status_word(label, not con)


# --- the map as arguments, and evaluation of one node's cone


@attrs.define
class _Context:
    m: ArgumentMap
    evaluation: Evaluation
    g: _Graph
    combine: Callable[[float, Sequence[float], Sequence[float]], float]
    position: list[int]  # topological position; -1 for arguments on or behind a cycle
    acyclic: bool
    fast: bool  # acyclic and attacks-only: labels computable in the cone
    s: list[float]
    lab: list[int]
    index: dict[str, int]
    _implicit_eval: Evaluation | None = None
    _implicit_done: bool = False

    @classmethod
    def build(cls, m: ArgumentMap, evaluation: Evaluation) -> _Context:
        computed = evaluation.computed
        if isinstance(computed, tuple) and computed[0].path == m.path:
            g, s, lab = computed
        else:  # an Evaluation made some other way: rebuild what evaluate() computed
            g = _Graph.build(m)
            code = {"in": IN, "out": OUT, "undecided": UNDEC}
            n = g.n_nodes
            scores = [
                evaluation.nodes[x] if k < n else evaluation.links[x] for k, x in enumerate(g.names)
            ]
            s = [score.strength for score in scores]
            lab = [code[score.status.value] for score in scores]
        order, left = _topological(g)
        position = [-1] * len(g.names)
        for k, i in enumerate(order):
            position[i] = k
        return cls(
            m,
            evaluation,
            g,
            _COMBINE[evaluation.semantics],
            position,
            not left,
            not left and evaluation.support == "attacks-only",
            s,
            lab,
            {name: k for k, name in enumerate(g.names[: g.n_nodes])},
        )

    def cone(self, t: int) -> list[int]:
        """Every argument t depends on, t included."""
        seen = {t}
        stack = [t]
        while stack:
            i = stack.pop()
            for j in self.g.dependencies(i):
                if j not in seen:
                    seen.add(j)
                    stack.append(j)
        return list(seen)

    def implicit_evaluation(self) -> Evaluation | None:
        if not self._implicit_done:
            self._implicit_done = True
            implicit = {node.id for node in self.m.unique_nodes() if node.implicit}
            if implicit:
                self._implicit_eval = evaluate(
                    without(self.m, implicit),
                    semantics=self.evaluation.semantics,
                    support=self.evaluation.support,
                )
        return self._implicit_eval


def _status_name(status: Any) -> str:
    return str(status.value)


def _cone_eval(
    ctx: _Context,
    t: int,
    args: list[int],
    removed: frozenset[int] | set[int] = frozenset(),
    base: dict[int, float] | None = None,
) -> tuple[float, int]:
    """Strength and label of t from `args` (its cone, in topological order), with the
    nodes in `removed` taken away and bases overridden by `base`. Acyclic maps only;
    labels are the attacks-only grounded labelling."""
    g = ctx.g
    att, sup, src, gbase = g.attackers, g.supporters, g.source, g.base
    combine = ctx.combine
    s: dict[int, float] = {}
    lab: dict[int, int] = {}
    dead: set[int] = set(removed)
    members = g.members
    for i in args:
        if i in dead:
            continue
        if members[i]:  # a linked group: gone with any of its premises, else the weakest
            if any(k in dead for k in members[i]):
                dead.add(i)
                continue
            cap = gbase[i] if base is None else base.get(i, gbase[i])
            s[i] = weakest_link(cap, [s[k] for k in members[i]])
            lab[i] = OUT if any(lab[k] == OUT for k in members[i]) else IN
            continue
        j = src[i]
        if j >= 0:
            if j in dead:
                dead.add(i)
                continue
            b = s[j]
            label = lab[j]
        else:
            b = gbase[i] if base is None else base.get(i, gbase[i])
            label = IN
        a = [k for k in att[i] if k not in dead]
        p = [k for k in sup[i] if k not in dead]
        s[i] = combine(b, [s[k] for k in a], [s[k] for k in p]) if a or p else b
        if label == IN and any(lab[k] == IN for k in a):
            label = OUT
        lab[i] = label
    return s[t], lab[t]


def _users_in_cone(ctx: _Context, cone: list[int]) -> dict[int, list[int]]:
    """For each argument of a cone, the arguments of the cone that depend on it."""
    g = ctx.g
    n = g.n_nodes
    in_cone = set(cone)
    users: dict[int, list[int]] = {}
    for i in cone:
        nexts = g.out_links[i] if i < n else (g.target[i],)
        users[i] = [k for k in nexts if k in in_cone]
    return users


_Overlay = dict[int, tuple[float | None, int]]  # argument -> (strength, or None: gone; label)


def _walk(ctx: _Context, t: int, users: dict[int, list[int]], p: int, overlay: _Overlay) -> bool:
    """Take node p away in `overlay` (the strengths and labels that differ from the map's),
    recomputing the one chain from p to t, each argument with the one input that changed
    and the others as `overlay` has them. False (overlay partly updated) when the chain
    branches: each argument on it must have one user in the cone."""
    g = ctx.g
    n = g.n_nodes
    s, lab = ctx.s, ctx.lab
    att, sup, src, combine = g.attackers, g.supporters, g.source, ctx.combine
    prev = p
    value: float | None = None  # None: prev is gone (p, then the link out of it)
    label = UNDEC
    overlay[p] = (None, UNDEC)
    get = overlay.get
    while prev != t:
        nexts = users[prev]
        if len(nexts) != 1:
            return False
        k = nexts[0]
        mine = get(k)
        if mine is not None and mine[0] is None:
            return True  # k is gone already: taking p away changes nothing more
        if k < n and g.members[k]:  # a linked group: gone with a premise, else the weakest
            if value is None:
                overlay[k] = (None, UNDEC)
                prev = k
                continue
            premises = [
                (value, label) if x == prev else get(x, (s[x], lab[x])) for x in g.members[k]
            ]
            if any(v is None for v, _lb in premises):
                overlay[k] = (None, UNDEC)
                value = None
                prev = k
                continue
            value = weakest_link(g.base[k], [v for v, _lb in premises if v is not None])
            label = OUT if any(lb == OUT for _v, lb in premises) else IN
            overlay[k] = (value, label)
            prev = k
            continue
        if k >= n and src[k] == prev:  # the link out of a changed node
            if value is None:
                overlay[k] = (None, UNDEC)  # the link goes with its source
                prev = k
                continue
            b, base_label = value, label
        elif k >= n:  # a changed undercut on link k
            b, base_label = get(src[k], (s[src[k]], lab[src[k]]))  # type: ignore[assignment]
        else:  # a changed pro or con link into node k
            b, base_label = g.base[k], IN
        # the inputs as the overlay has them (the loops are the hot path: no tuples built)
        a_values: list[float] = []
        in_attack = False
        for x in att[k]:
            if x == prev:
                v, lb = value, label
            else:
                o = get(x)
                if o is None:
                    v, lb = s[x], lab[x]
                else:
                    v, lb = o
            if v is not None:
                a_values.append(v)
                if lb == IN:
                    in_attack = True
        p_values: list[float] = []
        for x in sup[k]:
            if x == prev:
                v = value
            else:
                o = get(x)
                v = s[x] if o is None else o[0]
            if v is not None:
                p_values.append(v)
        value = combine(b, a_values, p_values) if a_values or p_values else b
        label = OUT if base_label == IN and in_attack else base_label
        overlay[k] = (value, label)
        prev = k
    return True


def _incremental(
    ctx: _Context, t: int, users: dict[int, list[int]], removed: Sequence[int]
) -> tuple[float, int]:
    """Strength and label of t with `removed` taken away, recomputing only the arguments
    between them and t (acyclic maps, attacks-only labels). For the removals `_walk` could
    not follow: their effect branches, so the arguments it reaches are put in dependency
    order. Every premise is in t's cone, so t is among them."""
    g = ctx.g
    affected: set[int] = set()
    stack = list(removed)
    while stack:
        for k in users[stack.pop()]:
            if k not in affected:
                affected.add(k)
                stack.append(k)
    order = sorted(affected, key=ctx.position.__getitem__)
    s, lab = ctx.s, ctx.lab
    new_s: dict[int, float] = {}
    new_lab: dict[int, int] = {}
    dead = set(removed)
    att, sup, src, gbase, combine = g.attackers, g.supporters, g.source, g.base, ctx.combine
    for i in order:
        if i in dead:
            continue
        if g.members[i]:  # a linked group: gone with any of its premises, else the weakest
            if any(k in dead for k in g.members[i]):
                dead.add(i)
                continue
            new_s[i] = weakest_link(gbase[i], [new_s.get(k, s[k]) for k in g.members[i]])
            out = any(new_lab.get(k, lab[k]) == OUT for k in g.members[i])
            new_lab[i] = OUT if out else IN
            continue
        j = src[i]
        if j >= 0:
            if j in dead:
                dead.add(i)
                continue
            b = new_s.get(j, s[j])
            label = new_lab.get(j, lab[j])
        else:
            b = gbase[i]
            label = IN
        a = [k for k in att[i] if k not in dead]
        p = [k for k in sup[i] if k not in dead]
        if a or p:
            new_s[i] = combine(b, [new_s.get(k, s[k]) for k in a], [new_s.get(k, s[k]) for k in p])
            if label == IN:
                for k in a:
                    if new_lab.get(k, lab[k]) == IN:
                        label = OUT
                        break
        else:
            new_s[i] = b
        new_lab[i] = label
    return new_s[t], new_lab[t]


def without(m: ArgumentMap, node_ids: set[str]) -> ArgumentMap:
    """The map with these nodes taken away, with every link out of them or into them and
    every undercut on a link taken away. A linked group goes with any of its premises:
    its premises support or oppose only together."""
    node_ids = set(node_ids)
    for lk in m.links:  # a LINKED link's target is never a premise: one pass suffices
        if lk.kind is LinkKind.LINKED and lk.source in node_ids:
            node_ids.add(lk.target)
    gone_links: set[str] = set()
    changed = True
    while changed:
        changed = False
        for lk in m.links:
            if lk.id in gone_links:
                continue
            if lk.source in node_ids or lk.target in node_ids or lk.target in gone_links:
                gone_links.add(lk.id)
                changed = True
    return attrs.evolve(
        m,
        nodes=tuple(node for node in m.nodes if node.id not in node_ids),
        links=tuple(lk for lk in m.links if lk.id not in gone_links),
        claims=tuple(c for c in m.claims if c not in node_ids),
    )


def _reevaluated(ctx: _Context, node: str, removed: Iterable[str]) -> tuple[float, int]:
    e = evaluate(
        without(ctx.m, set(removed)),
        semantics=ctx.evaluation.semantics,
        support=ctx.evaluation.support,
    )
    score = e.nodes[node]
    code = {"in": IN, "out": OUT, "undecided": UNDEC}
    return score.strength, code[_status_name(score.status)]


# --- the public entry points


def explain(
    m: ArgumentMap,
    evaluation: Evaluation,
    node_ids: Sequence[str] | None = None,
    *,
    contributions: bool = True,
    flips: bool = True,
    robustness: bool = True,
) -> list[Explanation]:
    """An Explanation for each node asked for (default: every top-level claim), in order.

    `m` must be the map `evaluation` was computed from. Raises KeyError for an unknown id.
    """
    ids = list(m.claims) if node_ids is None else list(node_ids)
    collecting = gc.isenabled()
    gc.disable()  # as in evaluate(): many small short-lived objects, none in cycles
    try:
        ctx = _Context.build(m, evaluation)
        return [_explain_one(ctx, nid, contributions, flips, robustness) for nid in ids]
    finally:
        if collecting:
            gc.enable()


def _explain_one(
    ctx: _Context, nid: str, want_contributions: bool, want_flip: bool, want_robustness: bool
) -> Explanation:
    t = ctx.index[nid]
    g = ctx.g
    strength, label = ctx.s[t], ctx.lab[t]
    con_links = g.attackers[t]
    if g.members[t]:  # a linked group is opposed through its premises (`objections`)
        con_links = [k for lk in g.members[t] for k in g.attackers[g.source[lk]]]
    unanswered = sum(1 for k in con_links if ctx.lab[k] == IN)
    cone = ctx.cone(t)
    # A linked group is gone without any one of its premises: they are not taken away one
    # at a time (what stands beneath them is).
    own = {g.source[k] for k in g.members[t]}
    premises = [i for i in cone if i < g.n_nodes and i != t and i not in own]
    note: str | None = None
    contributions: tuple[Contribution, ...] | None = None
    flip: Flip | None = None
    if not ctx.evaluation.converged:
        note = (
            "the evaluation did not converge, so its numbers are not a fixpoint: contributions"
            " and flips would compare numbers that mean nothing"
        )
    elif want_contributions:
        contributions, flip, note = _contributions_and_flip(ctx, t, cone, premises, want_flip)
    if own and note is None and want_contributions:
        note = GROUP_NOTE
    rob = _robustness(ctx, t, cone) if want_robustness and ctx.evaluation.converged else None
    groups = tuple(_group_reasons(ctx, t))
    return Explanation(
        node=nid,
        strength=strength,
        status=_LABEL[label],
        unanswered=unanswered,
        unopposed=not con_links,
        contributions=contributions,
        flip=flip,
        robustness=rob,
        note=note,
        groups=groups,
    )


def _group_reasons(ctx: _Context, t: int) -> Iterable[GroupReason]:
    g = ctx.g
    for side_name, links in (("pro", g.supporters[t]), ("con", g.attackers[t])):
        for k in links:
            i = g.source[k]
            if not g.members[i]:
                continue
            premises = [g.source[lk] for lk in g.members[i]]
            weakest = min(premises, key=lambda j: (ctx.s[j], ctx.position[j]))
            name = g.names[weakest] if ctx.s[weakest] <= g.base[i] else g.names[i]
            yield GroupReason(
                g.names[i], side_name, tuple(g.names[j] for j in premises), name, ctx.s[i]
            )


def _contributions_and_flip(
    ctx: _Context, t: int, cone: list[int], premises: list[int], want_flip: bool
) -> tuple[tuple[Contribution, ...] | None, Flip | None, str | None]:
    g = ctx.g
    names = g.names
    nid = names[t]
    strength, label = ctx.s[t], ctx.lab[t]
    if ctx.fast:
        users = _users_in_cone(ctx, cone)
        # sets are tried as a set tried before plus one premise: keep each set's overlay, so
        # that one more premise costs one chain (None: a chain branched, recompute it all)
        overlays: dict[tuple[int, ...], _Overlay | None] = {(): {}}

        def overlay_for(removed: tuple[int, ...]) -> _Overlay | None:
            if removed not in overlays:
                before = overlay_for(removed[:-1])
                mine = None if before is None else dict(before)
                if mine is not None and not _walk(ctx, t, users, removed[-1], mine):
                    mine = None
                overlays[removed] = mine
            return overlays[removed]

        def trial(removed: Sequence[int]) -> tuple[float, int]:
            found = overlay_for(tuple(removed))
            if found is None:
                return _incremental(ctx, t, users, removed)
            value, lab = found.get(t, (strength, label))
            assert value is not None
            return value, lab

        budget = FLIP_EXACT_BUDGET
    else:
        if len(premises) > CYCLIC_BUDGET:
            why = (
                "has cycles"
                if not ctx.acyclic
                else f"uses support reading {ctx.evaluation.support!r}"
            )
            return (
                None,
                None,
                f"the map {why}, so each premise needs a whole evaluation; {nid} rests on"
                f" {len(premises)} premises, more than the {CYCLIC_BUDGET} explained this way",
            )

        def trial(removed: Sequence[int]) -> tuple[float, int]:
            return _reevaluated(ctx, nid, [names[i] for i in removed])

        budget = CYCLIC_BUDGET - len(premises)
    singles = {i: trial((i,)) for i in premises}
    found = [
        Contribution(names[i], w, strength - w, _LABEL[lab]) for i, (w, lab) in singles.items()
    ]
    found.sort(key=lambda c: (-abs(c.contribution), c.premise))

    if not want_flip:
        return tuple(found), None, None

    def flips(result: tuple[float, int]) -> bool:
        return side(result[0]) != side(strength) or result[1] != label

    flip: Flip | None = None
    order = sorted(premises, key=lambda i: (-abs(strength - singles[i][0]), names[i]))
    for i in order:
        if flips(singles[i]):
            flip = Flip((names[i],), singles[i][0], _LABEL[singles[i][1]], True)
            break
    direction = -side(strength) or -1
    shift = {i: (singles[i][0] - strength) * direction for i in premises}
    towards = sorted(premises, key=lambda i: (-shift[i], names[i]))
    size = 2
    tried = 0
    exhaustive = True
    while flip is None and size <= min(FLIP_MAX_EXACT_SIZE, len(premises)):
        if math.comb(len(premises), size) > budget - tried:
            exhaustive = False
            break
        # every set of this size is tried, starting from the premises that each move the
        # node furthest towards the other side, so that a flip is usually found early
        for combo in itertools.combinations(towards, size):
            tried += 1
            result = trial(combo)
            if flips(result):
                flip = Flip(tuple(names[i] for i in combo), result[0], _LABEL[result[1]], True)
                break
        size += 1
    if flip is None and (not exhaustive or size <= len(premises)):
        greedy_budget = FLIP_GREEDY_BUDGET if ctx.fast else budget - tried
        flip = _greedy(ctx, trial, order, strength, label, flips, greedy_budget)
        if flip is not None and len(flip.removed) <= size:
            # every smaller set was tried (sizes up to size - 1): this one is the smallest
            flip = attrs.evolve(flip, exact=True)
    return tuple(found), flip, None


def _greedy(
    ctx: _Context,
    trial: Callable[[Sequence[int]], tuple[float, int]],
    order: list[int],
    strength: float,
    label: int,
    flips: Callable[[tuple[float, int]], bool],
    budget: int,
) -> Flip | None:
    """Remove, one at a time, the premise that moves the node furthest towards the other
    side of 0.5 (away from it when at 0.5), until it flips or the budget is spent."""
    names = ctx.g.names
    direction = -side(strength) or -1
    chosen: list[int] = []
    left = list(order)
    current = strength
    while left and budget > 0:
        best: tuple[float, int, tuple[float, int]] | None = None
        for i in left:
            if budget <= 0:
                break
            budget -= 1
            result = trial((*chosen, i))
            if flips(result):
                removed = tuple(names[k] for k in (*chosen, i))
                return Flip(removed, result[0], _LABEL[result[1]], False)
            gain = (result[0] - current) * direction
            if best is None or gain > best[0]:
                best = (gain, i, result)
        if best is None or best[0] <= 0:
            return None
        chosen.append(best[1])
        left.remove(best[1])
        current = best[2][0]
    return None


def _signs(ctx: _Context, t: int, cone: list[int]) -> dict[int, int]:
    """+1 / -1: the direction each argument of t's cone bears on t; 0 when both."""
    g = ctx.g
    sign: dict[int, int] = {t: 1}
    for i in sorted(cone, key=lambda k: -ctx.position[k]):
        sg = sign.get(i, 0)
        edges = [(k, -sg) for k in g.attackers[i]] + [(k, sg) for k in g.supporters[i]]
        edges += [(k, sg) for k in g.members[i]]
        if g.source[i] >= 0:
            edges.append((g.source[i], sg))
        for k, value in edges:
            if k not in sign:
                sign[k] = value
            elif sign[k] != value:
                sign[k] = 0
    return sign


def _robustness(ctx: _Context, t: int, cone: list[int]) -> Robustness:
    g = ctx.g
    strength, label = ctx.s[t], ctx.lab[t]
    # A linked group's weight is a base score only where the map gives one (unset, it
    # caps nothing and there is nothing to vary).
    bases = [
        i
        for i in cone
        if i < g.n_nodes and not (g.members[i] and ctx.m.node(g.names[i]).weight is None)
    ]

    def clip(x: float) -> float:
        return min(1.0, max(0.0, x))

    if ctx.acyclic:
        args = sorted(cone, key=ctx.position.__getitem__)
        sign = _signs(ctx, t, cone)

        def corner(direction: int) -> dict[int, float]:
            return {
                i: clip(g.base[i] + direction * (BASE_SPREAD if sign[i] >= 0 else -BASE_SPREAD))
                for i in bases
            }

        def strength_at(base: dict[int, float]) -> float:
            return _cone_eval(ctx, t, args, base=base)[0]

        low, high = strength_at(corner(-1)), strength_at(corner(1))
        low, high = min(low, high, strength), max(low, high, strength)
        samples = 0
        if any(sign[i] == 0 for i in bases):
            rnd = random.Random(f"{SEED}:{g.names[t]}")
            for _ in range(SAMPLES):
                drawn = {i: clip(g.base[i] + rnd.uniform(-BASE_SPREAD, BASE_SPREAD)) for i in bases}
                value = strength_at(drawn)
                low, high = min(low, value), max(low, value, high)
            samples = SAMPLES
        method = "sampled" if samples else "exact"
    else:
        low, high, samples = _sampled_cyclic(ctx, t, bases, clip)
        method = "sampled"
    reasons: list[str] = []
    if side(low) != side(strength) or side(high) != side(strength):
        reasons.append(
            f"its strength ranges from {low:.2f} to {high:.2f} when base scores vary by"
            f" ±{BASE_SPREAD:g}, across 0.5"
            if side(low) * side(high) < 0  # below 0.5 at one end, above at the other
            else f"its strength ranges from {low:.2f} to {high:.2f} when base scores vary by"
            f" ±{BASE_SPREAD:g}, and reaches 0.5"
        )
    without_implicit: tuple[float, str] | None = None
    implicit_in_cone = any(ctx.m.node(g.names[i]).implicit for i in bases if i != t)
    if implicit_in_cone:
        e = ctx.implicit_evaluation()
        if e is not None and g.names[t] in e.nodes:
            score = e.nodes[g.names[t]]
            status = _status_name(score.status)
            without_implicit = (score.strength, status)
            if status != _LABEL[label]:
                reasons.append(
                    f"without its reconstructed (implicit) premises it {STATUS_WORD[status]}"
                )
            if side(score.strength) != side(strength):
                reasons.append(
                    f"without its reconstructed (implicit) premises its strength is"
                    f" {score.strength:.2f}"
                )
    return Robustness(low, high, method, samples, without_implicit, not reasons, tuple(reasons))


def _sampled_cyclic(
    ctx: _Context, t: int, bases: list[int], clip: Callable[[float], float]
) -> tuple[float, float, int]:
    g = ctx.g
    order, left = _topological(g)
    rnd = random.Random(f"{SEED}:{g.names[t]}")
    low = high = ctx.s[t]
    from argmap.evaluate import _strengths

    count = CYCLIC_SAMPLES
    for _ in range(count):
        drawn = list(g.base)
        for i in bases:
            drawn[i] = clip(g.base[i] + rnd.uniform(-BASE_SPREAD, BASE_SPREAD))
        s, converged, _, _ = _strengths(attrs.evolve(g, base=drawn), ctx.combine, order, left)
        if converged:
            low, high = min(low, s[t]), max(high, s[t])
    return low, high, count


# --- in words: the sentences `evaluate --explain` and the report's panel print -----------


def _and(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def flip_sentence(x: Explanation) -> str | None:
    """`Flips if a and b are removed: 0.41, falls (the smallest such set).`, or what the
    search found when nothing flips; None when no premise was weighed."""
    if x.flip is not None:
        how = "the smallest such set" if x.flip.exact else "found greedily; a smaller set may exist"
        verb = "is" if len(x.flip.removed) == 1 else "are"
        return (
            f"Flips if {_and(x.flip.removed)} {verb} removed: {x.flip.strength:.2f}, "
            f"{STATUS_WORD[x.flip.status]} ({how})."
        )
    if x.contributions:
        return "No set of premises searched flips it (across 0.5 or in status)."
    return None


def group_sentences(x: Explanation) -> list[str]:
    """One line per linked group bearing on the node: its premises and the weakest one,
    whose strength the group takes."""
    lines = []
    for group in x.groups:
        if group.weakest == group.group:
            weakest = f"capped by its weight at {group.strength:.2f}"
        else:
            weakest = f"as strong as its weakest, {group.weakest} ({group.strength:.2f})"
        together = _and(group.premises)
        lines.append(f"{group.group} is one {group.side} reason: {together} together, {weakest}.")
    return lines


def robustness_sentences(r: Robustness) -> list[str]:
    """The strength range, the verdict without reconstructed premises, robust or fragile."""
    how = (
        "exact, from the corners of the range"
        if r.method == "exact"
        else f"lowest and highest of {r.samples} random draws, seed {SEED}"
    )
    lines = [
        f"Strength {r.low:.2f}–{r.high:.2f} when every base score moves by "
        f"±{BASE_SPREAD:g} ({how})."
    ]
    if r.without_implicit is not None:
        strength, status = r.without_implicit
        lines.append(
            f"Without its reconstructed (implicit) premises: {strength:.2f}, {STATUS_WORD[status]}."
        )
    if r.robust:
        lines.append(f"Robust: it {ROBUST_MEANING[True]}.")
    else:
        lines.append("Fragile: " + "; ".join(r.reasons) + ".")
    return lines


GROUP_NOTE = (
    "a linked group, as strong as its weakest premise (at most its weight): without any one"
    " of its premises it is gone, so they are not taken away one at a time"
)
"""The note of an explained linked group (its premises are not among its contributions)."""


def rests_on_nothing(x: Explanation) -> str:
    """The line for a node whose contributions are none: a base score, or for a linked
    group the weakest of its premises."""
    if x.note == GROUP_NOTE:
        return (
            "Rests on nothing beneath its premises: its strength is its weakest premise's,"
            " or its weight where that is lower."
        )
    return "Rests on no premise: its strength is its base score."


def why_lines(x: Explanation) -> list[str]:
    """Why the verdict is what it is, one plain line each: what it rests on (each premise's
    change, and strength and status without it), then the flip."""
    lines = [x.note] if x.note else []
    if x.contributions is not None and not x.contributions:
        lines.append(rests_on_nothing(x))
    for c in x.contributions or ():
        lines.append(
            f"{c.contribution:+.2f} from {c.premise} "
            f"(without it: {c.without:.2f}, {STATUS_WORD[c.status_without]})"
        )
    lines += group_sentences(x)
    flip = flip_sentence(x)
    if flip:
        lines.append(flip)
    return lines
