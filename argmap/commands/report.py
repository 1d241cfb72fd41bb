"""`argmap report MAP`: the whole map as one interactive HTML page that works offline."""

from __future__ import annotations

from pathlib import Path

import click

from argmap.commands._common import (
    EvaluationChoice,
    echo_warning,
    evaluate_or_none,
    evaluation_options,
    load_valid_map,
    quiet_option,
    renderer_choice,
    sources_option,
)
from argmap.escape import terminal_line
from argmap.files import STDOUT, display_path, refuse_overwriting_input, write_output


def output_path(map_path: Path, out: str | None) -> str:
    """Where the page goes: OUT, OUT/<map>.html for a folder, build/<map>.html by default."""
    if out == STDOUT:
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
@click.option(
    "--diagram/--no-diagram",
    default=True,
    show_default=True,
    help="--no-diagram: leave the diagram out, for a map too large to lay out (thousands "
    "of nodes); the claims table, search, each node's details and the sources still cover "
    "all of it, and no Graphviz is needed.",
)
@quiet_option
def command(
    map_arg: str,
    out: str | None,
    source_dirs: tuple[Path, ...],
    allow_outside: bool,
    eval_choice: EvaluationChoice,
    dot_path: str | None,
    diagram: bool,
    quiet: bool,
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
    if target != STDOUT:
        refuse_overwriting_input(target, map_path)  # before the work, not only after it
    m = load_valid_map(map_path)
    texts = SourceTexts(source_dirs, allow_outside=allow_outside)
    checks = check_quotes(m, texts)
    evaluation = evaluate_or_none(m, eval_choice)
    options = RenderOptions(title=False)

    def warn(message: str) -> None:
        echo_warning(f"{display_path(map_path)}: {message}", quiet=quiet)

    svg = (
        render_map(
            m,
            "svg",
            evaluation=evaluation,
            options=options,
            checks=checks,
            renderer=find_renderer(*renderer_choice(dot_path)),
            warn=warn,
        ).decode("utf-8")
        if diagram
        else None
    )
    explanations: dict[str, list[str]] = {}
    robustness: dict[str, str] = {}
    if evaluation is not None:  # why each claim's verdict is what it is, and how fragile
        from argmap.explain import explain, robustness_sentences, why_lines

        for x in explain(m, evaluation):
            explanations[x.node] = why_lines(x)
            if x.robustness is not None:
                robustness[x.node] = " ".join(robustness_sentences(x.robustness))
    page = build_page(
        m,
        svg,
        checks=checks,
        originals=read_originals(m, texts),
        evaluation=evaluation,
        elements=element_ids(visible(m, options)[0].values()),
        explanations=explanations,
        robustness=robustness,
    )
    write_output(target, page, inputs=[map_path])
    if target != STDOUT and not quiet:
        click.echo(terminal_line(f"wrote {display_path(target)}"), err=True)
