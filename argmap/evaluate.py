"""How well each claim stands: gradual strength and acceptance status. Pure; no I/O.

Two readings of the same map (README, "Evaluation semantics", says exactly what
each computes and where it is published):

- **strength** in [0, 1], from base scores (`weight`, default 0.5), by a
  gradual semantics: DF-QuAD (Rago et al. 2016, the default), quadratic energy
  (Potyka 2018) or Euler-based (Amgoud & Ben-Naim 2017). `pro` links support,
  `con` links attack.
- **status** `in` / `out` / `undecided` (shown as stands / falls / undecided,
  argmap/wording.py): the grounded labelling of the attack relation (Dung 1995),
  with the attacks a support reading induces added when one is chosen; preferred
  and stable extensions by `acceptance()`.

Every link is itself an argument (DESIGN.md §3): its base score is its source
node's strength, its attackers are the undercuts written on it, and the node
it points at sees the link's strength, not the premise's. A link with no
undercut therefore passes its premise's strength through unchanged.

Acyclic maps are evaluated in one pass in dependency order, which is exact.
The strongly connected parts of a cyclic map (`allow-cycles: true`) are
integrated as the continuous model ds/dt = f(s) − s (Potyka 2018) with an
adaptive fourth-order Runge–Kutta scheme until the residual max |f(s) − s|
falls below `TOLERANCE`; the result says whether it did (`converged`) and what
residual remained. It never raises for non-convergence: callers decide (the
`evaluate` command prints the numbers, an error line and exits 1).
"""

from __future__ import annotations

import enum
import json
import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs

from argmap.errors import EvaluationError, Position
from argmap.gcpause import gc_paused
from argmap.model import ArgumentMap, LinkKind
from argmap.numbers import json_number

SEMANTICS: tuple[str, ...] = ("dfquad", "qe", "euler")
SUPPORT_READINGS: tuple[str, ...] = ("attacks-only", "deductive", "necessary", "cayrol2005")
STATUS_SEMANTICS = "grounded"

# The continuous model stops once max |f(s) − s| is below this.
TOLERANCE = 1e-9
# Integration budget per strongly connected part: model time and Runge–Kutta steps.
MAX_TIME = 2000.0
MAX_STEPS = 20_000
# And for the whole map: argument updates (one RK4 step with step doubling costs 11 per
# argument of the part), so that a map of many or large cycles gives up in seconds.
MAX_UPDATES = 5_000_000
# exp() overflows past ~709.78. Past an energy of 700, Euler-based computes w·e^E as
# e^(ln w + E) and caps that exponent: beyond e^700 the strength is 1 to double precision.
EULER_MAX_EXPONENT = 700.0


class Status(enum.Enum):
    """The grounded label, by its standard name (JSON); `word` is what readers see."""

    IN = "in"
    OUT = "out"
    UNDECIDED = "undecided"

    @property
    def word(self) -> str:
        """stands / falls / undecided (argmap/wording.py)."""
        from argmap.wording import STATUS_WORD

        return STATUS_WORD[self.value]


@attrs.frozen
class Score:
    base: float
    strength: float
    status: Status


@attrs.frozen
class Evaluation:
    """The outcome of `evaluate`: a score for every node and every link."""

    semantics: str  # "dfquad" | "qe" | "euler"
    support: str  # one of SUPPORT_READINGS
    status_semantics: str  # "grounded"
    converged: bool
    residual: float  # max |f(s) − s| over the arguments on cycles; 0.0 when acyclic
    iterations: int  # Runge–Kutta steps taken on cycles; 0 when acyclic
    nodes: Mapping[str, Score]  # every unique node id, in file order
    links: Mapping[str, Score]  # every link id: the link as an argument
    # The argument graph, strengths and labels as computed, for argmap/explain.py to reuse
    # (building the graph again would cost as much as the evaluation itself).
    computed: object = attrs.field(default=None, eq=False, repr=False)


# --- gradual semantics: one argument's strength from its base and its parents' strengths


def dfquad(base: float, attackers: Sequence[float], supporters: Sequence[float]) -> float:
    """DF-QuAD (Rago, Toni, Aurisicchio & Baroni 2016).

    Each side aggregates as a probabilistic sum F = 1 − Π(1 − vᵢ) (0 when
    empty); the base then moves towards 0 or 1 by the difference of the sides.
    """
    kept = 1.0
    for v in attackers:
        kept *= 1.0 - v
    missed = 1.0
    for v in supporters:
        missed *= 1.0 - v
    va = 1.0 - kept
    vs = 1.0 - missed
    if va >= vs:
        return base - base * (va - vs)
    return base + (1.0 - base) * (vs - va)


def weakest_link(cap: float, premises: Sequence[float]) -> float:
    """A linked group's strength: that of its weakest premise, at most the group's own
    weight (`cap`, 1 unless given). The weakest-link principle for linked (convergent
    vs linked) arguments: Pollock 2001, "Defeasible reasoning with variable degrees of
    justification", §4; a chain is no stronger than its weakest link."""
    return min(cap, *premises)  # a group has premises (E121 otherwise)


def _h(x: float) -> float:
    x = max(x, 0.0)
    return x * x / (1.0 + x * x)


def quadratic_energy(base: float, attackers: Sequence[float], supporters: Sequence[float]) -> float:
    """Quadratic energy (Potyka 2018): E = Σ supporters − Σ attackers;
    s = w − w·h(−E) + (1 − w)·h(E) with h(x) = max(x, 0)² / (1 + max(x, 0)²)."""
    energy = sum(supporters) - sum(attackers)
    return base - base * _h(-energy) + (1.0 - base) * _h(energy)


def euler_based(base: float, attackers: Sequence[float], supporters: Sequence[float]) -> float:
    """Euler-based (Amgoud & Ben-Naim 2017): s = 1 − (1 − w²) / (1 + w·e^E),
    E = Σ supporters − Σ attackers; w·e^E is computed without overflow (see
    EULER_MAX_EXPONENT)."""
    energy = sum(supporters) - sum(attackers)
    if energy <= EULER_MAX_EXPONENT:
        grown = base * math.exp(energy)
    elif base > 0.0:  # e^E would overflow: go through the logarithm
        grown = math.exp(min(math.log(base) + energy, EULER_MAX_EXPONENT))
    else:
        grown = 0.0
    return 1.0 - (1.0 - base * base) / (1.0 + grown)


_COMBINE: dict[str, Callable[[float, Sequence[float], Sequence[float]], float]] = {
    "dfquad": dfquad,
    "qe": quadratic_energy,
    "euler": euler_based,
}


# --- the argument graph: nodes and links as integer-indexed arguments


@attrs.define
class _Graph:
    """Nodes (indices 0..n_nodes-1) then links, with adjacency built once.

    Adjacency lists are shared empty tuples until something is added, so that a large map
    does not allocate three lists per argument."""

    names: list[str]
    n_nodes: int
    base: list[float]  # nodes: their weight; links: unused (their source's strength)
    source: list[int]  # links: index of the source node; nodes: -1
    target: list[int]  # links: index of the node or link they point at; nodes: -1
    attackers: list[Sequence[int]]  # nodes: con links; links: undercut links
    supporters: list[Sequence[int]]  # nodes: pro links; links: none
    # linked groups: the LINKED links from their premises; everything else: none
    members: list[Sequence[int]]
    out_links: list[Sequence[int]]  # nodes: the links they are the source of
    n_dependencies: list[int]  # attackers + supporters (+ 1 for a link's source)
    path: str  # the map's file, for the errors that concern the whole map

    @classmethod
    def build(cls, m: ArgumentMap) -> _Graph:
        nodes = list(m.unique_nodes())
        links = m.links
        n = len(nodes)
        node_index = {node.id: i for i, node in enumerate(nodes)}
        link_index = {lk.id: n + k for k, lk in enumerate(links)}
        total = n + len(links)
        base = [node.base for node in nodes] + [0.0] * len(links)
        source = [-1] * total
        target = [-1] * total
        none: tuple[int, ...] = ()
        attackers: list[Sequence[int]] = [none] * total
        supporters: list[Sequence[int]] = [none] * total
        members: list[Sequence[int]] = [none] * total
        out_links: list[Sequence[int]] = [none] * n
        n_dependencies = [0] * n + [1] * len(links)
        undercut, pro, linked = LinkKind.UNDERCUT, LinkKind.PRO, LinkKind.LINKED
        for i, lk in enumerate(links, start=n):
            src = node_index.get(lk.source)
            if src is None:
                raise EvaluationError(
                    "E504", f"link {lk.id} comes from unknown node {lk.source!r}", lk.position
                )
            source[i] = src
            _add(out_links, src, i)
            if lk.kind is undercut:
                to = link_index.get(lk.target)
                if to is None:
                    raise EvaluationError(
                        "E504", f"undercut {lk.id} targets unknown link {lk.target!r}", lk.position
                    )
                _add(attackers, to, i)
            else:
                to = node_index.get(lk.target)
                if to is None:
                    raise EvaluationError(
                        "E504", f"link {lk.id} targets unknown node {lk.target!r}", lk.position
                    )
                if lk.kind is linked:
                    _add(members, to, i)
                else:
                    _add(supporters if lk.kind is pro else attackers, to, i)
            target[i] = to
            n_dependencies[to] += 1
        names = [node.id for node in nodes] + [lk.id for lk in links]
        return cls(
            names,
            n,
            base,
            source,
            target,
            attackers,
            supporters,
            members,
            out_links,
            n_dependencies,
            m.path,
        )

    def dependencies(self, i: int) -> list[int]:
        deps = [*self.attackers[i], *self.supporters[i], *self.members[i]]
        if self.source[i] >= 0:
            deps.append(self.source[i])
        return deps


def _add(lists: list[Sequence[int]], at: int, item: int) -> None:
    found = lists[at]
    if found:
        found.append(item)  # type: ignore[attr-defined]  # a list once non-empty
    else:
        lists[at] = [item]


def _topological(g: _Graph) -> tuple[list[int], list[int]]:
    """Kahn's algorithm: (every argument not on or behind a cycle, dependencies first;
    the rest)."""
    n = g.n_nodes
    total = len(g.names)
    waiting = list(g.n_dependencies)
    ready = [i for i in range(total) if waiting[i] == 0]
    order: list[int] = []
    out_links, target = g.out_links, g.target
    while ready:
        i = ready.pop()
        order.append(i)
        if i < n:
            for k in out_links[i]:
                waiting[k] -= 1
                if waiting[k] == 0:
                    ready.append(k)
        else:
            k = target[i]
            waiting[k] -= 1
            if waiting[k] == 0:
                ready.append(k)
    if len(order) == total:
        return order, []
    placed = set(order)
    return order, [i for i in range(total) if i not in placed]


# --- strengths


def _strengths(
    g: _Graph,
    combine: Callable[[float, Sequence[float], Sequence[float]], float],
    order: list[int],
    left: list[int],
) -> tuple[list[float], bool, float, int]:
    """Strength of every argument; (strengths, converged, residual, steps)."""
    total = len(g.names)
    s = [0.0] * total
    att, sup, src, base, members = g.attackers, g.supporters, g.source, g.base, g.members

    def local(i: int) -> float:
        if members[i]:
            return weakest_link(base[i], [s[j] for j in members[i]])
        b = base[i] if src[i] < 0 else s[src[i]]
        return combine(b, [s[j] for j in att[i]], [s[j] for j in sup[i]])

    # Everything not on or behind a cycle: exactly, in one pass. An argument with no
    # attacker and no supporter keeps its base (balance, in all three semantics).
    for i in order:
        a, p = att[i], sup[i]
        if members[i]:
            s[i] = weakest_link(base[i], [s[j] for j in members[i]])
            continue
        b = base[i] if src[i] < 0 else s[src[i]]
        s[i] = combine(b, [s[j] for j in a], [s[j] for j in p]) if a or p else b
    if not left:
        return s, True, 0.0, 0

    done = [False] * total
    for i in order:
        done[i] = True
    deps = {i: g.dependencies(i) for i in left}
    converged = True
    residual = 0.0
    steps = 0
    updates = 0
    for part in _components(left, deps, done):
        if len(part) == 1 and part[0] not in deps[part[0]]:
            s[part[0]] = local(part[0])
            done[part[0]] = True
            continue
        budget = min(MAX_STEPS, max(0, MAX_UPDATES - updates) // (11 * len(part)))
        ok, r, k = _integrate(part, s, combine, g, budget)
        updates += 11 * k * len(part)
        converged = converged and ok
        residual = max(residual, r)
        steps += k
        for i in part:
            done[i] = True
    return s, converged, residual, steps


def _components(left: list[int], deps: dict[int, list[int]], done: list[bool]) -> list[list[int]]:
    """Strongly connected components of the unfinished arguments, dependencies first
    (Tarjan's algorithm, iterative)."""
    index: dict[int, int] = {}
    low: dict[int, int] = {}
    on_stack: set[int] = set()
    stack: list[int] = []
    out: list[list[int]] = []
    counter = 0
    for root in left:
        if root in index:
            continue
        work: list[tuple[int, int]] = [(root, 0)]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            v, pos = work[-1]
            nexts = deps[v]
            if pos < len(nexts):
                work[-1] = (v, pos + 1)
                w = nexts[pos]
                if done[w]:
                    continue
                if w not in index:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, 0))
                elif w in on_stack:
                    low[v] = min(low[v], index[w])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[v])
            if low[v] == index[v]:
                part = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    part.append(w)
                    if w == v:
                        break
                out.append(part)
    return out


def _integrate(
    part: list[int],
    s: list[float],
    combine: Callable[[float, Sequence[float], Sequence[float]], float],
    g: _Graph,
    max_steps: int,
) -> tuple[bool, float, int]:
    """Integrate ds/dt = f(s) − s over one strongly connected part, from the base scores,
    until max |f(s) − s| < TOLERANCE, in at most `max_steps` steps and MAX_TIME of model
    time: classical RK4 with step doubling (the difference of one step of h and two of h/2
    estimates the local error) and Richardson extrapolation. (converged, residual, steps)"""
    # Start at the base scores. A link's base score is its source's strength: the source's
    # weight if the source is in this part (and so starts at its weight), its final strength
    # if it was evaluated before.
    for i in part:
        if g.source[i] < 0:
            s[i] = g.base[i]
    for i in part:
        if g.source[i] >= 0:
            s[i] = s[g.source[i]]
    # A link without undercuts passes its source's strength on unchanged: it is copied, not
    # integrated, so that a cycle without undercuts follows the very model of the framework
    # where premises bear on their parents directly (an integrated copy would lag behind,
    # which slows convergence and can even destabilise a fixpoint), at half the work.
    copies = [(i, g.source[i]) for i in part if g.source[i] >= 0 and not g.attackers[i]]
    part = [i for i in part if g.source[i] < 0 or g.attackers[i]]

    # What `local` does for each argument of the part, unrolled: this loop is the hot path
    # of a long cycle (a 10,000-argument ring calls it some two million times).
    strength_of = s.__getitem__
    inputs = [(g.source[i], g.base[i], g.attackers[i], g.supporters[i]) for i in part]
    # A linked group is the weakest of its premises (capped by its weight), not combined.
    groups = [(k, g.base[i], g.members[i]) for k, i in enumerate(part) if g.members[i]]

    def rate(y: list[float]) -> list[float]:
        for i, v in zip(part, y, strict=True):
            s[i] = v
        for i, source in copies:
            s[i] = s[source]
        found = [
            combine(
                base if src < 0 else s[src],
                tuple(map(strength_of, attackers)),
                tuple(map(strength_of, supporters)),
            )
            - v
            for (src, base, attackers, supporters), v in zip(inputs, y, strict=True)
        ]
        for k, cap, premises in groups:
            found[k] = weakest_link(cap, tuple(map(strength_of, premises))) - y[k]
        return found

    def rk4(y: list[float], k1: list[float], h: float) -> list[float]:
        k2 = rate([a + 0.5 * h * b for a, b in zip(y, k1, strict=True)])
        k3 = rate([a + 0.5 * h * b for a, b in zip(y, k2, strict=True)])
        k4 = rate([a + h * b for a, b in zip(y, k3, strict=True)])
        return [
            a + h / 6.0 * (p + 2.0 * q + 2.0 * r + t)
            for a, p, q, r, t in zip(y, k1, k2, k3, k4, strict=True)
        ]

    y = [s[i] for i in part]
    h, t, steps = 0.25, 0.0, 0
    while True:
        k1 = rate(y)
        residual = max(abs(v) for v in k1)
        if residual < TOLERANCE:
            return True, residual, steps
        if steps >= max_steps or t >= MAX_TIME:
            return False, residual, steps
        steps += 1
        # Only the end point must be exact (its residual is checked above): far from the
        # fixpoint a step may err by 1% of the residual, near it by TOLERANCE / 10.
        step_tolerance = min(1e-6, max(TOLERANCE / 10.0, residual * 1e-2))
        whole = rk4(y, k1, h)
        half = rk4(y, k1, h / 2.0)
        halves = rk4(half, rate(half), h / 2.0)
        error = max(abs(a - b) for a, b in zip(whole, halves, strict=True)) / 15.0
        if error <= step_tolerance or h < 1e-6:
            y = [min(1.0, max(0.0, b + (b - a) / 15.0)) for a, b in zip(whole, halves, strict=True)]
            t += h
            grow = 2.0 if error == 0.0 else min(2.0, 0.9 * (step_tolerance / error) ** 0.2)
            h = min(4.0, h * max(grow, 1.0))
        else:
            h *= max(0.2, 0.9 * (step_tolerance / error) ** 0.2)


# --- status: the grounded labelling

IN, OUT, UNDEC = 1, -1, 0


@attrs.define
class _Framework:
    """An attack relation in which an argument may also *require* others: it is IN only if
    they are IN, OUT as soon as one is OUT. A link requires its source node, which is the
    Dung framework where a link is attacked by everything attacking its source."""

    attackers: list[list[int]]
    requires: list[list[int]]


def _framework(g: _Graph, support: str) -> _Framework:
    total = len(g.names)
    # nodes: their con links; links: the undercuts written on them
    attackers = [list(a) for a in g.attackers]
    requires: list[list[int]] = [[] for _ in range(total)]
    for i in range(g.n_nodes, total):
        requires[i].append(g.source[i])
    for i in range(g.n_nodes):  # a linked group stands only while all its premises do
        requires[i].extend(g.members[i])
    if support != "attacks-only":
        _add_induced_attacks(g, support, attackers, requires)
    return _Framework(attackers, requires)


# Induced attacks are enumerated along support chains; past this many, the map is refused.
MAX_INDUCED_ATTACKS = 200_000
# The search for support chains visits each (end of chain, undercuts on it) once from each
# start; past this many visits in all, the map is refused.
MAX_SUPPORT_STATES = 5_000_000


def _add_induced_attacks(
    g: _Graph, support: str, attackers: list[list[int]], requires: list[list[int]]
) -> None:
    """Add the attacks a support reading induces, each as an auxiliary argument.

    For every support chain x ⇒ … ⇒ y (one or more `pro` links) and every `con` link k
    that starts or ends at x or y, the published readings add one attack:

    - supported (deductive, cayrol2005): y attacks z through k  ⇒  x attacks z;
    - mediated (deductive): c attacks y through k  ⇒  c attacks x;
    - secondary, C-LS 2005's indirect defeat (necessary, cayrol2005):
      c attacks x through k  ⇒  c attacks y;
    - extended (necessary): x attacks z through k  ⇒  y attacks z.

    The auxiliary argument requires the attacker (it is IN only while the attacker is) and
    is attacked by every undercut on the chain's links and on k: an induced attack rests on
    the links it is made of, so a successfully undercut link carries none.
    """
    supported = support in ("deductive", "cayrol2005")
    mediated = support == "deductive"
    secondary = support in ("necessary", "cayrol2005")
    extended = support == "necessary"
    n = g.n_nodes
    support_out: list[list[int]] = [[] for _ in range(n)]
    con_out: list[list[int]] = [[] for _ in range(n)]
    con_in: list[list[int]] = [[] for _ in range(n)]
    target_of: dict[int, int] = {}
    for i in range(n):
        for lk in g.supporters[i]:
            support_out[g.source[lk]].append(lk)
            target_of[lk] = i
        for lk in g.attackers[i]:
            con_out[g.source[lk]].append(lk)
            con_in[i].append(lk)
            target_of[lk] = i
    seen: set[tuple[int, int, tuple[int, ...]]] = set()

    def add(attacker: int, target: int, undercuts: list[int]) -> None:
        key = (attacker, target, tuple(sorted(set(undercuts))))
        if key in seen:
            return
        if len(seen) >= MAX_INDUCED_ATTACKS:
            raise EvaluationError(
                "E505",
                f"support reading {support!r} induces more than {MAX_INDUCED_ATTACKS:,} attacks"
                " on this map; use --support attacks-only",
                Position(g.path),
            )
        seen.add(key)
        aux = len(attackers)
        attackers.append(list(key[2]))
        requires.append([attacker])
        attackers[target].append(aux)

    # From each x, the chains x ⇒⁺ y matter only through their end y and the undercuts on
    # their links: search those states, each once, rather than every chain (a dense support
    # graph has exponentially many). Chains that pass a node twice add only attacks that
    # carry more undercuts than the shorter chain's, which change no label.
    #
    # And only where attacks are: at a chain's start when it attacks or is attacked
    # (secondary, extended), else at its end (supported, mediated). From any other start,
    # only nodes from which a support chain leads to an attack are visited.
    towards_attacks = [bool(con_in[i] or con_out[i]) for i in range(n)]
    support_in: list[list[int]] = [[] for _ in range(n)]
    for i in range(n):
        for lk in support_out[i]:
            support_in[target_of[lk]].append(i)
    pending = [i for i in range(n) if towards_attacks[i]]
    while pending:
        for j in support_in[pending.pop()]:
            if not towards_attacks[j]:
                towards_attacks[j] = True
                pending.append(j)
    states = 0
    for x in range(n):
        everywhere = (secondary and bool(con_in[x])) or (extended and bool(con_out[x]))
        if not support_out[x] or not (everywhere or (supported and towards_attacks[x])):
            continue
        reached: set[tuple[int, tuple[int, ...]]] = set()
        stack: list[tuple[int, tuple[int, ...]]] = [(x, ())]
        while stack:
            here, undercuts = stack.pop()
            for lk in support_out[here]:
                y = target_of[lk]
                cuts = g.attackers[lk]
                chain_undercuts = tuple(sorted({*undercuts, *cuts})) if cuts else undercuts
                if y == x or (y, chain_undercuts) in reached:
                    continue
                if not (everywhere or towards_attacks[y]):
                    continue
                reached.add((y, chain_undercuts))
                states += 1
                if states > MAX_SUPPORT_STATES:
                    raise EvaluationError(
                        "E505",
                        f"support reading {support!r} follows support chains to more than"
                        f" {MAX_SUPPORT_STATES:,} places on this map; use --support attacks-only",
                        Position(g.path),
                    )
                if supported:
                    for k in con_out[y]:
                        add(x, target_of[k], [*chain_undercuts, *g.attackers[k]])
                if mediated:
                    for k in con_in[y]:
                        add(g.source[k], x, [*chain_undercuts, *g.attackers[k]])
                if secondary:
                    for k in con_in[x]:
                        add(g.source[k], y, [*chain_undercuts, *g.attackers[k]])
                if extended:
                    for k in con_out[x]:
                        add(y, target_of[k], [*chain_undercuts, *g.attackers[k]])
                stack.append((y, chain_undercuts))


def grounded_labelling(fw: _Framework) -> list[int]:
    """IN / OUT / UNDEC for every argument: the least fixpoint (Dung 1995; Caminada 2006's
    labelling form), in time linear in the size of the relation."""
    total = len(fw.attackers)
    attacks: list[list[int]] = [[] for _ in range(total)]
    required_by: list[list[int]] = [[] for _ in range(total)]
    for i in range(total):
        for j in fw.attackers[i]:
            attacks[j].append(i)
        for j in fw.requires[i]:
            required_by[j].append(i)
    # pending: attackers not yet OUT plus requirements not yet IN
    pending = [len(fw.attackers[i]) + len(fw.requires[i]) for i in range(total)]
    label: list[int | None] = [None] * total
    queue: list[tuple[int, int]] = [(i, IN) for i in range(total) if pending[i] == 0]
    while queue:
        i, lab = queue.pop()
        if label[i] is not None:
            continue
        label[i] = lab
        if lab == IN:
            for k in attacks[i]:
                if label[k] is None:
                    queue.append((k, OUT))
            for k in required_by[i]:
                pending[k] -= 1
                if pending[k] == 0 and label[k] is None:
                    queue.append((k, IN))
        else:
            for k in attacks[i]:
                pending[k] -= 1
                if pending[k] == 0 and label[k] is None:
                    queue.append((k, IN))
            for k in required_by[i]:
                if label[k] is None:
                    queue.append((k, OUT))
    return [UNDEC if lab is None else lab for lab in label]


_STATUS = {IN: Status.IN, OUT: Status.OUT, UNDEC: Status.UNDECIDED}


# --- the public entry point


def evaluate(
    m: ArgumentMap, semantics: str = "dfquad", support: str = "attacks-only"
) -> Evaluation:
    """Strength and status of every node and link of a structurally valid map.

    Raises EvaluationError for an unknown semantics or support reading, or a
    map whose links point at nodes or links it does not have (run `validate`).
    Never raises because a cyclic map did not converge: see `converged`.
    """
    if semantics not in _COMBINE:
        raise EvaluationError(
            "E502", f"unknown semantics {semantics!r} (choose from {', '.join(SEMANTICS)})"
        )
    if support not in SUPPORT_READINGS:
        raise EvaluationError(
            "E502",
            f"unknown support reading {support!r} (choose from {', '.join(SUPPORT_READINGS)})",
        )
    # The many small lists built here would make each collection walk the map. They are
    # freed when `_evaluate` returns, before the collector is back on: its first pass then
    # has only the result to look at.
    with gc_paused():
        return _evaluate(m, semantics, support)


def _evaluate(m: ArgumentMap, semantics: str, support: str) -> Evaluation:
    g = _Graph.build(m)
    order, left = _topological(g)
    strength, converged, residual, steps = _strengths(g, _COMBINE[semantics], order, left)
    if support == "attacks-only" and not left:
        labels = _labels_in_order(g, order)
    else:
        labels = grounded_labelling(_framework(g, support))
    return _evaluation(g, semantics, support, strength, labels, converged, residual, steps)


def not_converged(path: str, evaluation: Evaluation, consequence: str) -> EvaluationError:
    """E501 for an evaluation of the map at `path` that did not converge: the one wording
    every command uses. `consequence` says what the command does about it."""
    return EvaluationError(
        "E501",
        f"evaluation did not converge: residual {evaluation.residual:.1e} after"
        f" {evaluation.iterations} integration steps; {consequence}",
        Position(path),
    )


def _labels_in_order(g: _Graph, order: list[int]) -> list[int]:
    """The grounded labelling of an acyclic map without induced attacks, in one pass in
    dependency order: a node is OUT when a con link on it is IN, else IN; a linked group
    is OUT when the link from one of its premises is OUT; a link is IN when its source is
    IN and no undercut on it is IN."""
    label = [UNDEC] * len(g.names)
    att, src, members = g.attackers, g.source, g.members
    for i in order:
        lab = IN if src[i] < 0 else label[src[i]]
        if members[i] and any(label[k] == OUT for k in members[i]):
            lab = OUT  # a linked group falls with any of its premises
        if lab == IN:
            for a in att[i]:
                if label[a] == IN:
                    lab = OUT
                    break
        label[i] = lab
    return label


def _evaluation(
    g: _Graph,
    semantics: str,
    support: str,
    strength: list[float],
    labels: list[int],
    converged: bool,
    residual: float,
    steps: int,
) -> Evaluation:
    n = g.n_nodes
    status = [_STATUS[lab] for lab in labels]
    nodes = dict(zip(g.names[:n], map(Score, g.base[:n], strength[:n], status[:n]), strict=True))
    link_base = [strength[j] for j in g.source[n:]]
    links = dict(zip(g.names[n:], map(Score, link_base, strength[n:], status[n:]), strict=True))
    return Evaluation(
        semantics=semantics,
        support=support,
        status_semantics=STATUS_SEMANTICS,
        converged=converged,
        residual=residual,
        iterations=steps,
        nodes=nodes,
        links=links,
        computed=(g, strength, labels),
    )


# --- preferred and stable extensions

EXTENSION_SEMANTICS: tuple[str, ...] = ("preferred", "stable")
# Past this many arguments left undecided by the grounded labelling (nodes, links and
# induced attacks), or this many search steps, `acceptance` refuses rather than hang:
# finding every preferred extension is exponential in the worst case.
MAX_UNDECIDED = 60
MAX_SEARCH_STEPS = 1_000_000


@attrs.frozen
class Acceptance:
    """Credulous and sceptical acceptance of nodes under preferred or stable semantics."""

    semantics: str  # "preferred" | "stable"
    support: str
    extensions: tuple[frozenset[str], ...]  # the node ids IN in each extension
    credulous: frozenset[str]  # IN in at least one extension
    sceptical: frozenset[str]  # IN in every extension (empty when there is none)


def acceptance(
    m: ArgumentMap, semantics: str = "preferred", support: str = "attacks-only"
) -> Acceptance:
    """Every preferred (or stable) extension of the map's attack relation, restricted to
    nodes, with credulous and sceptical acceptance.

    Each extension contains the grounded one; the search labels only the arguments the
    grounded labelling leaves undecided. Raises EvaluationError (E503) past MAX_UNDECIDED
    of them or MAX_SEARCH_STEPS steps.
    """
    if semantics not in EXTENSION_SEMANTICS:
        raise EvaluationError(
            "E502",
            f"unknown extension semantics {semantics!r} (choose from "
            f"{', '.join(EXTENSION_SEMANTICS)})",
        )
    if support not in SUPPORT_READINGS:
        raise EvaluationError(
            "E502",
            f"unknown support reading {support!r} (choose from {', '.join(SUPPORT_READINGS)})",
        )
    g = _Graph.build(m)
    fw = _framework(g, support)
    grounded = grounded_labelling(fw)
    open_args = [i for i, lab in enumerate(grounded) if lab == UNDEC]
    if len(open_args) > MAX_UNDECIDED:
        raise EvaluationError(
            "E503",
            f"{len(open_args)} arguments are undecided under grounded semantics; {semantics}"
            f" extensions are computed for at most {MAX_UNDECIDED}",
            Position(m.path),
        )
    labellings = _complete_labellings(fw, grounded, open_args, Position(m.path))
    if semantics == "stable":
        chosen = [lab for lab in labellings if all(lab[i] != UNDEC for i in open_args)]
    else:
        in_sets = [frozenset(i for i in open_args if lab[i] == IN) for lab in labellings]
        chosen = [
            lab
            for lab, mine in zip(labellings, in_sets, strict=True)
            if not any(mine < other for other in in_sets)
        ]
    seen: set[frozenset[str]] = set()
    extensions: list[frozenset[str]] = []
    for lab in chosen:
        ext = frozenset(g.names[i] for i in range(g.n_nodes) if lab[i] == IN)
        if ext not in seen:
            seen.add(ext)
            extensions.append(ext)
    extensions.sort(key=lambda e: sorted(e))
    credulous = frozenset().union(*extensions) if extensions else frozenset()
    sceptical = frozenset.intersection(*extensions) if extensions else frozenset()
    return Acceptance(semantics, support, tuple(extensions), credulous, sceptical)


def _complete_labellings(
    fw: _Framework, grounded: list[int], open_args: list[int], where: Position
) -> list[list[int]]:
    """Every complete labelling (backtracking over the undecided arguments, pruning with
    the range each argument's value can still take)."""
    total = len(fw.attackers)
    dependents: list[list[int]] = [[] for _ in range(total)]
    for i in open_args:
        for j in fw.attackers[i]:
            dependents[j].append(i)
        for j in fw.requires[i]:
            dependents[j].append(i)
    label: list[int | None] = [lab if lab != UNDEC else None for lab in grounded]
    found: list[list[int]] = []
    steps = 0

    def consistent(y: int) -> bool:
        # value(y) = min(−L(a) for attackers a, L(r) for requirements r), IN=1, OUT=−1
        mine = label[y]
        if mine is None:
            return True
        lo = hi = IN
        for a in fw.attackers[y]:
            la = label[a]
            if la is None:
                lo = OUT
            else:
                lo, hi = min(lo, -la), min(hi, -la)
        for r in fw.requires[y]:
            lr = label[r]
            if lr is None:
                lo = OUT
            else:
                lo, hi = min(lo, lr), min(hi, lr)
        return lo <= mine <= hi

    def search(k: int) -> None:
        nonlocal steps
        if k == len(open_args):
            found.append([UNDEC if lab is None else lab for lab in label])
            return
        x = open_args[k]
        for value in (IN, OUT, UNDEC):
            steps += 1
            if steps > MAX_SEARCH_STEPS:
                raise EvaluationError(
                    "E503",
                    f"the search for extensions passed {MAX_SEARCH_STEPS:,} steps;"
                    " the map has too many undecided arguments",
                    where,
                )
            label[x] = value
            if consistent(x) and all(consistent(y) for y in dependents[x]):
                search(k + 1)
        label[x] = None

    search(0)
    return found


# --- the JSON document


def _score(score: Score) -> dict[str, Any]:
    return {
        "base": json_number(score.base),
        "strength": json_number(score.strength),
        "status": score.status.value,
    }


def evaluation_json(
    evaluation: Evaluation,
    extensions: Acceptance | None = None,
    explanations: Sequence[Any] = (),
    repeats: Sequence[Any] = (),
) -> str:
    """The JSON document of `argmap evaluate --format json` (README, "Evaluation semantics"):
    `explanations` are argmap.explain's Explanations, `repeats` argmap.routes' Repeats."""
    from argmap.wording import SCORES_CAVEAT

    doc: dict[str, Any] = {
        "semantics": evaluation.semantics,
        "support": evaluation.support,
        "status_semantics": evaluation.status_semantics,
        "caveat": SCORES_CAVEAT,
        "converged": evaluation.converged,
        "residual": evaluation.residual,
        "iterations": evaluation.iterations,
        "nodes": {nid: _score(s) for nid, s in evaluation.nodes.items()},
        "links": {lid: _score(s) for lid, s in evaluation.links.items()},
        "explanations": {x.node: x.as_data() for x in explanations},
        "counted_twice": [r.as_data() for r in repeats],
    }
    if extensions is not None:
        doc["extensions"] = {
            "semantics": extensions.semantics,
            "extensions": [sorted(e) for e in extensions.extensions],
            "credulous": sorted(extensions.credulous),
            "sceptical": sorted(extensions.sceptical),
        }
    return json.dumps(doc, indent=2, ensure_ascii=False)
