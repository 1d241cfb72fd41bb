"""`argmap actors MAP`: who argues what, and on which side of each claim."""

from __future__ import annotations

import json
import sys

import click

from argmap.cli import command_boundary
from argmap.commands._common import color_option, format_option, load_valid_map, print_view
from argmap.stats import actor_rows


@click.command("actors")
@click.argument("map_path", metavar="MAP", type=click.Path(dir_okay=False))
@format_option(["table", "json"], "table", "table for the terminal, json for machines.")
@color_option
@command_boundary
def command(map_path: str, fmt: str, color: bool | None) -> None:
    """List the map's actors: how many nodes each argues, how often each is quoted,
    and the claims each argues for and against.

    An actor argues for a claim when they assert it or argue a premise on its
    side (an objection to an objection counts for the claim).
    """
    m = load_valid_map(map_path)
    rows = actor_rows(m)
    if fmt == "json":
        doc = {"map": {"title": m.title, "path": m.path}, "actors": [r.as_json() for r in rows]}
        click.echo(json.dumps(doc, indent=2, ensure_ascii=False))
        return
    from argmap.report import actors_table, text

    if not rows:
        print_view(text(f"{map_path} declares no actors."), color)
        return
    print_view(actors_table(rows, boxes=sys.stdout.isatty()), color)
