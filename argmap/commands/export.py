"""`argmap export MAP [--to FORMAT] [-o OUT]`: the map in another tool's format."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from argmap.commands._common import (
    EvaluationChoice,
    echo_diagnostics,
    evaluate_choice,
    evaluation_options,
    load_valid_map,
    quiet_option,
    sources_option,
)
from argmap.escape import terminal_line, terminal_text
from argmap.files import STDOUT, write_output
from argmap.formats import EXPORT_FORMATS, JSON_FORMATS, Exported, export_map
from argmap.formats.aif import file_timestamp
from argmap.model import ArgumentMap
from argmap.wording import counted

FORMATS = (*EXPORT_FORMATS, "dot")
# The format each output suffix names; `.json` is argmap's JSON (AIF needs `--to aif`
# or a name ending in `.aif.json`).
SUFFIXES = {
    ".argdown": "argdown",
    ".ad": "argdown",
    ".json": "json",
    ".aif": "aif",
    ".txt": "kialo",
    ".kialo": "kialo",
    ".graphml": "graphml",
    ".dot": "dot",
    ".gv": "dot",
}


def choose_format(fmt: str | None, out: str | None) -> str:
    """--to if given, else OUT's suffix; a contradiction or no way to tell is a usage error."""
    name = Path(out).name.lower() if out and out != STDOUT else ""
    from_suffix = "aif" if name.endswith(".aif.json") else SUFFIXES.get(Path(name).suffix)
    if fmt and from_suffix is None:
        return fmt
    if fmt:
        compatible = {from_suffix} | ({"aif", "json"} if name.endswith(".json") else set())
        if fmt not in compatible:
            raise click.UsageError(f"--to {fmt} contradicts the output name {out}")
        return fmt
    if from_suffix is None:
        known = ", ".join(sorted(SUFFIXES))
        where = f"from {out}" if name else "without -o FILE"
        raise click.UsageError(
            f"cannot tell the format {where}: give --to, or name the output {known}"
        )
    return from_suffix


def _dot(
    m: ArgumentMap,
    eval_choice: EvaluationChoice,
    source_dirs: tuple[Path, ...],
    allow_outside: bool = False,
) -> Exported:
    """The DOT text `argmap render --format dot` writes: default options; scores only when
    asked for (--eval); quotes checked against the source files found."""
    from argmap.quotes import SourceTexts, check_quotes
    from argmap.render import render_dot

    checks = check_quotes(m, SourceTexts(source_dirs, allow_outside=allow_outside))
    return Exported(render_dot(m, evaluate_choice(m, eval_choice), checks=checks))


@click.command("export")
@click.argument("map_path", metavar="MAP", type=click.Path(dir_okay=False))
@click.option(
    "--to",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="argdown, aif (OVA/AIFdb JSON), json (argmap's model), kialo (text export), graphml,"
    " or dot (the diagram's Graphviz source, as `render --format dot` writes it)."
    " Default: from OUT's suffix (.argdown, .json, .aif.json, .txt, .graphml, .dot).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Write here; - for stdout (the default).",
)
@click.option(
    "--indent",
    type=click.IntRange(0, 16),
    metavar="N",
    help="json and aif: pretty-print, indenting by N spaces (default: compact, one node a line).",
)
@evaluation_options(
    default=False,
    verb="export",
    eval_help="With --to dot: show strength, status and robustness, as `render --eval` does.",
    semantics_help="With --to dot: gradual semantics for the strengths shown.",
    support_help="With --to dot: how supports bear on status.",
)
@sources_option
@quiet_option
def command(
    map_path: str,
    fmt: str | None,
    output: str | None,
    indent: int | None,
    eval_choice: EvaluationChoice,
    source_dirs: tuple[Path, ...],
    allow_outside: bool,
    quiet: bool,
) -> None:
    """Write MAP in another tool's format.

    Everything the format cannot hold is reported on stderr as a warning
    pointing at the map (W6xx); the export still succeeds.
    """
    fmt = choose_format(fmt, output)
    if indent is not None and fmt not in JSON_FORMATS:
        raise click.UsageError(f"--indent applies to --to json and aif, not {fmt}")
    m = load_valid_map(map_path)
    if fmt == "dot":
        exported = _dot(m, eval_choice, source_dirs, allow_outside)
    else:
        exported = export_map(m, fmt, timestamp=file_timestamp(map_path), indent=indent)
    echo_diagnostics(exported.warnings, quiet=quiet)
    target = output or STDOUT
    text = exported.text
    if target == STDOUT and sys.stdout.isatty():
        text = terminal_text(text)  # shown, not kept: no escape sequence may act
    write_output(target, text, inputs=[map_path])
    if target != STDOUT and not quiet:
        line = f"wrote {output} ({fmt}, {counted(len(exported.warnings), 'warning')})"
        click.echo(terminal_line(line), err=True)
