"""`argmap validate` on generated maps that quote a generated source, as real maps do, against
a bare `yaml.load(..., CSafeLoader)` of the same file, both as fresh processes (each pays
interpreter start-up), in the same run.

Targets (issues 2 and 21): 10,000 and 100,000 nodes with quotes validated in at most 0.6x
the bare parse; 100,000 nodes in at most 11x the time of 10,000 (linear).
"""

from __future__ import annotations

import sys
from pathlib import Path

from benchmarks.generate import SOURCE_FILE, generate_map, generate_source
from benchmarks.timing import ARGMAP, Result, median_time, run_command

BARE_PARSE = (
    "import sys, yaml; yaml.load(open(sys.argv[1], encoding='utf-8'), Loader=yaml.CSafeLoader)"
)


def run(workdir: Path) -> list[Result]:
    results = []
    ours_by_size: dict[int, float] = {}
    for size in (1_000, 10_000, 100_000):
        folder = workdir / f"n{size}"
        folder.mkdir()
        path = folder / "map.yaml"
        path.write_text(generate_map(size, quotes=True), encoding="utf-8")
        (folder / SOURCE_FILE).write_text(generate_source(size), encoding="utf-8")
        repeats = 5 if size < 100_000 else 3
        ours = median_time(lambda p=path: run_command([*ARGMAP, "validate", p]), repeats)
        bare = median_time(
            lambda p=path: run_command([sys.executable, "-c", BARE_PARSE, p]), repeats
        )
        ours_by_size[size] = ours
        met = None
        target = "-"
        if size >= 10_000:
            met = ours / bare <= 0.6
            target = "<= 0.6x"
        results.append(
            Result(
                f"validate {size:,} nodes with quotes ({path.stat().st_size / 1e6:.1f} MB)",
                ours,
                "yaml.load CSafeLoader",
                bare,
                target,
                met,
            )
        )
    linear = ours_by_size[100_000] / ours_by_size[10_000]
    results.append(
        Result(
            "validate 100,000 nodes with quotes / 10,000 (linear)",
            ours_by_size[100_000],
            "validate 10,000 nodes",
            ours_by_size[10_000],
            "<= 11x",
            linear <= 11,
        )
    )
    return results
