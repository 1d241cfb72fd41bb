"""`argmap actors MAP`: who argues what, and on which side of each claim."""

from __future__ import annotations

import click

from argmap.commands._common import color_option, format_option, load_valid_map, print_listing
from argmap.listings import actor_rows


@click.command("actors")
@click.argument("map_path", metavar="MAP", type=click.Path(dir_okay=False))
@format_option(["table", "json"], "table", "table for the terminal, json for machines.")
@color_option
def command(map_path: str, fmt: str, color: bool | None) -> None:
    """List the map's actors: how many nodes each argues, how often each is quoted,
    and the claims each argues for and against.

    An actor argues for a claim when they assert it or argue a premise on its
    side (an objection to an objection counts for the claim).
    """
    from argmap.report import actors_table

    m = load_valid_map(map_path)
    print_listing(m, "actors", actor_rows(m), fmt, color, actors_table)
