"""Explanations and robustness of a 10,000-node acyclic map, as ratios to plain evaluation
of the same map in the same run: every claim's contributions, and with its flip search,
within 3x;
the full robustness run (±0.2 range and the verdict without implicit premises) within 20x.
"""

from __future__ import annotations

import re
from pathlib import Path

from argmap import evaluate, loads_map
from argmap.explain import explain
from benchmarks.generate import generate_map
from benchmarks.timing import Result, median_time


def _with_implicit(text: str) -> str:
    """Every tenth premise marked reconstructed, so that robustness evaluates the map
    without them too."""
    return re.sub(r"\n( *)- id: (p\d*0)\n", r"\n\1- id: \2\n\1  implicit: true\n", text)


def run(workdir: Path) -> list[Result]:
    path = workdir / "acyclic-10k.yaml"
    text = _with_implicit(generate_map(10_000))
    path.write_text(text, encoding="utf-8")
    m = loads_map(text, str(path))
    plain = median_time(lambda: evaluate(m), repeats=5)
    e = evaluate(m)
    contributions = median_time(lambda: explain(m, e, flips=False, robustness=False), repeats=5)
    flips = median_time(lambda: explain(m, e, robustness=False), repeats=5)
    robustness = median_time(lambda: explain(m, e, contributions=False, robustness=True), repeats=5)
    return [
        Result(
            "explain every claim of a 10k-node map (contributions, dfquad)",
            contributions,
            "evaluate the same map",
            plain,
            "< 3x",
            contributions < 3 * plain,
        ),
        Result(
            "explain every claim of a 10k-node map (contributions and smallest flip, dfquad)",
            flips,
            "evaluate the same map",
            plain,
            "< 3x",
            flips < 3 * plain,
        ),
        Result(
            "robustness of every claim of a 10k-node map, a tenth of its premises implicit"
            " (±0.2 range, and without them)",
            robustness,
            "evaluate the same map",
            plain,
            "< 20x",
            robustness < 20 * plain,
        ),
    ]
