"""argmap against the floors and against the Argdown CLI at 1,000, 10,000 and 100,000
nodes (issue 21), in CPU seconds of fresh processes (user + system of the command and
what it starts), so that a busy shared machine changes the figures little.

Rows: `render` to SVG against bare `dot -Tsvg` on argmap's own DOT and against
`argdown map -f svg` on the equivalent Argdown file (`argmap export --to argdown`);
`render --format dot` against `validate` and against `argdown map -f dot`; `validate`
against `argdown json`; a PNG against the SVG of the same map, and its peak memory;
`evaluate` (piped) against `validate`. The Argdown rows need `make argdown-cli`.
SVG layouts past 10,000 nodes are left out: bare `dot` alone takes many minutes.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from benchmarks.generate import generate_map
from benchmarks.timing import ARGMAP, Result, median_cpu, peak_megabytes, run_command

REPO = Path(__file__).parent.parent
ARGDOWN = Path(
    os.environ.get("ARGDOWN_CLI", REPO / "build" / "interop" / "node_modules" / ".bin" / "argdown")
)
SIZES = tuple(int(s) for s in os.environ.get("ARGMAP_BENCH_SIZES", "1000,10000,100000").split(","))
SVG_UP_TO = 10_000


def run(workdir: Path) -> list[Result]:
    results: list[Result] = []
    dot = shutil.which("dot")
    argdown = ARGDOWN if ARGDOWN.exists() else None
    # CPU seconds of each command at each size, for the rows that say whether it is linear.
    by_size: dict[str, dict[int, float]] = {}
    for size in SIZES:
        repeats = 3 if size <= 1_000 else 1
        n = f"{size:,} nodes"
        path = workdir / f"map-{size}.yaml"
        path.write_text(generate_map(size), encoding="utf-8")
        ad = workdir / f"map-{size}.argdown"
        run_command([*ARGMAP, "export", path, "--to", "argdown", "-o", ad])
        own_dot = workdir / f"map-{size}.dot"
        run_command([*ARGMAP, "render", path, "--format", "dot", "-o", own_dot])
        out = workdir / f"out-{size}"
        out.mkdir()

        validate = median_cpu([*ARGMAP, "validate", path], repeats)
        dot_text = median_cpu([*ARGMAP, "render", path, "--format", "dot", "-o", own_dot], repeats)
        by_size.setdefault("validate", {})[size] = validate
        by_size.setdefault("render --format dot", {})[size] = dot_text
        if size >= 10_000:
            commands: dict[str, list[str | Path]] = {
                "summary --no-eval": ["summary", "--no-eval", path],
                "show c1": ["show", path, "c1"],
            }
            for name, command in commands.items():
                by_size.setdefault(name, {})[size] = median_cpu([*ARGMAP, *command], repeats)
        results.append(
            Result(f"render --format dot, {n} (CPU)", dot_text, "validate", validate, "-", None)
        )
        if size == 10_000:
            results[-1] = Result(
                results[-1].name,
                dot_text,
                "validate",
                validate,
                "<= 1.2x",
                dot_text <= 1.2 * validate,
            )
        if argdown is not None:
            ad_json = median_cpu([argdown, "json", ad, out], repeats)
            results.append(
                Result(
                    f"validate, {n} (CPU)",
                    validate,
                    "`argdown json`",
                    ad_json,
                    "< 1x" if size == 100_000 else "-",
                    validate < ad_json if size == 100_000 else None,
                )
            )
            ad_dot = median_cpu([argdown, "map", "-f", "dot", ad, out], repeats)
            results.append(
                Result(
                    f"render --format dot, {n} (CPU)",
                    dot_text,
                    "`argdown map -f dot`",
                    ad_dot,
                    "< 1x" if size == 100_000 else "-",
                    dot_text < ad_dot if size == 100_000 else None,
                )
            )
        if size == 1_000:
            evaluate = median_cpu([*ARGMAP, "evaluate", path], repeats)
            results.append(
                Result(
                    f"evaluate, {n}, piped (CPU)",
                    evaluate,
                    "validate",
                    validate,
                    "<= 1.5x",
                    evaluate <= 1.5 * validate,
                )
            )
        if dot is None or size > SVG_UP_TO:
            continue
        svg = median_cpu([*ARGMAP, "render", path, "-o", out / "map.svg", "--dot", dot], repeats)
        bare = median_cpu([dot, "-Tsvg", own_dot, "-o", out / "bare.svg"], repeats)
        limit = 1.3 if size == 1_000 else 1.2
        results.append(
            Result(
                f"render to SVG, {n} (dot, CPU)",
                svg,
                "bare `dot -Tsvg` on argmap's DOT",
                bare,
                f"<= {limit}x",
                svg <= limit * bare,
            )
        )
        if size == 1_000:  # what any argmap command costs before it reads the map
            startup = median_cpu([ARGMAP[0], "-c", "import argmap.cli"], repeats)
            results.append(
                Result(
                    "start-up alone (`import argmap.cli`, CPU)",
                    startup,
                    f"bare `dot -Tsvg` on argmap's DOT, {n}",
                    bare,
                    "-",
                    None,
                )
            )
        if argdown is not None:
            compared, ad_svg = "`argdown map -f svg`", 0.0  # no time: the table shows "-"
            try:
                ad_svg = median_cpu([argdown, "map", "-f", "svg", ad, out], repeats)
            except RuntimeError as failed:  # it cannot draw 10,000 nodes here (viz.js)
                status = re.search(r"exited (-?\d+)", str(failed))
                compared += f": fails (exit status {status.group(1) if status else '?'})"
            results.append(
                Result(
                    f"render to SVG, {n} (dot, CPU)",
                    svg,
                    compared,
                    ad_svg,
                    "<= 0.7x" if size == 10_000 else "-",
                    (not ad_svg or svg <= 0.7 * ad_svg) if size == 10_000 else None,
                )
            )
        if size == 1_000:
            png_args: list[str | Path] = [
                *ARGMAP,
                "render",
                path,
                "-o",
                out / "map.png",
                "--dot",
                dot,
            ]
            png = median_cpu(png_args, repeats)
            peak = peak_megabytes(png_args)
            results.append(
                Result(
                    f"render to PNG, {n} (dot, CPU; peak {peak:.0f} MB)",
                    png,
                    "render to SVG",
                    svg,
                    "<= 3x, < 500 MB",
                    png <= 3 * svg and peak < 500,
                )
            )
    for name, times in by_size.items():
        if 10_000 in times and 100_000 in times:
            results.append(
                Result(
                    f"{name}, 100,000 nodes (CPU; linear)",
                    times[100_000],
                    "the same at 10,000 nodes",
                    times[10_000],
                    "<= 11x",
                    times[100_000] <= 11 * times[10_000],
                )
            )
    return results
