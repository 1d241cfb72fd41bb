"""`argmap report MAP`: the whole map as one interactive HTML page that works offline."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from argmap.commands._common import (
    EvaluationChoice,
    evaluate_or_none,
    evaluation_options,
    load_valid_map,
    renderer_choice,
    sources_option,
)
from argmap.files import refuse_overwriting_input, write_atomically


def output_path(map_path: Path, out: str | None) -> str:
    """Where the page goes: OUT, OUT/<map>.html for a folder, build/<map>.html by default."""
    if out == "-":
        return out
    if out is None:
        return str(Path("build") / f"{map_path.stem}.html")
    if out.endswith(("/", "\\")) or Path(out).is_dir():
        return str(Path(out) / f"{map_path.stem}.html")
    return out


@click.command("report")
@click.argument("map_arg", metavar="MAP", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "-o",
    "--output",
    "out",
    metavar="OUT",
    help="The page to write (.html), or a folder for it; - for stdout. "
    "Default: build/<map name>.html.",
)
@sources_option
@evaluation_options(
    default=False,
    verb="report",
    eval_help="Show each node's strength and status, with what they mean.",
    semantics_help="Gradual semantics for the strengths shown (with --eval).",
    support_help="How supports bear on status (with --eval).",
)
@click.option(
    "--dot",
    "dot_path",
    metavar="PATH",
    help="The Graphviz program to run (default: dot on PATH, else the bundled graphviz-pure).",
)
def command(
    map_arg: str,
    out: str | None,
    source_dirs: tuple[Path, ...],
    allow_outside: bool,
    eval_choice: EvaluationChoice,
    dot_path: str | None,
) -> None:
    """Write MAP as one HTML page to explore offline: the diagram with pan and zoom, each
    node's details, search, the claims table and the sources' text with the quoted
    passages marked.

    The page loads nothing from anywhere (open it by double-click, attach it to a pull
    request); quotes are checked against the sources' files as `argmap validate` does.
    """
    from argmap.page import build_page, read_originals
    from argmap.quotes import SourceTexts, check_quotes
    from argmap.render import element_ids
    from argmap.renderer import find_renderer, render_map
    from argmap.selection import visible
    from argmap.themes import RenderOptions

    map_path = Path(map_arg)
    target = output_path(map_path, out)
    if target != "-":
        refuse_overwriting_input(target, map_path)
    m = load_valid_map(map_path)
    texts = SourceTexts(source_dirs, allow_outside=allow_outside)
    checks = check_quotes(m, texts)
    evaluation = evaluate_or_none(m, eval_choice)
    options = RenderOptions(title=False)

    def warn(message: str) -> None:
        click.echo(f"argmap: warning: {map_path}: {message}", err=True)

    svg = render_map(
        m,
        "svg",
        evaluation=evaluation,
        options=options,
        checks=checks,
        renderer=find_renderer(*renderer_choice(dot_path)),
        warn=warn,
    ).decode("utf-8")
    page = build_page(
        m,
        svg,
        checks=checks,
        originals=read_originals(m, texts),
        evaluation=evaluation,
        elements=element_ids(visible(m, options)[0].values()),
    )
    if target == "-":
        sys.stdout.buffer.write(page.encode("utf-8"))
        sys.stdout.buffer.flush()
        return
    write_atomically(target, page)
    click.echo(f"wrote {target}", err=True)
