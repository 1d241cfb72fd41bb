"""`argmap import FILE --from FORMAT [-o OUT.yaml] [--force]`: a map from another tool's file."""

from __future__ import annotations

import os
from pathlib import Path

import click

from argmap.commands._common import echo_diagnostics, quiet_option
from argmap.errors import FormatError, Position
from argmap.escape import terminal_line
from argmap.files import STDOUT, display_path, refuse_overwriting_input, write_output
from argmap.formats import IMPORT_FORMATS, import_file
from argmap.wording import counted


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
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Write the map here; - for stdout (the default).",
)
@click.option("--force", is_flag=True, help="Overwrite OUT if it exists.")
@quiet_option
def command(file: str, fmt: str | None, output: str | None, force: bool, quiet: bool) -> None:
    """Make a map file from an Argdown, AIF, Kialo or argmap JSON file.

    What argmap cannot carry over is reported on stderr, one warning per
    thing with its line in FILE (W6xx). The map written always validates.
    """
    target = output or STDOUT
    if target != STDOUT:
        refuse_overwriting_input(target, file)
        if os.path.lexists(target) and Path(target).is_file() and not force:
            # A device or pipe (`-o /dev/stdout`) is written, not overwritten: no --force needed.
            raise FormatError(
                "E604",
                "exists already: use --force to overwrite it",
                Position(display_path(target)),
            )
    imported = import_file(file, fmt, output="imported.yaml" if target == STDOUT else target)
    echo_diagnostics(imported.warnings, quiet=quiet)
    write_output(target, imported.text, inputs=[file])
    if target == STDOUT or quiet:
        return
    nodes = len(imported.map.node_ids)
    click.echo(
        terminal_line(
            f"wrote {output}: {counted(len(imported.map.claims), 'claim')},"
            f" {counted(nodes, 'node')}, {counted(len(imported.warnings), 'warning')}",
        ),
        err=True,
    )
