"""`argmap schema`: print the map format as JSON Schema, for editors and CI."""

from __future__ import annotations

from importlib.resources import files

import click


def schema_text() -> str:
    return files("argmap").joinpath("argmap.schema.json").read_text(encoding="utf-8")


@click.command("schema")
def command() -> None:
    """Print the JSON Schema (draft-07) of the map format.

    Editors use it through the modeline
    `# yaml-language-server: $schema=<path or URL of this file>`.
    """
    click.echo(schema_text(), nl=False)
