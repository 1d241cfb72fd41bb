"""`argmap evaluate MAP`: how well each claim stands — strength, status, and optionally
preferred or stable acceptance."""

from __future__ import annotations

import json
import sys
from typing import Any

import click
from rich.console import Group

from argmap.cli import command_boundary
from argmap.commands._common import (
    color_option,
    format_option,
    load_valid_map,
    make_console,
    print_view,
    printable,
    semantics_option,
    support_option,
)
from argmap.errors import ArgmapError, ExitStatus, Position
from argmap.evaluate import (
    EXTENSION_SEMANTICS,
    Acceptance,
    Evaluation,
    Score,
    acceptance,
    evaluate,
)


def _score(score: Score) -> dict[str, Any]:
    return {
        "base": round(score.base, 6),
        "strength": round(score.strength, 6),
        "status": score.status.value,
    }


def evaluation_json(evaluation: Evaluation, extensions: Acceptance | None = None) -> str:
    """The JSON document of `argmap evaluate --format json` (README, "Evaluation semantics")."""
    doc: dict[str, Any] = {
        "semantics": evaluation.semantics,
        "support": evaluation.support,
        "status_semantics": evaluation.status_semantics,
        "converged": evaluation.converged,
        "residual": evaluation.residual,
        "iterations": evaluation.iterations,
        "nodes": {nid: _score(s) for nid, s in evaluation.nodes.items()},
        "links": {lid: _score(s) for lid, s in evaluation.links.items()},
    }
    if extensions is not None:
        doc["extensions"] = {
            "semantics": extensions.semantics,
            "extensions": [sorted(e) for e in extensions.extensions],
            "credulous": sorted(extensions.credulous),
            "sceptical": sorted(extensions.sceptical),
        }
    return json.dumps(doc, indent=2, ensure_ascii=False)


@click.command("evaluate")
@click.argument("map_path", metavar="MAP", type=click.Path(dir_okay=False))
@semantics_option("Gradual semantics for strength: DF-QuAD, quadratic energy or Euler-based.")
@support_option(
    "How supports bear on status: not at all, or the attacks a published reading induces."
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
@command_boundary
def command(
    map_path: str,
    semantics: str,
    support: str,
    extension_semantics: str | None,
    fmt: str,
    color: bool | None,
) -> None:
    """Compute how well each node of MAP stands: strength in [0, 1] and accepted / rejected /
    undecided status.

    A map with cycles is integrated to a fixpoint; if it does not get there, the numbers are
    still printed, with an error, and the exit status is 1.
    """
    m = load_valid_map(map_path)
    evaluation = evaluate(m, semantics=semantics, support=support)
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
        if report.plain_table(len(evaluation.nodes), terminal=boxes):
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
        problem = ArgmapError(
            "E501",
            f"evaluation did not converge: residual {evaluation.residual:.1e} after "
            f"{evaluation.iterations} integration steps; the strengths printed are not a fixpoint",
            Position(str(map_path)),
        )
        click.echo(f"argmap: {problem.format()}", err=True)
        sys.exit(ExitStatus.FAILED)
