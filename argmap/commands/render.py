"""`argmap render MAP`: draw a map (or every map under a folder) with Graphviz."""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import attrs
import click

from argmap.cli import command_boundary
from argmap.commands._common import eval_option, load_valid_map, make_console, semantics_option
from argmap.errors import ArgmapError, ExitStatus
from argmap.evaluate import evaluate
from argmap.files import find_maps, refuse_overwriting_input, write_atomically
from argmap.renderer import FORMATS, Renderer, check_format, find_renderer, render_map
from argmap.themes import DIRECTIONS, THEMES, RenderOptions

SUFFIXES = {".svg": "svg", ".png": "png", ".pdf": "pdf", ".dot": "dot", ".gv": "dot"}


@attrs.frozen
class Job:
    """One diagram to draw: which map, how, and where to ("-": stdout)."""

    map_path: Path
    out: str
    options: RenderOptions


def choose_format(fmt: str | None, out: str | None) -> str:
    """--format if given, else OUT's suffix, else svg; a contradiction is a usage error."""
    suffix = Path(out).suffix.lower() if out and out != "-" else ""
    from_suffix = SUFFIXES.get(suffix)
    if fmt and from_suffix and fmt != from_suffix:
        raise click.UsageError(f"--format {fmt} contradicts the output name {out}")
    if fmt:
        return fmt
    if suffix and from_suffix is None:
        raise click.UsageError(
            f"cannot tell the format from {out}: name it .svg, .png, .pdf or .dot, or give --format"
        )
    return from_suffix or "svg"


def plan(map_arg: str, out: str | None, fmt: str, each: bool, options: RenderOptions) -> list[Job]:
    """Every diagram the command line asks for, with its output path."""
    given = Path(map_arg)
    if given.is_dir():
        if out == "-":
            raise click.UsageError("-o - writes one diagram; a folder of maps needs -o DIR")
        maps = find_maps([given])
        if not maps:
            raise ArgmapError("E001", f"no map files (*.yaml, *.yml) in {map_arg}")
        root = Path(out) if out else Path("build")
        # `a.yaml` and `a.yml` side by side would both draw to `a.svg`: such maps keep
        # their whole file name instead (`a.yaml.svg`, `a.yml.svg`), so none overwrites another.
        stems = Counter(path.relative_to(given).with_suffix("") for path in maps)
        jobs: list[Job] = []
        for path in maps:
            relative = path.relative_to(given)
            name = relative.name if stems[relative.with_suffix("")] > 1 else relative.stem
            target = root / relative.parent / f"{name}.{fmt}"
            if each:
                try:
                    jobs += _each(path, target.with_suffix(""), fmt, options)
                except ArgmapError:
                    # One job that fails again when it runs: reported in its
                    # turn, and the other maps are still drawn.
                    jobs.append(Job(path, str(target), options))
            else:
                jobs.append(Job(path, str(target), options))
        return jobs
    if each:
        if out == "-":
            raise click.UsageError("--each writes one file per claim: give -o DIR")
        return _each(given, Path(out) if out else Path("build") / given.stem, fmt, options)
    if out and out != "-" and (out.endswith(("/", os.sep)) or Path(out).is_dir()):
        out = str(Path(out) / f"{given.stem}.{fmt}")  # -o DIR: the map's name inside it
    single = out or str(Path("build") / f"{given.stem}.{fmt}")
    if single != "-":
        refuse_overwriting_input(single, given)
    return [Job(given, single, options)]


def _each(map_path: Path, folder: Path, fmt: str, options: RenderOptions) -> list[Job]:
    m = load_valid_map(map_path)
    return [
        Job(map_path, str(folder / f"{claim}.{fmt}"), attrs.evolve(options, focus=claim))
        for claim in m.claims
    ]


def run_job(job: Job, fmt: str, renderer: Renderer | None, semantics: str | None) -> None:
    """Load, evaluate, draw and write one diagram."""
    m = load_valid_map(job.map_path)
    evaluation = evaluate(m, semantics=semantics) if semantics else None

    def warn(message: str) -> None:
        click.echo(f"argmap: warning: {job.map_path}: {message}", err=True)

    data = render_map(
        m, fmt, evaluation=evaluation, options=job.options, renderer=renderer, warn=warn
    )
    if job.out == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        write_atomically(job.out, data)


def run_all(jobs: list[Job], each_job: Callable[[Job], None]) -> int:
    """Run every job, one line each on stderr (above a progress bar on a terminal).

    A job that fails is reported in one line and the others still run; returns
    how many failed.
    """
    failures = 0

    def attempt(job: Job, say: Callable[[str], None]) -> None:
        nonlocal failures
        try:
            each_job(job)
        except ArgmapError as exc:
            failures += 1
            say(f"argmap: {exc.format()}")
        else:
            if job.out != "-":
                say(f"wrote {job.out}")

    if not sys.stderr.isatty():
        for job in jobs:
            attempt(job, lambda line: click.echo(line, err=True))
        return failures
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    columns = (
        TextColumn("rendering"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
    )
    console = make_console(stderr=True)
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("", total=len(jobs))
        for job in jobs:
            progress.update(task, description=str(job.map_path))
            attempt(job, console.print)
            progress.advance(task)
    return failures


@click.command("render")
@click.argument("map_arg", metavar="MAP", type=click.Path(exists=True))
@click.option(
    "-o",
    "--output",
    "out",
    metavar="OUT",
    help="Output file, or folder (with --each or a folder of maps); - for stdout. "
    "Default: build/<map name>.<format>.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="svg, png, pdf or dot (default: from OUT's suffix, else svg).",
)
@click.option(
    "--focus", metavar="ID", help="Draw this node, what bears on it, and what it bears on."
)
@click.option(
    "--depth",
    type=click.IntRange(min=0),
    default=None,
    metavar="N",
    help="Only N links down from the focus (or from the claims).",
)
@click.option(
    "--direction",
    type=click.Choice(DIRECTIONS, case_sensitive=False),
    metavar="[TB|LR|BT|RL]",
    default="TB",
    show_default=True,
    help="Where the claims stand: TB top, BT bottom, LR left, RL right.",
)
@click.option(
    "--theme",
    type=click.Choice(list(THEMES)),
    default="light",
    show_default=True,
    help="light, dark, or print (greyscale: line styles and patterns, not colour).",
)
@click.option("--legend/--no-legend", default=True, help="Draw the key.  [default: legend]")
@eval_option("Show each node's strength and status.")
@semantics_option("Gradual semantics for the strengths shown.")
@click.option(
    "--cluster/--no-cluster",
    default=False,
    help="Frame each claim with the premises written under it.  [default: no-cluster]",
)
@click.option("--each", is_flag=True, help="One diagram per claim, into the folder -o names.")
@click.option(
    "--watch",
    is_flag=True,
    help="Draw again whenever the map changes, for writing a map beside its diagram; Ctrl-C stops.",
)
@click.option(
    "--dot",
    "dot_path",
    metavar="PATH",
    help="The Graphviz program to run (default: dot on PATH, else the bundled graphviz-pure).",
)
@command_boundary
def command(
    map_arg: str,
    out: str | None,
    fmt: str | None,
    focus: str | None,
    depth: int | None,
    direction: str,
    theme: str,
    legend: bool,
    with_eval: bool,
    semantics: str,
    cluster: bool,
    each: bool,
    watch: bool,
    dot_path: str | None,
) -> None:
    """Draw MAP as a diagram: claims on top, the premises for and against below, in file order.

    MAP may be a folder: every map under it is drawn into the folder -o names
    (default build/), keeping the folder layout.
    """
    if each and focus:
        raise click.UsageError("--each draws every claim; it cannot be combined with --focus")
    one_file = not (each or Path(map_arg).is_dir())
    fmt = choose_format(fmt, out if one_file else None)
    options = RenderOptions(
        direction=direction.upper(),
        theme=theme,
        legend=legend,
        cluster=cluster,
        focus=focus,
        depth=depth,
    )
    renderer = None
    if fmt != "dot":  # DOT needs no renderer at all
        renderer = find_renderer(dot_path)
        check_format(renderer, fmt)
    chosen = semantics if with_eval else None

    def each_job(job: Job) -> None:
        run_job(job, fmt, renderer, chosen)

    if watch:
        if out == "-":
            raise click.UsageError("--watch writes files; it cannot write to stdout (-o -)")
        from argmap.commands._watch import watch_and_rerun

        # Planned again on every change: a folder may have gained or lost maps. A map
        # that is broken for a moment is reported, and the watch goes on.
        watch_and_rerun(
            [map_arg],
            lambda: run_all(plan(map_arg, out, fmt, each, options), each_job),
            echo=lambda line: click.echo(line, err=True),
        )
        return
    jobs = plan(map_arg, out, fmt, each, options)
    if one_file:
        each_job(jobs[0])
        if jobs[0].out != "-":
            click.echo(f"wrote {jobs[0].out}", err=True)
        return
    if run_all(jobs, each_job):
        sys.exit(ExitStatus.FAILED)
