"""`argmap export MAP --to FORMAT [-o OUT]`: the map in another tool's format."""

from __future__ import annotations

from pathlib import Path

import click

from argmap.commands._common import (
    EvaluationChoice,
    evaluate_choice,
    evaluation_options,
    load_valid_map,
    sources_option,
)
from argmap.errors import Diagnostic
from argmap.files import refuse_overwriting_input, write_atomically
from argmap.formats import EXPORT_FORMATS, JSON_FORMATS, Exported, export_map
from argmap.formats.aif import file_timestamp
from argmap.model import ArgumentMap


def _dot(
    m: ArgumentMap,
    eval_choice: EvaluationChoice,
    source_dirs: tuple[Path, ...],
    allow_outside: bool = False,
) -> Exported:
    """The DOT text `argmap render --format dot` writes: default options; scores only when
    asked for (--eval); quotes checked against the source files found."""
    from argmap.quotes import SourceTexts, check_quotes
    from argmap.render import render_dot

    checks = check_quotes(m, SourceTexts(source_dirs, allow_outside=allow_outside))
    return Exported(render_dot(m, evaluate_choice(m, eval_choice), checks=checks))


@click.command("export")
@click.argument("map_path", metavar="MAP", type=click.Path(dir_okay=False))
@click.option(
    "--to",
    "fmt",
    type=click.Choice([*EXPORT_FORMATS, "dot"]),
    required=True,
    help="argdown, aif (OVA/AIFdb JSON), json (argmap's model), kialo (text export), graphml,"
    " or dot (the diagram's Graphviz source, as `render --format dot` writes it).",
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), help="Write here (default: stdout)."
)
@click.option(
    "--indent",
    type=click.IntRange(0, 16),
    metavar="N",
    help="json and aif: pretty-print, indenting by N spaces (default: compact, one node a line).",
)
@evaluation_options(
    default=False,
    verb="export",
    eval_help="With --to dot: show strength, status and robustness, as `render --eval` does.",
    semantics_help="With --to dot: gradual semantics for the strengths shown.",
    support_help="With --to dot: how supports bear on status.",
)
@sources_option
def command(
    map_path: str,
    fmt: str,
    output: str | None,
    indent: int | None,
    eval_choice: EvaluationChoice,
    source_dirs: tuple[Path, ...],
    allow_outside: bool,
) -> None:
    """Write MAP in another tool's format.

    Everything the format cannot hold is reported on stderr as a warning
    pointing at the map (W6xx); the export still succeeds.
    """
    if indent is not None and fmt not in JSON_FORMATS:
        raise click.UsageError(f"--indent applies to --to json and aif, not {fmt}")
    m = load_valid_map(map_path)
    if fmt == "dot":
        exported = _dot(m, eval_choice, source_dirs, allow_outside)
    else:
        exported = export_map(m, fmt, timestamp=file_timestamp(map_path), indent=indent)
    for diagnostic in sorted(exported.warnings, key=Diagnostic.sort_key):
        click.echo(diagnostic.format(), err=True)
    if output is None:
        click.echo(exported.text, nl=False)
        return
    refuse_overwriting_input(output, map_path)
    write_atomically(output, exported.text)
    click.echo(f"wrote {output} ({fmt}, {len(exported.warnings)} warnings)", err=True)
