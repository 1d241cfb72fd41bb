"""`argmap sources MAP`: which source backs how many premises, and how many quotes verify."""

from __future__ import annotations

from pathlib import Path

import click

from argmap.commands._common import (
    color_option,
    format_option,
    load_valid_map,
    print_listing,
    sources_option,
)
from argmap.listings import source_rows
from argmap.quotes import SourceTexts, check_quotes


@click.command("sources")
@click.argument("map_path", metavar="MAP", type=click.Path(dir_okay=False))
@format_option(["table", "json"], "table", "table for the terminal, json for machines.")
@sources_option
@color_option
def command(
    map_path: str,
    fmt: str,
    source_dirs: tuple[Path, ...],
    allow_outside: bool,
    color: bool | None,
) -> None:
    """List the map's sources: whether each one's file is found, how many quotes
    and nodes it backs, and how many of its quotes are verified in the file.
    """
    from argmap.report import sources_table

    m = load_valid_map(map_path)
    rows = source_rows(m, check_quotes(m, SourceTexts(source_dirs, allow_outside=allow_outside)))
    print_listing(m, "sources", rows, fmt, color, sources_table)
