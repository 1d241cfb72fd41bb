"""`argmap show MAP ID`: one node and everything beneath it, as a tree."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from argmap.commands._common import (
    EvaluationChoice,
    color_option,
    evaluate_or_none,
    evaluation_options,
    format_option,
    load_valid_map,
    print_view,
    sources_option,
)
from argmap.errors import ArgmapError, Position
from argmap.graph import nearest_ids
from argmap.outline import outline, outline_json, outline_nodes
from argmap.quotes import SourceTexts, check_quotes


@click.command("show")
@click.argument("map_path", metavar="MAP", type=click.Path(dir_okay=False))
@click.argument("node_id", metavar="ID")
@click.option(
    "--depth",
    type=click.IntRange(min=0),
    default=None,
    metavar="N",
    help="Show only N levels beneath the node (0: the node alone).",
)
@format_option(["text", "json"], "text", "text: a tree for the terminal; json for machines.")
@evaluation_options(
    default=False,
    verb="show",
    eval_help="Show each node's strength and status, with what they mean and the caveat.",
)
@sources_option
@color_option
def command(
    map_path: str,
    node_id: str,
    depth: int | None,
    fmt: str,
    eval_choice: EvaluationChoice,
    source_dirs: tuple[Path, ...],
    allow_outside: bool,
    color: bool | None,
) -> None:
    """Show the node ID of MAP and everything beneath it: pro (+), con (−) and undercuts (×).

    With each node: who argues it, its quotes and their sources (verified
    against the source files when found), strength and status. A node that
    appears twice (a ref) is expanded only the first time.
    """
    m = load_valid_map(map_path)
    link = m.get_link(node_id)
    if m.get_node(node_id) is None and link is not None:
        node_id = link.source  # a link id (`claim.pro.1` of a ref): the node written there
    if m.get_node(node_id) is None:
        near = nearest_ids(m, node_id)
        hint = f"; did you mean {', '.join(near)}?" if near else " (`argmap summary` lists claims)"
        raise ArgmapError("E720", f"no node {node_id!r} in the map{hint}", Position(map_path))
    root = outline(m, node_id, depth)
    texts = SourceTexts(source_dirs, allow_outside=allow_outside)
    checks = check_quotes(m, texts, nodes=outline_nodes(root))
    evaluation = evaluate_or_none(m, eval_choice)
    if fmt == "json":
        doc = outline_json(m, root, checks, evaluation)
        click.echo(json.dumps(doc, indent=2, ensure_ascii=False))
        return
    from argmap.report import show_tree

    tree = show_tree(m, root, checks=checks, evaluation=evaluation, boxes=sys.stdout.isatty())
    print_view(tree, color)
