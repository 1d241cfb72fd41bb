"""`argmap validate` on generated maps against a bare `yaml.load(..., CSafeLoader)` of the same
file, both as fresh processes (each pays interpreter start-up), in the same run.

Targets (issue 2): 10,000 nodes validated in under 0.6 s, within 1.5x of the bare parse.
"""

from __future__ import annotations

import sys
from pathlib import Path

from benchmarks.generate import generate_map
from benchmarks.timing import ARGMAP, Result, median_time, run_command

BARE_PARSE = (
    "import sys, yaml; yaml.load(open(sys.argv[1], encoding='utf-8'), Loader=yaml.CSafeLoader)"
)


def run(workdir: Path) -> list[Result]:
    results = []
    for size in (1_000, 10_000, 100_000):
        path = workdir / f"map-{size}.yaml"
        path.write_text(generate_map(size), encoding="utf-8")
        repeats = 5 if size < 100_000 else 3
        ours = median_time(lambda p=path: run_command([*ARGMAP, "validate", p]), repeats)
        bare = median_time(
            lambda p=path: run_command([sys.executable, "-c", BARE_PARSE, p]), repeats
        )
        met = None
        target = "-"
        if size == 10_000:
            met = ours < 0.6 and ours / bare <= 1.5
            target = "< 0.6 s and <= 1.5x"
        results.append(
            Result(
                f"validate {size:,} nodes ({path.stat().st_size / 1e6:.1f} MB)",
                ours,
                "yaml.load CSafeLoader",
                bare,
                target,
                met,
            )
        )
    return results
