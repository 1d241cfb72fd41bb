"""`argmap summary` and `argmap show` on generated maps against `argmap validate` of the same
file, all as fresh processes, in the same run: what the tables add to loading and checking.

Target: the summary of 10,000 nodes (table, without evaluation) within 2x of validating it.
"""

from __future__ import annotations

from pathlib import Path

from benchmarks.generate import SOURCE_FILE, generate_map, generate_source
from benchmarks.timing import ARGMAP, Result, median_time, run_command


def run(workdir: Path) -> list[Result]:
    results = []
    for size in (1_000, 10_000):
        folder = workdir / f"n{size}"
        folder.mkdir()
        path = folder / "map.yaml"  # quoting a generated source, as real maps do
        path.write_text(generate_map(size, quotes=True), encoding="utf-8")
        (folder / SOURCE_FILE).write_text(generate_source(size), encoding="utf-8")
        validate = median_time(lambda p=path: run_command([*ARGMAP, "validate", p]))
        cases = [
            ("summary --no-eval", ["summary", path, "--no-eval"]),
            ("summary (with evaluation)", ["summary", path]),
            ("summary --format json", ["summary", path, "--format", "json"]),
            ("show c1", ["show", path, "c1"]),
        ]
        for name, args in cases:
            ours = median_time(lambda a=args: run_command([*ARGMAP, *a]))
            gated = size == 10_000 and name == "summary --no-eval"
            results.append(
                Result(
                    f"{name}, {size:,} nodes",
                    ours,
                    "argmap validate",
                    validate,
                    "<= 2x" if gated else "-",
                    ours / validate <= 2.0 if gated else None,
                )
            )
    return results
