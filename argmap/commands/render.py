"""`argmap render MAP`: draw a map (or every map under a folder) with Graphviz."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import click

from argmap.commands._common import (
    EvaluationChoice,
    evaluate_choice,
    evaluation_options,
    load_valid_map,
    make_console,
    renderer_choice,
    sources_option,
    usage_problems,
)
from argmap.errors import ArgmapError, ExitStatus
from argmap.files import write_atomically
from argmap.jobs import Job, choose_format, plan
from argmap.quotes import SourceTexts, check_quotes
from argmap.renderer import FORMATS, Renderer, check_format, find_renderer, render_map
from argmap.themes import DIRECTIONS, THEMES, RenderOptions


def run_job(
    job: Job,
    fmt: str,
    renderer: Renderer | None,
    eval_choice: EvaluationChoice,
    texts: SourceTexts | None = None,
) -> None:
    """Load, check its quotes, evaluate (if asked), draw and write one diagram."""
    m = load_valid_map(job.map_path)
    evaluation = evaluate_choice(m, eval_choice)
    checks = check_quotes(m, texts or SourceTexts())

    def warn(message: str) -> None:
        click.echo(f"argmap: warning: {job.map_path}: {message}", err=True)

    data = render_map(
        m,
        fmt,
        evaluation=evaluation,
        options=job.options,
        checks=checks,
        renderer=renderer,
        warn=warn,
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
@evaluation_options(
    default=False,
    verb="render",
    eval_help="Show each node's strength and status, each claim's robustness, and the caveat.",
    semantics_help="Gradual semantics for the strengths shown.",
)
@sources_option
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
def command(
    map_arg: str,
    out: str | None,
    fmt: str | None,
    focus: str | None,
    depth: int | None,
    direction: str,
    theme: str,
    legend: bool,
    eval_choice: EvaluationChoice,
    source_dirs: tuple[Path, ...],
    allow_outside: bool,
    cluster: bool,
    each: bool,
    watch: bool,
    dot_path: str | None,
) -> int:
    """Draw MAP as a diagram: claims on top, the premises for and against below, in file order.

    MAP may be a folder: every map under it is drawn into the folder -o names
    (default build/), keeping the folder layout. Quotes are drawn as verified,
    NOT FOUND or unchecked against the source files found beside the map or in
    --sources; scores only with --eval.
    """
    if each and focus:
        raise click.UsageError("--each draws every claim; it cannot be combined with --focus")
    one_file = not (each or Path(map_arg).is_dir())
    with usage_problems():
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
        renderer = find_renderer(*renderer_choice(dot_path))
        check_format(renderer, fmt)

    texts = SourceTexts(source_dirs, allow_outside=allow_outside)

    def each_job(job: Job) -> None:
        run_job(job, fmt, renderer, eval_choice, texts)

    if watch:
        if out == "-":
            raise click.UsageError("--watch writes files; it cannot write to stdout (-o -)")
        from argmap.commands._watch import watch_and_rerun

        # Planned again on every change: a folder may have gained or lost maps. A map
        # that is broken for a moment is reported, and the watch goes on.
        def again() -> int:
            with usage_problems():
                return run_all(plan(map_arg, out, fmt, each, options), each_job)

        watch_and_rerun([map_arg], again, echo=lambda line: click.echo(line, err=True))
        return ExitStatus.OK
    with usage_problems():
        jobs = plan(map_arg, out, fmt, each, options)
    if one_file:
        each_job(jobs[0])
        if jobs[0].out != "-":
            click.echo(f"wrote {jobs[0].out}", err=True)
        return ExitStatus.OK
    return ExitStatus.FAILED if run_all(jobs, each_job) else ExitStatus.OK
