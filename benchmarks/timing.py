"""Timing helpers shared by the benchmarks."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import attrs

ARGMAP = [sys.executable, "-m", "argmap"]


@attrs.frozen
class Result:
    name: str  # what was measured
    seconds: float  # argmap's median time
    baseline: str  # what it is compared with
    baseline_seconds: float
    target: str  # the target in words, e.g. "< 1.5x"
    met: bool | None  # None: no target to meet

    @property
    def ratio(self) -> float:
        return self.seconds / self.baseline_seconds if self.baseline_seconds else float("inf")

    @staticmethod
    def table(results: Sequence[Result]) -> str:
        header = "| benchmark | argmap | baseline | baseline time | ratio | target | met |"
        rule = "|---|---:|---|---:|---:|---|---|"
        verdict = {True: "yes", False: "no", None: "-"}
        rows = [
            f"| {r.name} | {r.seconds:.3f} s | {r.baseline} | {r.baseline_seconds:.3f} s "
            f"| {r.ratio:.2f}x | {r.target} | {verdict[r.met]} |"
            for r in results
        ]
        return "\n".join([header, rule, *rows])


def median_time(action: Callable[[], object], repeats: int = 5) -> float:
    """Median wall time of `action` over `repeats` runs, after one warm-up."""
    action()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run_command(args: Sequence[str | Path], ok_codes: tuple[int, ...] = (0,)) -> None:
    done = subprocess.run([str(a) for a in args], capture_output=True, check=False)
    if done.returncode not in ok_codes:
        raise RuntimeError(
            f"{' '.join(map(str, args))} exited {done.returncode}: {done.stderr.decode()[-500:]}"
        )
