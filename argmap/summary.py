"""Numbers about a map: each claim's counts, sides, depth and quote coverage; the map's totals.

Plain typed functions that return data (the `summary` command prints it, through
argmap.tables; `report` draws it). A premise's side and a claim's depth are
defined in argmap.graph, a verified quote in argmap.quotes (also in the README).
**Quote coverage** is the share of stated (not implicit) premises with at least
one verified quote.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from argmap.errors import Diagnostic, MapLoadError, NotAMapError, Position, Severity
from argmap.evaluate import Evaluation
from argmap.explain import explain, status_words
from argmap.files import map_files, walk_yaml
from argmap.folders import skipped_note
from argmap.graph import (
    actor_ids,
    depths,
    evaluation_info,
    in_order,
    reasons_beneath,
    sides_beneath,
    strength_of,
)
from argmap.model import ArgumentMap, LinkKind, NodeKind
from argmap.numbers import json_number
from argmap.quotes import FileStatus, QuoteCheck, QuoteChecks, SourceTexts, check_quotes

if TYPE_CHECKING:
    from argmap.coverage import SourceCoverage

SORT_KEYS = ("file", "id", "strength", "contested", "pro", "con")


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


@attrs.frozen
class ClaimRow:
    """One row of `argmap summary`: a top-level claim and what stands beneath it."""

    map: str  # the map file's path
    id: str
    text: str
    tags: tuple[str, ...]
    pro: int  # direct pro links (a linked group is one)
    con: int  # direct con links
    # reasons anywhere beneath on the claim's side: nodes, a linked group counting once
    # and its premises not again (argmap.graph.reasons_beneath)
    pro_total: int
    con_total: int  # reasons anywhere beneath against it
    premises: int  # distinct nodes beneath, not counting linked groups
    undercuts: int  # undercut links beneath
    depth: int
    actors_pro: tuple[str, ...]  # actor ids: who asserts the claim or argues on its side
    actors_con: tuple[str, ...]
    coverage: Coverage
    strength: float | None = None
    status: str | None = None  # in | out | undecided
    verdict: str | None = None  # the words tables show (argmap.explain.status_words)
    robust: bool | None = None  # the verdict's robustness (argmap.explain)
    groups: int = 0  # linked groups beneath

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
            "groups": self.groups,
            "undercuts": self.undercuts,
            "depth": self.depth,
            "strength": json_number(self.strength),
            "status": self.status,
            "verdict": self.verdict,
            "robust": self.robust,
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
    "groups",
    "undercuts",
    "depth",
    "strength",
    "status",
    "verdict",
    "robust",
    "actors_pro",
    "actors_con",
    "quoted_premises",
    "stated_premises",
    "quote_coverage",
    "tags",
)
"""The fields of each claim in the JSON and the columns of the CSV, in order."""


def _round(value: float | None) -> float | None:
    return json_number(value)


@attrs.frozen
class Totals:
    """The map's totals (or several maps' together): what Kialo calls its statistics."""

    maps: int
    nodes: int
    claims: int
    premises: int  # stated premises
    implicit_premises: int
    groups: int  # linked groups
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
    # Each unchecked source's file state, so the caption says why in the one wording.
    file_states: Mapping[str, FileStatus] = attrs.field(factory=dict)
    # Each source's sentences quoted (argmap.coverage); empty: not measured.
    source_coverage: tuple[SourceCoverage, ...] = ()


def claim_row(
    m: ArgumentMap,
    claim_id: str,
    checks: QuoteChecks,
    all_depths: Mapping[str, int],
    evaluation: Evaluation | None = None,
    robust: bool | None = None,
) -> ClaimRow:
    claim = m.node(claim_id)
    beneath = sides_beneath(m, claim_id)
    reasons = reasons_beneath(m, claim_id)
    nodes = [m.node(n) for n in beneath]
    stated = [n for n in nodes if not n.implicit and n.kind is NodeKind.PREMISE]
    undercuts = sum(
        len(m.undercutters(lk.id))
        for n in [claim_id, *beneath]
        for lk in m.incoming(n)
        if lk.kind is not LinkKind.UNDERCUT
    )
    strength, status = strength_of(evaluation, claim_id)
    return ClaimRow(
        map=m.path,
        id=claim_id,
        text=claim.text,
        tags=claim.tags,
        pro=len(m.supporters(claim_id)),
        con=len(m.attackers(claim_id)),
        pro_total=sum(1 for s in reasons.values() if 1 in s),
        con_total=sum(1 for s in reasons.values() if -1 in s),
        premises=sum(1 for n in nodes if not n.is_group),
        groups=sum(1 for n in nodes if n.is_group),
        undercuts=undercuts,
        depth=all_depths.get(claim_id, 0),
        actors_pro=in_order(
            actor_ids(claim)
            + [a for n, s in beneath.items() if 1 in s for a in actor_ids(m.node(n))]
        ),
        actors_con=in_order(a for n, s in beneath.items() if -1 in s for a in actor_ids(m.node(n))),
        coverage=Coverage(sum(1 for n in stated if checks.verified(n)), len(stated)),
        strength=strength,
        status=status,
        verdict=status_words(m, evaluation, claim_id) if evaluation is not None else None,
        robust=robust,
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
        groups=sum(1 for n in nodes if n.is_group),
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
    source_coverage: Sequence[SourceCoverage] = (),
) -> MapSummary:
    """The rows and totals of `argmap summary` for one map (every claim, in file order);
    `source_coverage` (from `argmap.coverage.source_coverage`) is carried for its line."""
    checks = check_quotes(m, texts)
    all_depths = depths(m)
    robust: dict[str, bool] = {}
    if evaluation is not None:
        for x in explain(m, evaluation, contributions=False):
            if x.robustness is not None:
                robust[x.node] = x.robustness.robust
    rows = tuple(
        claim_row(m, c.id, checks, all_depths, evaluation, robust.get(c.id))
        for c in m.claim_nodes()
    )
    return MapSummary(
        title=m.title,
        path=m.path,
        rows=rows,
        totals=map_totals(m, checks, all_depths),
        unchecked_sources=checks.unchecked_sources,
        file_states={u: checks.files[u] for u in checks.unchecked_sources},
        evaluation=evaluation_info(evaluation),
        actors=tuple(m.actors),
        source_coverage=tuple(source_coverage),
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


@attrs.frozen
class PathSummaries:
    """What `summarise_paths` found: a summary of each map that could be read, and a
    diagnostic for each map that could not (error) or whose scores were left out
    (warning), in the order the maps were met."""

    summaries: tuple[MapSummary, ...]
    problems: tuple[Diagnostic, ...]

    @property
    def failed(self) -> bool:
        return any(d.severity is Severity.ERROR for d in self.problems)


def summarise_paths(
    paths: Iterable[str | os.PathLike[str]],
    *,
    sources: SourceTexts | None = None,
    evaluate: bool = True,
    semantics: str = "dfquad",
    support: str = "attacks-only",
    each: Callable[[list[Path]], Iterable[Path]] = iter,
) -> PathSummaries:
    """A summary of every map named or found under a directory (`argmap summary`).

    A map that cannot be read, or has structural errors, is an error in `problems` and the
    others are still summarised; a cyclic map whose evaluation did not converge is
    summarised without scores, with a warning (E501). `each` sees the list of files and
    yields them back (a progress bar, say).
    """
    from argmap.coverage import source_coverage
    from argmap.evaluate import evaluate as run_evaluation
    from argmap.evaluate import not_converged
    from argmap.validate import load_valid_map

    texts = sources or SourceTexts()
    summaries: list[MapSummary] = []
    problems: list[Diagnostic] = []
    paths = list(paths)
    # Under a folder, YAML that is not a map is skipped (I303), as `validate` skips it.
    walked = {f for given in paths if Path(given).is_dir() for f in walk_yaml(given)}
    for path in each(map_files(paths)):
        try:
            m = load_valid_map(path)
        except NotAMapError as exc:
            if path in walked:
                problems.append(skipped_note(path))
                continue
            problems.append(
                Diagnostic(
                    exc.code, Severity.ERROR, exc.message, exc.position or Position(str(path))
                )
            )
            continue
        except MapLoadError as exc:
            problems.append(
                Diagnostic(
                    exc.code, Severity.ERROR, exc.message, exc.position or Position(str(path))
                )
            )
            continue
        evaluation = None
        if evaluate:
            evaluation = run_evaluation(m, semantics=semantics, support=support)
            if not evaluation.converged:
                problem = not_converged(m.path, evaluation, "strength and status left out")
                problems.append(
                    Diagnostic(problem.code, Severity.WARNING, problem.message, Position(m.path))
                )
                evaluation = None
        coverage = source_coverage(m, texts)
        summaries.append(summarise(m, texts=texts, evaluation=evaluation, source_coverage=coverage))
    return PathSummaries(tuple(summaries), tuple(problems))
