"""What several commands share: options, loading a map for a command, colour decisions."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO, Any

import click

from argmap.errors import MapLoadError
from argmap.load import load_map
from argmap.model import ArgumentMap
from argmap.validate import require_valid

sources_option = click.option(
    "--sources",
    "source_dirs",
    multiple=True,
    type=click.Path(file_okay=False, path_type=Path),
    metavar="DIR",
    help="Also look for source files (quote checks) in DIR. Repeatable.",
)

color_option = click.option(
    "--color/--no-color",
    "color",
    default=None,
    help="Force colour on or off (default: on a terminal, unless NO_COLOR is set).",
)


def use_color(stream: IO[Any], forced: bool | None = None) -> bool:
    """Colour only on a terminal, never with NO_COLOR set, unless forced."""
    if forced is not None:
        return forced
    if os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def load_valid_map(path: str | os.PathLike[str]) -> ArgumentMap:
    """Load a map for a command that draws or computes: refuse it if it has structural errors.

    The error names the first problem; `argmap validate` lists all of them.
    """
    try:
        return require_valid(load_map(path))
    except MapLoadError as exc:
        more = len(exc.diagnostics) - 1
        if more:
            exc.message += f" (and {more} more: run `argmap validate {path}`)"
        raise


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def make_console(stderr: bool = False, color: bool | None = None, width: int | None = None) -> Any:
    """A rich Console for this run: colour and boxes on a terminal, plain text when piped.

    Width follows the terminal, and is 100 columns when piped. Created per
    command run (never at import) so that test runners capture it.
    """
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    terminal = bool(getattr(stream, "isatty", lambda: False)())
    colour = use_color(stream, color)
    return Console(
        file=stream,
        width=width or (None if terminal else 100),
        force_terminal=colour if color is not None else None,
        no_color=not colour,
        color_system="auto" if colour else None,
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=False,
        legacy_windows=False,
    )
