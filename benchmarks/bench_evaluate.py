"""Evaluation speed: a 100,000-node acyclic map within 1 s beyond its load time, and a
10,000-node map with cycles converging (or saying it cannot) within 5 s: one whose many
short cycles converge, and one of 2,000 rings that never settle. A ring of 10,000 claims,
one cycle through the whole map, is timed too, for scale.

The baseline is loading the same map in the same run, so "beyond load time" is the
evaluation's own median time, shown next to the load's.
"""

from __future__ import annotations

from pathlib import Path

from argmap import evaluate, loads_map
from argmap.model import ArgumentMap
from benchmarks.generate import generate_map
from benchmarks.timing import Result, median_time


def _load(text: str, path: Path) -> ArgumentMap:
    return loads_map(text, str(path))


def run(workdir: Path) -> list[Result]:
    results: list[Result] = []
    big = generate_map(100_000)
    big_path = workdir / "acyclic-100k.yaml"
    big_path.write_text(big, encoding="utf-8")
    load_big = median_time(lambda: _load(big, big_path), repeats=3)
    m = _load(big, big_path)
    for semantics in ("dfquad", "qe", "euler"):
        seconds = median_time(lambda s=semantics: evaluate(m, s), repeats=3)  # type: ignore[misc]
        results.append(
            Result(
                f"evaluate 100k-node acyclic map ({semantics})",
                seconds,
                "load the same map",
                load_big,
                "< 1 s beyond load",
                seconds < 1.0,
            )
        )
    seconds = median_time(lambda: evaluate(m, support="deductive"), repeats=3)
    results.append(
        Result(
            "evaluate 100k-node acyclic map (dfquad, deductive support)",
            seconds,
            "load the same map",
            load_big,
            "-",
            None,
        )
    )

    cyclic = generate_map(10_000, cycles=True)
    cyclic_path = workdir / "cyclic-10k.yaml"
    load_cyclic = median_time(lambda: _load(cyclic, cyclic_path), repeats=3)
    mc = _load(cyclic, cyclic_path)
    for semantics in ("dfquad", "qe", "euler"):
        outcome = evaluate(mc, semantics)
        seconds = median_time(lambda s=semantics: evaluate(mc, s), repeats=3)  # type: ignore[misc]
        state = "converged" if outcome.converged else "NOT converged (reported)"
        results.append(
            Result(
                f"evaluate 10k-node map with cycles ({semantics}; {state},"
                f" residual {outcome.residual:.0e})",
                seconds,
                "load the same map",
                load_cyclic,
                "< 5 s",
                seconds < 5.0,
            )
        )

    # one cycle through every claim: the whole map is a single strongly connected part
    ring = _ring(10_000)
    ring_path = workdir / "ring-10k.yaml"
    load_ring = median_time(lambda: _load(ring, ring_path), repeats=3)
    mr = _load(ring, ring_path)
    for semantics in ("dfquad", "qe", "euler"):
        outcome = evaluate(mr, semantics)
        seconds = median_time(lambda s=semantics: evaluate(mr, s), repeats=3)  # type: ignore[misc]
        state = "converged" if outcome.converged else "NOT converged (reported)"
        results.append(
            Result(
                f"evaluate a 10k-claim ring of attacks ({semantics}; {state},"
                f" residual {outcome.residual:.0e})",
                seconds,
                "load the same map",
                load_ring,
                "-",  # no target: the worst case, shown for scale (README: Evaluation, Speed)
                None,
            )
        )

    # 2,000 rings that never settle: the whole map's budget runs out, and that is reported
    unstable = _unstable_rings(2_000)
    unstable_path = workdir / "unstable-10k.yaml"
    load_unstable = median_time(lambda: _load(unstable, unstable_path), repeats=3)
    mu = _load(unstable, unstable_path)
    outcome = evaluate(mu)
    seconds = median_time(lambda: evaluate(mu), repeats=3)
    state = "converged" if outcome.converged else "NOT converged, reported"
    results.append(
        Result(
            f"evaluate 10k claims in 2,000 rings that never settle (dfquad; {state})",
            seconds,
            "load the same map",
            load_unstable,
            "< 5 s",
            seconds < 5.0 and not outcome.converged,
        )
    )
    return results


def _unstable_rings(rings: int) -> str:
    """YAML text of `rings` copies of tests/maps/eval_limit_cycle.yaml: five claims in an odd
    ring, each attacking the next three times, around a fixpoint that repels."""
    lines = ["argmap: 1", f"title: {rings} rings that never settle", "allow-cycles: true"]
    lines.append("claims:")
    for r in range(rings):
        names = [f"r{r}{x}" for x in "abcde"]
        for k, name in enumerate(names):
            attacker = names[k - 1]
            lines.append(
                f"  {name}: {{text: Claim {name}., weight: {0.9 if k == 0 else 1},"
                f" con: [{{ref: {attacker}}}, {{ref: {attacker}}}, {{ref: {attacker}}}]}}"
            )
    return "\n".join(lines) + "\n"


def _ring(claims: int) -> str:
    """YAML text of a map in which claim i is attacked by claim i + 1, and the last by the
    first."""
    lines = ["argmap: 1", f"title: A ring of {claims} attacks", "allow-cycles: true", "claims:"]
    for i in range(claims):
        lines.append(f"  c{i}: {{text: Claim {i}., con: [{{ref: c{(i + 1) % claims}}}]}}")
    return "\n".join(lines) + "\n"
