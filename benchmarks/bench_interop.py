"""`argmap export` and `argmap import` on a generated map of 10,000 nodes, each against
`argmap validate` of the same map (the load and checks every conversion starts with),
as fresh processes in the same run. No target: the figures show what a conversion adds.
"""

from __future__ import annotations

from pathlib import Path

from benchmarks.generate import generate_map
from benchmarks.timing import ARGMAP, Result, median_time, run_command

SIZE = 10_000


def run(workdir: Path) -> list[Result]:
    path = workdir / f"map-{SIZE}.yaml"
    path.write_text(generate_map(SIZE), encoding="utf-8")
    validate = median_time(lambda: run_command([*ARGMAP, "validate", path]), 3)
    results = []
    for fmt in ("argdown", "aif", "json", "kialo"):
        exported = workdir / f"map.{fmt}"
        export = [*ARGMAP, "export", path, "--to", fmt, "-o", exported]
        ours = median_time(lambda args=export: run_command(args), 3)
        results.append(
            Result(f"export --to {fmt}, {SIZE:,} nodes", ours, "validate", validate, "-", None)
        )
        back = workdir / f"back-{fmt}.yaml"
        imp = [*ARGMAP, "import", exported, "--from", fmt, "-o", back, "--force"]
        ours = median_time(lambda args=imp: run_command(args), 3)
        results.append(
            Result(f"import --from {fmt}, {SIZE:,} nodes", ours, "validate", validate, "-", None)
        )
    return results
