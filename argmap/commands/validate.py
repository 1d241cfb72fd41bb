"""`argmap validate PATH...`: check maps, print diagnostics, exit 1 if any is invalid."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from argmap.ci_formats import count_line, to_github, to_json, to_sarif
from argmap.cli import command_boundary
from argmap.commands._common import color_option, sources_option, use_color
from argmap.errors import (
    Diagnostic,
    ExitStatus,
    MapLoadError,
    NotAMapError,
    Position,
    Severity,
    error,
    info,
)
from argmap.files import find_maps
from argmap.load import load_map
from argmap.quotes import SourceTexts
from argmap.validate import validate_map

_SEVERITY_COLOUR = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def check_paths(
    paths: tuple[str, ...], source_dirs: tuple[Path, ...] = ()
) -> dict[str, list[Diagnostic]]:
    """Diagnostics for every map named or found under a directory, keyed by file, in order.

    Under a directory, YAML that is not a map at all (a CI workflow, a config) is skipped
    with an info line; a file named on the command line is always checked as a map.
    """
    texts = SourceTexts(source_dirs)
    results: dict[str, list[Diagnostic]] = {}
    for given in paths:
        walked = Path(given).is_dir()
        found = find_maps([given])
        skipped = 0
        for path in found:
            try:
                m = load_map(path)
            except NotAMapError as exc:
                results[str(path)] = [_skipped(path)] if walked else exc.diagnostics
                skipped += walked
                continue
            except MapLoadError as exc:
                results[str(path)] = exc.diagnostics
                continue
            results[str(path)] = validate_map(m, sources=texts)
        if walked and skipped == len(found):  # a directory with nothing to check fails
            others = {0: "", 1: " (1 YAML file, not a map)"}.get(
                skipped, f" ({skipped} YAML files, none a map)"
            )
            message = f"no map files (*.yaml, *.yml) in this directory{others}"
            results[given] = [error("E001", message, Position(given))]
    return results


def _skipped(path: Path) -> Diagnostic:
    return info(
        "I303",
        "not an argmap map (no `argmap:` or `claims:` at the top): skipped",
        Position(str(path)),
    )


@click.command("validate")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--strict", is_flag=True, help="Warnings fail the check too.")
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
@command_boundary
def command(
    paths: tuple[str, ...],
    strict: bool,
    fmt: str,
    watch: bool,
    source_dirs: tuple[Path, ...],
    color: bool | None,
) -> None:
    """Check map files (or every map under a directory) and report what is wrong.

    Exit status 1 if any map has errors (or warnings, with --strict); with
    --watch, 0 when stopped.
    """
    if watch:
        from argmap.commands._watch import watch_and_rerun

        watch_and_rerun(
            paths,
            lambda: report(paths, strict, fmt, source_dirs, color),
            echo=lambda line: click.echo(line, err=True),
            source_dirs=source_dirs,
        )
        return
    if report(paths, strict, fmt, source_dirs, color):
        sys.exit(ExitStatus.FAILED)


def report(
    paths: tuple[str, ...],
    strict: bool,
    fmt: str,
    source_dirs: tuple[Path, ...],
    color: bool | None,
) -> bool:
    """Check the maps and print the findings; True if the check fails."""
    results = check_paths(paths, source_dirs)
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
