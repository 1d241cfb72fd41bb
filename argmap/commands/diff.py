"""`argmap diff OLD NEW`: what changed between two versions of a map (files or git:REV:PATH)."""

from __future__ import annotations

import sys

import click

from argmap.commands._common import (
    EvaluationChoice,
    color_option,
    evaluation_options,
    printable,
    use_color,
)
from argmap.diff import FORMATS, diff_specs


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
@evaluation_options(verb="diff", eval_help="Also report changes of strength and (grounded) status.")
@color_option
def command(
    old: str, new: str, fmt: str, eval_choice: EvaluationChoice, color: bool | None
) -> None:
    """Show what changed between two versions of a map.

    Nodes added, removed, reworded or moved; relations, fields, actors and
    sources; strength and status. OLD and NEW are map files or git:REV:PATH
    (read with `git show REV:PATH`), e.g.
    `argmap diff git:main:maps/a.yaml maps/a.yaml`. Exit status 0 whatever
    changed; 1 only if a map cannot be read.
    """
    result = diff_specs(
        old,
        new,
        evaluate=eval_choice.enabled,
        semantics=eval_choice.semantics,
        support=eval_choice.support,
    )
    output = printable(FORMATS[fmt](result))  # JSON escapes control characters itself
    if fmt == "text" and use_color(sys.stdout, color):
        from argmap.commands._common import make_console
        from argmap.report import diff_text

        make_console(color=True).print(diff_text(output))
        return
    click.echo(output)
