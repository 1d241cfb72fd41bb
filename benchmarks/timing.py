"""Timing helpers shared by the benchmarks."""

from __future__ import annotations

import resource
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
            f"| {r.name} | {r.seconds:.3f} s | {r.baseline} | "
            + (  # no time for a baseline that failed
                f"{r.baseline_seconds:.3f} s | {r.ratio:.2f}x" if r.baseline_seconds else "- | -"
            )
            + f" | {r.target} | {verdict[r.met]} |"
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


def cpu_seconds(args: Sequence[str | Path], ok_codes: tuple[int, ...] = (0,)) -> float:
    """CPU time (user + system) of one run of a command and everything it starts.

    On a shared machine CPU time says what the work costs; wall time says how busy
    the other users were.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    run_command(args, ok_codes)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def median_cpu(args: Sequence[str | Path], repeats: int = 3) -> float:
    """Median CPU seconds of `repeats` runs (no warm-up run: a large layout is minutes)."""
    return statistics.median(cpu_seconds(args) for _ in range(repeats))


_PEAK = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], capture_output=True);"
    " print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def peak_megabytes(args: Sequence[str | Path]) -> float:
    """The largest resident set of any process of one run of a command, in MB."""
    done = subprocess.run(
        [sys.executable, "-c", _PEAK, *map(str, args)], capture_output=True, check=True
    )
    return int(done.stdout) / 1024
