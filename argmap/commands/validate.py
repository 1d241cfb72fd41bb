"""`argmap validate PATH...`: check maps, print diagnostics, exit 1 if any is invalid."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from argmap.ci_formats import count_line, to_github, to_json, to_sarif
from argmap.commands._common import color_option, sources_option, use_color
from argmap.errors import Diagnostic, ExitStatus, Severity
from argmap.validate import check_paths

_SEVERITY_COLOUR = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


@click.command("validate")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--strict",
    is_flag=True,
    help="Warnings fail the check too, and so does a quote that cannot be checked (W208).",
)
@click.option(
    "--allow-unchecked-quotes",
    "allow_unchecked",
    is_flag=True,
    help="With --strict: quotes whose source file is not here stay information (I301, I302),"
    " not failures; for a CI that cannot hold the sources.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "github", "sarif"]),
    default="text",
    show_default=True,
    help="text for people; json, github (annotations) or sarif for machines.",
)
@click.option(
    "--watch",
    is_flag=True,
    help="Check again whenever a map (or a file under --sources) changes; Ctrl-C stops.",
)
@sources_option
@color_option
def command(
    paths: tuple[str, ...],
    strict: bool,
    allow_unchecked: bool,
    fmt: str,
    watch: bool,
    source_dirs: tuple[Path, ...],
    allow_outside: bool,
    color: bool | None,
) -> int:
    """Check map files (or every map under a directory) and report what is wrong.

    Exit status 1 if any map has errors (or warnings, with --strict); with
    --watch, 0 when stopped.
    """
    if watch:
        from argmap.commands._watch import watch_and_rerun

        watch_and_rerun(
            paths,
            lambda: report(paths, strict, fmt, source_dirs, color, allow_outside, allow_unchecked),
            echo=lambda line: click.echo(line, err=True),
            source_dirs=source_dirs,
        )
        return ExitStatus.OK
    failed = report(paths, strict, fmt, source_dirs, color, allow_outside, allow_unchecked)
    return ExitStatus.FAILED if failed else ExitStatus.OK


def report(
    paths: tuple[str, ...],
    strict: bool,
    fmt: str,
    source_dirs: tuple[Path, ...],
    color: bool | None,
    allow_outside: bool = False,
    allow_unchecked: bool = False,
) -> bool:
    """Check the maps and print the findings; True if the check fails."""
    results = check_paths(
        paths,
        source_dirs,
        strict=strict and not allow_unchecked,
        allow_outside=allow_outside,
    )
    every = sorted((d for ds in results.values() for d in ds), key=Diagnostic.sort_key)
    if fmt == "json":
        click.echo(to_json(results, strict=strict))
    elif fmt == "github":
        click.echo(to_github(every, len(results)))
    elif fmt == "sarif":
        click.echo(to_sarif(every))
    else:
        colour = use_color(sys.stderr, color)
        for d in every:
            line = d.format()
            if colour:
                word = d.severity.value
                line = line.replace(
                    f": {word}: ",
                    f": {click.style(word, fg=_SEVERITY_COLOUR[d.severity], bold=True)}: ",
                    1,
                )
            click.echo(line, err=True, color=colour)
        click.echo(count_line(every, len(results)), err=True)
    failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    return any(d.severity in failing for d in every)
