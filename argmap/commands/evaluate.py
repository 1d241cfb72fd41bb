"""`argmap evaluate MAP`: how well each claim stands — strength, status, why and how fragile,
and optionally preferred or stable acceptance."""

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
from argmap.errors import ArgmapError, ExitStatus, Position
from argmap.evaluate import (
    EXTENSION_SEMANTICS,
    acceptance,
    evaluate,
    evaluation_json,
    not_converged,
)
from argmap.explain import explain
from argmap.routes import repeated_premises

# `--explain` with no ID: every claim.
_EVERY_CLAIM = "\0every claim"


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
@click.option(
    "--explain",
    "explain_id",
    is_flag=False,
    flag_value=_EVERY_CLAIM,
    default=None,
    metavar="[ID]",
    help="Say why: the premises each claim (or node ID) rests on, what each contributes,"
    " which removal would flip it, and how fragile it is.",
)
@format_option(["table", "json"], "table", "table for people, json for programs.")
@color_option
def command(
    map_path: str,
    eval_choice: EvaluationChoice,
    extension_semantics: str | None,
    explain_id: str | None,
    fmt: str,
    color: bool | None,
) -> int:
    """Compute how well each node of MAP stands: strength in [0, 1] and whether it stands,
    falls or is undecided given the objections recorded in the map; for each claim, whether
    that verdict is robust or fragile.

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
    asked = _asked(m, map_path, explain_id)
    explanations = explain(
        m, evaluation, asked, contributions=explain_id is not None or fmt == "json"
    )
    if fmt == "json":
        repeats = repeated_premises(m)
        click.echo(evaluation_json(evaluation, extensions, explanations, repeats))
    elif explain_id is not None and explain_id != _EVERY_CLAIM:
        from argmap import report

        view: list[Any] = [report.evaluation_caption(evaluation)]
        view += report.explanation_views(m, explanations)
        print_view(Group(*view), color)
    else:
        from argmap import report

        boxes = sys.stdout.isatty()
        if len(evaluation.nodes) > report.LARGE_TABLE:
            # plain fixed columns: rich's layout would take a minute at 100,000 nodes
            console = make_console(color=color)
            console.print(report.evaluation_caption(evaluation))
            plain = report.evaluation_lines(
                m, evaluation, extensions, explanations, console.width, boxes=boxes
            )
            plain += report.undercut_links_lines(m, evaluation, console.width, boxes=boxes)
            console.file.write(printable("\n".join(plain)) + "\n")
            parts: list[Any] = []
        else:
            parts = [report.evaluation_caption(evaluation)]
            parts.append(
                report.evaluation_table(m, evaluation, extensions, explanations, boxes=boxes)
            )
            links = report.undercut_links_table(m, evaluation, boxes=boxes)
            if links is not None:
                parts += [report.text(""), links]
        if extensions is not None:
            parts.append(report.extensions_line(extensions))
        line = report.convergence_line(evaluation)
        if line is not None:
            parts.append(line)
        parts += report.evaluation_key(m, evaluation, explanations, extensions)
        if explain_id is not None:
            parts += report.explanation_views(m, explanations)
        if parts:
            print_view(Group(*parts), color)
    if not evaluation.converged:
        problem = not_converged(m.path, evaluation, "the strengths printed are not a fixpoint")
        click.echo(f"argmap: {problem.format()}", err=True)
        return ExitStatus.FAILED
    return ExitStatus.OK


def _asked(m: Any, map_path: str, explain_id: str | None) -> list[str] | None:
    """The nodes to explain: None for every claim, or the one node asked for."""
    if explain_id is None or explain_id == _EVERY_CLAIM:
        return None
    if m.get_node(explain_id) is None:
        from argmap.graph import nearest_ids

        near = nearest_ids(m, explain_id)
        hint = f"; did you mean {', '.join(near)}?" if near else " (`argmap summary` lists claims)"
        raise ArgmapError("E720", f"no node {explain_id!r} in the map{hint}", Position(map_path))
    return [explain_id]
