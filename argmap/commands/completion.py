"""`argmap completion bash|zsh|fish`: print the shell script that completes argmap's commands."""

from __future__ import annotations

import click
from click.shell_completion import get_completion_class

SHELLS = ("bash", "zsh", "fish")
COMPLETE_VAR = "_ARGMAP_COMPLETE"
"""The environment variable click's completion scripts set when they call argmap back."""


@click.command("completion")
@click.argument("shell", type=click.Choice(SHELLS))
def command(shell: str) -> None:
    """Print the completion script for SHELL (bash, zsh or fish).

    \b
    bash:  eval "$(argmap completion bash)"   in ~/.bashrc
    zsh:   eval "$(argmap completion zsh)"    in ~/.zshrc
    fish:  argmap completion fish > ~/.config/fish/completions/argmap.fish
    """
    root = click.get_current_context().find_root().command
    complete_class = get_completion_class(shell)
    if complete_class is None:  # pragma: no cover - click ships all three
        raise click.UsageError(f"no completion support for {shell}")
    script = complete_class(root, {}, "argmap", COMPLETE_VAR).source()
    click.echo(script)
