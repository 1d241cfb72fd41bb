"""`argmap init [PATH]`: write a commented starter map; never overwrite."""

from __future__ import annotations

import click

from argmap.starter import DEFAULT_PATH, SCHEMA_URL, create_starter_map


@click.command("init")
@click.argument("path", required=False, default=str(DEFAULT_PATH), metavar="[PATH]")
@click.option(
    "--schema",
    default=SCHEMA_URL,
    show_default=True,
    metavar="URL|PATH",
    help="Where the editor modeline points for the JSON Schema "
    "(e.g. a copy made with `argmap schema > argmap.schema.json`).",
)
def command(path: str, schema: str) -> None:
    """Write a commented starter map; never overwrite a file.

    The map starts with a modeline that points editors at the schema.

    PATH defaults to maps/map.yaml; a directory gets map.yaml in it. The map
    passes `argmap validate --strict` as written.
    """
    written = create_starter_map(path, schema)
    click.echo(f"wrote {written}: edit it, then run `argmap validate --strict {written}`")
