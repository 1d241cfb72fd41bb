"""`argmap lsp`: the language server, over stdio, for any editor with an LSP client."""

from __future__ import annotations

import click


@click.command("lsp")
@click.option(
    "--stdio",
    is_flag=True,
    help="Speak over stdin and stdout (the default and only transport; accepted because"
    " some editors pass it).",
)
def command(stdio: bool) -> None:
    """Run the argmap language server on stdin and stdout.

    Your editor starts it: every `argmap validate` diagnostic as you type,
    go to definition, references and rename of ids, hover, completion, the
    claim outline and quick fixes. See the README for VS Code, Neovim, Helix
    and Emacs.
    """
    from argmap.lsp.server import serve  # pygls costs a noticeable import: only here

    serve()
