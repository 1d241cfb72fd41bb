"""`argmap evaluate MAP`: how well each claim stands — strength, status, and optionally
preferred or stable acceptance."""

from __future__ import annotations

import sys
from typing import Any

import click
from rich.console import Group

from argmap.commands._common import (
    EvaluationChoice,
    color_option,
    evaluation_options,
    format_option,
    load_valid_map,
    make_console,
    print_view,
    printable,
)
from argmap.errors import ExitStatus
from argmap.evaluate import (
    EXTENSION_SEMANTICS,
    acceptance,
    evaluate,
    evaluation_json,
    not_converged,
)


@click.command("evaluate")
@click.argument("map_path", metavar="MAP", type=click.Path(dir_okay=False))
@evaluation_options(
    default=None,  # evaluating is what this command does: no --eval/--no-eval
    semantics_help="Gradual semantics for strength: DF-QuAD, quadratic energy or Euler-based.",
    support_help="How supports bear on status: not at all, or the attacks a published reading"
    " induces.",
)
@click.option(
    "--extensions",
    "extension_semantics",
    type=click.Choice(EXTENSION_SEMANTICS),
    default=None,
    help="Also compute preferred or stable extensions: credulous and sceptical acceptance.",
)
@format_option(["table", "json"], "table", "table for people, json for programs.")
@color_option
def command(
    map_path: str,
    eval_choice: EvaluationChoice,
    extension_semantics: str | None,
    fmt: str,
    color: bool | None,
) -> int:
    """Compute how well each node of MAP stands: strength in [0, 1] and accepted / rejected /
    undecided status.

    A map with cycles is integrated to a fixpoint; if it does not get there, the numbers are
    still printed, with an error, and the exit status is 1.
    """
    m = load_valid_map(map_path)
    support = eval_choice.support
    evaluation = evaluate(m, semantics=eval_choice.semantics, support=support)
    extensions = (
        acceptance(m, semantics=extension_semantics, support=support)
        if extension_semantics
        else None
    )
    if fmt == "json":
        click.echo(evaluation_json(evaluation, extensions))
    else:
        from argmap import report

        boxes = sys.stdout.isatty()
        if len(evaluation.nodes) > report.LARGE_TABLE:
            # plain fixed columns: rich's layout would take a minute at 100,000 nodes
            console = make_console(color=color)
            console.print(report.evaluation_caption(evaluation))
            plain = report.evaluation_lines(m, evaluation, extensions, console.width, boxes=boxes)
            plain += report.undercut_links_lines(m, evaluation, console.width, boxes=boxes)
            console.file.write(printable("\n".join(plain)) + "\n")
            parts: list[Any] = []
        else:
            parts = [report.evaluation_caption(evaluation)]
            parts.append(report.evaluation_table(m, evaluation, extensions, boxes=boxes))
            links = report.undercut_links_table(m, evaluation, boxes=boxes)
            if links is not None:
                parts += [report.text(""), links]
        if extensions is not None:
            parts.append(report.extensions_line(extensions))
        line = report.convergence_line(evaluation)
        if line is not None:
            parts.append(line)
        if parts:
            print_view(Group(*parts), color)
    if not evaluation.converged:
        problem = not_converged(m.path, evaluation, "the strengths printed are not a fixpoint")
        click.echo(f"argmap: {problem.format()}", err=True)
        return ExitStatus.FAILED
    return ExitStatus.OK
