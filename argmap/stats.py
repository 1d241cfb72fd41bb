"""Numbers about a map: each claim's counts, sides, depth and quote coverage; the map's totals.

Plain typed functions that return data (the `summary`, `show`, `actors` and
`sources` commands print it; `report` draws it). Definitions, also in the README:

- a premise's **side** is the way it bears on a claim through the chain of
  links between them: a pro keeps the side, a con flips it, an undercut takes
  the side opposite to the premise whose link it attacks. An objection to an
  objection counts *for* the claim. A node reached along two chains with
  different sides counts on both.
- **depth** is the longest chain of links from the claim down to a premise
  (an undercut lies one level below the premise whose link it attacks). In a
  map with cycles a chain stops where it would come back to a node on it.
- a quote is **verified** when its source has a `file`, the file is found
  (beside the map or in a `--sources` directory) and the quote matches it.
  A quote whose source file is absent is *unchecked* and counts as not
  verified. **Quote coverage** is the share of stated (not implicit)
  premises with at least one verified quote.
"""

from __future__ import annotations

import csv
import difflib
import enum
import io
import json
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from argmap.evaluate import Evaluation
from argmap.model import ArgumentMap, Link, LinkKind, Node, NodeKind
from argmap.quotes import FileStatus, QuoteCheck, QuoteChecks, SourceTexts, check_quotes

SORT_KEYS = ("file", "id", "strength", "contested", "pro", "con")


# --- evaluation ---------------------------------------------------------------------


def _strength_of(evaluation: Evaluation | None, node_id: str) -> tuple[float | None, str | None]:
    score = evaluation.nodes.get(node_id) if evaluation is not None else None
    if score is None:
        return None, None
    return score.strength, score.status.value


# --- walking beneath a node ----------------------------------------------------------


@attrs.frozen
class Coverage:
    """Stated premises with at least one verified quote, out of all stated premises."""

    quoted: int
    premises: int

    @property
    def share(self) -> float | None:
        return self.quoted / self.premises if self.premises else None

    def __add__(self, other: Coverage) -> Coverage:
        return Coverage(self.quoted + other.quoted, self.premises + other.premises)


def children(m: ArgumentMap, node_id: str) -> list[tuple[Link, list[Link]]]:
    """The pro and con links into a node, each with the undercuts on it, in file order."""
    return [
        (lk, list(m.undercutters(lk.id)))
        for lk in m.incoming(node_id)
        if lk.kind is not LinkKind.UNDERCUT
    ]


def sides_beneath(m: ArgumentMap, root: str) -> dict[str, set[int]]:
    """Every node beneath `root` with its sides: +1 for the root, -1 against (module docstring).

    The root itself is not included (unless a cycle leads back to it).
    """
    found: dict[str, set[int]] = {}
    queue: deque[tuple[str, int]] = deque([(root, 1)])
    seen = {(root, 1)}
    while queue:
        node_id, side = queue.popleft()
        for link, undercuts in children(m, node_id):
            premise_side = side if link.kind is LinkKind.PRO else -side
            steps = [(link.source, premise_side)] + [(u.source, -premise_side) for u in undercuts]
            for child, child_side in steps:
                if m.get_node(child) is None:
                    continue
                found.setdefault(child, set()).add(child_side)
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
    """Nodes beneath one node, each with its distance: 1 for pro and con, 2 for undercuts."""
    out: list[tuple[str, int]] = []
    for link, undercuts in children(m, node_id):
        if m.get_node(link.source) is not None:
            out.append((link.source, 1))
        out += [(u.source, 2) for u in undercuts if m.get_node(u.source) is not None]
    return out


# --- per-claim rows and map totals ---------------------------------------------------


@attrs.frozen
class ClaimRow:
    """One row of `argmap summary`: a top-level claim and what stands beneath it."""

    map: str  # the map file's path
    id: str
    text: str
    tags: tuple[str, ...]
    pro: int  # direct pro links
    con: int  # direct con links
    pro_total: int  # nodes anywhere beneath on the claim's side
    con_total: int  # nodes anywhere beneath against it
    premises: int  # distinct nodes beneath
    undercuts: int  # undercut links beneath
    depth: int
    actors_pro: tuple[str, ...]  # actor ids: who asserts the claim or argues on its side
    actors_con: tuple[str, ...]
    coverage: Coverage
    strength: float | None = None
    status: str | None = None

    @property
    def quote_coverage(self) -> float | None:
        return self.coverage.share

    def as_json(self) -> dict[str, Any]:
        return {
            "map": self.map,
            "id": self.id,
            "text": self.text,
            "pro": self.pro,
            "con": self.con,
            "pro_total": self.pro_total,
            "con_total": self.con_total,
            "premises": self.premises,
            "undercuts": self.undercuts,
            "depth": self.depth,
            "strength": self.strength,
            "status": self.status,
            "actors_pro": list(self.actors_pro),
            "actors_con": list(self.actors_con),
            "quoted_premises": self.coverage.quoted,
            "stated_premises": self.coverage.premises,
            "quote_coverage": _round(self.quote_coverage),
            "tags": list(self.tags),
        }


CLAIM_FIELDS = (
    "map",
    "id",
    "text",
    "pro",
    "con",
    "pro_total",
    "con_total",
    "premises",
    "undercuts",
    "depth",
    "strength",
    "status",
    "actors_pro",
    "actors_con",
    "quoted_premises",
    "stated_premises",
    "quote_coverage",
    "tags",
)
"""The fields of each claim in the JSON and the columns of the CSV, in order."""


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


@attrs.frozen
class Totals:
    """The map's totals (or several maps' together): what Kialo calls its statistics."""

    maps: int
    nodes: int
    claims: int
    premises: int  # stated premises
    implicit_premises: int
    depth: int
    pro_links: int
    con_links: int
    undercuts: int
    refs: int
    actors: int
    sources: int
    quotes: int
    quotes_verified: int
    quotes_not_found: int
    quotes_unchecked: int
    coverage: Coverage
    uncontested_claims: int  # claims with no `con`

    @property
    def quote_coverage(self) -> float | None:
        return self.coverage.share

    def __add__(self, other: Totals) -> Totals:
        values: dict[str, Any] = {}
        for field in attrs.fields(Totals):
            mine, theirs = getattr(self, field.name), getattr(other, field.name)
            values[field.name] = max(mine, theirs) if field.name == "depth" else mine + theirs
        return Totals(**values)

    def as_json(self) -> dict[str, Any]:
        out = {f.name: getattr(self, f.name) for f in attrs.fields(Totals) if f.name != "coverage"}
        out["quoted_premises"] = self.coverage.quoted
        out["quote_coverage"] = _round(self.quote_coverage)
        return out


@attrs.frozen
class MapSummary:
    title: str
    path: str
    rows: tuple[ClaimRow, ...]
    totals: Totals
    unchecked_sources: tuple[str, ...]  # sources whose quotes count as unverified
    evaluation: Mapping[str, str] | None  # semantics, support, status_semantics; None: not run
    actors: tuple[str, ...] = ()  # declared actor ids


def _evaluation_info(evaluation: Evaluation | None) -> dict[str, str] | None:
    if evaluation is None:
        return None
    return {
        "semantics": evaluation.semantics,
        "support": evaluation.support,
        "status_semantics": evaluation.status_semantics,
    }


def _actor_ids(node: Node) -> list[str]:
    return list(node.by) + [q.speaker for q in node.quotes if q.speaker is not None]


def _in_order(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def claim_row(
    m: ArgumentMap,
    claim_id: str,
    checks: QuoteChecks,
    all_depths: Mapping[str, int],
    evaluation: Evaluation | None = None,
) -> ClaimRow:
    claim = m.node(claim_id)
    beneath = sides_beneath(m, claim_id)
    nodes = [m.node(n) for n in beneath]
    stated = [n for n in nodes if not n.implicit and n.kind is NodeKind.PREMISE]
    undercuts = sum(
        len(m.undercutters(lk.id))
        for n in [claim_id, *beneath]
        for lk in m.incoming(n)
        if lk.kind is not LinkKind.UNDERCUT
    )
    strength, status = _strength_of(evaluation, claim_id)
    return ClaimRow(
        map=m.path,
        id=claim_id,
        text=claim.text,
        tags=claim.tags,
        pro=len(m.supporters(claim_id)),
        con=len(m.attackers(claim_id)),
        pro_total=sum(1 for s in beneath.values() if 1 in s),
        con_total=sum(1 for s in beneath.values() if -1 in s),
        premises=len(beneath),
        undercuts=undercuts,
        depth=all_depths.get(claim_id, 0),
        actors_pro=_in_order(
            _actor_ids(claim)
            + [a for n, s in beneath.items() if 1 in s for a in _actor_ids(m.node(n))]
        ),
        actors_con=_in_order(
            a for n, s in beneath.items() if -1 in s for a in _actor_ids(m.node(n))
        ),
        coverage=Coverage(sum(1 for n in stated if checks.verified(n)), len(stated)),
        strength=strength,
        status=status,
    )


def map_totals(m: ArgumentMap, checks: QuoteChecks, all_depths: Mapping[str, int]) -> Totals:
    nodes = list(m.unique_nodes())
    premises = [n for n in nodes if n.kind is NodeKind.PREMISE]
    stated = [n for n in premises if not n.implicit]
    verdicts = [checks.verdict(q) for n in nodes for q in n.quotes]
    kinds = [lk.kind for lk in m.links]
    claims = m.claim_nodes()
    return Totals(
        maps=1,
        nodes=len(nodes),
        claims=len(claims),
        premises=len(stated),
        implicit_premises=len(premises) - len(stated),
        depth=max((all_depths.get(c.id, 0) for c in claims), default=0),
        pro_links=kinds.count(LinkKind.PRO),
        con_links=kinds.count(LinkKind.CON),
        undercuts=kinds.count(LinkKind.UNDERCUT),
        refs=sum(1 for lk in m.links if lk.is_ref),
        actors=len(m.actors),
        sources=len(m.sources),
        quotes=len(verdicts),
        quotes_verified=verdicts.count(QuoteCheck.VERIFIED),
        quotes_not_found=verdicts.count(QuoteCheck.NOT_FOUND),
        quotes_unchecked=verdicts.count(QuoteCheck.UNCHECKED),
        coverage=Coverage(sum(1 for n in stated if checks.verified(n)), len(stated)),
        uncontested_claims=sum(1 for c in claims if not m.attackers(c.id)),
    )


def summarise(
    m: ArgumentMap,
    *,
    texts: SourceTexts | None = None,
    evaluation: Evaluation | None = None,
) -> MapSummary:
    """The rows and totals of `argmap summary` for one map (every claim, in file order)."""
    checks = check_quotes(m, texts)
    all_depths = depths(m)
    rows = tuple(claim_row(m, c.id, checks, all_depths, evaluation) for c in m.claim_nodes())
    return MapSummary(
        title=m.title,
        path=m.path,
        rows=rows,
        totals=map_totals(m, checks, all_depths),
        unchecked_sources=checks.unchecked_sources,
        evaluation=_evaluation_info(evaluation),
        actors=tuple(m.actors),
    )


def select_rows(
    rows: Iterable[ClaimRow], *, tag: str | None = None, actor: str | None = None
) -> list[ClaimRow]:
    """Rows whose claim has `tag`, and in which `actor` argues on either side."""
    return [
        r
        for r in rows
        if (tag is None or tag in r.tags)
        and (actor is None or actor in r.actors_pro or actor in r.actors_con)
    ]


def sort_rows(rows: Sequence[ClaimRow], key: str) -> list[ClaimRow]:
    """Rows in the order `--sort` asks for (see SORT_KEYS); ties keep file order.

    strength: strongest first, unevaluated last. contested: most premises
    against first. pro / con: most direct premises first, then most beneath.
    """
    if key == "file":
        return list(rows)
    if key == "id":
        return sorted(rows, key=lambda r: (r.map, r.id))
    if key == "strength":
        return sorted(rows, key=lambda r: (r.strength is None, -(r.strength or 0.0)))
    if key == "contested":
        return sorted(rows, key=lambda r: (-r.con_total, -r.con))
    if key == "pro":
        return sorted(rows, key=lambda r: (-r.pro, -r.pro_total))
    if key == "con":
        return sorted(rows, key=lambda r: (-r.con, -r.con_total))
    raise ValueError(f"unknown sort key {key!r}")


def combined_totals(summaries: Sequence[MapSummary]) -> Totals:
    total = summaries[0].totals
    for s in summaries[1:]:
        total = total + s.totals
    return total


def map_label(path: str, base: str | Path | None) -> str:
    """A map's path as shown in a table of several maps: relative to the directory given."""
    if base is None:
        return path
    try:
        return Path(path).relative_to(base).as_posix()
    except ValueError:
        return path


# --- one node and everything beneath it (`argmap show`) ------------------------------

MAX_OUTLINE_DEPTH = 100
"""`show` stops expanding below this many levels (a long chain of refs); the cut is marked."""


class Relation(enum.Enum):
    ROOT = "root"
    PRO = "pro"
    CON = "con"
    UNDERCUT = "undercut"


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
    (they attack that link), then its own pro and con. `depth` limits the
    levels shown beneath the root; the items cut are counted in `hidden`.
    KeyError if there is no such node.
    """
    limit = MAX_OUTLINE_DEPTH if depth is None else min(depth, MAX_OUTLINE_DEPTH)
    expanded: set[str] = set()

    def build(node: Node, relation: Relation, link: Link | None, level: int) -> OutlineItem:
        below: list[tuple[Relation, Link]] = []
        if link is not None and link.kind is not LinkKind.UNDERCUT:
            below += [(Relation.UNDERCUT, u) for u in m.undercutters(link.id)]
        below += [
            (Relation.PRO if lk.kind is LinkKind.PRO else Relation.CON, lk)
            for lk in m.incoming(node.id)
            if lk.kind is not LinkKind.UNDERCUT
        ]
        below = [(r, lk) for r, lk in below if m.get_node(lk.source) is not None]
        repeat = node.id in expanded
        if repeat:
            # Undercuts belong to this link, not to the node: they are still shown.
            below = [(r, lk) for r, lk in below if r is Relation.UNDERCUT]
        else:
            expanded.add(node.id)
        if level >= limit:
            return OutlineItem(node, relation, link, repeat, len(below), ())
        kids = tuple(build(m.node(lk.source), r, lk, level + 1) for r, lk in below)
        return OutlineItem(node, relation, link, repeat, 0, kids)

    return build(m.node(node_id), Relation.ROOT, None, 0)


def outline_json(
    m: ArgumentMap, root: OutlineItem, checks: QuoteChecks, evaluation: Evaluation | None
) -> dict[str, Any]:
    """`argmap show --format json`: the tree of `outline`, one object a node, with what the
    terminal view shows of it (README, JSON output)."""

    def item_json(item: OutlineItem) -> dict[str, Any]:
        node, link = item.node, item.link
        strength, status = _strength_of(evaluation, node.id)
        link_score = evaluation.links.get(link.id) if evaluation and link else None
        return {
            "id": node.id,
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
            "strength": strength,
            "status": status,
            "link_strength": link_score.strength if link_score is not None else None,
            "repeat": item.repeat,
            "hidden": item.hidden,
            "children": [item_json(child) for child in item.children],  # depth <= 100
        }

    return {
        "map": {"title": m.title, "path": m.path},
        "evaluation": _evaluation_info(evaluation),
        "written_under": parents(m, root.node.id),
        "node": item_json(root),
    }


def parents(m: ArgumentMap, node_id: str) -> list[str]:
    """Where a node bears on others: `pro build-plant`, `con other (ref)`, or for an
    undercut the link it attacks, `undercut of cheap-power → build-plant`."""
    out: list[str] = []
    for lk in m.links:
        if lk.source != node_id:
            continue
        if lk.kind is LinkKind.UNDERCUT:
            attacked = m.get_link(lk.target)
            target = f"{attacked.source} → {attacked.target}" if attacked else lk.target
            out.append(f"undercut of {target}")
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


# --- who argues what (`argmap actors`) and what backs what (`argmap sources`) ---------


@attrs.frozen
class ActorRow:
    id: str
    name: str
    role: str | None
    kind: str | None
    argues: tuple[str, ...]  # node ids whose `by` names the actor
    quoted: int  # quotes in which the actor is the speaker
    claims_for: tuple[str, ...]  # claims the actor asserts or argues for
    claims_against: tuple[str, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "role": self.role,
            "kind": self.kind,
            "argues": list(self.argues),
            "quoted": self.quoted,
            "claims_for": list(self.claims_for),
            "claims_against": list(self.claims_against),
        }


def actor_rows(m: ArgumentMap) -> list[ActorRow]:
    """Every declared actor, in file order: what they argue and on which side of each claim."""
    sides: dict[str, dict[str, set[int]]] = {a: {} for a in m.actors}
    for claim in m.claim_nodes():
        for asserter in _actor_ids(claim):
            sides.setdefault(asserter, {}).setdefault(claim.id, set()).add(1)
        for node_id, node_sides in sides_beneath(m, claim.id).items():
            for arguer in _actor_ids(m.node(node_id)):
                sides.setdefault(arguer, {}).setdefault(claim.id, set()).update(node_sides)
    rows = []
    for actor in m.actors.values():
        by_claim = sides.get(actor.id, {})
        rows.append(
            ActorRow(
                id=actor.id,
                name=actor.name,
                role=actor.role,
                kind=actor.kind.value if actor.kind else None,
                argues=tuple(n.id for n in m.unique_nodes() if actor.id in n.by),
                quoted=sum(1 for n in m.unique_nodes() for q in n.quotes if q.speaker == actor.id),
                claims_for=tuple(c for c, s in by_claim.items() if 1 in s),
                claims_against=tuple(c for c, s in by_claim.items() if -1 in s),
            )
        )
    return rows


@attrs.frozen
class SourceRow:
    id: str
    title: str
    author: str | None
    date: str | None
    file: str | None
    file_status: FileStatus
    quotes: int
    backs: tuple[str, ...]  # node ids quoting the source
    verified: int
    not_found: int
    unchecked: int

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "author": self.author,
            "date": self.date,
            "file": self.file,
            "file_status": self.file_status.value,
            "quotes": self.quotes,
            "backs": list(self.backs),
            "verified": self.verified,
            "not_found": self.not_found,
            "unchecked": self.unchecked,
        }


def source_rows(m: ArgumentMap, checks: QuoteChecks) -> list[SourceRow]:
    """Every declared source, in file order: the quotes and nodes it backs, how many verified."""
    rows = []
    for source in m.sources.values():
        quoting = [(n, q) for n in m.unique_nodes() for q in n.quotes if q.source == source.id]
        verdicts = [checks.verdict(q) for _, q in quoting]
        rows.append(
            SourceRow(
                id=source.id,
                title=source.title,
                author=source.author,
                date=source.date,
                file=source.file,
                file_status=checks.files.get(source.id, FileStatus.NONE),
                quotes=len(quoting),
                backs=_in_order(n.id for n, _ in quoting),
                verified=verdicts.count(QuoteCheck.VERIFIED),
                not_found=verdicts.count(QuoteCheck.NOT_FOUND),
                unchecked=verdicts.count(QuoteCheck.UNCHECKED),
            )
        )
    return rows


# --- the summary as text: notes, totals line, markdown, CSV, JSON ---------------------

SEMANTICS_NAMES = {"dfquad": "DF-QuAD", "qe": "quadratic energy", "euler": "Euler-based"}


def format_share(coverage: Coverage) -> str:
    """`50% (3/6)`; `-` when there is nothing to cover."""
    if coverage.share is None:
        return "-"
    return f"{coverage.share:.0%} ({coverage.quoted}/{coverage.premises})"


def format_strength(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def totals_lines(t: Totals) -> list[str]:
    """The totals as three short lines: the nodes, the links and people, the evidence."""
    maps = f"maps {t.maps}, " if t.maps > 1 else ""
    return [
        f"{maps}nodes {t.nodes}, claims {t.claims}, premises {t.premises},"
        f" implicit {t.implicit_premises}, depth {t.depth}",
        f"links: pro {t.pro_links}, con {t.con_links}, undercuts {t.undercuts},"
        f" refs {t.refs}; actors {t.actors}, sources {t.sources}",
        f"quotes {t.quotes} ({t.quotes_verified} verified), quote coverage"
        f" {format_share(t.coverage)}, uncontested claims {t.uncontested_claims}",
    ]


def totals_line(t: Totals) -> str:
    return "Totals: " + "; ".join(totals_lines(t))


def summary_notes(summaries: Sequence[MapSummary]) -> list[str]:
    """What the columns mean: the table's caption, and the notes under the markdown."""
    notes = [
        "pro, con: direct / all beneath, by side"
        " (an objection to an objection counts for the claim)."
    ]
    evaluated = [s.evaluation for s in summaries if s.evaluation is not None]
    if not evaluated:
        notes.append("strength, status: not evaluated.")
    else:
        e = evaluated[0]
        name = SEMANTICS_NAMES.get(e["semantics"], e["semantics"])
        notes.append(
            f"strength: {name} ({e['semantics']}), supports read as {e['support']};"
            f" status: {e['status_semantics']} labelling."
        )
    several = len(summaries) > 1
    unchecked = [
        f"{u} ({s.path})" if several else u for s in summaries for u in s.unchecked_sources
    ]
    quotes = "quotes: stated premises with a verified quote / all stated premises."
    if unchecked:
        quotes += (
            " No source file for " + ", ".join(unchecked) + ": their quotes count as unverified."
        )
    notes.append(quotes)
    return notes


def summary_document(summaries: Sequence[MapSummary], rows: Sequence[ClaimRow]) -> dict[str, Any]:
    """The JSON document of `argmap summary --format json` (shape documented in the README)."""
    claims = [r.as_json() for r in rows]
    if len(summaries) == 1:
        s = summaries[0]
        return {
            "map": {
                "title": s.title,
                "path": s.path,
                "unchecked_sources": list(s.unchecked_sources),
            },
            "evaluation": s.evaluation,
            "claims": claims,
            "totals": s.totals.as_json(),
        }
    return {
        "maps": [
            {
                "title": s.title,
                "path": s.path,
                "unchecked_sources": list(s.unchecked_sources),
                "evaluation": s.evaluation,
                "totals": s.totals.as_json(),
            }
            for s in summaries
        ],
        "claims": claims,
        "totals": combined_totals(summaries).as_json(),
    }


def summary_json(summaries: Sequence[MapSummary], rows: Sequence[ClaimRow]) -> str:
    return json.dumps(summary_document(summaries, rows), indent=2, ensure_ascii=False)


def summary_csv(rows: Sequence[ClaimRow]) -> str:
    """One line per claim, the JSON's claim fields as columns; lists joined with `;`."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    header = list(CLAIM_FIELDS)
    writer.writerow(header)
    for row in rows:
        values = row.as_json()
        writer.writerow([_csv_cell(values[k]) for k in header])
    return out.getvalue()


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    cell = ";".join(value) if isinstance(value, list) else str(value)
    # A spreadsheet runs a cell starting with these as a formula: quote it as text.
    return "'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell


_MD_SPECIAL = str.maketrans(
    {c: "\\" + c for c in "\\`*_[]|#~@$"} | {"<": "&lt;", ">": "&gt;", "&": "&amp;"}
)


def md(text: str) -> str:
    """Map text as literal markdown: no emphasis, links, HTML, @-mentions, math or broken
    table cells and list items (line breaks become spaces)."""
    return " ".join(text.translate(_MD_SPECIAL).split())


def summary_markdown(
    summaries: Sequence[MapSummary], rows: Sequence[ClaimRow], *, base: str | Path | None = None
) -> str:
    """A GitHub-flavoured markdown table, the totals and the notes: pastes into a pull request."""
    several = len(summaries) > 1
    evaluated = any(s.evaluation is not None for s in summaries)
    header = (["map"] if several else []) + ["id", "claim", "pro", "con"]
    header += ["strength", "status"] if evaluated else []
    header += ["for", "against", "quotes", "tags"]
    right = {"pro", "con", "strength", "quotes"}
    align = ["--:" if h in right else "---" for h in header]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(align) + "|"]
    for r in rows:
        cells = [md(map_label(r.map, base))] if several else []
        cells += [md(r.id), md(r.text), f"{r.pro}/{r.pro_total}", f"{r.con}/{r.con_total}"]
        cells += [format_strength(r.strength), r.status or "-"] if evaluated else []
        cells += [
            md(", ".join(r.actors_pro)),
            md(", ".join(r.actors_con)),
            format_share(r.coverage),
            md(", ".join(r.tags)),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", md(totals_line(combined_totals(summaries))), ""]
    for note in summary_notes(summaries):
        lines += [md(note), ""]
    return "\n".join(lines)
