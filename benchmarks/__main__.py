"""`make bench`: run every benchmark and print one table of ratios.

Each `benchmarks/bench_<name>.py` defines `run(workdir: Path) -> list[Result]`.
A result compares argmap's time with a baseline timed in the same run, so the
ratio means something on a noisy machine. Times are the median of repeats.
"""

from __future__ import annotations

import compileall
import importlib
import pkgutil
import sys
import tempfile
from pathlib import Path

import benchmarks
from benchmarks.timing import Result


def compile_argmap() -> None:
    """Write argmap's bytecode, as `pip install` does: where PYTHONDONTWRITEBYTECODE is
    set (as on the development machines), each timed process would otherwise compile
    every module from source again, a tenth of a second that no installed copy pays."""
    import argmap

    compileall.compile_dir(Path(argmap.__file__).parent, quiet=1)


def main() -> int:
    only = sys.argv[1:]
    compile_argmap()
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="argmap-bench-") as tmp:
        for info in pkgutil.iter_modules(benchmarks.__path__):
            if not info.name.startswith("bench_"):
                continue
            if only and info.name.removeprefix("bench_") not in only:
                continue
            module = importlib.import_module(f"benchmarks.{info.name}")
            print(f"running {info.name} ...", file=sys.stderr, flush=True)
            workdir = Path(tmp) / info.name
            workdir.mkdir()
            found = module.run(workdir)
            # Each module's rows as soon as it ends: a later one that fails keeps them.
            print(Result.table(found), file=sys.stderr, flush=True)
            results += found
    print(Result.table(results))
    failed = [r for r in results if r.met is False]
    if failed:
        print(f"\n{len(failed)} target(s) missed", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
