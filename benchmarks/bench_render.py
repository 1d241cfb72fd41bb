"""`argmap render` of a generated 1,000-node map to SVG, end to end, against the
renderer alone laying out the DOT that argmap wrote (target: within 2x).

argmap's own share — start-up, load, validate, evaluate, build the DOT, write
the file — should cost no more than the layout itself. Each renderer on the
machine (Graphviz's dot, graphviz-pure) is measured against itself.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from argmap.renderer import PURE_NAME, Renderer
from benchmarks.generate import generate_map
from benchmarks.timing import ARGMAP, Result, median_time, run_command

NODES = 1000


def _renderers() -> list[Renderer]:
    found = []
    dot = shutil.which("dot")
    if dot:
        found.append(Renderer(dot, "graphviz", "PATH"))
    pure = Path(sys.executable).parent / PURE_NAME
    if pure.exists():
        found.append(Renderer(str(pure), PURE_NAME, "bundled"))
    return found


def run(workdir: Path) -> list[Result]:
    source = workdir / "generated.yaml"
    source.write_text(generate_map(NODES), encoding="utf-8")
    dot = workdir / "generated.dot"
    run_command([*ARGMAP, "render", source, "-o", dot])
    results = []
    for renderer in _renderers():
        out = workdir / f"argmap-{renderer.flavour}.svg"
        bare = workdir / f"bare-{renderer.flavour}.svg"
        ours = median_time(
            lambda r=renderer, o=out: run_command(
                [*ARGMAP, "render", source, "-o", o, "--dot", r.path]
            ),
            repeats=5,
        )
        baseline = median_time(
            lambda r=renderer, b=bare: run_command([r.path, "-Tsvg", dot, "-o", b]), repeats=5
        )
        results.append(
            Result(
                name=f"render {NODES} nodes to SVG ({renderer.flavour})",
                seconds=ours,
                baseline=f"bare `{Path(renderer.path).name} -Tsvg` on argmap's DOT",
                baseline_seconds=baseline,
                target="<= 2x",
                met=ours <= 2 * baseline,
            )
        )
    return results
