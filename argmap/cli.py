"""The click group: assembles the commands, owns the console and the error boundary.

Commands live in `argmap/commands/<name>.py` and are imported only when run,
so `argmap --version` and `argmap validate` never pay for graphviz or rich.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import os
import sys
from collections.abc import Iterator
from typing import Any

import click

from argmap import __version__
from argmap.errors import ArgmapError, ExitStatus
from argmap.escape import terminal_line

ISSUES_URL = "https://github.com/argmap/argmap/issues"

# command name -> module in argmap.commands that defines a click command of that name
COMMANDS: dict[str, str] = {
    "validate": "validate",
    "schema": "schema",
    "render": "render",
    "report": "report",
    "evaluate": "evaluate",
    "summary": "summary",
    "show": "show",
    "actors": "actors",
    "sources": "sources",
    "export": "export",
    "import": "import_",
    "diff": "diff",
    "init": "init",
    "completion": "completion",
    "lsp": "lsp",
}


@contextlib.contextmanager
def error_boundary() -> Iterator[None]:
    """Turn argmap's errors into one line on stderr and an exit code; never a traceback.

    Applied once, around every command, by the group (`LazyGroup.invoke`).
    """
    try:
        yield
    except ArgmapError as exc:
        click.echo(terminal_line(f"argmap: {exc.format()}"), err=True)
        raise click.exceptions.Exit(ExitStatus.FAILED) from None
    except (click.exceptions.Exit, click.ClickException, click.Abort):
        raise
    except KeyboardInterrupt:
        click.echo("argmap: interrupted", err=True)
        raise click.exceptions.Exit(130) from None
    except BrokenPipeError:
        # The reader went away (`argmap ... | head`): not our failure.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise click.exceptions.Exit(ExitStatus.OK) from None
    except Exception as exc:  # the boundary: a bug must not show a traceback
        if os.environ.get("ARGMAP_DEBUG"):
            raise
        name = type(exc).__name__
        click.echo(
            terminal_line(
                f"argmap: internal error: {name}: {exc} (this is a bug in argmap"
                f" {__version__}; please report it at {ISSUES_URL}, with ARGMAP_DEBUG=1"
                " for the details)"
            ),
            err=True,
        )
        raise click.exceptions.Exit(ExitStatus.FAILED) from None


def available_commands() -> list[str]:
    """Commands whose module is present (all of them in a complete install)."""
    return sorted(
        name
        for name, module in COMMANDS.items()
        if importlib.util.find_spec(f"argmap.commands.{module}") is not None
    )


class LazyGroup(click.Group):
    """A group whose commands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return available_commands()

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module_name = COMMANDS.get(cmd_name)
        if module_name is None or cmd_name not in available_commands():
            return None
        module = importlib.import_module(f"argmap.commands.{module_name}")
        command = getattr(module, "command", None)
        if not isinstance(command, click.Command):
            raise RuntimeError(f"argmap.commands.{module_name} defines no `command`")
        return command

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command inside the one error boundary; a command's returned exit status
        (an int, or None for success) becomes the process's."""
        with error_boundary():
            status = super().invoke(ctx)
        if isinstance(status, int) and status != ExitStatus.OK:
            ctx.exit(status)
        return status


def _version_message() -> str:
    from argmap.renderer import describe_renderer

    chosen = os.environ.get("ARGMAP_DOT") or None
    return f"argmap {__version__} (renderer: {describe_renderer(chosen, 'ARGMAP_DOT')})"


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    click.echo(_version_message())
    ctx.exit(0)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_version,
    help="Show argmap's version and the Graphviz renderer in use.",
)
def cli() -> None:
    """argmap: argument maps kept as text in git.

    Check a map, draw it, evaluate how well each claim stands, and convert it
    to and from Argdown, AIF and Kialo.
    """


def main() -> None:
    from argmap.files import guard_standard_streams

    guard_standard_streams()
    cli(prog_name="argmap")
