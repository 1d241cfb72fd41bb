"""`argmap import FILE --from FORMAT [-o OUT.yaml] [--force]`: a map from another tool's file."""

from __future__ import annotations

from pathlib import Path

import click

from argmap.errors import FormatError, Position
from argmap.files import refuse_overwriting_input, write_atomically
from argmap.formats import IMPORT_FORMATS, import_file


@click.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "--from",
    "fmt",
    type=click.Choice(IMPORT_FORMATS),
    default=None,
    help="The file's format (default: from its name: .argdown, .txt for Kialo, .json for AIF"
    ' or argmap JSON by its "format").',
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), help="Write the map here (default: stdout)."
)
@click.option("--force", is_flag=True, help="Overwrite OUT if it exists.")
def command(file: str, fmt: str | None, output: str | None, force: bool) -> None:
    """Make a map file from an Argdown, AIF, Kialo or argmap JSON file.

    What argmap cannot carry over is reported on stderr, one warning per
    thing with its line in FILE (W6xx). The map written always validates.
    """
    if output is not None:
        refuse_overwriting_input(output, file)
        if Path(output).exists() and not force:
            raise FormatError(
                "E604", "exists already: use --force to overwrite it", Position(output)
            )
    imported = import_file(file, fmt, output=output or "imported.yaml")
    for diagnostic in imported.warnings:
        click.echo(diagnostic.format(), err=True)
    if output is None:
        click.echo(imported.text, nl=False)
        return
    write_atomically(output, imported.text)
    nodes = len(imported.map.node_ids)
    click.echo(
        f"wrote {output}: {len(imported.map.claims)} claims, {nodes} nodes,"
        f" {len(imported.warnings)} warnings",
        err=True,
    )
