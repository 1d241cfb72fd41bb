"""`argmap sources MAP`: which source backs how many premises, how many quotes verify, and
how much of each source the map quotes (`--coverage`)."""

from __future__ import annotations

from pathlib import Path

import click

from argmap.commands._common import (
    color_option,
    load_valid_map,
    print_listing,
    printable,
    quiet_flag,
    sources_option,
)
from argmap.listings import source_rows
from argmap.quotes import SourceTexts, check_quotes


@click.command("sources")
@click.argument("map_path", metavar="MAP", type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "text", "markdown", "json"]),
    default=None,
    help="table (the listing's default) or json; with --coverage: text (its default),"
    " markdown or json.",
)
@click.option(
    "--coverage",
    is_flag=True,
    help="Report how much of each source's file the quotes cover: sentences and characters.",
)
@click.option(
    "--uncovered",
    is_flag=True,
    help="With --coverage: list the sentences no quote touches, with their line numbers.",
)
@sources_option
@color_option
@quiet_flag
def command(
    map_path: str,
    fmt: str | None,
    coverage: bool,
    uncovered: bool,
    source_dirs: tuple[Path, ...],
    allow_outside: bool,
    color: bool | None,
) -> None:
    """List the map's sources: whether each one's file is found, how many quotes
    and nodes it backs, how many of its quotes are verified in the file, and how
    many of its sentences a quote touches.
    """
    from argmap.coverage import coverage_markdown, coverage_text, source_coverage

    if uncovered and not coverage:
        raise click.UsageError("--uncovered goes with --coverage")
    if fmt == "markdown" and not coverage:
        raise click.UsageError("--format markdown goes with --coverage")
    m = load_valid_map(map_path)
    texts = SourceTexts(source_dirs, allow_outside=allow_outside)
    measured = source_coverage(m, texts)
    if coverage:
        if fmt == "json":
            import json

            doc = {
                "map": {"title": m.title, "path": m.path},
                "sources": [c.as_json(uncovered=uncovered) for c in measured],
            }
            click.echo(json.dumps(doc, indent=2, ensure_ascii=False))
        elif fmt == "markdown":
            click.echo(coverage_markdown(measured, uncovered), nl=False)
        elif measured:
            click.echo(printable(coverage_text(measured, uncovered)), color=color)
        else:
            click.echo(f"{m.path} declares no sources.")
        return
    from argmap.report import sources_table

    rows = source_rows(m, check_quotes(m, texts), measured)
    print_listing(m, "sources", rows, "json" if fmt == "json" else "table", color, sources_table)
