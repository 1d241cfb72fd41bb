"""`argmap report` of generated maps against `argmap render --format svg` of the same map,
both as fresh processes in the same run: what the page adds to drawing the diagram
(quote checks, the page's data, checking and inlining the SVG). The report runs with
`--eval`, so that both draw the same diagram (render evaluates by default). Target:
within 1.3x.

1,000 nodes are laid out by Graphviz's `dot` (graphviz-pure where dot is missing). At
10,000 nodes dot's layered layout takes longer than argmap's two-minute limit, so both
commands use Graphviz's radial `twopi` there (`--dot twopi`): the same SVG elements, a
layout in seconds. Without twopi the 10,000-node case is left out.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from argmap.renderer import PURE_NAME
from benchmarks.generate import generate_map
from benchmarks.timing import ARGMAP, Result, median_time, run_command

TARGET = 1.3


def _layout(size: int) -> str | None:
    if size <= 1_000:
        dot = shutil.which("dot")
        pure = Path(sys.executable).parent / PURE_NAME
        return dot or (str(pure) if pure.exists() else None)
    return shutil.which("twopi")


def run(workdir: Path) -> list[Result]:
    results = []
    for size in (1_000, 10_000):
        program = _layout(size)
        if program is None:
            continue
        source = workdir / f"map-{size}.yaml"
        source.write_text(generate_map(size), encoding="utf-8")
        repeats = 5 if size <= 1_000 else 3
        render = median_time(
            lambda s=source, p=program: run_command(
                [*ARGMAP, "render", s, "--format", "svg", "-o", workdir / "r.svg", "--dot", p]
            ),
            repeats=repeats,
        )
        report = median_time(
            lambda s=source, p=program: run_command(
                [*ARGMAP, "report", s, "--eval", "-o", workdir / "r.html", "--dot", p]
            ),
            repeats=repeats,
        )
        results.append(
            Result(
                name=f"report --eval, {size:,} nodes ({Path(program).name})",
                seconds=report,
                baseline="argmap render --format svg, same map and layout",
                baseline_seconds=render,
                target=f"<= {TARGET}x",
                met=report <= TARGET * render,
            )
        )
    return results
