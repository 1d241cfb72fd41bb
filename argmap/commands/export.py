"""`argmap export MAP --to FORMAT [-o OUT]`: the map in another tool's format."""

from __future__ import annotations

import click

from argmap.cli import command_boundary
from argmap.commands._common import load_valid_map
from argmap.errors import Diagnostic
from argmap.files import refuse_overwriting_input, write_atomically
from argmap.formats import EXPORT_FORMATS, JSON_FORMATS, Exported, export_map
from argmap.model import ArgumentMap


def _dot(m: ArgumentMap) -> Exported:
    """The DOT text `argmap render --format dot` writes: default options, evaluated."""
    from argmap.evaluate import evaluate
    from argmap.render import render_dot

    return Exported(render_dot(m, evaluate(m)))


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
@command_boundary
def command(map_path: str, fmt: str, output: str | None, indent: int | None) -> None:
    """Write MAP in another tool's format.

    Everything the format cannot hold is reported on stderr as a warning
    pointing at the map (W6xx); the export still succeeds.
    """
    if indent is not None and fmt not in JSON_FORMATS:
        raise click.UsageError(f"--indent applies to --to json and aif, not {fmt}")
    m = load_valid_map(map_path)
    exported = _dot(m) if fmt == "dot" else export_map(m, fmt, indent=indent)
    for diagnostic in sorted(exported.warnings, key=Diagnostic.sort_key):
        click.echo(diagnostic.format(), err=True)
    if output is None:
        click.echo(exported.text, nl=False)
        return
    refuse_overwriting_input(output, map_path)
    write_atomically(output, exported.text)
    click.echo(f"wrote {output} ({fmt}, {len(exported.warnings)} warnings)", err=True)
