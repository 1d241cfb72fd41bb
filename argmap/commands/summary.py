"""`argmap summary MAP|DIR...`: one row per claim, with the map's totals."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import click

from argmap.commands._common import (
    EvaluationChoice,
    color_option,
    evaluation_options,
    format_option,
    make_console,
    print_view,
    sources_option,
)
from argmap.errors import ArgmapError, ExitStatus
from argmap.quotes import SourceTexts
from argmap.summary import SORT_KEYS, select_rows, sort_rows, summarise_paths
from argmap.tables import summary_csv, summary_json, summary_markdown

PROGRESS_FROM = 10
"""A progress bar (on a terminal's stderr) when summarising at least this many maps."""


def _with_progress(files: list[Path]) -> Iterator[Path]:
    """The files; a transient progress bar on stderr if it is a terminal and they are many."""
    console = make_console(stderr=True)
    if len(files) < PROGRESS_FROM or not sys.stderr.isatty():
        yield from files
        return
    from rich.progress import Progress

    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("summarising", total=len(files))
        for path in files:
            yield path
            progress.advance(task)


@click.command("summary")
@click.argument("paths", nargs=-1, required=True, metavar="MAP|DIR...")
@format_option(
    ["table", "markdown", "csv", "json"],
    "table",
    "table for the terminal; markdown (pull requests), csv or json for machines.",
)
@click.option(
    "--sort",
    type=click.Choice(SORT_KEYS),
    default="file",
    show_default=True,
    help="Row order: file order, id, strength (strongest first), contested (most against"
    " first), pro or con (most direct premises first).",
)
@click.option("--tag", metavar="TAG", help="Only claims tagged TAG.")
@click.option("--actor", metavar="ACTOR", help="Only claims in which ACTOR argues, on either side.")
@evaluation_options(
    default=False,
    verb="summarise",
    eval_help="Show the strength and status columns (with what they mean, and the caveat).",
    semantics_help="Gradual semantics for the strength column.",
    support_help="How supports bear on the status column.",
)
@sources_option
@color_option
def command(
    paths: tuple[str, ...],
    fmt: str,
    sort: str,
    tag: str | None,
    actor: str | None,
    eval_choice: EvaluationChoice,
    source_dirs: tuple[Path, ...],
    allow_outside: bool,
    color: bool | None,
) -> int:
    """A table of the claims in a map (or every map under a directory), with its totals.

    For each claim: pro and con premises (direct / all beneath on that side),
    strength and status, the actors on each side, the share of premises backed
    by a verified quote, and tags. Quotes are verified against the sources'
    files, looked for beside the map and in each --sources DIR.
    """
    if sort == "strength" and not eval_choice.enabled:
        raise click.UsageError("--sort strength needs the evaluation: add --eval")
    found = summarise_paths(
        paths,
        sources=SourceTexts(source_dirs, allow_outside=allow_outside),
        evaluate=eval_choice.enabled,
        semantics=eval_choice.semantics,
        support=eval_choice.support,
        each=_with_progress,
    )
    for problem in found.problems:
        click.echo(f"argmap: {problem.format()}", err=True)
    summaries = list(found.summaries)
    if summaries:
        if actor is not None and not any(actor in s.actors for s in summaries):
            known = sorted({a for s in summaries for a in s.actors})
            raise ArgmapError("E721", _unknown_actor(actor, known))
        rows = [r for s in summaries for r in select_rows(s.rows, tag=tag, actor=actor)]
        rows = sort_rows(rows, sort)
        base = paths[0] if len(paths) == 1 and Path(paths[0]).is_dir() else None
        if fmt == "json":
            click.echo(summary_json(summaries, rows))
        elif fmt == "csv":
            click.echo(summary_csv(rows), nl=False)
        elif fmt == "markdown":
            click.echo(summary_markdown(summaries, rows, base=base), nl=False)
        else:
            from argmap.report import summary_view

            boxes = sys.stdout.isatty()
            print_view(summary_view(summaries, rows, boxes=boxes, base=base), color)
    return ExitStatus.FAILED if found.failed else ExitStatus.OK


def _unknown_actor(actor: str, known: list[str]) -> str:
    import difflib

    near = difflib.get_close_matches(actor, known, n=3)
    if near:
        return f"no actor {actor!r} in the map; did you mean {', '.join(near)}?"
    listed = ", ".join(known) if known else "none declared"
    return f"no actor {actor!r} in the map (actors: {listed})"
