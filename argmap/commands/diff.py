"""`argmap diff OLD NEW`: what changed between two versions of a map (files or git:REV:PATH)."""

from __future__ import annotations

import sys

import click

from argmap.cli import command_boundary
from argmap.commands._common import color_option, use_color
from argmap.diff import FORMATS, diff_specs
from argmap.evaluate import SEMANTICS


@click.command("diff")
@click.argument("old", metavar="OLD")
@click.argument("new", metavar="NEW")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(FORMATS)),
    default="text",
    show_default=True,
    help="text for people, markdown for a pull-request comment, json for machines.",
)
@click.option(
    "--eval/--no-eval",
    "evaluate",
    default=True,
    show_default=True,
    help="Also report changes of strength and (grounded) status.",
)
@click.option(
    "--semantics",
    type=click.Choice(SEMANTICS),
    default="dfquad",
    show_default=True,
    help="The gradual semantics for strength (see argmap evaluate).",
)
@color_option
@command_boundary
def command(
    old: str, new: str, fmt: str, evaluate: bool, semantics: str, color: bool | None
) -> None:
    """Show what changed between two versions of a map.

    Nodes added, removed, reworded or moved; relations, fields, actors and
    sources; strength and status. OLD and NEW are map files or git:REV:PATH
    (read with `git show REV:PATH`), e.g.
    `argmap diff git:main:maps/a.yaml maps/a.yaml`. Exit status 0 whatever
    changed; 1 only if a map cannot be read.
    """
    result = diff_specs(old, new, evaluate=evaluate, semantics=semantics)
    output = FORMATS[fmt](result)
    if fmt == "text" and use_color(sys.stdout, color):
        from argmap.commands._common import make_console
        from argmap.report import diff_text

        make_console(color=True).print(diff_text(output))
        return
    click.echo(output)
